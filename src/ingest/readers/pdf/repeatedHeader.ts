import type { RawRow } from "../../model.ts";

/**
 * A table that runs on over several pages repeats its header row at the top of each page. Read
 * from a text layer the repeats are exact copies, which the interpreter recognises; read by OCR
 * each copy has its own misread letters. A first row that is close to the table's header, cell
 * by cell, is that header again, and is given the header's text.
 */

const fold = (text: string): string => text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();

function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const pair = text.slice(i, i + 2);
    out.set(pair, (out.get(pair) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient over character pairs: 1 for equal texts, near 0 for unrelated ones. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  for (const [pair, n] of x) common += Math.min(n, y.get(pair) ?? 0);
  const total = Math.max(a.length - 1, 0) + Math.max(b.length - 1, 0);
  return total === 0 ? 0 : (2 * common) / total;
}

/** Most header cells must read close to the original (a cell or two may be badly misread). */
const CLOSE = 0.6;
const CLOSE_SHARE = 0.7;

export function restoreRepeatedHeader(header: RawRow, row: RawRow): void {
  if (header.cells.length !== row.cells.length) return;
  const texts = header.cells.map((cell) => fold(cell.text));
  const filled = texts.filter((text) => text !== "").length;
  if (filled < 2) return;
  let close = 0;
  for (const [i, cell] of row.cells.entries()) {
    if (texts[i] !== "" && similarity(texts[i]!, fold(cell.text)) >= CLOSE) close++;
  }
  if (close < CLOSE_SHARE * filled) return;
  row.cells = header.cells.map((cell) => ({ ...cell }));
}
