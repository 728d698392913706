import { IngestError } from "../errors.ts";
import type { RawBlock, RawCell, RawDocument, RawRow } from "../model.ts";
import type { OnProgress } from "../progress.ts";
import { gridRows, inGrid } from "./pdf/cells.ts";
import { attachFootnotes, markSuperscripts } from "./pdf/footnotes.ts";
import { type CarriedHeader, gapTables } from "./pdf/gapTables.ts";
import { findGrids } from "./pdf/grid.ts";
import { asIngestError, openPdf, readPageGraphics, readPageText } from "./pdf/load.ts";
import { ocrPages } from "./pdf/ocr.ts";
import { type PlacedBlock, pageMeasure, paragraphs } from "./pdf/paragraphs.ts";
import { restoreRepeatedHeader } from "./pdf/repeatedHeader.ts";
import type { TextItem } from "./pdf/types.ts";

/**
 * PDF reader: text positions and ruling lines back to paragraphs and tables. Tables come from
 * the cell borders a word processor draws (the most reliable signal), or, where there are none,
 * from columns of text aligned under a header line. Each page is read on its own; a table that
 * runs on across a page break is joined back into one table block, its rows keeping their page.
 */

/** Fewer characters than this on a page that paints an image: the page is a scan. */
const SCAN_CHARS_PER_PAGE = 40;

export interface PdfOptions {
  /** Ignore ruling lines and find tables from text alignment only (tests of the fallback). */
  ignoreRulings?: boolean;
  /** Told as scanned pages are read, page by page (OCR takes seconds a page). */
  onProgress?: OnProgress;
}

export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<RawDocument> {
  const doc = await openPdf(bytes);
  try {
    const pageCount = doc.numPages;
    const pages = [];
    let textChars = 0;
    for (let n = 1; n <= pageCount; n++) {
      const page = await doc.getPage(n);
      const text = await readPageText(page);
      const graphics = await readPageGraphics(page, text.items, text.viewport);
      let chars = 0;
      for (const item of text.items) chars += item.str.replace(/\s/g, "").length;
      textChars += chars;
      pages.push({ n, chars, items: text.items, graphics, height: page.getViewport({ scale: 1 }).height });
      page.cleanup();
    }
    // A page that paints an image and has (almost) no text is a scan. So is every page of a
    // document with no text layer to speak of: its text may also be drawn as outlines.
    const noText = textChars < SCAN_CHARS_PER_PAGE * Math.max(pageCount, 1);
    const scanned = pages
      .filter((p) => p.chars < SCAN_CHARS_PER_PAGE && (noText || p.graphics.images > 0))
      .map((p) => p.n);
    // A scanned page's words come from OCR and take the place of the little text it had (a
    // stamp, a page number); everything after that is the same as for a text page.
    const ocr = scanned.length > 0 ? await ocrPages(bytes, scanned, options.onProgress) : new Map();
    let ocrChars = 0;
    for (const read of ocr.values()) for (const item of read.items) ocrChars += item.str.length;
    if (noText && textChars + ocrChars < SCAN_CHARS_PER_PAGE * Math.max(pageCount, 1)) {
      throw new IngestError(
        "scanned_pdf",
        "Tệp PDF là bản scan (ảnh chụp) nhưng không nhận dạng được chữ trên trang (ảnh trống, quá mờ hoặc quá nhỏ); hãy quét lại ở 300 dpi hoặc tải lên bản Word/PDF gốc.",
      );
    }
    const placed: PlacedBlock[][] = [];
    let carry: CarriedHeader | undefined;
    for (const { n, items, graphics, height } of pages) {
      const read = ocr.get(n);
      const rulings = read ? read : graphics;
      const [h, v] = options.ignoreRulings ? [[], []] : [rulings.horizontals, rulings.verticals];
      const page = pageBlocks(read ? read.items : items, h, v, n, height, carry);
      placed.push(page.blocks);
      carry = page.carry;
    }
    return { format: "pdf", blocks: joinPages(placed), pageCount };
  } catch (error) {
    throw asIngestError(error);
  } finally {
    await doc.destroy().catch(() => {});
  }
}

function pageBlocks(
  items: TextItem[],
  horizontals: Parameters<typeof findGrids>[0],
  verticals: Parameters<typeof findGrids>[1],
  page: number,
  height: number,
  carried: CarriedHeader | undefined,
): { blocks: PlacedBlock[]; carry?: CarriedHeader } {
  markSuperscripts(items);
  const placed: PlacedBlock[] = [];
  const marks = new Map<RawCell, string[]>();
  let rest = items;
  for (const grid of findGrids(horizontals, verticals)) {
    // A framed box of text (one column) is not a table.
    if (grid.xs.length < 3) continue;
    const inside = rest.filter((item) => inGrid(grid, item));
    if (inside.length === 0) continue;
    rest = rest.filter((item) => !inGrid(grid, item));
    const table = gridRows(grid, inside, page);
    for (const [cell, cellMarks] of table.marks) marks.set(cell, cellMarks);
    if (table.rows.length > 0) placed.push({ top: grid.ys[0]!, block: { kind: "table", rows: table.rows } });
  }
  const measure = pageMeasure(rest);
  // A borderless table that ran to the foot of the previous page may go on here headerless.
  const gap = gapTables(rest, page, placed.length === 0 ? carried : undefined);
  placed.push(...gap.tables);
  for (const [cell, cellMarks] of gap.marks) marks.set(cell, cellMarks);
  const texts = paragraphs(gap.rest, page, measure).filter((p) => !isPageNumber(p, height));
  const notes = texts.flatMap((p) =>
    p.footnote && p.block.kind === "paragraph" ? [{ mark: p.footnote, text: p.block.text }] : [],
  );
  const used = attachFootnotes(marks, notes);
  placed.push(...texts.filter((p) => !(p.footnote && used.has(p.footnote))));
  return { blocks: placed.sort((a, b) => a.top - b.top), carry: gap.carry };
}

const PAGE_NUMBER = /^(?:[-–—\s]*\d{1,4}[-–—\s]*|trang\s*\d{1,4}(?:\s*\/\s*\d{1,4})?)$/i;

function isPageNumber(placed: PlacedBlock, height: number): boolean {
  if (placed.block.kind !== "paragraph" || !PAGE_NUMBER.test(placed.block.text.trim())) return false;
  return placed.top < 0.12 * height || placed.top > 0.85 * height;
}

const columns = (rows: RawRow[]): number => rows[0]?.cells.length ?? 0;

/** A paragraph cut by a page break: no full stop before it, a lower-case word after it. */
const continuesSentence = (last: RawBlock & { kind: "paragraph" }, next: RawBlock): boolean =>
  next.kind === "paragraph" &&
  !next.bullet &&
  !/[.;:!?…]["”)]?$/.test(last.text) &&
  /^\p{Ll}/u.test(next.text);

/**
 * Blocks in reading order. A table that the next page opens with the same number of columns
 * continues the last table, even past the previous page's footnotes.
 */
function joinPages(pages: PlacedBlock[][]): RawBlock[] {
  const blocks: RawBlock[] = [];
  let lastTable: Extract<RawBlock, { kind: "table" }> | null = null;
  let onlyNotesSince = false;
  const notes = new Set<RawBlock>();
  for (const page of pages) {
    page.forEach((placed, i) => {
      const { block } = placed;
      if (block.kind === "table") {
        if (i === 0 && lastTable && onlyNotesSince && columns(lastTable.rows) === columns(block.rows)) {
          restoreRepeatedHeader(lastTable.rows[0]!, block.rows[0]!);
          lastTable.rows.push(...block.rows);
        } else {
          blocks.push(block);
          lastTable = block;
        }
        onlyNotesSince = true;
        return;
      }
      const last = blocks[blocks.length - 1];
      if (i === 0 && last?.kind === "paragraph" && !notes.has(last) && continuesSentence(last, block)) {
        last.text = `${last.text} ${block.text}`;
      } else blocks.push(block);
      if (placed.footnote) notes.add(block);
      else onlyNotesSince = false;
    });
  }
  return blocks;
}
