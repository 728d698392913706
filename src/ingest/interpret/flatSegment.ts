import { startsLikeAgency } from "../../domain/agencyNames.ts";
import { looksLikeDeadline } from "../../domain/deadline.ts";
import { findDocumentNumbers } from "../../domain/documentNumber.ts";
import { foldForSearch } from "../../domain/text.ts";
import { joinContinued } from "./cells.ts";
import type { Role } from "./columns.ts";

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
}

const MAX_LINES = 90;
const NEG = -1e9;

const PERSON_TITLES =
  /^(giam doc|pho giam doc|chu tich|pho chu tich|chanh van phong|chanh|truong|pho truong|thu truong|bi thu|pho bi thu|hieu truong|chi huy truong|vien truong|cuc truong|tong giam doc|tong bien tap|nguoi dung dau|lanh dao|dong chi|chanh an|tong cuc truong|bo truong|thu tuong)\b/;
const SOURCE_START =
  /^(ke hoach|thong bao|chuong trinh|nghi quyet|nghi dinh|cong van|quyet dinh|chi thi|ket luan|luat|van ban|thong tu|de an|quy che|quy dinh|huong dan|nhiem vu|de xuat|to trinh|bao cao)\b/;

function joinLines(lines: string[]): string {
  return lines.reduce((out, line) => joinContinued(out, line), "");
}

function emptyPenalty(role: Role | null): number {
  switch (role) {
    case "title":
    case "name":
    case "lead":
      return -5;
    case "deadline":
    case "target":
      return -3;
    default:
      return -2;
  }
}

/** Lines a cell of each role can plausibly take; keeps the search small on long rows. */
function maxLines(role: Role | null): number {
  switch (role) {
    case "deadline":
    case "unit":
    case "target":
      return 4;
    case "responsible":
    case "lead":
    case "source":
    case "monitor":
      return 12;
    case "coordinator":
      return 16;
    default:
      return MAX_LINES;
  }
}

function withoutTitle(folded: string): string {
  return folded.replace(PERSON_TITLES, "").trim();
}

function roleScore(role: Role | null, lines: string[]): number {
  const text = () => joinLines(lines);
  switch (role) {
    case "source": {
      const t = text();
      return findDocumentNumbers(t).length > 0 || SOURCE_START.test(foldForSearch(t)) ? 3 : -1;
    }
    case "responsible": {
      const folded = foldForSearch(text());
      if (!PERSON_TITLES.test(folded)) return -2;
      return withoutTitle(folded) === "" ? -2 : 3;
    }
    case "lead":
    case "coordinator":
    case "monitor":
      return startsLikeAgency(lines[0]!) ? 2 : -1;
    case "deadline":
      // One expression, usually on one line: "4/2026" above it ends the product text.
      return looksLikeDeadline(text()) ? 4 - 1.5 * (lines.length - 1) : -4;
    case "unit":
      return lines.length === 1 && lines[0]!.length <= 20 ? 1 : -2;
    case "target":
      return lines.length === 1 && lines[0]!.length <= 25 ? 2 : -2;
    default:
      // Titles, products, notes hold anything.
      return 0;
  }
}

/** Line starts as evidence of cell starts; the text is only read for the roles that need it. */
function score(role: Role | null, lines: string[]): number {
  if (lines.length === 0) return emptyPenalty(role);
  const first = lines[0]!;
  let s = /^[\p{Lu}\d(“"'‘-]/u.test(first) ? 1 : /^\p{Ll}/u.test(first) ? -2 : 0;
  for (let k = 1; k < lines.length; k++) if (/^\p{Lu}/u.test(lines[k]!)) s -= 0.3;
  return s + roleScore(role, lines);
}

/** The lead written again after the responsible person's title: strong evidence of the split. */
function pairBonus(person: string, lead: string): number {
  if (person === "" || lead === "") return 0;
  if (person === lead) return 4;
  return person.endsWith(lead) || lead.endsWith(person) ? 2 : 0;
}

/**
 * Best split of `lines` into `roles.length` contiguous cells. `allowed` marks the columns that
 * may receive lines (all by default); the others stay empty at no cost.
 */
function bestSplit(lines: string[], roles: (Role | null)[], allowed?: boolean[]): number[] {
  const m = lines.length;
  const k = roles.length;
  const may = (j: number) => allowed === undefined || allowed[j] === true;
  const segScore = new Map<string, number>();
  const seg = (j: number, a: number, b: number): number => {
    if (!may(j)) return a === b ? 0 : NEG;
    if (b - a > maxLines(roles[j] ?? null)) return NEG;
    const key = `${j}:${a}:${b}`;
    let v = segScore.get(key);
    if (v === undefined) {
      v = allowed && a === b ? 0 : score(roles[j] ?? null, lines.slice(a, b));
      segScore.set(key, v);
    }
    return v;
  };
  const folded = new Map<string, string>();
  const foldedRun = (a: number, b: number, dropTitle: boolean): string => {
    const key = `${dropTitle ? "p" : "l"}:${a}:${b}`;
    let v = folded.get(key);
    if (v === undefined) {
      v = foldForSearch(lines.slice(a, b).join(" "));
      if (dropTitle) v = withoutTitle(v);
      folded.set(key, v);
    }
    return v;
  };
  // dp[j][a][b]: best total for columns 0..j with column j holding lines a..b-1.
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
        const paired = roles[j - 1] === "responsible" && roles[j] === "lead" && a < b;
        for (let p = 0; p <= a; p++) {
          const before = dp[j - 1]![p]![a]!;
          if (before <= NEG / 2) continue;
          const bonus = paired && p < a ? pairBonus(foldedRun(p, a, true), foldedRun(a, b, false)) : 0;
          const total = before + own + bonus;
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

function cut(lines: string[], starts: number[]): Segmented {
  const cells: string[] = [];
  const counts: number[] = [];
  starts.forEach((a, j) => {
    const b = j + 1 < starts.length ? starts[j + 1]! : lines.length;
    cells.push(joinLines(lines.slice(a, b)));
    counts.push(b - a);
  });
  return { cells, counts };
}

/** Lines of one row (STT removed) into one cell per role. */
export function segmentRow(rowLines: string[], roles: (Role | null)[]): Segmented {
  const k = roles.length;
  if (k === 0) return { cells: [], counts: [] };
  if (rowLines.length === k) return { cells: [...rowLines], counts: rowLines.map(() => 1) };
  let lines = rowLines;
  if (lines.length > MAX_LINES) {
    // Beyond what a row holds; keep the work bounded by folding the excess into the first cell.
    const excess = lines.length - MAX_LINES + 1;
    lines = [lines.slice(0, excess).join(" "), ...lines.slice(excess)];
  }
  return cut(lines, bestSplit(lines, roles));
}

/**
 * Lines that continue a row after a page break. Only the cells that were tallest on the page
 * before run over, so the lines go to those columns, in order.
 */
export function segmentContinuation(
  rowLines: string[],
  roles: (Role | null)[],
  previous: Segmented | null,
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
  const starts = bestSplit(lines, roles, allowed);
  return cut(lines, starts).cells.slice(0, k);
}
