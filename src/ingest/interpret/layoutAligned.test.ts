import { describe, expect, it } from "vitest";
import { mapHeader } from "./columns.ts";
import {
  alignedStarts,
  centredHeader,
  labelPiecesOf,
  piecesOf,
  rowStarts,
  scaledStarts,
  splitAligned,
} from "./layoutAligned.ts";
import { findLayoutTable } from "./layoutTable.ts";

/** A line with each text placed at its x, as pdftotext -layout writes it. */
function at(...parts: [number, string][]): string {
  let line = "";
  for (const [x, text] of parts) line = line.padEnd(x) + text;
  return line;
}

// Columns: STT 0 · Nội dung 5 · Chủ trì 30 · Phối hợp 44 · Thời hạn 58, labels centred.
const HEADER = [
  at([31, "Đơn vị"], [45, "Đơn vị phối"], [58, "Thời hạn"]),
  at([0, "TT"], [12, "Nội dung"], [31, "chủ trì"], [49, "hợp"]),
];
const ROLES = mapHeader(centredHeader(HEADER)!.labels)!.roles;
const STARTS = [0, 5, 30, 44, 58];

describe("centredHeader", () => {
  it("joins labels that overlap across lines and keeps neighbours apart", () => {
    const found = centredHeader(HEADER)!;
    expect(found.labels).toEqual(["TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"]);
    expect(found.spans.map((s) => s.x)).toEqual([0, 12, 31, 45, 58]);
    expect(ROLES).toEqual(["stt", "title", "lead", "coordinator", "deadline"]);
  });

  it("gives up when one piece would join two columns", () => {
    expect(centredHeader(["TT   Nội dung   Chủ trì", "  Nội dung và chủ trì"])).toBeNull();
  });
});

describe("piecesOf", () => {
  it("keeps words one blank apart together", () => {
    expect(piecesOf("1    Rà soát quy trình  Sở Tư pháp").map((p) => [p.x, p.text])).toEqual([
      [0, "1"],
      [5, "Rà soát quy trình"],
      [24, "Sở Tư pháp"],
    ]);
  });
});

describe("alignedStarts", () => {
  it("takes where most lines open a piece between one label and the next", () => {
    const body = [
      at([5, "Rà soát"], [30, "Sở Tư pháp"], [44, "Sở Nội vụ"], [58, "Quý I/2027"]),
      at([5, "Công bố"], [30, "Sở Y tế"], [44, "Các sở"], [58, "Năm 2027"]),
      at([5, "Tập huấn cho cán bộ"], [31, "Sở Nội vụ"]),
    ];
    expect(alignedStarts(body, centredHeader(HEADER)!.spans)).toEqual(STARTS);
  });
});

describe("splitAligned", () => {
  it("splits cells one blank apart where the next one opens near its column", () => {
    // The title runs up to one blank before the lead; the lead touches the coordinators.
    const line = "     Số hóa hồ sơ thủ tục hành Sở Tư pháp Sở Nội vụ;    Quý II/2026";
    expect(splitAligned(line, STARTS, ROLES).cells).toEqual([
      "",
      "Số hóa hồ sơ thủ tục hành",
      "Sở Tư pháp",
      "Sở Nội vụ;",
      "Quý II/2026",
    ]);
  });

  it("pushes a deadline pushed right by a long cell into the deadline column", () => {
    const line = at([44, "Hội Nông dân tỉnh Năm 2027"]);
    expect(splitAligned(line, STARTS, ROLES).cells).toEqual(["", "", "", "Hội Nông dân tỉnh", "Năm 2027"]);
  });

  it("does not cut a name after its capitalised first word", () => {
    // "Công" opens left of the lead column, pushed there by nothing: the name is not cut after it.
    const line = at([5, "Cấp thẻ căn cước cho Công an tỉnh"]);
    expect(splitAligned(line, STARTS, ROLES).cells.slice(1, 3)).toEqual([
      "Cấp thẻ căn cước cho",
      "Công an tỉnh",
    ]);
  });

  it("gives an agency's name running over into the lead column to that column", () => {
    const starts = [0, 5, 32, 44, 58];
    const line = at([5, "Đổi thẻ cho người dân Sở Y tế"]);
    expect(splitAligned(line, starts, ROLES).cells.slice(1, 3)).toEqual(["Đổi thẻ cho người dân", "Sở Y tế"]);
  });

  it("keeps a cell whole when no word opens near another column", () => {
    const line = at([0, "3"], [5, "Kiểm tra việc thực hiện"]);
    expect(splitAligned(line, STARTS, ROLES).cells).toEqual(["3", "Kiểm tra việc thực hiện", "", "", ""]);
  });
});

describe("rowStarts", () => {
  it("fits a row drawn narrower than the page", () => {
    // This row sits at 0.9 of the page's scale: its cells open at 27, 39 and 51.
    const row = [
      at([5, "Tổ chức diễn tập"], [27, "Công an"], [39, "Sở Y tế;"], [51, "Tháng"]),
      at([0, "4"], [5, "ứng cứu sự cố"], [27, "tỉnh"], [39, "Các sở"], [51, "9/2027"]),
    ];
    expect(scaledStarts(STARTS, 0.9).map((x) => Math.round(x))).toEqual([0, 5, 28, 40, 53]);
    const starts = rowStarts(row, STARTS, ROLES);
    expect(starts).toEqual([0, 5, 27, 39, 51]);
    expect(splitAligned(row[1]!, starts, ROLES).cells).toEqual([
      "4",
      "ứng cứu sự cố",
      "tỉnh",
      "Các sở",
      "9/2027",
    ]);
  });
});

describe("findLayoutTable with cells one blank apart", () => {
  it("reads rows whose cells touch, the number centred in the row", () => {
    const lines = [
      ...HEADER,
      at([5, "Rà soát quy trình nội bộ"], [30, "Sở Tư pháp"]),
      at([0, "1"], [5, "giải quyết thủ tục hành"], [44, "Sở Nội vụ; Văn"], [59, "Quý I/2027"]),
      at([5, "chính"], [44, "phòng UBND tỉnh"]),
      at([5, "Số hóa hồ sơ, kết quả"], [44, "Các sở, ngành;"]),
      at([0, "2"], [5, "giải quyết thủ tục hành"], [29, "Sở Nội vụ"], [44, "UBND các xã,"], [58, "Năm 2027"]),
      at([5, "chính"], [44, "phường"]),
    ];
    const table = findLayoutTable(lines, 0)!;
    expect(table.rows).toEqual([
      ["TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"],
      [
        "1",
        "Rà soát quy trình nội bộ giải quyết thủ tục hành chính",
        "Sở Tư pháp",
        "Sở Nội vụ; Văn phòng UBND tỉnh",
        "Quý I/2027",
      ],
      [
        "2",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        "Sở Nội vụ",
        "Các sở, ngành; UBND các xã, phường",
        "Năm 2027",
      ],
    ]);
  });

  it("ends the table at a heading of the body whose number is out of the rows' order", () => {
    const lines = [
      ...HEADER,
      at([5, "Rà soát quy trình nội bộ"], [30, "Sở Tư pháp"]),
      at([0, "1"], [5, "giải quyết thủ tục hành"], [44, "Sở Nội vụ; Văn"], [59, "Quý I/2027"]),
      at([5, "chính"], [44, "phòng UBND tỉnh"]),
      at([5, "Số hóa hồ sơ, kết quả"], [44, "Các sở, ngành;"]),
      at([0, "2"], [5, "giải quyết thủ tục hành"], [29, "Sở Nội vụ"], [44, "UBND các xã,"], [58, "Năm 2027"]),
      at([5, "chính"], [44, "phường"]),
      "III. TỔ CHỨC THỰC HIỆN",
      "1. Sở Nội vụ theo dõi, đôn đốc, tổng hợp kết quả thực hiện trước ngày 05/12/2027.",
    ];
    const table = findLayoutTable(lines, 0)!;
    expect(table.rows.map((row) => row[0])).toEqual(["TT", "1", "2"]);
    expect(table.rows[2]![3]).toBe("Các sở, ngành; UBND các xã, phường");
    expect(table.next).toBe(8);
  });
});

describe("header labels one blank apart", () => {
  // Labels of neighbouring columns touch: "… chủ Cơ quan phối", "Thời hạn Kết quả".
  const header = [
    at([30, "Đơn vị chủ"], [41, "Đơn vị phối"]),
    at([0, "TT"], [10, "Nội dung"], [53, "Thời hạn"], [62, "Kết quả"]),
    at([33, "trì"], [45, "hợp"]),
  ];

  it("splits a header line where a lower-case word is followed by a capitalised one", () => {
    expect(labelPiecesOf(header[0]!).map((p) => p.text)).toEqual(["Đơn vị chủ", "Đơn vị phối"]);
    expect(labelPiecesOf(header[1]!).map((p) => p.text)).toEqual(["TT", "Nội dung", "Thời hạn", "Kết quả"]);
    // Capitals that are not a label's opening word stay with their piece.
    expect(labelPiecesOf("Phối hợp UBND xã").map((p) => p.text)).toEqual(["Phối hợp UBND xã"]);
  });

  it("finds every column of the header", () => {
    expect(centredHeader(header)?.labels).toEqual([
      "TT",
      "Nội dung",
      "Đơn vị chủ trì",
      "Đơn vị phối hợp",
      "Thời hạn",
      "Kết quả",
    ]);
  });
});
