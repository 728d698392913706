import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractDocument, readTextDocument } from "../extract.ts";
import type { Extraction } from "../extraction.ts";
import { scoreExtraction } from "../testing/score.ts";
import { findColumnStarts, lineCells, mergeUnlabelled, wordStarts } from "./layoutColumns.ts";
import { groupRows, joinLines } from "./layoutRows.ts";
import { findLayoutTable } from "./layoutTable.ts";

/** Lines of a space-aligned table: each row's cells padded to the given column widths. */
function layout(widths: number[], rows: string[][]): string[] {
  return rows.map((cells) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join("")
      .trimEnd(),
  );
}

const WIDTHS = [6, 34, 18, 22, 14];
const HEADER = layout(WIDTHS, [
  ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ", "Cơ quan phối hợp", "Thời hạn"],
  ["", "", "trì", "", ""],
]);

describe("findColumnStarts", () => {
  it("finds a boundary at each channel two blanks wide that every line leaves free", () => {
    const lines = layout(WIDTHS, [
      ["1", "Rà soát thủ tục hành chính", "Sở Nội vụ", "Sở Tư pháp;", "Quý III/2026"],
      ["", "nội bộ giữa các cơ quan", "", "Văn phòng UBND", ""],
      ["2", "Công bố danh mục thủ tục", "Sở Tư pháp", "Các sở, ngành", "Năm 2027"],
    ]);
    expect(findColumnStarts(lines)).toEqual([0, 6, 40, 58, 80]);
  });

  it("takes a one-blank channel only where no line crosses it and lines start words after it", () => {
    const tight = ["Sở Nội vụ Quý I/2027", "Sở Y tế   Tháng 5/2027", "Công an   Năm 2027"];
    // "Quý" at 10 on the first line follows a single blank; the others start there too.
    expect(findColumnStarts(tight)).toEqual([0, 10]);
    // Words one blank apart inside one cell never make a column.
    expect(findColumnStarts(["Sở Nội vụ", "Sở Tư pháp", "Sở Y tế"])).toBeNull();
  });

  it("never cuts a header word, however few lines the column has below", () => {
    const lines = [
      "Nhiệm vụ            Thời gian hoàn",
      "Rà soát              Quý",
      "Công bố              Năm",
    ];
    const starts = findColumnStarts(lines, [lines[0]!])!;
    expect(lineCells(lines[0]!, starts)).toEqual(["Nhiệm vụ", "Thời gian hoàn"]);
  });

  it("joins a column without a label to the neighbour whose cells start where it does", () => {
    const lines = ["      Ghi chú", "    Theo Kế", "    hoạch số"];
    // Column 4 (the notes' left edge) has no label; the label sits at 6.
    expect(mergeUnlabelled([0, 4, 6], ["STT", "", "Ghi chú"], wordStarts(lines))).toEqual([0, 4]);
    // A tail of long lines cut off a column's right edge goes back to the column on its left.
    expect(
      mergeUnlabelled(
        [0, 10, 30],
        ["Nhiệm vụ", "", "Thời hạn"],
        new Map([
          [10, 1],
          [30, 5],
        ]),
      ),
    ).toEqual([0, 30]);
  });

  it("lets a cell open a little left of its column, as pdftotext rounds positions", () => {
    expect(lineCells("3   Theo dõi thi hành pháp luật  Sở Tư pháp", [0, 4, 35])).toEqual([
      "3",
      "Theo dõi thi hành pháp luật",
      "Sở Tư pháp",
    ]);
  });
});

describe("groupRows and joinLines", () => {
  it("rejoins words cut at a hyphen or a slash and keeps bullets on their own lines", () => {
    expect(joinLines(["Kế hoạch số 09-", "KH/TU ngày 02/6/2026"])).toBe(
      "Kế hoạch số 09-KH/TU ngày 02/6/2026",
    );
    expect(joinLines(["Quyết định số 06/QĐ-", "TTg"])).toBe("Quyết định số 06/QĐ-TTg");
    expect(joinLines(["Sở Y tế;", "- Công an tỉnh"])).toBe("Sở Y tế;\n- Công an tỉnh");
  });

  it("starts a row where the STT column holds the next number and joins a cell's lines", () => {
    const starts = [0, 6, 40, 58, 80];
    const lines = layout(WIDTHS, [
      ["I", "Cải cách hành chính", "", "", ""],
      ["1", "Rà soát thủ tục hành chính", "Sở Nội vụ", "Sở Tư pháp;", "Quý III/2026"],
      ["", "nội bộ giữa các cơ quan", "", "Văn phòng UBND", ""],
      ["", "", "", "tỉnh", ""],
      ["2", "Công bố danh mục thủ tục", "Sở Tư pháp", "Các sở, ngành", "Năm 2027"],
    ]);
    const rows = groupRows([{ starts, lines }], ["stt", "title", "lead", "coordinator", "deadline"]);
    expect(rows).toEqual([
      { kind: "section", mark: "I", title: "Cải cách hành chính" },
      {
        kind: "item",
        mark: "1",
        cells: [
          "",
          "Rà soát thủ tục hành chính nội bộ giữa các cơ quan",
          "Sở Nội vụ",
          "Sở Tư pháp; Văn phòng UBND tỉnh",
          "Quý III/2026",
        ],
      },
      {
        kind: "item",
        mark: "2",
        cells: ["", "Công bố danh mục thủ tục", "Sở Tư pháp", "Các sở, ngành", "Năm 2027"],
      },
    ]);
  });

  it("gives the lines of centred cells to the row whose number sits at their middle", () => {
    const starts = [0, 6, 40, 58, 80];
    const lines = layout(WIDTHS, [
      ["", "Rà soát thủ tục hành chính", "", "", ""],
      ["1", "nội bộ giữa các cơ quan hành", "Sở Nội vụ", "Sở Tư pháp", "Quý III/2026"],
      ["", "chính nhà nước", "", "", ""],
      ["", "", "", "", ""],
      ["", "Công bố danh mục", "", "Văn phòng UBND", ""],
      ["2", "thủ tục hành chính", "Sở Tư pháp", "tỉnh; Trung tâm", "Năm 2027"],
      ["", "", "", "Phục vụ hành chính", ""],
      ["", "", "", "công", ""],
    ]);
    const rows = groupRows([{ starts, lines }], ["stt", "title", "lead", "coordinator", "deadline"]);
    expect(rows.map((r) => (r.kind === "item" ? r.cells.slice(1) : r))).toEqual([
      [
        "Rà soát thủ tục hành chính nội bộ giữa các cơ quan hành chính nhà nước",
        "Sở Nội vụ",
        "Sở Tư pháp",
        "Quý III/2026",
      ],
      [
        "Công bố danh mục thủ tục hành chính",
        "Sở Tư pháp",
        "Văn phòng UBND tỉnh; Trung tâm Phục vụ hành chính công",
        "Năm 2027",
      ],
    ]);
  });
});

describe("findLayoutTable", () => {
  it("reads a table over two pages: header repeated at other x, a page number, a row cut by the break", () => {
    const secondPage = layout(
      [5, 34, 18, 22, 14],
      [
        ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ", "Cơ quan phối hợp", "Thời hạn"],
        ["", "", "trì", "", ""],
        ["", "", "", "Công an tỉnh", ""],
        ["3", "Kiểm tra công tác cải cách", "Sở Nội vụ", "Thanh tra tỉnh", "Tháng 11/2026"],
      ],
    );
    const lines = [
      ...HEADER,
      ...layout(WIDTHS, [
        ["1", "Rà soát thủ tục hành chính", "Sở Nội vụ", "Sở Tư pháp", "Quý III/2026"],
        ["2", "Số hóa hồ sơ thủ tục hành chính", "Sở Khoa học và", "Văn phòng UBND tỉnh;", "Năm 2027"],
        ["", "", "Công nghệ", "", ""],
      ]),
      "",
      "                                   2",
      ...secondPage,
      "",
      "Nơi nhận:",
    ];
    const table = findLayoutTable(lines, 0)!;
    expect(table.rows).toEqual([
      ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"],
      ["1", "Rà soát thủ tục hành chính", "Sở Nội vụ", "Sở Tư pháp", "Quý III/2026"],
      [
        "2",
        "Số hóa hồ sơ thủ tục hành chính",
        "Sở Khoa học và Công nghệ",
        "Văn phòng UBND tỉnh; Công an tỉnh",
        "Năm 2027",
      ],
      ["3", "Kiểm tra công tác cải cách", "Sở Nội vụ", "Thanh tra tỉnh", "Tháng 11/2026"],
    ]);
    expect(lines.slice(table.next).filter((l) => l !== "")).toEqual(["Nơi nhận:"]);
  });

  it("finds the row numbers in the STT column wherever the table puts it", () => {
    const widths = [14, 5, 32, 16];
    const lines = layout(widths, [
      ["Lĩnh vực", "STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"],
      ["Nông nghiệp", "1", "Rà soát vùng trồng", "Sở Nông nghiệp", "Quý II/2026"],
      ["", "", "lúa chất lượng cao", "và Môi trường", ""],
      ["Y tế", "2", "Kiện toàn trạm y tế xã", "Sở Y tế", "Năm 2026"],
    ]);
    expect(findLayoutTable(lines, 0)!.rows.slice(1)).toEqual([
      [
        "Nông nghiệp",
        "1",
        "Rà soát vùng trồng lúa chất lượng cao",
        "Sở Nông nghiệp và Môi trường",
        "Quý II/2026",
      ],
      ["Y tế", "2", "Kiện toàn trạm y tế xã", "Sở Y tế", "Năm 2026"],
    ]);
  });

  it("leaves prose and tables written one cell per line to the other readers", () => {
    expect(findLayoutTable(["Kế hoạch này được triển khai trong năm 2026."], 0)).toBeNull();
    expect(findLayoutTable(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"], 0)).toBeNull();
  });
});

describe("pdftotext -layout fixtures", () => {
  const dir = join(import.meta.dirname, "../../../fixtures/shapes");
  const names = [
    "pdf-layout-kh-nong-thon-moi",
    "pdf-layout-kh-y-te-co-so",
    "pdf-layout-kh-du-lich",
    "pdf-layout-kh-chuyen-doi-xanh",
    "dak-lak-1187-kh-ubnd-layout",
    "pdf-phang-kh-chuyen-doi-so-layout",
  ];
  for (const name of names) {
    it(`reads ${name} as its expected answer says`, () => {
      const text = readFileSync(join(dir, `${name}.txt`), "utf8");
      const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), "utf8")) as Extraction;
      const score = scoreExtraction(extractDocument(readTextDocument(text)), expected);
      expect(score.score).toBeGreaterThanOrEqual(0.97);
    });
  }
});
