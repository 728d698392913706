import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizeText } from "../domain/text.ts";
import { extractFile } from "./extract.ts";
import type { Extraction } from "./extraction.ts";
import type { RawDocument, RawRow } from "./model.ts";
import { readDocx } from "./readers/docx.ts";
import { readXlsx } from "./readers/xlsx.ts";
import { withoutDoubts } from "./testing/doubts.ts";

/**
 * Every format of a plan must extract to the same *.expected.json. The Word and Excel files are the
 * real original where we have one and the files scripts/make-fixtures.ts generates from the text
 * rendering otherwise.
 */

const root = new URL("../../fixtures/", import.meta.url);
const read = (path: string) => new Uint8Array(readFileSync(new URL(path, root)));

const CASES = [
  { plan: "lam-dong-1535-cv-tu", file: "plans/lam-dong-1535-cv-tu.docx" },
  { plan: "lam-dong-1535-cv-tu", file: "generated/lam-dong-1535-cv-tu.docx" },
  { plan: "lam-dong-1535-cv-tu", file: "generated/lam-dong-1535-cv-tu.xlsx" },
  { plan: "lam-dong-3450-kh-ubnd", file: "generated/lam-dong-3450-kh-ubnd.docx" },
  { plan: "lam-dong-3450-kh-ubnd", file: "generated/lam-dong-3450-kh-ubnd.xlsx" },
];

const expected = (plan: string): Extraction =>
  JSON.parse(readFileSync(new URL(`plans/${plan}.expected.json`, root), "utf8"));
const norm = (s: string | null | undefined) => (s == null ? s : normalizeText(s));
const docNumber = (s: string) => normalizeText(s).replace(/\s+/g, "");
const asSet = (xs: string[], f: (s: string) => string | null | undefined = norm) =>
  [...new Set(xs.map(f))].sort();

/** One comparable shape: text folded, agency lists and sources as sets. */
function comparable(x: Extraction) {
  return {
    document: Object.fromEntries(
      Object.entries(x.document).map(([k, v]) => [k, typeof v === "string" ? norm(v) : v]),
    ),
    tasks: x.tasks.map(withoutDoubts).map((t) => ({
      ...t,
      sectionTitle: norm(t.sectionTitle),
      title: norm(t.title),
      responsible: norm(t.responsible),
      output: norm(t.output),
      note: norm(t.note),
      leads: asSet(t.leads),
      coordinators: asSet(t.coordinators),
      sources: asSet(t.sources, docNumber),
      deadline: { ...t.deadline, text: norm(t.deadline.text) },
    })),
    indicators: x.indicators.map(withoutDoubts).map((i) => ({
      ...i,
      name: norm(i.name),
      unit: norm(i.unit),
      targets: i.targets.map((t) => ({ ...t, text: norm(t.text) })),
      monitors: asSet(i.monitors),
      sources: asSet(i.sources, docNumber),
    })),
    warnings: x.warnings.map((w) => ({ ref: w.ref, code: w.code })),
  };
}

async function readRaw(bytes: Uint8Array, name: string): Promise<RawDocument> {
  return name.endsWith(".xlsx") ? readXlsx(bytes) : readDocx(bytes);
}

const cellText = (row: RawRow, i: number) => normalizeText(row.cells[i]?.text ?? "");

/** Column of a header row whose name matches. */
function column(rows: RawRow[], name: RegExp): { header: number; col: number } | undefined {
  for (let header = 0; header < rows.length; header++) {
    const col = rows[header]!.cells.findIndex((c) => name.test(normalizeText(c.text)));
    if (col >= 0) return { header, col };
  }
  return undefined;
}

describe.each(CASES)("reader output of $file", ({ plan, file }) => {
  it("has a row for every expected task and indicator with its number, text and deadline", async () => {
    const want = expected(plan);
    const raw = await readRaw(read(file), file);
    const allRows = raw.blocks.flatMap((b) => (b.kind === "table" ? [b.rows] : []));
    const taskRows = allRows.find((rows) => column(rows, /^Tên nhiệm vụ|^Nội dung nhiệm vụ/)) ?? [];
    const output = column(taskRows, /^Sản phẩm/);
    const deadline = column(taskRows, /^Thời hạn|^Thời gian hoàn thành|^Hạn hoàn thành/);
    for (const task of want.tasks) {
      const row = taskRows.find((r) => cellText(r, 0) === task.number && cellText(r, 1) === norm(task.title));
      expect(row, `task ${task.ref}`).toBeDefined();
      if (!row) continue;
      if (output) expect(cellText(row, output.col), `output of ${task.ref}`).toBe(norm(task.output));
      if (deadline) expect(cellText(row, deadline.col), `deadline of ${task.ref}`).toBe(task.deadline.text);
    }
    const indicatorRows = allRows.find((rows) => column(rows, /^Chỉ tiêu$/)) ?? [];
    for (const indicator of want.indicators) {
      const row = indicatorRows.find(
        (r) => cellText(r, 0) === indicator.number && cellText(r, 1) === norm(indicator.name),
      );
      expect(row, `indicator ${indicator.ref}`).toBeDefined();
      if (row) expect(cellText(row, 2), `unit of ${indicator.ref}`).toBe(indicator.unit);
    }
  });
});

describe("extractFile of every format", () => {
  it.each(CASES)("$file equals the expected extraction of $plan", async ({ plan, file }) => {
    const { warnings: _, ...got } = comparable(await extractFile(read(file), file.split("/").pop()!));
    const { warnings: __, ...want } = comparable(expected(plan));
    expect(got).toEqual(want);
  });

  // The expected files do not list warnings (numbering gaps are real and reported), so a format is
  // held to the warnings its text rendering gives: reading Word or Excel must not add or lose any.
  it.each(CASES)("$file warns like the text rendering", async ({ plan, file }) => {
    const warns = async (path: string) =>
      comparable(await extractFile(read(path), path.split("/").pop()!)).warnings;
    expect(await warns(file)).toEqual(await warns(`plans/${plan}.txt`));
  });
});
