import { joinContinued } from "./cells.ts";
import type { Role } from "./columns.ts";
import { alignedCells, rowStarts, splitAligned } from "./layoutAligned.ts";
import { lineCells } from "./layoutColumns.ts";
import { isRoman, romanValue } from "./numbering.ts";

/**
 * Rows of a space-aligned table from its lines, page by page. A row starts on the line where the
 * STT column holds its number. Cells are written from the row's top (every cell's first line on
 * the number's line) or centred in the row's height (the number on a middle line, tall cells
 * starting above it): which one shows on the first page, where text above the first number can
 * only be the first row's. Centred, each column's runs of lines go to the row whose number sits
 * at their middle.
 */

export interface PageLines {
  /** Start x of each column on this page. */
  starts: number[];
  /** The page's body lines, blank ones kept (they separate centred cells). */
  lines: string[];
  /**
   * Cells one blank apart (layoutAligned.ts): lines are split by cost, not at the starts, and
   * each row by the starts that fit its own lines.
   */
  aligned?: boolean;
}

export type Mark =
  | { kind: "number"; value: string }
  | { kind: "section"; value: string }
  | { kind: "letter"; value: string }
  | { kind: "part"; value: string };

export type LayoutRow =
  | { kind: "item"; mark: string; cells: string[] }
  | { kind: "section"; mark: string; title: string };

const NUMBER = /^(\d{1,3}(?:\.\d{1,3}){0,3})[.)]?$/;
const SECTION = /^([IVXLC]{1,7})[.)]?$/;
const LETTER = /^([a-zđ])[.)]$|^([a-zđ])$/u;
const PART = /^([A-H])[.)]?$/;

/** The row mark an STT cell holds, if it is one. */
export function readMark(text: string): Mark | null {
  const t = text.trim();
  let m = NUMBER.exec(t);
  if (m) return { kind: "number", value: m[1]! };
  m = SECTION.exec(t);
  if (m && isRoman(m[1]!)) return { kind: "section", value: m[1]! };
  m = LETTER.exec(t);
  if (m) return { kind: "letter", value: (m[1] ?? m[2])! };
  m = PART.exec(t);
  if (m) return { kind: "part", value: m[1]! };
  return null;
}

export interface Sequence {
  number: string | null;
  section: number;
  part: number;
  letter: string | null;
  afterSection: boolean;
}

/** Whether `mark` can come next: numbers run on or restart under a section; numerals count up. */
export function plausible(mark: Mark, seq: Sequence): boolean {
  if (mark.kind === "section") return romanValue(mark.value) === seq.section + 1;
  if (mark.kind === "part") return mark.value.charCodeAt(0) - 64 === seq.part + 1;
  if (mark.kind === "letter") {
    const next = seq.letter === null ? "a" : String.fromCharCode(seq.letter.charCodeAt(0) + 1);
    return mark.value === next && seq.number !== null;
  }
  const parts = mark.value.split(".").map(Number);
  if (seq.number === null) return parts[0]! <= 3;
  const prev = seq.number.split(".").map(Number);
  const top = parts[0]!;
  if (parts.length === 1) return (top > prev[0]! && top <= prev[0]! + 3) || (seq.afterSection && top <= 3);
  return top === prev[0] || (top === prev[0]! + 1 && parts[1] === 1);
}

export function advance(mark: Mark, seq: Sequence): void {
  if (mark.kind === "section") {
    seq.section++;
    seq.afterSection = true;
  } else if (mark.kind === "part") {
    seq.part++;
    seq.section = 0;
    seq.afterSection = true;
  } else if (mark.kind === "letter") seq.letter = mark.value;
  else {
    seq.number = mark.value;
    seq.letter = null;
    seq.afterSection = false;
  }
}

interface Grid {
  /** Cells of every body line, pages one after another. */
  cells: string[][];
  /** Index in `cells` of each page's first line. */
  pageStarts: number[];
  /** Line index of each row's mark, and the mark. */
  anchors: { at: number; mark: Mark }[];
}

/** Cells enough to find row numbers and filled lines: aligned rows are split again later. */
function cellsOf(page: PageLines, line: string, roles: (Role | null)[], sttAt: number): string[] {
  return page.aligned ? alignedCells(line, page.starts, roles, sttAt) : lineCells(line, page.starts);
}

function gridOf(pages: PageLines[], roles: (Role | null)[], sttAt: number): Grid {
  const width = roles.length;
  const cells: string[][] = [];
  const pageStarts: number[] = [];
  const anchors: Grid["anchors"] = [];
  const seq: Sequence = { number: null, section: 0, part: 0, letter: null, afterSection: false };
  for (const page of pages) {
    pageStarts.push(cells.length);
    for (const line of page.lines) {
      const row = cellsOf(page, line, roles, sttAt).slice(0, width);
      while (row.length < width) row.push("");
      const mark = readMark(row[sttAt]!);
      if (mark && plausible(mark, seq)) {
        advance(mark, seq);
        anchors.push({ at: cells.length, mark });
      }
      // What the STT column holds besides row numbers (a footnote's mark) is nobody's text.
      row[sttAt] = "";
      cells.push(row);
    }
  }
  return { cells, pageStarts, anchors };
}

/** Index of the anchor (row) owning line `at` when cells start on their row's first line. */
function ownerFromTop(grid: Grid, at: number): number {
  let owner = -1;
  for (let k = 0; k < grid.anchors.length && grid.anchors[k]!.at <= at; k++) owner = k;
  return owner;
}

/**
 * The row owning each line when cells are centred. A row's number sits at its middle, so from a
 * row's first line its last is as far below the number as the first is above: rows are laid
 * down one after another from a known top (the header's end, the line under a section row), and
 * on later pages up from the page's last line, whatever is above the first row there being the
 * rest of the row the page break cut. Lines are shared row by row, not per column: pdftotext
 * puts cells of different heights on lines of their own, leaving gaps inside a cell's column.
 */
function centredOwners(grid: Grid): number[] {
  const n = grid.cells.length;
  const owners = new Array<number>(n).fill(-1);
  const filled = (i: number) => grid.cells[i]!.some((t) => t !== "");
  const pageOf = (i: number) => grid.pageStarts.filter((p) => p <= i).length - 1;
  const pageEnd = (p: number) => (grid.pageStarts[p + 1] ?? n) - 1;
  const { anchors } = grid;
  const single = (k: number) => anchors[k]!.mark.kind === "section" || anchors[k]!.mark.kind === "part";
  // Blank lines between rows belong to neither: a row starts on its first line with text.
  const firstFilled = (from: number, to: number) => {
    let i = from;
    while (i < to && !filled(i)) i++;
    return i;
  };
  // A known top: the first row of the table, the row right under a section row.
  const knownTop = (k: number): number | null => {
    const a = anchors[k]!.at;
    const previous = anchors[k - 1];
    if (single(k)) return a;
    if (previous && single(k - 1) && pageOf(previous.at) === pageOf(a)) return previous.at + 1;
    if (k === 0 && pageOf(a) === 0) return 0;
    return null;
  };
  const samePage = (k: number, j: number) =>
    anchors[j] !== undefined && pageOf(anchors[j]!.at) === pageOf(anchors[k]!.at);
  const top = new Array<number | null>(anchors.length).fill(null);
  const bottom = new Array<number | null>(anchors.length).fill(null);
  anchors.forEach((anchor, k) => {
    const a = anchor.at;
    const limit = samePage(k, k + 1) ? anchors[k + 1]!.at - 1 : pageEnd(pageOf(a));
    const known = knownTop(k);
    const from = known ?? (samePage(k, k - 1) && bottom[k - 1] !== null ? bottom[k - 1]! + 1 : null);
    if (from === null) return;
    top[k] = firstFilled(Math.min(from, a), a);
    bottom[k] = single(k) ? a : Math.max(a, Math.min(limit, 2 * a - top[k]!));
  });
  // Rows not reached from a known top: laid up from the end of their page.
  for (let k = anchors.length - 1; k >= 0; k--) {
    if (top[k] !== null) continue;
    const a = anchors[k]!.at;
    let last = samePage(k, k + 1) ? top[k + 1]! - 1 : pageEnd(pageOf(a));
    while (last > a && !filled(last)) last--;
    bottom[k] = Math.max(a, last);
    top[k] = Math.max(grid.pageStarts[pageOf(a)]!, Math.min(a, 2 * a - bottom[k]!));
  }
  anchors.forEach((_, k) => {
    for (let i = top[k]!; i <= bottom[k]!; i++) owners[i] = k;
  });
  // Above a page's first row: the rest of the row the break cut.
  let previousRow = -1;
  for (let i = 0; i < n; i++) {
    if (owners[i]! >= 0) previousRow = owners[i]!;
    else if (filled(i)) owners[i] = previousRow;
  }
  return owners;
}

/**
 * Joins a cell's lines: a word cut at a hyphen or slash ("09-" / "KH/TU") is one word again, and
 * so is a document number or a date cut by the column's edge ("15-KH/BC" / "ĐTW", "15/12/202" / "6").
 */
export function joinLines(parts: string[]): string {
  let text = "";
  for (const part of parts) {
    if (text === "") text = part;
    else if (/^[-+•–]\s/.test(part)) text = `${text}\n${part}`;
    else if (/\S[-/]$/.test(text)) text += part;
    else text = joinContinued(text, part);
  }
  return text;
}

/**
 * Whether cells are centred: body text above the first row number, or, under a section row
 * (one line), text outside the name column before the next row's number. Written from the top,
 * a row's cells all open on its number's line, and a section title runs on under the name only.
 */
function isCentred(grid: Grid, nameAt: number): boolean {
  const first = grid.anchors[0]?.at ?? 0;
  const end = Math.min(first, grid.pageStarts[1] ?? grid.cells.length);
  for (let i = 0; i < end; i++) if (grid.cells[i]!.some((t) => t !== "")) return true;
  return grid.anchors.some((anchor, k) => {
    if (anchor.mark.kind !== "section" && anchor.mark.kind !== "part") return false;
    const next = grid.anchors[k + 1];
    if (!next || next.mark.kind === "section" || next.mark.kind === "part") return false;
    for (let i = anchor.at + 1; i < next.at; i++) {
      if (grid.cells[i]!.some((t, c) => c !== nameAt && t !== "")) return true;
    }
    return false;
  });
}

/**
 * Splits again the lines of aligned pages, row by row, at the starts that fit each row's lines
 * (pdftotext draws rows at slightly different scales). The row numbers stay where they were.
 */
function splitRowByRow(
  grid: Grid,
  pages: PageLines[],
  owners: number[][],
  roles: (Role | null)[],
  sttAt: number,
): void {
  const lines = pages.flatMap((page, p) => page.lines.map((line) => ({ line, page: p })));
  const groups = new Map<string, number[]>();
  lines.forEach(({ page }, i) => {
    const owner = owners[i]![0]!;
    if (!pages[page]!.aligned || owner < 0) return;
    const key = `${owner}/${page}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const members of groups.values()) {
    const page = pages[lines[members[0]!]!.page]!;
    const texts = members.map((i) => lines[i]!.line);
    const starts = rowStarts(texts, page.starts, roles);
    for (const i of members) {
      const row = splitAligned(lines[i]!.line, starts, roles).cells.slice(0, roles.length);
      row[sttAt] = "";
      grid.cells[i] = row;
    }
  }
}

export function groupRows(pages: PageLines[], roles: (Role | null)[]): LayoutRow[] {
  const width = roles.length;
  const sttAt = Math.max(0, roles.indexOf("stt"));
  const grid = gridOf(pages, roles, sttAt);
  if (grid.anchors.length === 0) return [];
  const n = grid.cells.length;
  const owners: number[][] = Array.from({ length: n }, () => new Array<number>(width).fill(-1));
  const named = roles.findIndex((r) => r === "title" || r === "name");
  if (isCentred(grid, named)) {
    const rows = centredOwners(grid);
    for (let i = 0; i < n; i++) owners[i]!.fill(rows[i]!);
  } else {
    for (let i = 0; i < n; i++) owners[i]!.fill(ownerFromTop(grid, i));
  }
  if (pages.some((p) => p.aligned)) splitRowByRow(grid, pages, owners, roles, sttAt);
  const parts: string[][][] = grid.anchors.map(() => Array.from({ length: width }, () => []));
  // A section's title runs across the columns: read line by line, not column by column.
  const titles: string[][] = grid.anchors.map(() => []);
  for (let i = 0; i < n; i++) {
    const onLine = new Map<number, string[]>();
    for (let c = 0; c < width; c++) {
      if (c === sttAt) continue;
      const text = grid.cells[i]![c]!;
      const owner = owners[i]![c]!;
      if (text === "" || owner < 0) continue;
      parts[owner]![c]!.push(text);
      onLine.set(owner, [...(onLine.get(owner) ?? []), text]);
    }
    for (const [owner, texts] of onLine) titles[owner]!.push(texts.join(" "));
  }
  return grid.anchors.map((anchor, k): LayoutRow => {
    if (anchor.mark.kind === "section" || anchor.mark.kind === "part") {
      return { kind: "section", mark: anchor.mark.value, title: joinLines(titles[k]!) };
    }
    return { kind: "item", mark: anchor.mark.value, cells: parts[k]!.map((lines) => joinLines(lines)) };
  });
}
