import { foldForSearch } from "../../domain/text.ts";
import { stripMarkup } from "../markup.ts";
import type { Role } from "./columns.ts";
import { mapHeader, splitSquashedHeader } from "./columns.ts";
import {
  columnWidths,
  type Segmented,
  segmentContinuation,
  segmentOpenRow,
  segmentRow,
  type Widths,
} from "./flatSegment.ts";
import { isRoman, romanValue } from "./numbering.ts";

/**
 * Tables whose cells were written one after another, one line each or several: Word tables
 * saved as text, and text copied out of a PDF, where each cell's wrapped lines follow one
 * another and a header's words may be cut anywhere ("ST" / "T"). The header gives the column
 * count and roles; row numbers (STT) and section numerals mark where rows start; inside a row
 * the lines are shared out among the columns by flatSegment.
 */

export interface LineTable {
  /** Rows of cells, the header first. */
  rows: string[][];
  /** Index of the first line after the table. */
  next: number;
}

const MAX_HEADER_LINES = 30;
const ROW_START = /^(\d{1,3}(?:\.\d{1,3}){0,3})[.)]?(?:\s+(.*))?$/;
const SECTION_START = /^([IVXLC]{1,7})[.)]?(?:\s+(.*))?$/;
const BODY_HEADING = /^([IVXLC]{1,7})\.\s+(?=\p{Lu})\P{Ll}+$/u;
/** Sub-items lettered under a numbered row: the STT cell alone on its line ("a", "b)"). */
const LETTER_START = /^([a-zđ])[.)]?$/u;
/**
 * Parts lettered A, B, C… above (or instead of) Roman sections; each restarts the sections.
 * "A. Nhiệm vụ chung", "A" alone or "A NHIỆM VỤ CHUNG", but not a name such as "A Lưới".
 */
const PART_START = /^([A-H])(?:[.)](?:\s+(\p{Lu}.*))?|\s+([^\p{Ll}]+))?$/u;
const TITLE_FIRST =
  /^(noi dung|nhiem vu|ten (nhiem vu|cong viec|de an|hoat dong)|cong viec|giai phap|hoat dong)/;
const TABLE_END = /^(phu luc|noi nhan|#{1,6}\s|\|)/;

function clean(line: string | undefined): string {
  return stripMarkup(line ?? "").replace(/\n/g, " ");
}

interface Header {
  labels: string[];
  next: number;
}

/**
 * A header starting at `start`: short lines naming known columns. It ends at the first line
 * that is not part of a label (the first row, or the rest of a row cut by a page break).
 */
function headerAt(lines: string[], start: number, expected?: string[]): Header | null {
  const first = foldForSearch(clean(lines[start]));
  // Tables open with STT, or, without an STT column, with the task's name ("Nhiệm vụ, giải pháp").
  if (!/^(s\s*t|t\s*t|so\b)/.test(first) && !TITLE_FIRST.test(first)) return null;
  const taken: { index: number; end: number }[] = [];
  let text = "";
  let j = start;
  while (j < lines.length && taken.length < MAX_HEADER_LINES) {
    const raw = lines[j]!;
    const line = clean(raw);
    if (line === "") {
      j++;
      continue;
    }
    if (raw.includes("\t") || line.length > 80 || ROW_START.test(line) || SECTION_START.test(line)) break;
    text = text === "" ? line : `${text} ${line}`;
    taken.push({ index: j, end: text.length });
    j++;
  }
  const found = splitSquashedHeader(text);
  if (!found || !mapHeader(found.labels)) return null;
  // Repeated on a new page, the header is followed by the rest of a row, whose first word may
  // read as one more label ("TTHC" as "TT"): the labels of the first header are what to look for.
  if (
    expected &&
    found.labels.length > expected.length &&
    sameLabels(found.labels.slice(0, expected.length), expected)
  ) {
    found.labels = found.labels.slice(0, expected.length);
  }
  // The header's last line is the one where the labels end (found label by label: the offset
  // splitSquashedHeader reports can run into the next word).
  let end = 0;
  for (const label of found.labels) {
    const at = text.indexOf(label, end);
    if (at >= 0) end = at + label.length;
  }
  const last = taken.find((t) => t.end >= Math.min(end, found.consumed)) ?? taken[taken.length - 1]!;
  return { labels: found.labels, next: last.index + 1 };
}

function sameLabels(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((l, i) => foldForSearch(l) === foldForSearch(b[i]!));
}

/** Column numbers written under the header ("1", "2", … or "(1)", "(2)", …). */
function skipColumnNumbers(lines: string[], start: number, width: number): number {
  let j = start;
  let expected = 1;
  while (j < lines.length && expected <= width) {
    const line = clean(lines[j]);
    if (line === "") {
      j++;
      continue;
    }
    const m = /^\(?(\d{1,2})\)?$/.exec(line);
    if (!m || Number(m[1]) !== expected) break;
    expected++;
    j++;
  }
  return expected > width ? j : start;
}

interface PendingRow {
  kind: "item" | "section" | "continuation";
  mark: string;
  lines: string[];
  /** The same lines with blank lines kept: in Word tables saved as text an empty cell is one. */
  withBlanks: string[];
}

/** One line per cell, blank for an empty cell: the row needs no guessing. */
function exactCells(row: PendingRow, width: number): string[] | null {
  const cells = [...row.withBlanks];
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  while (cells.length < width && row.withBlanks.length > cells.length) cells.push("");
  return cells.length === width && cells.includes("") ? cells : null;
}

/** A row of one line is a group heading: its name, nothing else. */
function nameOnly(row: PendingRow, roles: (Role | null)[]): string[] | null {
  const name = roles.findIndex((r) => r === "title" || r === "name");
  if (row.lines.length !== 1 || name < 0) return null;
  return roles.map((_, i) => (i === name ? row.lines[0]! : ""));
}

/** Lines a page's footnotes can take at its foot. */
const MAX_FOOTNOTE_LINES = 8;

/**
 * A row without the footnotes printed at the foot of its page, which flattened text puts right
 * before the next page's header: from a line that is only a footnote mark ("1" / "Nguồn: …"), or
 * opens with one glued to a capital ("1Nguồn: …"), to the end.
 */
function withoutFootnotes(row: PendingRow): PendingRow {
  const lines = row.lines;
  for (let i = lines.length - 1; i >= Math.max(1, lines.length - MAX_FOOTNOTE_LINES); i--) {
    const line = lines[i]!;
    const mark = /^\d{1,2}$/.test(line) && i < lines.length - 1;
    if (!mark && !/^\d{1,2}\p{Lu}\p{Ll}/u.test(line)) continue;
    const kept = lines.slice(0, i);
    let dropped = lines.length - i;
    const withBlanks = [...row.withBlanks];
    while (dropped > 0 && withBlanks.length > 0) if (withBlanks.pop() !== "") dropped--;
    return { ...row, lines: kept, withBlanks };
  }
  return row;
}

/** A page's number as printed: "- 2 -", "Trang 2", or a bare "2". */
const PAGE_NUMBER = /^(?:[-–]\s*\d{1,3}\s*[-–]|trang\s+\d{1,3})$/i;
const BARE_NUMBER = /^\d{1,3}$/;

function nextLine(lines: string[], at: number): number {
  let next = at + 1;
  while (next < lines.length && clean(lines[next]) === "") next++;
  return next;
}

/**
 * A page's number on its own line, which text flattened from a page leaves between rows, where
 * it would otherwise read as a row's number or a cell. "- 2 -" and "Trang 2" are nothing else. A
 * bare number may instead be the last cell of the row above ("100" under a target), so it is
 * taken for the page's only where the row above has no cell left to fill (a section row, or a
 * row with a line for every column already) and the next page's header follows; or, the header
 * not repeated, between a section row and a row number, since no row is its number alone.
 */
function isPageNumber(
  lines: string[],
  at: number,
  table: { labels: string[]; cells: number; lastNumber: string | null },
  row: PendingRow | null,
): boolean {
  const line = clean(lines[at]);
  if (PAGE_NUMBER.test(line)) return true;
  if (!BARE_NUMBER.test(line)) return false;
  const next = nextLine(lines, at);
  if (next >= lines.length) return false;
  if (row?.kind === "section" && row.lines.length > 0) {
    const number = ROW_START.exec(clean(lines[next]));
    if (number && !number[2] && plausibleNumber(number[1]!, table.lastNumber, true)) return true;
  }
  const full = row === null || row.kind !== "item" || row.lines.length >= table.cells;
  const header = full ? headerAt(lines, next) : null;
  return header !== null && sameLabels(header.labels, table.labels);
}

function plausibleNumber(number: string, previous: string | null, afterSection: boolean): boolean {
  const parts = number.split(".").map(Number);
  if (previous === null) return parts[0]! <= 3;
  const prev = previous.split(".").map(Number);
  const top = parts[0]!;
  if (parts.length === 1) return (top > prev[0]! && top <= prev[0]! + 3) || (afterSection && top <= 3);
  // 11.1 after 11, 11.2 after 11.1, 12.1 after 12
  return top === prev[0] || (top === prev[0]! + 1 && parts[1] === 1);
}

export function findLineTable(lines: string[], start: number): LineTable | null {
  const header = headerAt(lines, start);
  if (!header) return null;
  const map = mapHeader(header.labels)!;
  // Without an STT column, rows are numbered in their name ("1. Xây dựng…", "I. TUYÊN TRUYỀN").
  const numbered = map.roles[0] === "stt";
  const roles = numbered ? map.roles.slice(1) : map.roles;
  const width = header.labels.length;
  const nameAt = Math.max(
    0,
    roles.findIndex((r) => r === "title" || r === "name"),
  );
  const withMark = (mark: string, cells: string[]): string[] =>
    numbered ? [mark, ...cells] : cells.map((c, i) => (i === nameAt && mark !== "" ? `${mark}. ${c}` : c));
  const rows: string[][] = [header.labels];
  const pending: PendingRow[] = [];
  let current: PendingRow | null = null;
  let lastNumber: string | null = null;
  let lastSection = 0;
  let lastPart = 0;
  let lastLetter: string | null = null;
  let afterSection = false;
  let j = skipColumnNumbers(lines, header.next, width);
  const minLines = Math.max(1, Math.ceil(roles.length / 2));

  while (j < lines.length) {
    const raw = lines[j]!;
    const line = clean(raw);
    if (line === "") {
      if (current && current.lines.length > 0) current.withBlanks.push("");
      j++;
      continue;
    }
    if (raw.includes("\t") || TABLE_END.test(foldForSearch(line))) break;
    const repeated = headerAt(lines, j, header.labels);
    if (repeated && sameLabels(repeated.labels, header.labels)) {
      // A page break: what follows without a number continues the row above.
      if (current) pending.push(withoutFootnotes(current));
      current = { kind: "continuation", mark: "", lines: [], withBlanks: [] };
      j = skipColumnNumbers(lines, repeated.next, width);
      continue;
    }
    if (isPageNumber(lines, j, { labels: header.labels, cells: roles.length, lastNumber }, current)) {
      j++;
      continue;
    }
    const number = ROW_START.exec(line);
    // A group heading ("2 | Đơn giản hóa…", nothing else) is one line; its sub-rows follow it.
    const under = current?.kind === "item" && current.lines.length > 0;
    const child = under && number !== null && number[1]!.startsWith(`${current!.mark}.`);
    const ready = current?.kind !== "item" || current.lines.length >= minLines || child;
    const letter = LETTER_START.exec(line)?.[1];
    const nextLetter: string = lastLetter === null ? "a" : String.fromCharCode(lastLetter.charCodeAt(0) + 1);
    const lettered = letter !== undefined && letter === nextLetter && (lastLetter === null ? under : ready);
    const section = SECTION_START.exec(line);
    const part = PART_START.exec(line);
    // A letter alone is a part only when the part's title, in capitals, comes next.
    const bareTitle =
      part && !part[2] && !part[3] ? clean(lines.slice(j + 1).find((l) => clean(l) !== "")) : "";
    const partValue = part && !/\p{Ll}/u.test(bareTitle) ? part[1]!.charCodeAt(0) - 64 : 0;
    // A heading of the body in capitals under a numeral already passed ("III. TỔ CHỨC THỰC HIỆN"
    // after the table's section III): the table ended with the row before it. A cell's wrapped
    // line ("I năm 2026", the rest of "Quý I") has no point after the numeral.
    const heading = BODY_HEADING.exec(line);
    const numeral = heading && isRoman(heading[1]!) ? romanValue(heading[1]!) : 0;
    if (ready && current?.kind === "item" && numeral > 0 && numeral <= lastSection) break;
    if (ready && number && plausibleNumber(number[1]!, lastNumber, afterSection)) {
      if (current) pending.push(current);
      const first = number[2] ? [number[2]] : [];
      current = { kind: "item", mark: number[1]!, lines: first, withBlanks: [...first] };
      lastNumber = number[1]!;
      lastLetter = null;
      afterSection = false;
    } else if (lettered && lastNumber !== null) {
      if (current) pending.push(current);
      current = { kind: "item", mark: letter!, lines: [], withBlanks: [] };
      lastLetter = letter!;
    } else if (
      ready &&
      part &&
      partValue === lastPart + 1 &&
      !(section && romanValue(section[1]!) === lastSection + 1)
    ) {
      if (current) pending.push(current);
      const title = part[2] ?? part[3];
      const first = title ? [title] : [];
      current = { kind: "section", mark: part[1]!, lines: first, withBlanks: [...first] };
      lastPart++;
      lastSection = 0;
      afterSection = true;
    } else if (ready && section && isRoman(section[1]!) && romanValue(section[1]!) === lastSection + 1) {
      if (current) pending.push(current);
      const first = section[2] ? [section[2]] : [];
      current = { kind: "section", mark: section[1]!, lines: first, withBlanks: [...first] };
      lastSection++;
      afterSection = true;
    } else if (current) {
      current.lines.push(line);
      current.withBlanks.push(line);
    } else {
      return null;
    }
    j++;
  }
  if (current) pending.push(current);
  if (!pending.some((p) => p.kind === "item")) return null;

  return {
    rows: [
      ...rows,
      ...segmentRows(pending, roles, { labels: header.labels, width, numbered, withMark, nameAt }),
    ],
    next: j,
  };
}

/** Rows of cells from the pending rows, twice: the first pass tells the columns' widths. */
function segmentRows(
  pending: PendingRow[],
  roles: (Role | null)[],
  layout: {
    labels: string[];
    width: number;
    /** Whether the table has an STT column; without one, a row's number opens its name. */
    numbered: boolean;
    withMark: (mark: string, cells: string[]) => string[];
    /** The column of the row's name, counted without the STT column. */
    nameAt: number;
  },
): string[][] {
  const { labels, width, numbered, withMark, nameAt } = layout;
  const pass = (widths?: Widths): { rows: string[][]; segmented: Segmented[] } => {
    const rows: string[][] = [];
    const segmented: Segmented[] = [];
    let previous: Segmented | null = null;
    // The continuation already split together with the row it continues.
    let carried: string[] | null = null;
    pending.forEach((row, index) => {
      if (row.kind === "section") {
        const title = row.lines.join(" ");
        // The title goes under the name column wherever the table puts it: a section row
        // whose title sat under "Cơ quan chủ trì" would read as an item led by its title.
        if (numbered) rows.push([row.mark, ...roles.map((_, i) => (i === nameAt ? title : ""))]);
        else rows.push(Array(width).fill(`${row.mark}. ${title}`));
        return;
      }
      if (row.kind === "continuation") {
        // The header again, as on the page: it tells the interpreter a page break came here.
        rows.push([...labels]);
        if (row.lines.length > 0) {
          rows.push(withMark("", carried ?? segmentContinuation(row.lines, roles, previous, widths)));
        }
        carried = null;
        return;
      }
      const after = pending[index + 1];
      const open = after?.kind === "continuation" && after.lines.length > 0;
      // A row of one line cut by a page break holds the first line of every cell, not a heading.
      const exact = exactCells(row, roles.length) ?? (open ? null : nameOnly(row, roles));
      let result: Segmented;
      if (exact) {
        result = { cells: exact, counts: exact.map((c) => (c === "" ? 0 : 1)), parts: exact.map((c) => [c]) };
      } else if (open && after) {
        const both = segmentOpenRow(row.lines, after.lines, roles, widths);
        result = both.row;
        carried = both.continuation;
      } else result = segmentRow(row.lines, roles, widths);
      if (!exact) segmented.push(result);
      previous = result;
      rows.push(withMark(row.mark, result.cells));
    });
    return { rows, segmented };
  };
  const first = pass();
  const widths = columnWidths(first.segmented, roles.length);
  return widths.some((w) => w !== null) ? pass(widths).rows : first.rows;
}
