import type { Role } from "./columns.ts";
import { type Piece, toPieces } from "./flatPieces.ts";
import { joinLines, type RowContext } from "./flatScore.ts";
import { bestSplit, MAX_LINES, partsOf, type Split, splitScore, type Widths } from "./flatSplit.ts";

export type { Widths } from "./flatSplit.ts";

/**
 * Shares a row's lines out among its columns when a table was flattened into lines. Cells are
 * contiguous runs of lines, in column order; the split chosen is the one that best fits what
 * each column usually holds: a cell starts with a capital (a wrapped line rarely does), a source
 * cites a document, a person responsible is a title plus an agency, an agency column holds whole
 * agency names, a deadline cell is a deadline, and the lead is usually the responsible person's
 * agency ("Giám đốc Công an tỉnh" / "Công an tỉnh"). A row cut by a page break is split together
 * with the part that runs on, so that "Sở" / "Xây dựng" is read as one name.
 */

export interface Segmented {
  cells: string[];
  /** Lines each cell received: the tallest cells are the ones a page break cuts. */
  counts: number[];
  /** Each cell's own part of each line it spans: what the column's width is read from. */
  parts: string[][];
}

/** Continuations this short are cut at any word. */
const MAX_CONTINUATION_WORDS = 40;
/** How far a boundary of the best split is moved to try it against the part after the break. */
const SHIFTS = [-2, -1, 1, 2];

function cut(pieces: Piece[], starts: number[]): Segmented {
  const cells: string[] = [];
  const counts: number[] = [];
  const parts: string[][] = [];
  starts.forEach((a, j) => {
    const b = j + 1 < starts.length ? starts[j + 1]! : pieces.length;
    cells.push(joinLines(pieces.slice(a, b).map((p) => p.text)));
    counts.push(a < b ? pieces[b - 1]!.line - pieces[a]!.line + 1 : 0);
    parts.push(partsOf(pieces, a, b));
  });
  return { cells, counts, parts };
}

/** Lines of one row (STT removed) into one cell per role. */
export function segmentRow(
  rowLines: string[],
  roles: (Role | null)[],
  widths?: Widths,
  context: RowContext = {},
): Segmented {
  const k = roles.length;
  if (k === 0) return { cells: [], counts: [], parts: [] };
  if (rowLines.length === k && !widths) {
    return { cells: [...rowLines], counts: rowLines.map(() => 1), parts: rowLines.map((l) => [l]) };
  }
  const pieces = toPieces(foldedLines(rowLines));
  return cut(pieces, bestSplit(pieces, roles, { widths, context }).starts);
}

function foldedLines(rowLines: string[]): string[] {
  if (rowLines.length <= MAX_LINES) return rowLines;
  // Beyond what a row holds; keep the work bounded by folding the excess into the first cell.
  const excess = rowLines.length - MAX_LINES + 1;
  return [rowLines.slice(0, excess).join(" "), ...rowLines.slice(excess)];
}

/** Best split of the lines that continue a row after a page break, given the row before it. */
function continuationSplit(
  rowLines: string[],
  roles: (Role | null)[],
  previous: Segmented | null,
  widths?: Widths,
): { pieces: Piece[]; split: Split } {
  const counts = previous?.counts ?? [];
  const tallest = Math.max(0, ...counts);
  const cells = previous?.cells ?? [];
  // Cells that were tall, or that stop mid-sentence, are the ones that run over.
  const unfinished = (j: number) =>
    (counts[j] ?? 0) >= 2 && roles[j] !== "deadline" && !/[.;!?)”"]$/.test(cells[j] ?? "");
  let allowed = roles.map((_, j) => tallest > 0 && ((counts[j] ?? 0) * 2 >= tallest || unfinished(j)));
  if (!allowed.some(Boolean)) allowed = roles.map((r) => r === "title" || r === "name");
  const lines = rowLines.slice(0, MAX_LINES);
  // The run-over parts of cells start anywhere, lower case included: any word may start one.
  const words = lines.reduce((n, line) => n + line.split(" ").length, 0);
  const pieces = toPieces(lines, words <= MAX_CONTINUATION_WORDS ? "every" : "usual");
  return { pieces, split: bestSplit(pieces, roles, { widths, allowed, before: cells }) };
}

/**
 * Lines that continue a row after a page break. Only the cells that were tallest on the page
 * before run over, so the lines go to those columns, in order.
 */
export function segmentContinuation(
  rowLines: string[],
  roles: (Role | null)[],
  previous: Segmented | null,
  widths?: Widths,
): string[] {
  const { pieces, split } = continuationSplit(rowLines, roles, previous, widths);
  return cut(pieces, split.starts).cells.slice(0, roles.length);
}

/**
 * A row cut by a page break and the lines that continue it, split together: the best split of
 * the row and splits next to it (one boundary moved by a piece or two) are each tried with the
 * continuation, and the pair that scores best overall wins.
 */
export function segmentOpenRow(
  rowLines: string[],
  continuation: string[],
  roles: (Role | null)[],
  widths?: Widths,
): { row: Segmented; continuation: string[] } {
  const context: RowContext = { open: true };
  // Cut after its first line, the row is the first line of each cell side by side.
  const pieces = toPieces(foldedLines(rowLines), rowLines.length === 1 ? "capital" : "usual");
  const best = bestSplit(pieces, roles, { widths, context }).starts;
  const candidates = [best];
  for (let j = 1; j < best.length; j++) {
    for (const shift of SHIFTS) {
      const moved = [...best];
      moved[j] = best[j]! + shift;
      if (moved[j]! >= moved[j - 1]! && moved[j]! <= (moved[j + 1] ?? pieces.length)) candidates.push(moved);
    }
  }
  let chosen: { row: Segmented; continuation: string[] } | null = null;
  let top = Number.NEGATIVE_INFINITY;
  for (const starts of candidates) {
    // Judged as the cells will stand: what the continuation does not finish stays cut.
    const own = splitScore(pieces, roles, starts, { widths });
    if (own <= -1e8) continue;
    const row = cut(pieces, starts);
    const next = continuationSplit(continuation, roles, row, widths);
    const total = own + next.split.score;
    if (total > top) {
      top = total;
      chosen = { row, continuation: cut(next.pieces, next.split.starts).cells.slice(0, roles.length) };
    }
  }
  return (
    chosen ?? { row: cut(pieces, best), continuation: segmentContinuation(continuation, roles, null, widths) }
  );
}

/**
 * Column widths read off segmented rows: in a cell of two lines or more, the longest line nearly
 * fills the column; the median over such cells is robust to the odd row segmented wrongly.
 */
export function columnWidths(rows: Segmented[], columns: number): Widths {
  const widths: Widths = [];
  for (let j = 0; j < columns; j++) {
    const full = rows
      .map((r) => r.parts[j] ?? [])
      .filter((p) => p.length >= 2)
      .map((p) => Math.max(...p.map((line) => line.length)))
      .sort((x, y) => x - y);
    widths.push(full.length >= 2 ? full[Math.floor(full.length / 2)]! : null);
  }
  return widths;
}
