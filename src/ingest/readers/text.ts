import { stripMarkup } from "../markup.ts";
import type { RawBlock, RawDocument, RawRow } from "../model.ts";

/**
 * Plain text and Markdown: pasted plans, text renderings of Word files, text copied out of PDF
 * viewers. Tables arrive as tab-separated rows (copied from Word or Excel; Excel quotes cells
 * that hold line breaks), Markdown pipe tables, or one cell per line (Word tables saved as text,
 * PDF text where each cell's lines follow one another). Each becomes a table block; every other
 * line a paragraph. A blank line ends a table: the interpreter joins the pieces of a table that
 * runs over several pages.
 */

/**
 * Finds a table written one cell per line at `start`: its rows and the index of the line after
 * it, or null. Telling such a table from prose takes knowing what a header says, which is the
 * interpreter's (interpret/flatTable.ts); extract.ts passes it in, so this reader stays a reader.
 */
export type LineTableFinder = (lines: string[], start: number) => { rows: string[][]; next: number } | null;

const MAX_QUOTED_LINES = 60;

function splitLines(input: string): string[] {
  return input
    .replace(/^\uFEFF/, "")
    .normalize("NFC")
    .split(/\r\n|\r|\n|\f/);
}

/** One tab-separated record starting at `start`; quoted fields may hold tabs and line breaks. */
function readRecord(lines: string[], start: number): { cells: string[]; next: number } {
  const cells: string[] = [];
  let lineIndex = start;
  let line = lines[start] ?? "";
  let pos = 0;
  for (;;) {
    if (line[pos] === '"') {
      const quoted = readQuoted(lines, lineIndex, pos);
      if (quoted) {
        cells.push(quoted.text);
        lineIndex = quoted.lineIndex;
        line = lines[lineIndex] ?? "";
        pos = quoted.pos;
        if (line[pos] === "\t") {
          pos++;
          continue;
        }
        return { cells, next: lineIndex + 1 };
      }
    }
    const tab = line.indexOf("\t", pos);
    if (tab < 0) {
      cells.push(line.slice(pos));
      return { cells, next: lineIndex + 1 };
    }
    cells.push(line.slice(pos, tab));
    pos = tab + 1;
  }
}

/** A field in double quotes that closes right before a tab or the end of a line, else null. */
function readQuoted(
  lines: string[],
  lineIndex: number,
  pos: number,
): { text: string; lineIndex: number; pos: number } | null {
  let text = "";
  let i = lineIndex;
  let p = pos + 1;
  while (i < lines.length && i - lineIndex <= MAX_QUOTED_LINES) {
    const line = lines[i]!;
    while (p < line.length) {
      const ch = line[p]!;
      if (ch === '"') {
        if (line[p + 1] === '"') {
          text += '"';
          p += 2;
          continue;
        }
        const after = line[p + 1];
        return after === undefined || after === "\t" ? { text, lineIndex: i, pos: p + 1 } : null;
      }
      text += ch;
      p++;
    }
    text += "\n";
    i++;
    p = 0;
  }
  return null;
}

function cellOf(raw: string): { text: string } {
  return { text: stripMarkup(raw) };
}

function padded(rows: string[][]): RawRow[] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => ({ cells: Array.from({ length: width }, (_, i) => cellOf(r[i] ?? "")) }));
}

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function pipeCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  const cells: string[] = [];
  let current = "";
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (ch === "\\" && inner[i + 1] === "|") {
      current += "|";
      i++;
    } else if (ch === "|") {
      cells.push(current);
      current = "";
    } else current += ch;
  }
  cells.push(current);
  return cells.map((c) => c.trim());
}

function paragraphOf(line: string): RawBlock | null {
  let text = line.trim();
  if (text === "") return null;
  let bold = false;
  const heading = /^#{1,6}\s+(.*)$/.exec(text);
  if (heading) {
    text = heading[1]!;
    bold = true;
  }
  if (/^\*\*[^*].*\*\*$/.test(text) && !text.slice(2, -2).includes("**")) bold = true;
  // "- …" and "+ …" are list items; "*…*" is emphasis, not a bullet.
  const bullet = /^[-+•–]\s+|^\*\s+/.test(text);
  // An emphasis that spans lines ("**KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH**") leaves a stray marker.
  const plain = stripMarkup(text)
    .replace(/\n/g, " ")
    .replace(/\*\*|~~/g, "")
    .trim();
  if (plain === "") return null;
  const block: RawBlock = { kind: "paragraph", text: plain };
  if (bullet) block.bullet = true;
  if (bold) block.bold = true;
  return block;
}

/** Without `lineTable`, lines that hold a table one cell per line come out as paragraphs. */
export function readText(input: string, options: { lineTable?: LineTableFinder } = {}): RawDocument {
  const lines = splitLines(typeof input === "string" ? input : "");
  const blocks: RawBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === "") {
      i++;
      continue;
    }
    if (line.includes("\t")) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i]!.includes("\t")) {
        const record = readRecord(lines, i);
        rows.push(record.cells);
        i = record.next;
      }
      blocks.push({ kind: "table", rows: padded(rows) });
      continue;
    }
    if (PIPE_ROW.test(line)) {
      const rows: string[][] = [];
      while (i < lines.length && PIPE_ROW.test(lines[i]!)) {
        if (!PIPE_RULE.test(lines[i]!)) rows.push(pipeCells(lines[i]!.replace(/<br\s*\/?>/gi, "\n")));
        i++;
      }
      if (rows.length > 0) blocks.push({ kind: "table", rows: padded(rows) });
      continue;
    }
    const table = options.lineTable?.(lines, i);
    if (table) {
      blocks.push({ kind: "table", rows: table.rows.map((cells) => ({ cells: cells.map(cellOf) })) });
      i = table.next;
      continue;
    }
    const paragraph = paragraphOf(line);
    if (paragraph) blocks.push(paragraph);
    i++;
  }
  return { format: "text", blocks };
}
