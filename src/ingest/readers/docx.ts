import type JSZip from "jszip";
import type { RawBlock, RawCell, RawDocument, RawRow } from "../model.ts";
import { toCellLines } from "./cellText.ts";
import {
  corruptError,
  encryptedError,
  isCfb,
  isEncryptedOoxml,
  isEncryptedWord97,
  openZip,
  readPart,
} from "./container.ts";
import { type Para, parseStory, type StoryNode, type Table } from "./docxStory.ts";
import { Numbering, Styles } from "./docxStyles.ts";
import { attr, parseRels, parseXml, relsPathFor, relTarget } from "./ooxml.ts";
import { convertWithSoffice } from "./soffice.ts";

/**
 * Word reader. Reads the OOXML parts directly (rather than through mammoth's HTML) because the
 * interpreter needs what HTML loses or blurs: grid columns of merged cells, vertical-merge
 * continuations, Word's own list labels ("1.", "I.") and footnote texts per cell.
 */

const MAIN_TYPES = [
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  "application/vnd.ms-word.document.macroEnabled.main+xml",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
  "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
];

export async function readDocx(bytes: Uint8Array): Promise<RawDocument> {
  if (isEncryptedOoxml(bytes)) throw encryptedError("Word");
  // A Word 97-2003 file saved under a .docx name is common; read it as what it is.
  if (isCfb(bytes)) return readDoc(bytes);
  const zip = await openZip(bytes, "Word");
  const mainPart = await findMainPart(zip);
  const xml = await readPart(zip, mainPart, "Word");
  if (xml === undefined) throw corruptError("Word", "không có nội dung văn bản");

  const relsXml = await readPart(zip, relsPathFor(mainPart), "Word");
  const rels = relsXml ? parseRels(relsXml, mainPart, "Word") : [];
  const partText = (suffix: string, fallback: string) =>
    readPart(zip, relTarget(rels, suffix) ?? fallback, "Word");
  const [stylesXml, numberingXml, footnotesXml, endnotesXml] = await Promise.all([
    partText("styles", "word/styles.xml"),
    partText("numbering", "word/numbering.xml"),
    partText("footnotes", "word/footnotes.xml"),
    partText("endnotes", "word/endnotes.xml"),
  ]);

  const styles = Styles.parse(stylesXml);
  const notes = new Map<string, StoryNode[]>();
  for (const [noteXml, part] of [
    [footnotesXml, "footnotes.xml"],
    [endnotesXml, "endnotes.xml"],
  ] as const) {
    if (noteXml) for (const [id, nodes] of parseStory(noteXml, styles, part).notes) notes.set(id, nodes);
  }
  const story = parseStory(xml, styles, "document.xml");
  const ctx: Context = {
    styles,
    numbering: Numbering.parse(numberingXml, styles),
    notes,
    noteNumbering: undefined,
  };
  return { format: "docx", blocks: toBlocks(story.body, ctx) };
}

/** Word 97-2003 (.doc): converted to .docx by LibreOffice, then read like any .docx. */
export async function readDoc(bytes: Uint8Array): Promise<RawDocument> {
  const docx = await docToDocx(bytes);
  const doc = await readDocx(docx);
  // A .docx that only carried a .doc name is reported as what it is.
  return docx === bytes ? doc : { ...doc, format: "doc" };
}

/**
 * The .docx of a legacy .doc, by LibreOffice. Separate from reading so that the conversion (an
 * external process with its own deadline) can run outside the time-limited extraction worker.
 */
export async function docToDocx(bytes: Uint8Array): Promise<Uint8Array> {
  // LibreOffice cannot open it either; saying so beats "cannot convert".
  if (isEncryptedWord97(bytes)) throw encryptedError("Word");
  // The reverse mislabel: a .docx (zip) under a .doc name needs no conversion.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return bytes;
  const docx = await convertWithSoffice(bytes, "doc", "docx", "Word");
  if (isCfb(docx)) throw corruptError("Word", "LibreOffice không chuyển đổi được tệp .doc");
  return docx;
}

async function findMainPart(zip: JSZip): Promise<string> {
  const rootRels = await readPart(zip, "_rels/.rels", "Word");
  const fromRels = rootRels ? relTarget(parseRels(rootRels, "", "Word"), "officeDocument") : undefined;
  if (fromRels && zip.file(fromRels)) return fromRels;
  // Some generators omit _rels/.rels; [Content_Types].xml still names the main part.
  const types = await readPart(zip, "[Content_Types].xml", "Word");
  let fromTypes: string | undefined;
  if (types) {
    parseXml(
      types,
      {
        open(tag, key) {
          if (fromTypes || key !== "pkg:Override") return;
          const name = attr(tag, "PartName")?.replace(/^\//, "");
          if (name && MAIN_TYPES.includes(attr(tag, "ContentType") ?? "") && zip.file(name)) fromTypes = name;
        },
      },
      "Word",
      "[Content_Types].xml",
    );
  }
  if (fromTypes) return fromTypes;
  if (zip.file("word/document.xml")) return "word/document.xml";
  throw corruptError("Word", "không tìm thấy nội dung văn bản");
}

interface Context {
  styles: Styles;
  numbering: Numbering;
  notes: Map<string, StoryNode[]>;
  /** Footnotes keep their own list counters, so they are not mixed with the body's. */
  noteNumbering: Numbering | undefined;
}

interface Line {
  text: string;
  bold: boolean;
}

/**
 * Splits a paragraph at its line breaks; a line is bold when all its visible text is bold. An empty
 * numbered paragraph still shows its label in Word (auto-numbered STT cells), so it yields one line.
 */
function paraLines(para: Para, prefix: string): Line[] {
  const lines: Line[] = [];
  let text = "";
  let allBold = true;
  const flush = () => {
    if (text.trim().length > 0) lines.push({ text, bold: allBold });
    text = "";
    allBold = true;
  };
  for (const seg of para.segments) {
    const pieces = seg.text.split("\n");
    pieces.forEach((piece, i) => {
      if (i > 0) flush();
      text += piece;
      if (!seg.bold && piece.trim().length > 0) allBold = false;
    });
  }
  flush();
  if (lines.length === 0 && prefix.trim().length > 0 && prefix !== "- ")
    lines.push({ text: "", bold: false });
  return lines;
}

/** The list label Word would show: "- " for bullets, the rendered number otherwise. */
function listPrefix(para: Para, ctx: Context): { prefix: string; bullet: boolean } {
  const direct = para.list;
  const fromStyle = ctx.styles.styleList(para.styleId);
  const ref = { numId: direct?.numId ?? fromStyle?.numId, ilvl: direct?.ilvl ?? fromStyle?.ilvl };
  const label = ref.numId ? ctx.numbering.next(ref) : undefined;
  if (!label) return { prefix: "", bullet: false };
  if (label.bullet) return { prefix: "- ", bullet: true };
  return { prefix: label.label ? `${label.label} ` : "", bullet: false };
}

function toBlocks(nodes: StoryNode[], ctx: Context): RawBlock[] {
  const blocks: RawBlock[] = [];
  for (const node of nodes) {
    if (node.kind === "tbl") {
      blocks.push({ kind: "table", rows: tableRows(node, ctx) });
      continue;
    }
    blocks.push(...toBlocks(node.inner, ctx));
    const { prefix, bullet } = listPrefix(node, ctx);
    paraLines(node, prefix).forEach((line, i) => {
      const block: RawBlock = {
        kind: "paragraph",
        text: i === 0 ? (prefix + line.text).trimEnd() : line.text,
      };
      if (bullet && i === 0) block.bullet = true;
      if (line.bold) block.bold = true;
      blocks.push(block);
    });
  }
  return blocks;
}

/** Lines of a cell's content; nested tables are read cell by cell, each cell's lines in turn. */
function collectLines(nodes: StoryNode[], ctx: Context, lines: string[], noteRefs: string[]): void {
  for (const node of nodes) {
    if (node.kind === "tbl") {
      for (const row of node.rows) {
        for (const cell of row.cells) {
          if (cell.vMerge === "continue" || cell.hMergeContinue) continue;
          collectLines(cell.content, ctx, lines, noteRefs);
        }
      }
      continue;
    }
    collectLines(node.inner, ctx, lines, noteRefs);
    noteRefs.push(...node.noteRefs);
    const { prefix } = listPrefix(node, ctx);
    paraLines(node, prefix).forEach((line, i) => {
      lines.push(i === 0 ? (prefix + line.text).trimEnd() : line.text);
    });
  }
}

function noteText(id: string, ctx: Context): string | undefined {
  const nodes = ctx.notes.get(id);
  if (!nodes) return undefined;
  ctx.noteNumbering ??= ctx.numbering.fresh();
  const lines: string[] = [];
  collectLines(nodes, { ...ctx, numbering: ctx.noteNumbering }, lines, []);
  const text = lines.join(" ").trim();
  return text.length > 0 ? text : undefined;
}

function cellOf(nodes: StoryNode[], ctx: Context): RawCell {
  const lines: string[] = [];
  const refs: string[] = [];
  collectLines(nodes, ctx, lines, refs);
  const cell: RawCell = { text: toCellLines(lines).join("\n") };
  const footnotes = [...new Set(refs)].map((id) => noteText(id, ctx)).filter((t): t is string => !!t);
  if (footnotes.length > 0) cell.footnotes = footnotes;
  return cell;
}

type OutCell = RawRow["cells"][number];

function tableRows(table: Table, ctx: Context): RawRow[] {
  const rows: RawRow[] = [];
  for (const row of table.rows) {
    const cells: OutCell[] = [];
    for (let i = 0; i < row.before; i++) cells.push({ text: "" });
    for (const cell of row.cells) {
      let out: OutCell;
      if (cell.vMerge === "continue") out = { text: "", mergedFromAbove: true };
      else if (cell.hMergeContinue && cells.length > 0) out = cells[cells.length - 1]!;
      else out = cellOf(cell.content, ctx);
      for (let i = 0; i < cell.span; i++) cells.push(copyCell(out));
    }
    for (let i = 0; i < row.after; i++) cells.push({ text: "" });
    while (cells.length < table.gridCols) cells.push({ text: "" });
    if (cells.some((c) => c.text.trim().length > 0 || c.mergedFromAbove)) rows.push({ cells });
  }
  return rows;
}

function copyCell(cell: OutCell): OutCell {
  const copy: OutCell = { text: cell.text };
  if (cell.footnotes) copy.footnotes = [...cell.footnotes];
  if (cell.mergedFromAbove) copy.mergedFromAbove = true;
  return copy;
}
