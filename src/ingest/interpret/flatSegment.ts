import { foldForSearch } from "../../domain/text.ts";
import type { Role } from "./columns.ts";
import { type Piece, toPieces } from "./flatPieces.ts";
import { cellScore, fitScore, joinLines, maxLines, type RowContext, withoutTitle } from "./flatScore.ts";

/**
 * Shares a row's lines out among its columns when a table was flattened into lines. Cells are
 * contiguous runs of lines, in column order; the split chosen is the one that best fits what
 * each column usually holds: a cell starts with a capital (a wrapped line rarely does), a source
 * cites a document, a person responsible is a title plus an agency, an agency column starts
 * with an agency's head noun, a deadline cell is a deadline, and the lead is usually the
 * responsible person's agency ("Giám đốc Công an tỉnh" / "Công an tỉnh").
 */

export interface Segmented {
  cells: string[];
  /** Lines each cell received: the tallest cells are the ones a page break cuts. */
  counts: number[];
  /** Each cell's own part of each line it spans: what the column's width is read from. */
  parts: string[][];
}

/** Widths of the columns in characters, null where unknown. */
export type Widths = (number | null)[];

/** The text of pieces a..b-1, one string per line. */
function partsOf(pieces: Piece[], a: number, b: number): string[] {
  const parts: string[] = [];
  for (let i = a; i < b; i++) {
    const piece = pieces[i]!;
    if (i > a && piece.line === pieces[i - 1]!.line) parts[parts.length - 1] += ` ${piece.text}`;
    else parts.push(piece.text);
  }
  return parts;
}

const MAX_LINES = 90;
const NEG = -1e9;
/** Continuations this short are cut at any word. */
const MAX_CONTINUATION_WORDS = 40;

/** The lead written again after the responsible person's title: strong evidence of the split. */
function pairBonus(person: string, lead: string): number {
  if (person === "" || lead === "") return 0;
  if (person === lead) return 4;
  return person.endsWith(lead) || lead.endsWith(person) ? 2 : 0;
}

/** Penalty for a cell boundary inside a line: the line was two cells side by side. */
const INLINE_CUT = 0.5;

/**
 * Best split of `pieces` into `roles.length` contiguous cells. `allowed` marks the columns that
 * may receive pieces (all by default); the others stay empty at no cost. A cell may start inside
 * a line only next to a cell held within that line: two cells share a line only where one of
 * them is a single line set on the other's first or last baseline.
 */
interface SplitOptions {
  widths?: Widths | undefined;
  /** Columns that may receive pieces; the others stay empty at no cost. */
  allowed?: boolean[];
  context?: RowContext;
  /** What each column held before a page break: pieces that continue it are scored with it. */
  before?: string[];
}

function bestSplit(pieces: Piece[], roles: (Role | null)[], options: SplitOptions = {}): number[] {
  const { widths, allowed, context = {}, before } = options;
  const m = pieces.length;
  const k = roles.length;
  const texts = pieces.map((p) => p.text);
  const lineStarts = pieces.map((p) => p.first);
  const may = (j: number) => allowed === undefined || allowed[j] === true;
  const segScore = new Map<string, number>();
  const seg = (j: number, a: number, b: number): number => {
    if (!may(j)) return a === b ? 0 : NEG;
    const lineCount = a === b ? 0 : pieces[b - 1]!.line - pieces[a]!.line + 1;
    if (lineCount > maxLines(roles[j] ?? null, MAX_LINES)) return NEG;
    const key = `${j}:${a}:${b}`;
    let v = segScore.get(key);
    if (v === undefined) {
      const role = roles[j] ?? null;
      const head = before?.[j] ?? "";
      if (allowed && a === b) v = 0;
      else if (head !== "" && a < b) {
        // Scored as the whole cell, less what the part before the break scored alone.
        const whole = cellScore(
          role,
          [head, ...texts.slice(a, b)],
          [true, ...lineStarts.slice(a, b)],
          context,
        );
        v = whole - cellScore(role, [head], [true], { open: true });
      } else v = cellScore(role, texts.slice(a, b), lineStarts.slice(a, b), context);
      const width = widths?.[j];
      if (width && a < b) v += fitScore(partsOf(pieces, a, b), width);
      segScore.set(key, v);
    }
    return v;
  };
  // A cell [a, b) held within one line.
  const oneLine = (a: number, b: number) => a < b && pieces[a]!.line === pieces[b - 1]!.line;
  const folded = new Map<string, string>();
  const foldedRun = (a: number, b: number, dropTitle: boolean): string => {
    const key = `${dropTitle ? "p" : "l"}:${a}:${b}`;
    let v = folded.get(key);
    if (v === undefined) {
      v = foldForSearch(texts.slice(a, b).join(" "));
      if (dropTitle) v = withoutTitle(v);
      folded.set(key, v);
    }
    return v;
  };
  // dp[j][a][b]: best total for columns 0..j with column j holding pieces a..b-1.
  const dp: number[][][] = [];
  const from: number[][][] = [];
  for (let j = 0; j < k; j++) {
    dp.push(Array.from({ length: m + 1 }, () => new Array<number>(m + 1).fill(NEG)));
    from.push(Array.from({ length: m + 1 }, () => new Array<number>(m + 1).fill(-1)));
    for (let b = 0; b <= m; b++) {
      for (let a = 0; a <= b; a++) {
        const own = seg(j, a, b);
        if (own <= NEG / 2) continue;
        if (j === 0) {
          if (a === 0) dp[0]![0]![b] = own;
          continue;
        }
        const inside = a < b && a > 0 && !pieces[a]!.first;
        let best = NEG;
        let arg = -1;
        const paired = roles[j - 1] === "responsible" && roles[j] === "lead" && a < b;
        for (let p = 0; p <= a; p++) {
          const before = dp[j - 1]![p]![a]!;
          if (before <= NEG / 2) continue;
          if (inside && !oneLine(p, a) && !oneLine(a, b)) continue;
          const bonus = paired && p < a ? pairBonus(foldedRun(p, a, true), foldedRun(a, b, false)) : 0;
          const total = before + own + bonus - (inside ? INLINE_CUT : 0);
          if (total > best) {
            best = total;
            arg = p;
          }
        }
        dp[j]![a]![b] = best;
        from[j]![a]![b] = arg;
      }
    }
  }
  let bestA = 0;
  for (let a = 0; a <= m; a++) if (dp[k - 1]![a]![m]! > dp[k - 1]![bestA]![m]!) bestA = a;
  const starts = new Array<number>(k).fill(0);
  let a = bestA;
  let b = m;
  for (let j = k - 1; j >= 0; j--) {
    starts[j] = a;
    const p = from[j]![a]![b]!;
    b = a;
    a = Math.max(p, 0);
  }
  return starts;
}

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
  let lines = rowLines;
  if (lines.length > MAX_LINES) {
    // Beyond what a row holds; keep the work bounded by folding the excess into the first cell.
    const excess = lines.length - MAX_LINES + 1;
    lines = [lines.slice(0, excess).join(" "), ...lines.slice(excess)];
  }
  const pieces = toPieces(lines);
  return cut(pieces, bestSplit(pieces, roles, { widths, context }));
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
  const k = roles.length;
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
  const pieces = toPieces(lines, words <= MAX_CONTINUATION_WORDS);
  const starts = bestSplit(pieces, roles, { widths, allowed, before: cells });
  return cut(pieces, starts).cells.slice(0, k);
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
