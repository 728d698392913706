import { describe, expect, it } from "vitest";
import { doc, interpret, row, table } from "../testing/rawDocument.ts";
import { rowsNamed } from "./noteSources.ts";

describe("rows a note names", () => {
  it("reads ranges and lists of row numbers", () => {
    expect(
      rowsNamed("Các nhiệm vụ từ số thứ tự 4 đến 7 thực hiện theo Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025"),
    ).toEqual({ rows: [4, 5, 6, 7], sections: [] });
    expect(rowsNamed("Các nhiệm vụ số 4, 5, 7 thực hiện theo Kết luận số 12-KL/TU")).toEqual({
      rows: [4, 5, 7],
      sections: [],
    });
    expect(rowsNamed("Mục 1 đến mục 3 thực hiện theo Quyết định số 45/QĐ-UBND")).toEqual({
      rows: [1, 2, 3],
      sections: [],
    });
    expect(rowsNamed("Nhiệm vụ tại STT 2 - 4 và 9 theo Chỉ thị số 05-CT/TU")).toEqual({
      rows: [2, 3, 4, 9],
      sections: [],
    });
  });

  it("reads whole sections named in capitals", () => {
    expect(rowsNamed("Các nhiệm vụ tại Mục II thực hiện theo Kết luận số 12-KL/TU")).toEqual({
      rows: [],
      sections: ["II"],
    });
    expect(rowsNamed("Nhiệm vụ thuộc mục I đến mục III theo Chỉ thị số 05-CT/TU")?.sections).toEqual([
      "I",
      "II",
      "III",
    ]);
    expect(rowsNamed("Phần I và IV theo Quyết định số 45/QĐ-UBND")?.sections).toEqual(["I", "IV"]);
    expect(rowsNamed("Thực hiện theo Mục II Kế hoạch số 02-KH/BCĐTW")).toBeNull();
  });

  it("does not read dates, document numbers or parts of another document as rows", () => {
    expect(rowsNamed("Thực hiện theo Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025")).toBeNull();
    expect(rowsNamed("Nhiệm vụ tại mục 2 Kết luận số 12-KL/TU")).toBeNull();
    expect(rowsNamed("Nhiệm vụ 4.1 theo Kế hoạch số 3/KH-UBND")).toBeNull();
    expect(rowsNamed("Mục tiêu năm 2026 theo Nghị quyết số 57-NQ/TW")).toBeNull();
  });
});

describe("sources given by note rows", () => {
  const header = row("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn");
  const across = (text: string) => row(text, text, text, text);
  const task = (n: string, title: string) => row(n, title, "Sở Nội vụ", "Quý III/2026");

  it("gives a cited document to the rows a note names, across sections when numbering runs on", () => {
    const note =
      "Ghi chú: Các nhiệm vụ từ số thứ tự 2 đến 3 thực hiện theo Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025.";
    const out = interpret(
      doc(
        table(
          header,
          across("I. NHIỆM VỤ CHUNG"),
          task("1", "Rà soát quy chế"),
          task("2", "Kiện toàn tổ giúp việc"),
          across("II. NHIỆM VỤ CỤ THỂ"),
          task("3", "Số hóa hồ sơ"),
          task("4", "Thanh toán trực tuyến"),
          across(note),
        ),
      ),
    );
    expect(out.tasks.map((t) => [t.ref, t.sources])).toEqual([
      ["I.1", []],
      ["I.2", ["02-KH/BCĐTW"]],
      ["II.3", ["02-KH/BCĐTW"]],
      ["II.4", []],
    ]);
  });

  it("keeps to the note's section when each section numbers its rows anew", () => {
    const out = interpret(
      doc(
        table(
          header,
          across("I. NHIỆM VỤ CHUNG"),
          task("1", "Rà soát quy chế"),
          task("2", "Kiện toàn tổ giúp việc"),
          across("II. NHIỆM VỤ CỤ THỂ"),
          task("1", "Số hóa hồ sơ"),
          task("2", "Thanh toán trực tuyến"),
          across("Ghi chú: Nhiệm vụ số 2 thực hiện theo Kết luận số 17-KL/TU."),
        ),
      ),
    );
    expect(out.tasks.map((t) => [t.ref, t.sources])).toEqual([
      ["I.1", []],
      ["I.2", []],
      ["II.1", []],
      ["II.2", ["17-KL/TU"]],
    ]);
  });

  it("gives a cited document to the rows a line introduces, up to the next note", () => {
    const out = interpret(
      doc(
        table(
          header,
          task("1", "Rà soát quy chế"),
          across("Các nhiệm vụ theo Kết luận số 17-KL/TU:"),
          task("2", "Kiện toàn tổ giúp việc"),
          task("3", "Số hóa hồ sơ"),
          across("Nhiệm vụ phát sinh"),
          task("4", "Thanh toán trực tuyến"),
        ),
      ),
    );
    expect(out.tasks.map((t) => t.sources)).toEqual([[], ["17-KL/TU"], ["17-KL/TU"], []]);
  });

  it("gives a cited document to the rows under a heading of a group of rows", () => {
    const out = interpret(
      doc(
        table(
          header,
          across("Nhiệm vụ theo Chỉ thị số 05-CT/TU"),
          task("1", "Rà soát quy chế"),
          task("2", "Kiện toàn tổ giúp việc"),
          across("Nhiệm vụ khác"),
          task("3", "Số hóa hồ sơ"),
        ),
      ),
    );
    expect(out.tasks.map((t) => t.sources)).toEqual([["05-CT/TU"], ["05-CT/TU"], []]);
    expect(out.warnings.map((w) => w.code)).not.toContain("table_note");
  });

  it("gives no source from a sentence that names no rows", () => {
    const out = interpret(
      doc(
        table(
          header,
          task("1", "Rà soát quy chế"),
          across("Ghi chú: Các nhiệm vụ trên thực hiện theo Kế hoạch số 02-KH/BCĐTW."),
          task("2", "Số hóa hồ sơ"),
        ),
      ),
    );
    expect(out.tasks.map((t) => t.sources)).toEqual([[], []]);
    expect(out.warnings.map((w) => w.code)).toContain("table_note");
  });
});
