import { foldForSearch } from "../../domain/text.ts";
import { mapHeader, type Role, splitSquashedHeader } from "./columns.ts";
import { alignedCells, alignedStarts, centredHeader } from "./layoutAligned.ts";
import {
  crossings,
  findColumnStarts,
  lineCells,
  mergeUnlabelled,
  spacedPieces,
  wordStarts,
} from "./layoutColumns.ts";
import {
  advance,
  groupRows,
  type Mark,
  type PageLines,
  plausible,
  readMark,
  type Sequence,
} from "./layoutRows.ts";

/**
 * Tables laid out with spaces: text saved by a PDF viewer or by `pdftotext -layout`. Each page
 * repeats the header; its columns sit at their own x on each page, so columns are found page by
 * page (layoutColumns.ts), each line's words are shared out among them, and the lines are grouped
 * into rows from where the STT column holds a row number (layoutRows.ts). The rows go on as a
 * table block, read by the same interpreter as the tables of every other format.
 */

export interface LayoutTable {
  /** Rows of cells, the header first. */
  rows: string[][];
  /** Index of the first line after the table. */
  next: number;
}

const MAX_HEADER_LINES = 8;
const MAX_PAGE_LINES = 150;
/** Lines between a page's last row and the next page's header: footnotes, page numbers. */
const MAX_PAGE_FOOT = 10;
/** Read on the text as written: folding every line of every page costs more than the table. */
const TABLE_END = /^(?:nơi nhận|phụ lục|tm\.|kt\.)/iu;
const PAGE_NUMBER = /^(?:-\s*\d{1,3}\s*-|trang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?|\d{1,3})$/i;

const HEADER_WORDS = [
  /\b(?:s ?t ?t|t ?t|st)\b/,
  /nhiem vu|noi dung|cong viec|chi tieu|\bten\b|giai phap|hoat dong/,
  /chu tri|phoi hop|thoi han|thoi gian|tien do|don vi|dvt|muc tieu|ket qua|san pham|ke hoach|\b20\d\d\b/,
];

/** The STT column's label, whole or cut ("ST" / "T"): rows are found by its numbers. */
const STT_LABEL = /(?:^|\s)(?:STT|Stt|TT|ST)(?=\s|$)/u;

const norm = (line: string | undefined) => (line ?? "").trim().replace(/\s+/g, " ");
const blank = (line: string | undefined) => norm(line) === "";

/** Column numbers under a header: "(1) (2) (3) …" or "1 2 3 …". */
function isColumnNumbers(line: string): boolean {
  const words = norm(line).split(" ");
  if (words.length < 3) return false;
  const numbers = words.map((w) => /^\(?(\d{1,2})\)?$/.exec(w)?.[1]);
  return numbers.every((n, i) => n !== undefined && (i === 0 || Number(n) > Number(numbers[i - 1])));
}

/** Header labels of the columns: each column's words over the header's lines. */
function labelsOf(lines: string[], starts: number[]): string[] {
  const labels = starts.map(() => "");
  for (const line of lines) {
    lineCells(line, starts).forEach((cell, k) => {
      if (cell !== "") labels[k] = labels[k] === "" ? cell : `${labels[k]} ${cell}`;
    });
  }
  return labels;
}

function fullyLabels(labels: string[]): boolean {
  const text = labels.join(" ");
  const found = splitSquashedHeader(text);
  return found !== null && found.consumed >= text.trim().replace(/\s+/g, " ").length;
}

interface Header {
  lines: string[];
  labels: string[];
  starts: number[];
  /** Index of the first line after the header. */
  next: number;
  /** The header's lines as the next page repeats them. */
  wanted: string[];
  /** Cells one blank apart: lines are split by layoutAligned.ts. */
  aligned: boolean;
}

/** Lines from `start` up to the first row number at the left, which the header cannot hold. */
function headerCandidates(lines: string[], start: number): number[] {
  const taken: number[] = [];
  let j = start;
  while (j < lines.length && taken.length < MAX_HEADER_LINES) {
    const line = lines[j]!;
    if (!blank(line)) {
      const first = norm(line).split(" ")[0]!;
      if (readMark(first) !== null && !isColumnNumbers(line)) break;
      taken.push(j);
    }
    j++;
  }
  return taken;
}

/**
 * The header starting at `start`, with the columns of its page. The header is the longest run
 * of lines whose words, column by column, are all known labels; where a label is unknown, every
 * line before the first row number.
 */
function headerAt(lines: string[], start: number, wasAligned = false): Header | null {
  const candidates = headerCandidates(lines, start);
  if (candidates.length === 0 || candidates[0] !== start) return null;
  // Before any column search: the lines name a row number, a task or indicator, and more.
  const words = foldForSearch(candidates.map((j) => lines[j]!).join(" "));
  if (!HEADER_WORDS.every((re) => re.test(words))) return null;
  // The page ends where its header comes again: the next page sets its columns at its own x.
  let pageEnd = start + 1;
  // Any line of the header marks the next page: its lines may come in another order there.
  const own = new Set(candidates.map((j) => norm(lines[j])).filter((l) => l.includes(" ")));
  own.add(norm(lines[start]));
  while (pageEnd <= candidates[candidates.length - 1]!) pageEnd++;
  while (
    pageEnd < lines.length &&
    pageEnd < start + MAX_PAGE_LINES &&
    !own.has(norm(lines[pageEnd])) &&
    !TABLE_END.test(norm(lines[pageEnd]))
  )
    pageEnd++;
  const page = lines.slice(start, pageEnd);
  const raw = findColumnStarts(
    page,
    candidates.map((j) => lines[j]!),
  );
  const counts = wordStarts(page);
  const byChannels = raw ? channelHeader(lines, candidates, raw, counts) : null;
  // Cells one blank apart leave too few channels: the header's centred labels tell the columns.
  const byLabels = alignedHeader(lines, candidates, pageEnd);
  // A table's later pages come from the same producer: cells one blank apart on its first page
  // are read so on every page, even where a page happens to show blank channels.
  const fewer = (n: number) =>
    wasAligned ? n <= (byLabels?.labels.length ?? 0) : n < (byLabels?.labels.length ?? 0);
  if (byLabels && (!byChannels || fewer(byChannels.labels.length))) return byLabels;
  return byChannels;
}

/** The header's columns from the page's blank channels. */
function channelHeader(
  lines: string[],
  candidates: number[],
  raw: number[],
  counts: Map<number, number>,
): Header | null {
  // The longest run of lines that are all labels; failing that, the longest that maps.
  let fallback: Header | null = null;
  for (let h = candidates.length; h >= 1; h--) {
    const used = candidates.slice(0, h).map((j) => lines[j]!);
    const useful = used.filter((l) => !isColumnNumbers(l));
    const starts = mergeUnlabelled(raw, labelsOf(useful, raw), counts);
    const labels = labelsOf(useful, starts);
    if (labels.length < 3) continue;
    const full = fullyLabels(labels);
    if (!full && fallback) continue;
    if (!mapHeader(labels)) continue;
    const next = candidates[h - 1]! + 1;
    const header = { lines: used, labels, starts, next, wanted: wantedLines(used), aligned: false };
    if (full) return header;
    fallback = header;
  }
  const best = fallback;
  return best;
}

/**
 * The header's columns from its centred labels, for cells one blank apart (layoutAligned.ts):
 * the longest run of lines whose labels are all known.
 */
function alignedHeader(lines: string[], candidates: number[], pageEnd: number): Header | null {
  for (let h = candidates.length; h >= 1; h--) {
    const used = candidates.slice(0, h).map((j) => lines[j]!);
    const found = centredHeader(used.filter((l) => !isColumnNumbers(l)));
    if (!found || !fullyLabels(found.labels) || !mapHeader(found.labels)) continue;
    const next = candidates[h - 1]! + 1;
    const starts = alignedStarts(lines.slice(next, pageEnd), found.spans);
    return { lines: used, labels: found.labels, starts, next, wanted: wantedLines(used), aligned: true };
  }
  return null;
}

/** A page's header again: the first two of its lines, in order, from `at`. */
function wantedLines(header: string[]): string[] {
  return header.map(norm).filter((l) => l !== "" && !isColumnNumbers(l));
}

function repeatsHeader(lines: string[], at: number, header: Header): boolean {
  const wanted = header.wanted;
  if (wanted.length === 0 || norm(lines[at]) !== wanted[0]) return false;
  if (wanted.length === 1) return true;
  let j = at + 1;
  while (j < lines.length && blank(lines[j])) j++;
  return norm(lines[j]) === wanted[1];
}

/** Index of the next page's repeated header within the page foot after `at`, or -1. */
function headerAhead(lines: string[], at: number, header: Header): number {
  for (let j = at; j < lines.length && j < at + MAX_PAGE_FOOT; j++) {
    if (repeatsHeader(lines, j, header)) return j;
  }
  return -1;
}

/** Where a page's lines are cut into cells: at the starts, or by cost where cells touch. */
interface Cut {
  starts: number[];
  aligned: boolean;
  roles: (Role | null)[];
}

function cellsOf(line: string, cut: Cut): string[] {
  const sttAt = Math.max(0, cut.roles.indexOf("stt"));
  return cut.aligned ? alignedCells(line, cut.starts, cut.roles, sttAt) : lineCells(line, cut.starts);
}

/** The first line of the table's page that belongs to the body, per the rules of a body line. */
function isOutside(line: string, cut: Cut, mark: Mark | null, sttAt: number): boolean {
  const sttText = cellsOf(line, cut)[sttAt] ?? "";
  // The STT column holds row numbers only; a section title may run across the columns.
  if (sttText !== "" && mark === null) return true;
  // Cells one blank apart run across the starts everywhere: only the STT column tells.
  return !cut.aligned && mark?.kind !== "section" && crossings(line, cut.starts) >= 2;
}

/** The next line from `at` where the table goes on (a row's first line, a header), or -1. */
function resumeAt(lines: string[], at: number, header: Header, cut: Cut, sttAt: number): number {
  for (let j = at; j < lines.length && j < at + MAX_PAGE_FOOT; j++) {
    const line = lines[j]!;
    if (blank(line)) continue;
    if (TABLE_END.test(norm(line))) return -1;
    if (repeatsHeader(lines, j, header)) return j;
    const cells = cellsOf(line, cut);
    const mark = readMark(cells[sttAt] ?? "");
    if (mark && cells.some((c, k) => k !== sttAt && c !== "") && !isOutside(line, cut, mark, sttAt)) return j;
  }
  return -1;
}

export function findLayoutTable(lines: string[], start: number): LayoutTable | null {
  const first = lines[start] ?? "";
  if (blank(first)) return null;
  // Cheap test before any column search: a header line shows three cells or more.
  const window = lines.slice(start, start + MAX_HEADER_LINES);
  if (!window.some((l) => spacedPieces(l) >= 3)) return null;
  // …and an STT label.
  if (!window.some((l) => STT_LABEL.test(l))) return null;
  const header = headerAt(lines, start);
  if (!header) return null;
  const map = mapHeader(header.labels)!;
  // Rows are told apart by their numbers: without an STT column, the other readers try.
  const sttAt = map.roles.indexOf("stt");
  if (sttAt < 0) return null;

  const pages: PageLines[] = [];
  const roles = map.roles;
  let page: PageLines = { starts: header.starts, lines: [], aligned: header.aligned };
  let j = header.next;
  while (j < lines.length && isColumnNumbers(lines[j]!)) j++;
  let blanks = 0;
  const seq: Sequence = { number: null, section: 0, part: 0, letter: null, afterSection: false };
  while (j < lines.length) {
    const line = lines[j]!;
    if (blank(line)) {
      blanks++;
      page.lines.push("");
      j++;
      continue;
    }
    if (repeatsHeader(lines, j, header)) {
      pages.push(page);
      const again = headerAt(lines, j, header.aligned);
      page = { starts: again?.starts ?? page.starts, lines: [], aligned: again?.aligned ?? page.aligned };
      j = again?.next ?? j + header.lines.length;
      while (j < lines.length && isColumnNumbers(lines[j]!)) j++;
      blanks = 0;
      continue;
    }
    const cut: Cut = { starts: page.starts, aligned: page.aligned === true, roles };
    const mark = readMark(cellsOf(line, cut)[sttAt] ?? "");
    const pageNumber = PAGE_NUMBER.test(norm(line)) && (mark === null || norm(line).split(" ").length === 1);
    const stop = TABLE_END.test(norm(line));
    if (stop) break;
    // Cells one blank apart leave no gutter to tell a heading of the body from a row: a mark
    // out of the rows' order ("III." after rows 1 … 12, "1." after 12) is the body again.
    if (cut.aligned && mark && !pageNumber && !plausible(mark, seq) && headerAhead(lines, j, header) < 0)
      break;
    if (mark && plausible(mark, seq)) advance(mark, seq);
    const outside =
      (pageNumber && headerAhead(lines, j + 1, header) >= 0) || isOutside(line, cut, mark, sttAt);
    if (outside || blanks >= 3) {
      // A note across the table, a footnote, a page number: the table goes on if a row or the
      // next page's header comes soon after.
      const resume = resumeAt(lines, j + 1, header, cut, sttAt);
      if (resume < 0) break;
      j = resume;
      blanks = 0;
      continue;
    }
    blanks = 0;
    page.lines.push(line);
    j++;
  }
  pages.push(page);
  while (j > header.next && blank(lines[j - 1])) j--;
  const rows = groupRows(pages, map.roles);
  if (!rows.some((r) => r.kind === "item")) return null;
  const nameAt = Math.max(
    0,
    map.roles.findIndex((r) => r === "title" || r === "name"),
  );
  const width = header.labels.length;
  const out: string[][] = [header.labels];
  for (const row of rows) {
    if (row.kind === "section") {
      out.push(
        Array.from({ length: width }, (_, k) => (k === sttAt ? row.mark : k === nameAt ? row.title : "")),
      );
    } else out.push(row.cells.map((cell, k) => (k === sttAt ? row.mark : cell)));
  }
  return { rows: out, next: j };
}
