import type { RawCell, RawRow } from "../../model.ts";
import { toCellLines } from "../cellText.ts";
import { buildLines, joinLines, type Measure, measureIn } from "./lines.ts";
import type { PlacedBlock } from "./paragraphs.ts";
import { right, type TextItem } from "./types.ts";

/**
 * Tables without ruling lines, from the alignment of text alone. A header is a line split by wide
 * gaps into several short runs; its runs give the columns, and the gutters that stay empty in the
 * lines below give the borders between them. The table goes on while lines keep to those columns;
 * a row starts where the first column has a number (or, failing that, after a wider gap).
 */

/**
 * A gap between two lines wider than this many times the pitch of the lines in one cell is the
 * padding between rows: no cell has a line there. Word processors pad rows by a fraction of a
 * line, so the margin over the pitch is small (a gap inside a cell is the pitch itself).
 */
const ROW_PADDING = 1.12;
/** Gap, in font sizes, between the runs of text in two cells of one line. */
const CELL_GAP = 0.5;
const MIN_COLUMNS = 3;
const NUMBERING = /^(\d{1,3}(\.\d{1,3})*\.?|[IVXLC]{1,6}\.?|[a-zđ][.)])$/u;

interface VisualLine {
  y: number;
  size: number;
  items: TextItem[];
  runs: { left: number; right: number; items: TextItem[] }[];
}

function visualLines(items: TextItem[]): VisualLine[] {
  const sorted = items.filter((item) => !item.sup).sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: VisualLine[] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(item.y - line.y) < 0.5 * Math.max(item.size, line.size)) {
      line.items.push(item);
      line.size = Math.max(line.size, item.size);
    } else lines.push({ y: item.y, size: item.size, items: [item], runs: [] });
  }
  // A footnote mark is raised above its line; it must not pass for a line (or a row number).
  for (const mark of items.filter((item) => item.sup)) {
    const below = lines.filter((line) => line.y >= mark.y && line.y - mark.y < line.size);
    const line = below.sort((a, b) => a.y - b.y)[0];
    if (line) line.items.push(mark);
    else lines.push({ y: mark.y, size: mark.size, items: [mark], runs: [] });
  }
  lines.sort((a, b) => a.y - b.y);
  for (const line of lines) {
    line.items.sort((a, b) => a.x - b.x);
    for (const item of line.items) {
      const run = line.runs[line.runs.length - 1];
      if (run && item.x - run.right <= CELL_GAP * line.size) {
        run.items.push(item);
        run.right = Math.max(run.right, right(item));
      } else line.runs.push({ left: item.x, right: right(item), items: [item] });
    }
  }
  return lines;
}

/**
 * Column borders: between two header columns, the gutter that the fewest body items cross (items,
 * not runs: a short entry may sit close to its neighbour cell), widest among equals, kept off the
 * header's own words.
 */
function borders(header: VisualLine, body: VisualLine[]): number[] {
  const runs = header.runs;
  const items = body.flatMap((line) => line.items);
  const out: number[] = [];
  for (let k = 0; k + 1 < runs.length; k++) {
    const lo = runs[k]!.right;
    const hi = Math.max(runs[k + 1]!.left, lo);
    const inside = items.filter((item) => item.x < hi && right(item) > lo);
    const edges = [lo, hi, ...inside.flatMap((item) => [item.x, right(item)])]
      .filter((x) => x >= lo && x <= hi)
      .sort((a, b) => a - b);
    let best = { at: (lo + hi) / 2, crossed: Number.POSITIVE_INFINITY, width: 0 };
    for (let e = 0; e + 1 < edges.length; e++) {
      const width = edges[e + 1]! - edges[e]!;
      const at = (edges[e]! + edges[e + 1]!) / 2;
      const crossed = inside.filter((item) => item.x < at && right(item) > at).length;
      if (crossed < best.crossed || (crossed === best.crossed && width > best.width))
        best = { at, crossed, width };
    }
    out.push(best.at);
  }
  return out;
}

const isBold = (line: VisualLine): boolean => line.items.every((item) => item.bold);

type Run = VisualLine["runs"][number];

/** Runs of several lines that overlap horizontally are one column. */
function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of [...runs].sort((a, b) => a.left - b.left)) {
    const last = out[out.length - 1];
    if (last && run.left <= last.right) {
      last.right = Math.max(last.right, run.right);
      last.items = [...last.items, ...run.items];
    } else out.push({ ...run, items: [...run.items] });
  }
  return out;
}

const columnOf = (bounds: number[], x: number): number => {
  const index = bounds.findIndex((b) => x < b);
  return index < 0 ? bounds.length : index;
};

/**
 * Does the line keep to the columns? A run of cell text may reach past its header's centre but
 * not over the centre of a neighbouring column; a section row (a number in the first column, its
 * title spanning the rest) also keeps.
 */
function fits(line: VisualLine, head: VisualLine): boolean {
  const centres = head.runs.map((run) => (run.left + run.right) / 2);
  const first = line.runs[0]!;
  // A section title carried over from the previous page: one run from the second column on.
  if (line.runs.length === 1 && first.left > centres[0]! && first.left < (centres[1] ?? 0)) return true;
  const crosses = (run: Run) => centres.filter((c) => c > run.left + 1 && c < run.right - 1).length;
  return line.runs.every((run, i) => {
    if (crosses(run) <= 1) return true;
    // A row number written in one run with the first words of its title ("2.4 Thực hiện …").
    if (i === 0 && line.runs.length >= 2 && crosses(afterNumber(run)) <= 1) return true;
    if (splitAtGutters(run, head).every((piece) => crosses(piece) <= 1)) return true;
    return (
      i === 1 && first.right < (centres[1] ?? Number.POSITIVE_INFINITY) && NUMBERING.test(runText(first))
    );
  });
}

/**
 * Narrow columns leave less than a cell gap between a full line of one cell and the next cell's
 * text. Such a run is still two cells where it breaks between words inside a gutter of the header.
 */
export function splitAtGutters(run: Run, head: { runs: { left: number; right: number }[] }): Run[] {
  const gutters = head.runs.slice(1).map((next, k) => ({ from: head.runs[k]!.right, to: next.left }));
  const items = [...run.items].sort((a, b) => a.x - b.x);
  const pieces: Run[] = [];
  for (const item of items) {
    const piece = pieces[pieces.length - 1];
    const end = piece ? piece.right : Number.NEGATIVE_INFINITY;
    const spaced = item.x - end > 0.15 * item.size;
    const inGutter = gutters.some((g) => end < g.to && item.x > g.from);
    if (piece && !(spaced && inGutter)) {
      piece.items.push(item);
      piece.right = Math.max(piece.right, right(item));
    } else pieces.push({ left: item.x, right: right(item), items: [item] });
  }
  return pieces;
}

/** The part of a run after a leading row number, or the whole run when it has none. */
function afterNumber(run: Run): Run {
  const item = run.items[0]!;
  const match = /^(\S+)(\s+)(?=\S)/.exec(item.str);
  if (!match || !NUMBERING.test(match[1]!)) return run;
  const perChar = item.width / Math.max(item.str.length, 1);
  return { ...run, left: item.x + match[0].length * perChar };
}

const runText = (run: { items: TextItem[] }): string =>
  run.items
    .map((item) => item.str)
    .join(" ")
    .trim();

/**
 * A section row whose number and title the producer wrote as one run of text: a numbered line
 * opening in the first column, followed by a line of cells: a numbered row, or one that leaves the
 * first column empty (running text after a table starts at the margin, or does not keep to the
 * columns).
 */
function isSectionRow(line: VisualLine, next: VisualLine | undefined, head: VisualLine): boolean {
  const centres = head.runs.map((run) => (run.left + run.right) / 2);
  const run = line.runs[0]!;
  const number = /^\S+/.exec(runText(run))?.[0] ?? "";
  if (line.runs.length !== 1 || run.left >= centres[0]! || !NUMBERING.test(number)) return false;
  if (!next || next.y - line.y > 3 * next.size || !fits(next, head)) return false;
  const opening = next.runs[0]!;
  return opening.left > centres[0]! || (next.runs.length >= 2 && NUMBERING.test(runText(opening)));
}

/** The header columns of a table that reaches the foot of its page. */
export interface CarriedHeader {
  runs: { left: number; right: number; items: TextItem[] }[];
}

export interface GapTables {
  tables: PlacedBlock[];
  rest: TextItem[];
  /** Footnote marks found in each cell. */
  marks: Map<RawCell, string[]>;
  /** Set when the page's last table runs to the foot of the page: it may go on overleaf. */
  carry?: CarriedHeader;
}

const FOLIO = /^[-–—\s]*\d{1,4}[-–—\s]*$/;

/**
 * Lines at the top of a page that keep to the columns of the table the previous page ended
 * with: the table running on without its header repeated.
 */
function carriedEnd(lines: VisualLine[], carried: CarriedHeader | undefined): number {
  if (!carried) return 0;
  const head = { y: 0, size: 0, items: [], runs: carried.runs };
  let end = 0;
  while (end < lines.length) {
    const line = lines[end]!;
    if (end > 0 && line.y - lines[end - 1]!.y > 3 * line.size) break;
    if (!fits(line, head) && !isSectionRow(line, lines[end + 1], head)) break;
    end++;
  }
  return end;
}

export function gapTables(items: TextItem[], page: number, carried?: CarriedHeader): GapTables {
  const lines = visualLines(items);
  const tables: PlacedBlock[] = [];
  const marks = new Map<RawCell, string[]>();
  const used = new Set<TextItem>();
  if (items.length === 0) return { tables, rest: items, marks };
  // The span of all the text, not the body column: a page may be nothing but table.
  const extent = { left: Math.min(...items.map((item) => item.x)), right: Math.max(...items.map(right)) };
  const width = Math.max(extent.right - extent.left, 1);
  let i = 0;
  let carry: CarriedHeader | undefined;
  const runsOn = carriedEnd(lines, carried);
  if (carried && runsOn > 0) {
    const bounds = borders({ ...lines[0]!, runs: carried.runs }, lines.slice(0, runsOn));
    const rows = tableRows(lines.slice(0, runsOn), 0, bounds, page, { ...extent, centred: true }, marks);
    // As for a table under its own header: it must have numbered rows to be trusted.
    if (rows.filter((row) => NUMBERING.test(row.cells[0]!.text)).length >= 2) {
      for (const line of lines.slice(0, runsOn)) for (const item of line.items) used.add(item);
      tables.push({ top: lines[0]!.y - lines[0]!.size, block: { kind: "table", rows } });
      i = runsOn;
      if (lines.slice(runsOn).every((line) => FOLIO.test(runText({ items: line.items })))) carry = carried;
    }
  }
  while (i < lines.length) {
    const header = lines[i]!;
    const cellLike = (line: VisualLine) =>
      line.runs.every((run) => run.right - run.left < 0.45 * width) &&
      Math.abs(line.size - header.size) < 0.15 * header.size;
    if (header.runs.length < MIN_COLUMNS || !cellLike(header)) {
      i++;
      continue;
    }
    // A header's cells may be centred vertically over several lines: its columns are the
    // bold lines around this one, put together.
    let start = i;
    let stop = i + 1;
    if (isBold(header)) {
      const joins = (line: VisualLine, a: VisualLine, b: VisualLine) =>
        isBold(line) &&
        cellLike(line) &&
        !NUMBERING.test(runText(line.runs[0]!)) &&
        b.y - a.y < 1.6 * Math.max(a.size, b.size);
      while (start > 0 && joins(lines[start - 1]!, lines[start - 1]!, lines[start]!)) start--;
      while (stop < lines.length && joins(lines[stop]!, lines[stop - 1]!, lines[stop]!)) stop++;
    }
    const head = { ...header, runs: mergeRuns(lines.slice(start, stop).flatMap((line) => line.runs)) };
    let end = stop;
    while (end < lines.length) {
      const line = lines[end]!;
      if (line.y - lines[end - 1]!.y > 3 * line.size) break;
      if (!fits(line, head) && !isSectionRow(line, lines[end + 1], head)) break;
      end++;
    }
    const bounds = borders(head, lines.slice(stop, end));
    const measure = { ...extent, centred: true };
    const rows =
      end - start >= 3 ? tableRows(lines.slice(start, end), stop - start, bounds, page, measure, marks) : [];
    // Without borders to go by, a table needs numbered rows or a wide header to be trusted.
    const numbered = rows.filter((row) => NUMBERING.test(row.cells[0]!.text)).length;
    if (numbered >= 2 || (head.runs.length >= 4 && rows.length >= 2)) {
      for (const line of lines.slice(start, end)) for (const item of line.items) used.add(item);
      tables.push({ top: lines[start]!.y - header.size, block: { kind: "table", rows } });
      i = end;
      const foot = lines.slice(end).every((line) => FOLIO.test(runText({ items: line.items })));
      carry = foot ? { runs: head.runs } : undefined;
    } else i++;
  }
  return { tables, rest: items.filter((item) => !used.has(item)), marks, carry };
}

function tableRows(
  lines: VisualLine[],
  headerLines: number,
  bounds: number[],
  page: number,
  measure: Measure,
  marks: Map<RawCell, string[]>,
): RawRow[] {
  const groups: VisualLine[][] = [];
  const pitches = lines.slice(1).map((line, k) => line.y - lines[k]!.y);
  const usual = [...pitches].sort((a, b) => a - b)[Math.floor(pitches.length / 2)] ?? 0;
  const numbered = lines.map((line) => {
    const run = line.runs[0];
    if (!run || columnOf(bounds, run.left + 1) !== 0) return false;
    // A section number may share its run with the title in the next cell.
    const crosses = bounds[0] !== undefined && run.right > bounds[0];
    return NUMBERING.test(crosses ? (/^\S+/.exec(runText(run))?.[0] ?? "") : runText(run));
  });
  const spaced = spacedRows(lines, headerLines, bounds, numbered);
  lines.forEach((line, k) => {
    // A row starts with its number; the first row after the header may be one carried over from
    // the previous page, without a number. Only a gap much wider than a line also ends a row:
    // cells have spacing between their own paragraphs.
    const starts =
      k === 0 ||
      k === headerLines ||
      (k > headerLines && (spaced ? spaced.has(k) : numbered[k] || line.y - lines[k - 1]!.y > 2.2 * usual));
    if (starts) groups.push([line]);
    else groups[groups.length - 1]!.push(line);
  });
  const edges = [measure.left - 1, ...bounds, measure.right + 1];
  const rows = groups.map((group) => {
    const columns: TextItem[][] = bounds.map(() => []);
    columns.push([]);
    for (const line of group) {
      // Item by item: a short entry can sit closer to its neighbour column than a cell gap.
      for (const item of line.items.flatMap((item) => splitNumber(item, bounds[0]))) {
        columns[columnOf(bounds, item.x + 1)]!.push(item);
      }
    }
    const cells = columns.map((cellItems, c) => {
      const cellLines = buildLines(cellItems);
      if (cellLines.length === 0) return { text: "" };
      const text = joinLines(cellLines, measureIn(cellLines, edges[c]!, edges[c + 1]!, true));
      const cell = { text: toCellLines(text.split("\n")).join("\n") };
      const cellMarks = cellItems.filter((item) => item.sup).map((item) => item.str.trim());
      if (cellMarks.length > 0) marks.set(cell, cellMarks);
      return cell;
    });
    return { cells, page };
  });
  return rows.filter((row) => row.cells.some((cell) => cell.text !== ""));
}

/**
 * Where rows are set apart by cell padding (a gap wider than the line pitch inside a cell), those
 * gaps are the row borders, and a row number centred in its cell sits below the row's first
 * lines. Trusted only where no two numbers fall between the same two gaps; otherwise null, and
 * numbers start rows.
 */
export function spacedRows(
  lines: VisualLine[],
  headerLines: number,
  bounds: number[],
  numbered: boolean[],
): Set<number> | null {
  const body = lines.slice(headerLines);
  const pitch = cellPitch(body, bounds);
  if (pitch === null) return null;
  const starts = new Set<number>();
  for (let k = headerLines + 1; k < lines.length; k++) {
    if (lines[k]!.y - lines[k - 1]!.y > ROW_PADDING * pitch) starts.add(k);
  }
  if (starts.size === 0) return null;
  let numbers = 0;
  let rowsWithNumber = 0;
  for (let k = headerLines; k < lines.length; k++) {
    if (starts.has(k)) numbers = 0;
    if (!numbered[k]) continue;
    numbers++;
    if (numbers > 1) return null;
    rowsWithNumber++;
  }
  return rowsWithNumber >= 2 ? starts : null;
}

/** The usual distance between two lines of one cell: next lines of text in the same column. */
function cellPitch(lines: VisualLine[], bounds: number[]): number | null {
  const byColumn = new Map<number, number[]>();
  for (const line of lines) {
    for (const item of line.items) {
      const column = columnOf(bounds, item.x + 1);
      const ys = byColumn.get(column) ?? [];
      if (ys[ys.length - 1] !== line.y) ys.push(line.y);
      byColumn.set(column, ys);
    }
  }
  const steps = [...byColumn.values()].flatMap((ys) => ys.slice(1).map((y, k) => y - ys[k]!));
  const sorted = steps.filter((step) => step > 0).sort((a, b) => a - b);
  return sorted.length >= 3 ? sorted[Math.floor(sorted.length / 4)]! : null;
}

/** A row number written in one run with the text of the next cell ("III Kiểm tra …"). */
function splitNumber(item: TextItem, border: number | undefined): TextItem[] {
  if (border === undefined || item.x >= border || right(item) <= border) return [item];
  const match = /^(\S+)(\s+)(?=\S)/.exec(item.str);
  if (!match || !NUMBERING.test(match[1]!)) return [item];
  const perChar = item.width / Math.max(item.str.length, 1);
  const cut = match[0].length;
  const x = Math.max(item.x + cut * perChar, border + 1);
  return [
    { ...item, str: match[1]!, width: match[1]!.length * perChar },
    { ...item, str: item.str.slice(cut), x, width: Math.max(right(item) - x, 1) },
  ];
}
