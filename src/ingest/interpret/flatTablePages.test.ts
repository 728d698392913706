import { describe, expect, it } from "vitest";
import { readTextDocument } from "../extract.ts";
import { findLineTable } from "./flatTable.ts";
import { interpretDocument } from "./index.ts";

// The name column third, after the lead: sections must still land under the name.
const header = ["STT", "Đơn vị chủ trì", "Nhiệm vụ", "Thời hạn", "Đơn vị phối hợp"];

const item = (n: number, lead: string, name: string, due: string, with_: string) => [
  String(n),
  lead,
  name,
  due,
  with_,
];

describe("findLineTable: sections and page breaks", () => {
  it("puts a section's title under the name column, wherever the table has it", () => {
    const lines = [
      ...header,
      "I",
      "Cải cách hành chính",
      ...item(1, "Sở Nội vụ", "Rà soát thủ tục hành chính nội bộ", "Quý III/2026", "Các sở, ngành"),
    ];
    const table = findLineTable(lines, 0)!;
    expect(table.rows[1]).toEqual(["I", "", "Cải cách hành chính", "", ""]);
    expect(table.rows[2]).toEqual([
      "1",
      "Sở Nội vụ",
      "Rà soát thủ tục hành chính nội bộ",
      "Quý III/2026",
      "Các sở, ngành",
    ]);
  });

  it("skips a page number printed right before the repeated header", () => {
    for (const page of ["2", "- 2 -", "Trang 2"]) {
      const lines = [
        ...header,
        "I",
        "Cải cách hành chính",
        ...item(1, "Sở Nội vụ", "Rà soát thủ tục nội bộ", "Quý III/2026", "Các sở, ngành"),
        "II",
        "Chuyển đổi số",
        "",
        page,
        "",
        ...header,
        ...item(2, "Sở Tài chính", "Số hóa hồ sơ ngân sách", "Năm 2026", "Kho bạc Nhà nước khu vực"),
        ...item(3, "Sở Y tế", "Triển khai bệnh án điện tử", "Tháng 12/2026", "Bảo hiểm xã hội tỉnh"),
      ];
      const rows = findLineTable(lines, 0)!.rows;
      const marks = rows.map((r) => r[0]);
      expect(marks).toEqual(["STT", "I", "1", "II", "STT", "2", "3"]);
      expect(rows[3]).toEqual(["II", "", "Chuyển đổi số", "", ""]);
    }
  });

  it("keeps a bare number that fills a row's last cell before the repeated header", () => {
    const targets = ["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2026"];
    const lines = [
      ...targets,
      "1",
      "Tỷ lệ hồ sơ nộp trực tuyến toàn trình",
      "%",
      "80",
      ...targets,
      "2",
      "Số doanh nghiệp công nghệ số",
      "Doanh nghiệp",
      "120",
    ];
    const rows = findLineTable(lines, 0)!.rows;
    expect(rows[1]).toEqual(["1", "Tỷ lệ hồ sơ nộp trực tuyến toàn trình", "%", "80"]);
    expect(rows.at(-1)).toEqual(["2", "Số doanh nghiệp công nghệ số", "Doanh nghiệp", "120"]);
  });

  it("skips a page number between a section row and its first row when the header is not repeated", () => {
    const running = [
      ...header,
      "I",
      "Cải cách hành chính",
      ...item(1, "Sở Nội vụ", "Rà soát thủ tục nội bộ", "Quý III/2026", "Các sở, ngành"),
      "II",
      "Chuyển đổi số",
      "2",
      ...item(2, "Sở Tài chính", "Số hóa hồ sơ ngân sách", "Năm 2026", "Kho bạc Nhà nước khu vực"),
    ];
    expect(findLineTable(running, 0)!.rows.map((r) => r[0])).toEqual(["STT", "I", "1", "II", "2"]);
    const restarting = [...running.slice(0, running.length - 5), "1", ...running.slice(-4)];
    const rows = findLineTable(restarting, 0)!.rows;
    expect(rows.map((r) => r[0])).toEqual(["STT", "I", "1", "II", "1"]);
    expect(rows.at(-1)).toEqual([
      "1",
      "Sở Tài chính",
      "Số hóa hồ sơ ngân sách",
      "Năm 2026",
      "Kho bạc Nhà nước khu vực",
    ]);
  });

  it("keeps a bare number as a row's number when no header follows it", () => {
    const lines = [
      ...header,
      "I",
      "Cải cách hành chính",
      ...item(1, "Sở Nội vụ", "Rà soát thủ tục nội bộ", "Quý III/2026", "Các sở, ngành"),
      ...item(2, "Sở Tài chính", "Số hóa hồ sơ ngân sách", "Năm 2026", "Kho bạc Nhà nước khu vực"),
    ];
    const marks = findLineTable(lines, 0)!.rows.map((r) => r[0]);
    expect(marks).toEqual(["STT", "I", "1", "2"]);
  });

  it("gives every item its section across a page break", () => {
    const text = [
      "KẾ HOẠCH",
      "Thực hiện nhiệm vụ năm 2026",
      "",
      ...header,
      "I",
      "Cải cách hành chính",
      ...item(1, "Sở Nội vụ", "Rà soát thủ tục nội bộ", "Quý III/2026", "Các sở, ngành"),
      "II",
      "Chuyển đổi số",
      "3",
      ...header,
      ...item(2, "Sở Tài chính", "Số hóa hồ sơ ngân sách", "Năm 2026", "Kho bạc Nhà nước khu vực"),
    ].join("\n");
    const tasks = interpretDocument(readTextDocument(text)).tasks;
    expect(tasks.map((t) => [t.ref, t.sectionTitle, t.leads])).toEqual([
      ["I.1", "Cải cách hành chính", ["Sở Nội vụ"]],
      ["II.2", "Chuyển đổi số", ["Sở Tài chính"]],
    ]);
  });
});

describe("findLineTable: narrow columns copied out of a PDF", () => {
  const narrow = [
    "TT Nội dung công việc",
    "Căn cứ",
    "giao",
    "Cơ quan",
    "chủ trì",
    "Cơ quan",
    "phối hợp",
    "Thời gian",
    "thực hiện",
    "Sản phẩm",
    "đầu ra",
  ];

  it("finds the table under a header whose source column is 'Căn cứ giao'", () => {
    const table = findLineTable(
      [
        ...narrow,
        "1",
        "Số hóa hồ sơ đất đai",
        "Kế hoạch",
        "số 12-",
        "KH/TU",
        "Sở Nông",
        "nghiệp và",
        "Môi trường",
        "Sở Tài chính",
        "Quý",
        "III/2026",
        "Cơ sở dữ",
        "liệu đất đai",
      ],
      0,
    )!;
    expect(table.rows[1]).toEqual([
      "1",
      "Số hóa hồ sơ đất đai",
      "Kế hoạch số 12-KH/TU",
      "Sở Nông nghiệp và Môi trường",
      "Sở Tài chính",
      "Quý III/2026",
      "Cơ sở dữ liệu đất đai",
    ]);
  });

  it("gives a deadline wrapped over many short lines to the deadline column", () => {
    const table = findLineTable(
      [
        ...narrow,
        "1",
        "Rà soát quy chế",
        "bảo mật",
        "Nghị quyết",
        "số 71/NQ-",
        "CP",
        "Công an",
        "tỉnh",
        "Các sở, ban,",
        "ngành",
        "Thường",
        "xuyên;",
        "hoàn thành",
        "trước ngày",
        "31/10/2026",
        "Quy chế",
        "được ban",
        "hành",
      ],
      0,
    )!;
    expect(table.rows[1]![4]).toBe("Các sở, ban, ngành");
    expect(table.rows[1]![5]).toBe("Thường xuyên; hoàn thành trước ngày 31/10/2026");
  });

  it("splits a row cut by a page break after its first line: each cell's first line side by side", () => {
    const table = findLineTable(
      [
        ...narrow,
        "1",
        "Lập bản đồ số",
        "Kế hoạch",
        "số 12-",
        "KH/TU",
        "Sở Xây dựng",
        "Sở Tài chính",
        "Quý",
        "II/2026",
        "Bản đồ số",
        "2 Hỗ trợ hợp tác xã bán Ban Quản Sở Công Thường Gian hàng",
        ...narrow,
        "hàng trên sàn thương",
        "mại điện tử",
        "lý các khu",
        "công nghiệp",
        "Thương",
        "xuyên",
        "trực tuyến",
      ],
      0,
    )!;
    const row = table.rows.find((r) => r[0] === "2")!;
    expect(row.slice(1)).toEqual(["Hỗ trợ hợp tác xã bán", "", "Ban Quản", "Sở Công", "Thường", "Gian hàng"]);
    const rest = table.rows[table.rows.indexOf(row) + 2]!;
    expect(rest.slice(1)).toEqual([
      "hàng trên sàn thương mại điện tử",
      "",
      "lý các khu công nghiệp",
      "Thương",
      "xuyên",
      "trực tuyến",
    ]);
  });
});
