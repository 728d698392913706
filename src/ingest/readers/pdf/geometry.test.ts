import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { gridRows } from "./cells.ts";
import { findGrids } from "./grid.ts";
import { buildLines, joinLines } from "./lines.ts";
import { opCodes } from "./load.ts";
import { extractRulings } from "./rulings.ts";
import type { Segment, TextItem } from "./types.ts";

/** Geometry rules on synthetic pages: 11 pt text, about 5.5 pt per character. */

const item = (str: string, x: number, y: number, width = str.length * 5.5, size = 11): TextItem => ({
  str,
  x,
  y,
  width,
  size,
  bold: false,
});

const h = (at: number, from: number, to: number): Segment => ({ at, from, to });
const v = h;

describe("joining wrapped lines", () => {
  const measure = { left: 100, right: 200, centred: true };
  const join = (...lines: [string, number][]) =>
    joinLines(buildLines(lines.map(([text, width], i) => item(text, 100, 20 + 13 * i, width))), measure);

  it("undoes a soft wrap with a space", () => {
    expect(join(["Giám đốc Sở Khoa học và", 98], ["Công nghệ", 50])).toBe(
      "Giám đốc Sở Khoa học và Công nghệ",
    );
  });

  it("keeps a line that ended with room to spare as its own line", () => {
    expect(join(["Kế hoạch số 12/KH-UBND;", 40], ["Nghị quyết số 11/NQ-CP", 95])).toBe(
      "Kế hoạch số 12/KH-UBND;\nNghị quyết số 11/NQ-CP",
    );
  });

  it("glues a document number cut inside, after a hyphen or a slash", () => {
    expect(join(["04-KH/BCĐ", 99], ["TW, ngày 05/01/2026", 80])).toBe("04-KH/BCĐTW, ngày 05/01/2026");
    expect(join(["Chương trình số 02-", 97], ["CTr/BCĐTW", 60])).toBe("Chương trình số 02-CTr/BCĐTW");
    expect(join(["Thông báo số 17-TB/", 99], ["CQTTBCĐ", 50])).toBe("Thông báo số 17-TB/CQTTBCĐ");
  });

  it("never glues a figure closed by a percent sign to the word on the next line", () => {
    expect(join(["1,5%", 99], ["GRDP", 30])).toBe("1,5% GRDP");
  });

  it("does not glue a full word to a lower-case syllable", () => {
    expect(join(["05/01/2026", 99], ["của Văn phòng", 70])).toBe("05/01/2026 của Văn phòng");
  });

  it("starts a list item on its own line", () => {
    expect(join(["- Báo cáo tổng hợp.", 60], ["- Phương án xử lý", 90])).toBe(
      "- Báo cáo tổng hợp.\n- Phương án xử lý",
    );
  });

  it("spaces items by their gaps, not by the producer's cuts", () => {
    const lines = buildLines([
      item("Công", 100, 20, 25),
      item("an", 125.5, 20, 12),
      item("tỉnh", 140, 20, 20),
    ]);
    expect(lines.map((line) => line.text)).toEqual(["Côngan tỉnh"]);
  });
});

describe("ruled grids", () => {
  // Three columns (50–100–200–300) and three rows (0–20–60–100). Row 1 has no border between
  // columns 1 and 2 (a merged cell); column 0 has no border between rows 1 and 2 (merged down).
  const horizontals = [h(0, 50, 300), h(20, 50, 300), h(60, 100, 300), h(100, 50, 300)];
  const verticals = [v(50, 0, 100), v(100, 0, 100), v(200, 0, 20), v(200, 60, 100), v(300, 0, 100)];

  it("finds columns and rows from the lines that touch", () => {
    const [grid] = findGrids(horizontals, verticals);
    expect(grid!.xs.map(Math.round)).toEqual([50, 100, 200, 300]);
    expect(grid!.ys.map(Math.round)).toEqual([0, 20, 60, 100]);
    expect(findGrids([h(500, 0, 100)], [v(700, 0, 50)])).toEqual([]);
  });

  it("repeats a merged cell across its columns and marks the one below", () => {
    const [grid] = findGrids(horizontals, verticals);
    const items = [
      item("STT", 55, 14),
      item("Tên", 105, 14),
      item("Ghi chú", 205, 14),
      item("I", 55, 40),
      item("Nhóm nhiệm vụ", 105, 40),
      item("Việc một", 105, 80),
      item("Xong", 205, 80),
    ];
    const { rows } = gridRows(grid!, items, 3);
    expect(rows.map((row) => row.cells.map((cell) => (cell.mergedFromAbove ? "^" : cell.text)))).toEqual([
      ["STT", "Tên", "Ghi chú"],
      ["I", "Nhóm nhiệm vụ", "Nhóm nhiệm vụ"],
      ["^", "Việc một", "Xong"],
    ]);
    expect(rows.every((row) => row.page === 3)).toBe(true);
  });

  it("splits a run that a producer drew across a column border", () => {
    const [grid] = findGrids(horizontals, verticals);
    const { rows } = gridRows(grid!, [item("Việc một Xong", 105, 80, 130)], 1);
    expect(rows[0]!.cells.map((cell) => cell.text)).toEqual(["", "Việc một", "Xong"]);
  });
});

describe("ruling lines from the operator list", () => {
  // pdf.js path buffer: 0 moveTo, 1 lineTo, 4 closePath.
  const rect = (x: number, y: number, w: number, hgt: number) =>
    new Float32Array([0, x, y, 1, x + w, y, 1, x + w, y + hgt, 1, x, y + hgt, 4]);
  const page: [number, number, number, number, number, number] = [1, 0, 0, -1, 0, 800];

  it("reads Word's thin filled rectangles and stroked lines, through transforms, as segments", () => {
    const ops = {
      fnArray: [
        OPS.save,
        OPS.transform,
        OPS.constructPath,
        OPS.restore,
        OPS.constructPath,
        OPS.constructPath,
      ],
      argsArray: [
        [],
        [1, 0, 0, 1, 10, 0],
        [OPS.fill, [rect(50, 700, 200, 0.5)], null],
        [],
        [OPS.stroke, [new Float32Array([0, 50, 700, 1, 50, 600])], null],
        // A shaded cell is an area, not a border.
        [OPS.fill, [rect(50, 600, 200, 40)], null],
      ],
    };
    const { horizontals, verticals } = extractRulings(ops, opCodes, page);
    expect(horizontals).toHaveLength(1);
    expect(horizontals[0]!.from).toBeCloseTo(60);
    expect(horizontals[0]!.to).toBeCloseTo(260);
    expect(horizontals[0]!.at).toBeCloseTo(99.75);
    expect(verticals).toEqual([{ at: 50, from: 100, to: 200 }]);
  });
});
