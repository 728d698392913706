import { periodHeadingYear } from "../../domain/indicatorTarget.ts";
import { foldForSearch, normalizeText } from "../../domain/text.ts";
import { stripMarkup } from "../markup.ts";
import type { RawCell, RawDocument, RawRow } from "../model.ts";
import { cellText } from "./cells.ts";
import {
  type ColumnMap,
  indicatorRoleOf,
  isColumnNumberRow,
  looksLikeLabels,
  mapHeader,
  taskRoleOf,
} from "./columns.ts";

/**
 * Groups the reader's table blocks into logical tables. A table that runs over several pages
 * may arrive as one block with its header repeated, or as one block per page (PDF, text), with
 * or without the header; either way it is one table, and the first row after a page break may
 * be the rest of the previous row.
 */

export type Cell = RawCell & { mergedFromAbove?: boolean };

export interface TableRow {
  cells: Cell[];
  /** First row after a page break, a repeated header or the start of another block. */
  afterBreak: boolean;
}

export interface LogicalTable {
  map: ColumnMap;
  rows: TableRow[];
  /** The appendix caption right above the table ("Phụ lục I: Chỉ tiêu đến năm 2030"), if any. */
  caption?: string[];
}

export interface CollectedDocument {
  tables: LogicalTable[];
  /** Text lines before the first data table: where a document states its number, date, title. */
  front: string[];
  /** Every text line outside data tables, in order (appendix captions cite the document too). */
  all: string[];
}

const HEADER_SEARCH_ROWS = 12;
/** A title block's row fills at most this many cells (the issuer beside the national motto). */
const TITLE_ROW_CELLS = 2;
const PERIOD_MAX = 100;

function texts(row: RawRow): string[] {
  return row.cells.map((c) => cellText(c));
}

/** Distinct texts of a row: a cell merged across columns comes once per column and counts once. */
function filledCells(row: RawRow): number {
  return new Set(
    texts(row)
      .map((text) => text.trim())
      .filter((text) => text !== ""),
  ).size;
}

/** A header, possibly over two rows ("Cơ quan thực hiện" above "Chủ trì" | "Phối hợp"). */
function headerAt(rows: RawRow[], index: number): { map: ColumnMap; used: number } | null {
  const first = texts(rows[index]!);
  if (!looksLikeLabels(first)) return null;
  const single = mapHeader(first);
  const next = rows[index + 1];
  if (next) {
    const second = texts(next);
    const width = Math.max(first.length, second.length);
    const combined = Array.from({ length: width }, (_, i) => {
      const a = first[i] ?? "";
      const b = second[i] ?? "";
      return a === b || b === "" ? a : a === "" ? b : `${a} ${b}`;
    });
    // The upper row of a two-row header names columns itself; a section row above a repeated
    // header ("IV | Phát triển…" then "STT | Chỉ tiêu…") does not, and the lower row is a header.
    const upperLabels = first.filter((c) => taskRoleOf(c) !== null || indicatorRoleOf(c) !== null).length;
    const lowerIsHeader = mapHeader(second) !== null;
    const double =
      upperLabels >= 2 && !lowerIsHeader && !isColumnNumberRow(second) && looksLikeLabels(second)
        ? mapHeader(combined)
        : null;
    const gain = (m: ColumnMap | null) => (m ? new Set(m.roles.filter(Boolean)).size : 0);
    if (double && (!single || gain(double) > gain(single) || spreadsYears(double, single))) {
      return { map: double, used: 2 };
    }
  }
  return single ? { map: single, used: 1 } : null;
}

function spreadsYears(double: ColumnMap, single: ColumnMap | null): boolean {
  if (!single || double.kind !== "indicator") return false;
  const count = (m: ColumnMap) => m.years.filter((y) => y !== null).length;
  return count(double) > count(single);
}

function isEmptyRow(row: RawRow): boolean {
  return row.cells.every((c) => stripMarkup(c.text) === "" && !(c.footnotes && c.footnotes.length > 0));
}

/**
 * Appendix captions close the table before them: what follows is another table. A caption seen
 * before is a running page header repeated on every page, and closes nothing.
 */
function startsNewPart(text: string): boolean {
  return /^(phu luc|danh muc|bieu)\b/.test(foldForSearch(text));
}

/** A row holding one caption line and nothing else, not seen before (a running page header is). */
function opensNewPart(row: RawRow, captions: Set<string>): boolean {
  const lines = rowLines(row);
  if (lines.length !== 1 || !startsNewPart(lines[0]!)) return false;
  const folded = foldForSearch(lines[0]!);
  if (captions.has(folded)) return false;
  captions.add(folded);
  return true;
}

function rowLines(row: RawRow): string[] {
  const seen: string[] = [];
  for (const cell of row.cells) {
    for (const line of stripMarkup(cell.text).split("\n")) {
      if (line !== "" && seen[seen.length - 1] !== line) seen.push(line);
    }
  }
  return seen;
}

export function collectTables(doc: RawDocument): CollectedDocument {
  const tables: LogicalTable[] = [];
  const front: string[] = [];
  const all: string[] = [];
  let current: LogicalTable | null = null;
  const captions = new Set<string>();
  // Lines since the last caption, for the caption of the next table.
  let lead: string[] = [];
  // A line between two parts of an indicator table that names only a period ("b) Tầm nhìn đến
  // năm 2045") heads the rows that follow, as a heading row inside the table would.
  let period: string | null = null;
  const note = (lines: string[]) => {
    for (const line of lines) {
      if (line === "") continue;
      if (line.length <= PERIOD_MAX && periodHeadingYear(line) !== null) period = normalizeText(line);
      else if (line.length > PERIOD_MAX || startsNewPart(line)) period = null;
      if (startsNewPart(line)) lead = [];
      lead.push(line);
      all.push(line);
      if (tables.length === 0) front.push(line);
    }
  };

  for (const block of doc.blocks ?? []) {
    if (block.kind === "paragraph") {
      const lines = stripMarkup(block.text ?? "").split("\n");
      const parts = lines.filter(startsNewPart).map((l) => foldForSearch(l));
      if (parts.some((p) => !captions.has(p))) current = null;
      for (const p of parts) captions.add(p);
      note(lines);
      continue;
    }
    if (block.kind !== "table" || !Array.isArray(block.rows)) continue;
    let afterBreak = true;
    let lastPage: number | undefined;
    let headerSeen = false;
    // A sheet's title block (issuer, motto, heading, "Kèm theo …", one merged cell a line) can run
    // past the first rows; the header is still searched for while nothing above looked like data.
    let titleBlockOnly = true;
    for (let i = 0; i < block.rows.length; i++) {
      const row = block.rows[i]!;
      if (!row || !Array.isArray(row.cells) || isEmptyRow(row)) continue;
      if (i < HEADER_SEARCH_ROWS || headerSeen || current || titleBlockOnly) {
        const header = headerAt(block.rows, i);
        if (header) {
          if (!current || current.map.signature !== header.map.signature) {
            const caption = lead.length > 0 && startsNewPart(lead[0]!) ? lead : [];
            current = { map: header.map, rows: [], caption };
            lead = [];
            tables.push(current);
          }
          headerSeen = true;
          afterBreak = true;
          i += header.used - 1;
          const following = block.rows[i + 1];
          if (following && isColumnNumberRow(texts(following))) i++;
          continue;
        }
      }
      if (filledCells(row) > TITLE_ROW_CELLS) titleBlockOnly = false;
      // A sheet's caption row ("Phụ lục II: …" merged across) starts another table, as a caption
      // paragraph does, even when the new table has the width of the last one.
      if (!headerSeen && current && opensNewPart(row, captions)) current = null;
      // Layout tables (the national motto beside the issuer, the signature block) and captions
      // above a header; a block without a header continues the table only if it has its width.
      if (!current || (!headerSeen && row.cells.length !== current.map.roles.length)) {
        note(rowLines(row));
        continue;
      }
      if (period !== null && current.map.kind === "indicator") {
        const text = period;
        current.rows.push({ cells: current.map.roles.map(() => ({ text })), afterBreak: true });
      }
      period = null;
      const pageBreak = row.page !== undefined && lastPage !== undefined && row.page !== lastPage;
      current.rows.push({ cells: row.cells, afterBreak: afterBreak || pageBreak });
      afterBreak = false;
      if (row.page !== undefined) lastPage = row.page;
    }
  }
  for (const table of tables) findUnlabelledStt(table);
  return { tables, front, all };
}

/**
 * Some headers leave the first cell blank or write "#" above the row numbers. A first column
 * without a role whose cells are mostly row numbers or section numerals is the STT column.
 */
function findUnlabelledStt(table: LogicalTable) {
  const { roles } = table.map;
  if (roles.includes("stt") || roles.length === 0 || roles[0] !== null) return;
  const values = table.rows.map((r) => cellText(r.cells[0])).filter((t) => t !== "");
  const numbered = values.filter((t) => /^(\d{1,3}(\.\d{1,3})*|[IVXLC]{1,6}|[a-zđ])[.)]?$/u.test(t)).length;
  if (values.length > 0 && numbered / values.length >= 0.6) roles[0] = "stt";
}
