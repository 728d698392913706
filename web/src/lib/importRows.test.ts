import { describe, expect, it } from "vitest";
import type { ExtractedTask, Extraction } from "../api/imports.ts";
import {
  addTaskAfter,
  deleteTask,
  editedTask,
  mergeIntoPrevious,
  moveCellText,
  splitTask,
} from "./importRows.ts";

const task = (number: string, over: Partial<ExtractedTask> = {}): ExtractedTask => ({
  ref: `II.${number}`,
  section: "II",
  sectionTitle: "Hạ tầng số",
  number,
  title: `Nhiệm vụ ${number}`,
  sources: [],
  responsible: "",
  leads: ["Sở Tài chính"],
  coordinators: [],
  output: "",
  note: "",
  deadline: { text: "", kind: "unspecified", due: null },
  confidence: 1,
  doubts: [],
  ...over,
});

const extraction = (tasks: ExtractedTask[]): Extraction => ({
  document: { number: null, type: null, issuer: null, date: null, title: null },
  tasks,
  indicators: [],
  warnings: [{ ref: "II.2", code: "numbering_gap", message: "…" }],
});

const refs = (e: Extraction) => e.tasks.map((t) => t.ref);

describe("row operations of the import preview", () => {
  it("deletes a row with its warnings", () => {
    const out = deleteTask(extraction([task("1"), task("2")]), 1);
    expect(refs(out)).toEqual(["II.1"]);
    expect(out.warnings).toEqual([]);
  });

  it("adds an empty row below, in the section, with a ref no row holds", () => {
    const out = addTaskAfter(extraction([task("1"), task("1.1"), task("2")]), 0);
    expect(refs(out)).toEqual(["II.1", "II.1.2", "II.1.1", "II.2"]);
    expect(out.tasks[1]).toMatchObject({ section: "II", sectionTitle: "Hạ tầng số", title: "", leads: [] });
  });

  it("splits a title at a word: the rest becomes a new row below", () => {
    const out = splitTask(
      extraction([task("1", { title: "Lập hồ sơ số hóa Triển khai cổng dữ liệu" })]),
      0,
      4,
    );
    expect(out.tasks.map((t) => [t.ref, t.title])).toEqual([
      ["II.1", "Lập hồ sơ số"],
      ["II.1.1", "hóa Triển khai cổng dữ liệu"],
    ]);
    expect(splitTask(extraction([task("1")]), 0, 0)).toEqual(extraction([task("1")]));
  });

  it("merges a row into the one above: texts joined, agencies and sources united", () => {
    const out = mergeIntoPrevious(
      extraction([
        task("1", { title: "Xây dựng cơ sở dữ liệu", leads: ["Sở Tài chính"], sources: ["1/KH-UBND"] }),
        task("2", {
          title: "đất đai của tỉnh",
          leads: ["Sở Tài chính", "Sở Nông nghiệp và Môi trường"],
          coordinators: ["Công an tỉnh"],
          sources: ["2/KH-UBND"],
          deadline: { text: "Quý III/2026", kind: "quarter", due: "2026-09-30" },
        }),
      ]),
      1,
    );
    expect(out.tasks).toEqual([
      task("1", {
        title: "Xây dựng cơ sở dữ liệu đất đai của tỉnh",
        leads: ["Sở Tài chính", "Sở Nông nghiệp và Môi trường"],
        coordinators: ["Công an tỉnh"],
        sources: ["1/KH-UBND", "2/KH-UBND"],
        deadline: { text: "Quý III/2026", kind: "quarter", due: "2026-09-30" },
      }),
    ]);
  });

  it("moves the last words of a title to the lead column, and a lead to the coordinators", () => {
    const start = extraction([
      task("1", { title: "Triển khai cổng dữ liệu Sở Khoa học và Công nghệ", leads: [] }),
    ]);
    const moved = moveCellText(start, 0, { from: "title", to: "leads", part: { fromWord: 5 } });
    expect(moved.tasks[0]).toMatchObject({
      title: "Triển khai cổng dữ liệu",
      leads: ["Sở Khoa học và Công nghệ"],
    });
    const again = moveCellText(moved, 0, {
      from: "leads",
      to: "coordinators",
      part: { items: ["Sở Khoa học và Công nghệ"] },
    });
    expect(again.tasks[0]).toMatchObject({ leads: [], coordinators: ["Sở Khoa học và Công nghệ"] });
  });

  it("reads a deadline moved into the deadline column", () => {
    const start = extraction([task("1", { output: "Báo cáo kết quả Quý II/2026" })]);
    const out = moveCellText(start, 0, {
      from: "output",
      to: "deadline",
      part: { fromWord: 4 },
      contextYear: 2026,
    });
    expect(out.tasks[0]!.output).toBe("Báo cáo kết quả");
    expect(out.tasks[0]!.deadline).toMatchObject({ kind: "quarter", due: "2026-06-30" });
  });

  it("drops the doubts of a corrected cell", () => {
    const doubts = [
      { field: "title", code: "title_continuation", message: "…" },
      { field: "leads", code: "lead_missing", message: "…" },
    ];
    expect(editedTask(task("1", { doubts }), "title").doubts).toEqual([doubts[1]]);
  });
});
