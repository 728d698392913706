import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTextDocument } from "../extract.ts";
import type { ExtractedTask, Extraction } from "../extraction.ts";
import { interpretDocument } from "./index.ts";

/**
 * The same plan laid out differently must read the same: columns in another order, renamed,
 * dropped; one table instead of one per page; Markdown instead of tabs; one cell per line.
 * Unseen documents differ from the fixtures in exactly these ways.
 */

const DIR = join(import.meta.dirname, "../../../fixtures/plans");
const NAME = "lam-dong-3450-kh-ubnd";
const source = readFileSync(join(DIR, `${NAME}.txt`), "utf8");
const expected = JSON.parse(readFileSync(join(DIR, `${NAME}.expected.json`), "utf8")) as Extraction;

const TASK_HEADER = "STT\tTên nhiệm vụ\tVăn bản giao";

/** The task appendix only: its tab rows, grouped by page as in the text. */
function taskPages(): string[][][] {
  const start = source.indexOf("Phụ lục 2");
  const pages = source
    .slice(start)
    .split(/\n\s*\n/)
    .map((block) => block.split("\n").filter((l) => l.includes("\t")))
    .filter((rows) => rows.length > 0);
  return pages.map((rows) => rows.map((r) => r.split("\t")));
}

const pages = taskPages();
const header = pages[0]![0]!;

function render(rows: string[][]): string {
  return rows.map((r) => r.join("\t")).join("\n");
}

function withColumns(order: number[], rename: Record<number, string> = {}): string {
  const blocks = pages.map((rows) =>
    rows.map((r) => {
      const isHeader = r[0] === "STT";
      return order.map((i) => (isHeader && rename[i] !== undefined ? rename[i]! : (r[i] ?? "")));
    }),
  );
  return `Phụ lục 2: DANH MỤC CÁC NHIỆM VỤ CỤ THỂ\n\n${blocks.map(render).join("\n\n")}`;
}

type Field = keyof ExtractedTask;
function project(tasks: ExtractedTask[], fields: Field[]) {
  return tasks.map((t) => Object.fromEntries(fields.map((f) => [f, t[f]])));
}

const ALL: Field[] = [
  "ref",
  "title",
  "sources",
  "responsible",
  "leads",
  "coordinators",
  "output",
  "deadline",
  "sectionTitle",
];

describe(`${NAME} laid out differently`, () => {
  it("starts from a plan whose tasks read right", () => {
    expect(header.join("\t").startsWith(TASK_HEADER)).toBe(true);
    const out = interpretDocument(readTextDocument(withColumns(header.map((_, i) => i))));
    expect(project(out.tasks, ALL)).toEqual(project(expected.tasks, ALL));
  });

  it("reads columns in another order", () => {
    const order = [0, 7, 4, 1, 6, 5, 2, 3];
    const out = interpretDocument(readTextDocument(withColumns(order)));
    expect(project(out.tasks, ALL)).toEqual(project(expected.tasks, ALL));
  });

  it("reads other wordings of the headers", () => {
    const rename = {
      0: "TT",
      1: "Nội dung nhiệm vụ",
      2: "Văn bản giao nhiệm vụ",
      3: "Lãnh đạo chịu trách nhiệm",
      4: "Cơ quan, đơn vị chủ trì",
      5: "Cơ quan thực hiện/phối hợp",
      6: "Mô tả sản phẩm đầu ra",
      7: "Hạn hoàn thành",
    };
    const out = interpretDocument(readTextDocument(withColumns([0, 1, 2, 3, 4, 5, 6, 7], rename)));
    expect(project(out.tasks, ALL)).toEqual(project(expected.tasks, ALL));
  });

  it("reads a subset of the columns", () => {
    const out = interpretDocument(readTextDocument(withColumns([0, 1, 4, 7])));
    const fields: Field[] = ["ref", "title", "leads", "deadline", "sectionTitle"];
    expect(project(out.tasks, fields)).toEqual(project(expected.tasks, fields));
    expect(out.tasks.every((t) => t.responsible === "" && t.sources.length === 0)).toBe(true);
  });

  it("reads one long table without repeated headers", () => {
    const rows = pages.flatMap((page, k) => (k === 0 ? page : page.filter((r) => r[0] !== "STT")));
    const out = interpretDocument(readTextDocument(render(rows)));
    expect(project(out.tasks, ALL)).toEqual(project(expected.tasks, ALL));
  });

  it("reads the same table in Markdown", () => {
    const rows = pages.flatMap((page, k) => (k === 0 ? page : page.filter((r) => r[0] !== "STT")));
    const md = rows.map((r, i) => {
      const line = `| ${r.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
      return i === 0 ? `${line}\n|${r.map(() => "---").join("|")}|` : line;
    });
    const out = interpretDocument(readTextDocument(md.join("\n")));
    expect(project(out.tasks, ALL)).toEqual(project(expected.tasks, ALL));
  });

  it("reads the same table written one cell per line", () => {
    const rows = pages.flatMap((page, k) => (k === 0 ? page : page.filter((r) => r[0] !== "STT")));
    const lines = rows.flatMap((r) => {
      const cells = [...r];
      while (cells.length > 2 && cells[cells.length - 1] === "") cells.pop();
      return cells;
    });
    const out = interpretDocument(readTextDocument(lines.join("\n")));
    const fields: Field[] = ["ref", "title", "leads", "coordinators", "deadline"];
    const matching = out.tasks.filter(
      (t, i) =>
        JSON.stringify(project([t], fields)) === JSON.stringify(project([expected.tasks[i]!], fields)),
    );
    expect(out.tasks).toHaveLength(expected.tasks.length);
    expect(matching.length).toBeGreaterThanOrEqual(Math.floor(expected.tasks.length * 0.95));
  });
});
