import type { Role } from "./columns.ts";
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

interface Sequence {
  number: string | null;
  section: number;
  part: number;
  letter: string | null;
  afterSection: boolean;
}

/** Whether `mark` can come next: numbers run on or restart under a section; numerals count up. */
function plausible(mark: Mark, seq: Sequence): boolean {
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

function advance(mark: Mark, seq: Sequence): void {
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

function gridOf(pages: PageLines[], width: number, sttAt: number): Grid {
  const cells: string[][] = [];
  const pageStarts: number[] = [];
  const anchors: Grid["anchors"] = [];
  const seq: Sequence = { number: null, section: 0, part: 0, letter: null, afterSection: false };
  for (const page of pages) {
    pageStarts.push(cells.length);
    for (const line of page.lines) {
      const row = lineCells(line, page.starts).slice(0, width);
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
 * Owners of column `c`'s lines when cells are centred: each run of lines is split among the
 * anchors inside it, each part as high below its anchor as above; a run without an anchor goes
 * to the anchor nearest its middle.
 */
function centredOwners(grid: Grid, c: number, owners: number[][]): void {
  const n = grid.cells.length;
  const anchorAt = grid.anchors.map((a) => a.at);
  let s = 0;
  while (s < n) {
    if (grid.cells[s]![c] === "") {
      s++;
      continue;
    }
    let e = s;
    while (e + 1 < n && grid.cells[e + 1]![c] !== "" && !grid.pageStarts.includes(e + 1)) e++;
    const inside = anchorAt.map((a, k) => ({ a, k })).filter(({ a }) => a >= s && a <= e);
    if (inside.length === 0) {
      const middle = (s + e) / 2;
      let best = -1;
      anchorAt.forEach((a, k) => {
        if (best < 0 || Math.abs(a - middle) < Math.abs(anchorAt[best]! - middle)) best = k;
      });
      for (let i = s; i <= e; i++) owners[i]![c] = best;
    } else {
      let from = s;
      inside.forEach(({ a, k }, idx) => {
        const following = inside[idx + 1];
        const to = following ? Math.min(Math.max(2 * a - from, a), following.a - 1) : e;
        for (let i = from; i <= to; i++) owners[i]![c] = k;
        from = to + 1;
      });
    }
    s = e + 1;
  }
}

/** Joins a cell's lines: a word cut at a hyphen or slash ("09-" / "KH/TU") is one word again. */
export function joinLines(parts: string[]): string {
  let text = "";
  for (const part of parts) {
    if (text === "") text = part;
    else if (/^[-+•–]\s/.test(part)) text = `${text}\n${part}`;
    else if (/\S[-/]$/.test(text)) text += part;
    else text = `${text} ${part}`;
  }
  return text;
}

/** Whether the first page holds body text above its first row number: centred cells. */
function isCentred(grid: Grid): boolean {
  const first = grid.anchors[0]?.at ?? 0;
  const end = Math.min(first, grid.pageStarts[1] ?? grid.cells.length);
  for (let i = 0; i < end; i++) if (grid.cells[i]!.some((t) => t !== "")) return true;
  return false;
}

export function groupRows(pages: PageLines[], roles: (Role | null)[]): LayoutRow[] {
  const width = roles.length;
  const sttAt = Math.max(0, roles.indexOf("stt"));
  const grid = gridOf(pages, width, sttAt);
  if (grid.anchors.length === 0) return [];
  const n = grid.cells.length;
  const owners: number[][] = Array.from({ length: n }, () => new Array<number>(width).fill(-1));
  if (isCentred(grid)) {
    for (let c = 0; c < width; c++) if (c !== sttAt) centredOwners(grid, c, owners);
  } else {
    for (let i = 0; i < n; i++) owners[i]!.fill(ownerFromTop(grid, i));
  }
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
