import { startsLikeAgency } from "../../domain/agencyNames.ts";
import { isDeadlineOnly, isDeadlineWording } from "../../domain/deadline.ts";
import { opensWithKnownAgency } from "../../domain/provincialAgencies.ts";
import type { Role } from "./columns.ts";
import { BARE_HEAD_END } from "./flatScore.ts";
import { lineCells, wordsOf } from "./layoutColumns.ts";

/**
 * Columns of a space-aligned table whose cells sit as little as ONE blank apart, as
 * `pdftotext -layout` writes a narrow table set in a proportional font: a long line of one cell
 * pushes the next cell's text right, and no blank channel runs down the page. What still holds:
 * - the header's labels are centred in their cells, so labels that overlap across the header's
 *   lines are one column's, and the labels of neighbouring columns never overlap;
 * - a cell's lines all start at its left edge, so the x where many lines open a piece of text
 *   (after two blanks or more) is a column's start;
 * - a line's words go to the columns in order, a new cell opening near its column's start, and
 *   no cell runs far past the next column's start.
 * Each line is split by the cheapest assignment under those rules (splitAligned). pdftotext also
 * scales rows a little differently from one another, so each row picks the scale of the column
 * starts that fits its lines best (layoutRows.ts).
 */

export interface Span {
  x: number;
  end: number;
}

interface Piece extends Span {
  line: number;
  text: string;
}

/** Runs of words one blank apart: the pieces of text a line plainly shows. */
export function piecesOf(line: string): (Span & { text: string })[] {
  const out: (Span & { text: string })[] = [];
  for (const w of wordsOf(line)) {
    const last = out[out.length - 1];
    if (last && w.x - last.end < 2) {
      last.end = w.end;
      last.text = `${last.text} ${w.text}`;
    } else out.push({ x: w.x, end: w.end, text: w.text });
  }
  return out;
}

/** A word that opens a label: a capital, then lower case ("Cơ", "Sản"; not "UBND" or "(1)"). */
const LABEL_OPENING = /^\p{Lu}\p{Ll}/u;

/**
 * The pieces of a header line. Labels are written in sentence case, so where two labels sit one
 * blank apart ("… chủ Cơ quan phối", "Thời hạn Sản phẩm") a lower-case word followed by a
 * capitalised one is where one label ends and the next begins.
 */
export function labelPiecesOf(line: string): (Span & { text: string })[] {
  const out: (Span & { text: string })[] = [];
  for (const w of wordsOf(line)) {
    const last = out[out.length - 1];
    const lastWord = last?.text.split(" ").pop() ?? "";
    const opens = LABEL_OPENING.test(w.text) && /\p{Ll}$/u.test(lastWord);
    if (last && w.x - last.end < 2 && !opens) {
      last.end = w.end;
      last.text = `${last.text} ${w.text}`;
    } else out.push({ x: w.x, end: w.end, text: w.text });
  }
  return out;
}

/**
 * Columns of a header whose labels are centred: pieces overlapping across lines are joined,
 * two pieces of one line never. Returns each column's label (its pieces line by line) and the
 * span its labels cover, left to right; null under three columns.
 */
export function centredHeader(lines: string[]): { labels: string[]; spans: Span[] } | null {
  const pieces: Piece[] = [];
  lines.forEach((line, i) => {
    for (const p of labelPiecesOf(line)) pieces.push({ ...p, line: i });
  });
  const groups: Piece[][] = [];
  for (const p of pieces) {
    const overlapping = groups.filter((g) => g.some((q) => q.x < p.end && p.x < q.end));
    if (overlapping.length !== 1 || overlapping[0]!.some((q) => q.line === p.line)) {
      // Touching two columns, or one that already has a label on this line: no column is sure.
      if (overlapping.length > 1) return null;
      groups.push([p]);
    } else overlapping[0]!.push(p);
  }
  if (groups.length < 3) return null;
  const spans = groups.map((g) => ({
    x: Math.min(...g.map((p) => p.x)),
    end: Math.max(...g.map((p) => p.end)),
  }));
  const order = spans.map((_, k) => k).sort((a, b) => spans[a]!.x - spans[b]!.x);
  for (let k = 1; k < order.length; k++) if (spans[order[k]!]!.x < spans[order[k - 1]!]!.end) return null;
  return {
    labels: order.map((k) =>
      groups[k]!.sort((a, b) => a.line - b.line)
        .map((p) => p.text)
        .join(" "),
    ),
    spans: order.map((k) => spans[k]!),
  };
}

/**
 * Each column's start on a page: the x where most body lines open a piece of text between the
 * previous column's label and its own (a cell is never narrower than its label, and its label is
 * centred in it). A column no line opens in starts at its label.
 */
export function alignedStarts(body: string[], spans: Span[]): number[] {
  const counts = new Map<number, number>();
  for (const line of body) for (const p of piecesOf(line)) counts.set(p.x, (counts.get(p.x) ?? 0) + 1);
  const starts = spans.map((span, k) => {
    if (k === 0) return 0;
    const from = spans[k - 1]!.end - 1;
    let best = span.x;
    let bestCount = 0;
    for (let x = from; x <= span.x + 1; x++) {
      const n = counts.get(x) ?? 0;
      if (n > bestCount) {
        best = x;
        bestCount = n;
      }
    }
    return best;
  });
  for (let k = 1; k < starts.length; k++) starts[k] = Math.max(starts[k]!, starts[k - 1]! + 2);
  return starts;
}

/**
 * A line's cells, for telling row numbers and body lines: split by cost only where the first
 * column holds text at the starts, since that is all the callers read before rows are known.
 */
export function alignedCells(
  line: string,
  starts: number[],
  roles: (Role | null)[],
  sttAt: number,
): string[] {
  const quick = lineCells(line, starts);
  return quick[sttAt] === "" ? quick : splitAligned(line, starts, roles).cells;
}

/** A split line: its cells and what the split cost (lower fits the columns better). */
export interface AlignedSplit {
  cells: string[];
  cost: number;
}

/** Cost of opening a cell one blank after the previous one: words inside a cell are one apart. */
const TIGHT_OPEN = 2;
/** Cost per character a cell runs past the next column's start. */
const OVERFLOW = 1.5;
/** Cost of two blanks or more inside one cell: pdftotext leaves them between cells. */
const WIDE_INSIDE = 12;
/** How far from its column a cell is looked for at all (characters). */
const REACH = 16;
/** What a cell that reads as its column's kind of content saves. */
const FITS_ROLE = 3;
/**
 * Cost of a cut one blank after a capitalised word and before a lower-case one: a name goes on
 * there ("Công | an tỉnh", "Sở Y | tế", "Văn | phòng UBND tỉnh"), cells do not end so.
 */
const NAME_CUT = 4;
const cutsName = (before: string, after: string): boolean =>
  /^\p{Lu}\p{Ll}*$/u.test(before) && /^\p{Ll}/u.test(after);

function roleBonus(role: Role | null | undefined, text: string): number {
  if (role === "deadline") return isDeadlineOnly(text) ? FITS_ROLE : isDeadlineWording(text) ? 0 : -FITS_ROLE;
  if (role !== "lead" && role !== "coordinator") return 0;
  // A whole name from the directory opens a cell; a head noun left at the end ("… Sở") was cut
  // from the next cell's name.
  const opens = opensWithKnownAgency(text) ? 2 : startsLikeAgency(text) ? 1 : 0;
  return opens - (BARE_HEAD_END.test(text) ? FITS_ROLE : 0);
}

/** The column starts of a row drawn `scale` times as wide, from the first column after the number. */
export function scaledStarts(starts: number[], scale: number): number[] {
  if (scale === 1 || starts.length < 3) return starts;
  const origin = starts[1]!;
  return starts.map((s, k) => (k < 2 ? s : origin + (s - origin) * scale));
}

/**
 * The cheapest split of a line's words into cells, in column order: a cell costs how far it opens
 * from its column's start, more when it opens one blank after the last cell, and more per
 * character it runs past the next column's start; a cell that reads as its column's content
 * (a deadline under the deadline column, an agency under the agencies) costs less.
 */
export function splitAligned(line: string, starts: number[], roles: (Role | null)[] = []): AlignedSplit {
  const words = wordsOf(line);
  const m = starts.length;
  const n = words.length;
  const empty = starts.map(() => "");
  if (n === 0) return { cells: empty, cost: 0 };
  const text = (i: number, j: number) =>
    words
      .slice(i, j)
      .map((w) => w.text)
      .join(" ");
  const cellCost = (i: number, j: number, k: number): number => {
    // Far from its column's start, a cell is never the cheapest: skip the costly content reads.
    const from = words[i]!.x;
    if (from < starts[k]! - REACH || (k + 1 < m && words[j - 1]!.end > starts[k + 1]! + REACH)) {
      return Number.POSITIVE_INFINITY;
    }
    const w = words[i]!;
    const gap = i === 0 ? Number.POSITIVE_INFINITY : w.x - words[i - 1]!.end;
    // A cell one blank after a cell that ran past this column's start was pushed right by it.
    const expected = gap < 2 ? Math.max(starts[k]!, words[i - 1]!.end + 1) : starts[k]!;
    let cost = Math.abs(w.x - expected) + (gap < 2 ? TIGHT_OPEN : 0);
    const limit = k + 1 < m ? starts[k + 1]! : Number.POSITIVE_INFINITY;
    if (gap < 2 && cutsName(words[i - 1]!.text, w.text)) cost += NAME_CUT;
    // Any cell ending in an agency's bare head noun one blank before the next cell ("… thẻ bảo
    // Sở" | "Y tế") gave that noun away; for agency cells roleBonus already counts it.
    const touchesNext = j < n && words[j]!.x - words[j - 1]!.end < 2;
    const agencyCell = roles[k] === "lead" || roles[k] === "coordinator";
    if (touchesNext && !agencyCell && BARE_HEAD_END.test(text(i, j))) cost += FITS_ROLE;
    // A known agency's name running over into the agency column that follows is that column's.
    const nextIsAgency = roles[k + 1] === "lead" || roles[k + 1] === "coordinator";
    if (!agencyCell && nextIsAgency && words[j - 1]!.end > limit) {
      for (let p = i + 1; p < j && words[p]!.x < limit; p++) {
        if (words[p]!.x - words[p - 1]!.end < 2 && opensWithKnownAgency(text(p, j))) {
          cost += NAME_CUT;
          break;
        }
      }
    }
    for (let p = i + 1; p < j; p++) if (words[p]!.x - words[p - 1]!.end >= 2) cost += WIDE_INSIDE;
    cost += Math.max(0, words[j - 1]!.end - limit) * OVERFLOW;
    return cost - roleBonus(roles[k], text(i, j));
  };
  // best[j][k]: words before j placed, the last cell in column k.
  const best = Array.from({ length: n + 1 }, () => new Array<number>(m).fill(Number.POSITIVE_INFINITY));
  const from = Array.from({ length: n + 1 }, () => new Array<[number, number]>(m).fill([-1, -1]));
  for (let j = 1; j <= n; j++) {
    for (let k = 0; k < m; k++) {
      for (let i = 0; i < j; i++) {
        let before = i === 0 ? 0 : Number.POSITIVE_INFINITY;
        let prevK = -1;
        if (i > 0) {
          for (let q = 0; q < k; q++) {
            if (best[i]![q]! < before) {
              before = best[i]![q]!;
              prevK = q;
            }
          }
        }
        if (!Number.isFinite(before)) continue;
        const cost = before + cellCost(i, j, k);
        if (cost < best[j]![k]!) {
          best[j]![k] = cost;
          from[j]![k] = [i, prevK];
        }
      }
    }
  }
  let k = 0;
  for (let q = 1; q < m; q++) if (best[n]![q]! < best[n]![k]!) k = q;
  const cost = best[n]![k]!;
  const cells = [...empty];
  let j = n;
  while (j > 0 && k >= 0) {
    const [i, prevK] = from[j]![k]!;
    cells[k] = text(i, j);
    j = i;
    k = prevK;
  }
  return { cells, cost };
}

/** How far a row's scaled column start may sit from where its lines open a cell. */
const SNAP = 3;
/** Scales tried for a row, and the cost of each hundredth away from the page's own. */
const SCALES = Array.from({ length: 26 }, (_, i) => 0.85 + i * 0.01);
const SCALE_COST = 0.1;

/**
 * A row's column starts: the page's, scaled as fits the row's lines best, each moved to where the
 * row's lines open a piece of text near it (a cell's lines share their left edge).
 */
export function rowStarts(lines: string[], starts: number[], roles: (Role | null)[]): number[] {
  const opened = new Map<number, number>();
  for (const line of lines) {
    for (const p of piecesOf(line)) if (p.x > 0) opened.set(p.x, (opened.get(p.x) ?? 0) + 1);
  }
  let chosen = starts;
  let lowest = Number.POSITIVE_INFINITY;
  const costs = new Map<string, number>();
  for (const scale of SCALES) {
    const snapped = scaledStarts(starts, scale).map((s, k) => {
      if (k === 0) return s;
      let best = s;
      let bestCount = 0;
      for (const [x, n] of opened) {
        if (
          Math.abs(x - s) <= SNAP &&
          (n > bestCount || (n === bestCount && Math.abs(x - s) < Math.abs(best - s)))
        ) {
          best = x;
          bestCount = n;
        }
      }
      return best;
    });
    if (snapped.some((s, k) => k > 0 && s <= snapped[k - 1]!)) continue;
    // Most scales snap to the same starts: each set is costed once.
    const key = snapped.join(",");
    let split = costs.get(key);
    if (split === undefined) {
      split = 0;
      for (const line of lines) split += splitAligned(line, snapped, roles).cost;
      costs.set(key, split);
    }
    const cost = split + Math.abs(scale - 1) * 100 * SCALE_COST;
    if (cost < lowest) {
      lowest = cost;
      chosen = snapped;
    }
  }
  return chosen;
}
