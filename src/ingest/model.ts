/**
 * What every file reader (docx, pdf, xlsx, text) produces: the document as blocks in reading
 * order. Readers only recover structure (paragraphs, tables, rows, cells); deciding what is a
 * header, a section, a task or a deadline is the interpreter's job, so that one set of rules
 * serves every format.
 */
export interface RawCell {
  /** Cell text: one line per paragraph or line break; list items start with "- ". Not yet normalised. */
  text: string;
  /** Texts of footnotes referenced from inside the cell (they often name source documents). */
  footnotes?: string[];
}

export interface RawRow {
  /** Cells left to right. A horizontally merged cell is repeated once per grid column it spans;
   *  a vertically merged continuation is an empty cell with `mergedFromAbove: true`. */
  cells: (RawCell & { mergedFromAbove?: boolean })[];
  /** Page the row starts on, where the format knows pages (pdf). */
  page?: number;
}

export type RawBlock =
  | { kind: "paragraph"; text: string; bullet?: boolean; bold?: boolean; page?: number }
  | { kind: "table"; rows: RawRow[] };

export type SourceFormat = "docx" | "pdf" | "xlsx" | "text" | "doc";

export interface RawDocument {
  format: SourceFormat;
  blocks: RawBlock[];
  pageCount?: number;
}
