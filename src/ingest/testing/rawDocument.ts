import { expect } from "vitest";
import { extractionSchema } from "../extraction.ts";
import { interpretDocument } from "../interpret/index.ts";
import type { RawBlock, RawDocument, RawRow } from "../model.ts";

/** Builders for hand-written RawDocuments in interpreter tests. */
type CellSpec = string | { text: string; footnotes?: string[]; mergedFromAbove?: boolean };
export const row = (...cells: CellSpec[]): RawRow => ({
  cells: cells.map((c) => (typeof c === "string" ? { text: c } : c)),
});
/** One cell merged across `width` grid columns, as readers give it: its text once per column. */
export const mergedRow = (text: string, width: number): RawRow => row(...Array<string>(width).fill(text));
/** The opening of a plan: where and when it was signed, its type and its title. */
export const planHeading = (dateLine: string, title: string): RawBlock[] => [
  para(dateLine),
  para("KẾ HOẠCH"),
  para(title),
];
export const table = (...rows: RawRow[]): RawBlock => ({ kind: "table", rows });
export const para = (text: string): RawBlock => ({ kind: "paragraph", text });
export const doc = (...blocks: RawBlock[]): RawDocument => ({ format: "docx", blocks });

/** Interprets and checks the result against the contract's schema. */
export function interpret(d: RawDocument) {
  const out = interpretDocument(d);
  expect(() => extractionSchema.parse(out)).not.toThrow();
  return out;
}
