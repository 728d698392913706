import { foldForSearch } from "../../domain/text.ts";
import type { Role } from "./columns.ts";
import type { Piece } from "./flatPieces.ts";
import { cellScore, fitScore, maxLines, type RowContext, withoutTitle } from "./flatScore.ts";

/**
 * The search behind the segmenter of flattened rows: the split of a row's pieces into one run per
 * column that scores best, by dynamic programming over (column, first piece, end piece).
 */

const NEG = -1e9;
export const MAX_LINES = 90;

/** Widths of the columns in characters, null where unknown. */
export type Widths = (number | null)[];

/** The text of pieces a..b-1, one string per line. */
export function partsOf(pieces: Piece[], a: number, b: number): string[] {
  const parts: string[] = [];
  for (let i = a; i < b; i++) {
    const piece = pieces[i]!;
    if (i > a && piece.line === pieces[i - 1]!.line) parts[parts.length - 1] += ` ${piece.text}`;
    else parts.push(piece.text);
  }
  return parts;
}

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

export interface Split {
  /** First piece of each column. */
  starts: number[];
  score: number;
}

interface Scorer {
  /** Score of column j holding pieces a..b-1, NEG when it cannot. */
  seg(j: number, a: number, b: number): number;
  /** What joining column j-1 (pieces p..a-1) to column j (pieces a..b-1) adds, NEG when it cannot. */
  link(j: number, p: number, a: number, b: number): number;
}

function scorer(pieces: Piece[], roles: (Role | null)[], options: SplitOptions): Scorer {
  const { widths, allowed, context = {}, before } = options;
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
        // Scored as the whole cell, less what the part before the break scores as a cell alone.
        const whole = cellScore(
          role,
          [head, ...texts.slice(a, b)],
          [true, ...lineStarts.slice(a, b)],
          context,
        );
        v = whole - cellScore(role, [head], [true], context);
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
  const link = (j: number, p: number, a: number, b: number): number => {
    const inside = a < b && a > 0 && !pieces[a]!.first;
    if (inside && !oneLine(p, a) && !oneLine(a, b)) return NEG;
    const paired = roles[j - 1] === "responsible" && roles[j] === "lead" && a < b && p < a;
    const bonus = paired ? pairBonus(foldedRun(p, a, true), foldedRun(a, b, false)) : 0;
    return bonus - (inside ? INLINE_CUT : 0);
  };
  return { seg, link };
}

export function bestSplit(pieces: Piece[], roles: (Role | null)[], options: SplitOptions = {}): Split {
  const m = pieces.length;
  const k = roles.length;
  const { seg, link } = scorer(pieces, roles, options);
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
        let best = NEG;
        let arg = -1;
        for (let p = 0; p <= a; p++) {
          const before = dp[j - 1]![p]![a]!;
          if (before <= NEG / 2) continue;
          const joined = link(j, p, a, b);
          if (joined <= NEG / 2) continue;
          const total = before + own + joined;
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
  return { starts, score: dp[k - 1]![bestA]![m]! };
}

/** Score of a given split, NEG when it breaks a rule. */
export function splitScore(
  pieces: Piece[],
  roles: (Role | null)[],
  starts: number[],
  options: SplitOptions = {},
): number {
  const { seg, link } = scorer(pieces, roles, options);
  let total = 0;
  for (let j = 0; j < starts.length; j++) {
    const a = starts[j]!;
    const b = j + 1 < starts.length ? starts[j + 1]! : pieces.length;
    if (b < a) return NEG;
    const own = seg(j, a, b);
    const joined = j > 0 ? link(j, starts[j - 1]!, a, b) : 0;
    if (own <= NEG / 2 || joined <= NEG / 2) return NEG;
    total += own + joined;
  }
  return total;
}
