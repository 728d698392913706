import type { Bitmap } from "./bitmapRulings.ts";
import { findGrids } from "./grid.ts";
import type { OcrWord } from "./ocrWords.ts";
import type { Rulings } from "./rulings.ts";

/**
 * Table cells of a scanned page are read one by one: Tesseract's page layout analysis runs lines
 * across neighbouring cells (centred header cells come out with stray letters) and drops a lone
 * short word in a box of its own (the "2" of a number column) as noise. Cut out and stacked into
 * a strip, one below the other, each cell's text is a block of its own lines, and the whole strip
 * is read by one Tesseract run; the words are then put back where their cells are.
 */

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Strip {
  bitmap: Bitmap;
  /** Where each cell went in the strip: its top there and its box on the page. */
  placements: { y: number; box: Box }[];
}

/** Pixels kept clear of a cell's borders: what is left of an erased ruling line is not ink. */
const INSET = 6;
const GAP = 40;
/** Fewer dark pixels than this in a cell is dust, not a character. */
const MIN_INK = 40;

function inked(bitmap: Bitmap, box: Box): boolean {
  const dark = bitmap.max / 2;
  let count = 0;
  for (let y = box.top; y < box.bottom; y++) {
    const row = y * bitmap.width;
    for (let x = box.left; x < box.right; x++)
      if (bitmap.pixels[row + x]! < dark && ++count >= MIN_INK) return true;
  }
  return false;
}

/** Tesseract (Leptonica) refuses taller images; a page's cells may need several strips. */
const MAX_STRIP_HEIGHT = 20_000;

/** The cells of the page's ruled tables, merged cells whole, in pixels; and the tables' boxes. */
export function tableCells(bitmap: Bitmap, rulings: Rulings, dpi: number): { cells: Box[]; tables: Box[] } {
  const px = dpi / 72;
  const cells: Box[] = [];
  const tables: Box[] = [];
  for (const grid of findGrids(rulings.horizontals, rulings.verticals)) {
    // A framed paragraph (one column) is no table, as for a text page.
    if (grid.xs.length < 3) continue;
    const rows = grid.ys.length - 1;
    const cols = grid.xs.length - 1;
    const parent = Array.from({ length: rows * cols }, (_, i) => i);
    const find = (i: number): number => {
      if (parent[i] === i) return i;
      const root = find(parent[i]!);
      parent[i] = root;
      return root;
    };
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        if (c > 0 && !grid.hasVertical(r, c)) parent[find(r * cols + c)] = find(r * cols + c - 1);
        if (r > 0 && !grid.hasHorizontal(r, c)) parent[find(r * cols + c)] = find((r - 1) * cols + c);
      }
    }
    const boxes = new Map<number, Box>();
    for (let i = 0; i < rows * cols; i++) {
      const [r, c] = [Math.floor(i / cols), i % cols];
      const root = find(i);
      const box = boxes.get(root);
      const [left, top, right, bottom] = [grid.xs[c]!, grid.ys[r]!, grid.xs[c + 1]!, grid.ys[r + 1]!];
      if (!box) boxes.set(root, { left, top, right, bottom });
      else {
        box.left = Math.min(box.left, left);
        box.top = Math.min(box.top, top);
        box.right = Math.max(box.right, right);
        box.bottom = Math.max(box.bottom, bottom);
      }
    }
    for (const box of boxes.values()) {
      const cell = {
        left: Math.max(Math.round(box.left * px) + INSET, 0),
        top: Math.max(Math.round(box.top * px) + INSET, 0),
        right: Math.min(Math.round(box.right * px) - INSET, bitmap.width),
        bottom: Math.min(Math.round(box.bottom * px) - INSET, bitmap.height),
      };
      if (cell.right - cell.left >= 8 && cell.bottom - cell.top >= 8 && inked(bitmap, cell)) cells.push(cell);
    }
    tables.push({
      left: Math.round(grid.xs[0]! * px),
      top: Math.round(grid.ys[0]! * px),
      right: Math.round(grid.xs[cols]! * px),
      bottom: Math.round(grid.ys[rows]! * px),
    });
  }
  return { cells, tables };
}

/** The cells stacked into strips (each at most MAX_STRIP_HEIGHT tall), left-aligned. */
export function cellStrips(bitmap: Bitmap, cells: Box[]): Strip[] {
  const strips: Strip[] = [];
  let group: Box[] = [];
  let height = GAP;
  for (const cell of cells) {
    const h = cell.bottom - cell.top + GAP;
    if (group.length > 0 && height + h > MAX_STRIP_HEIGHT) {
      strips.push(strip(bitmap, group));
      group = [];
      height = GAP;
    }
    group.push(cell);
    height += h;
  }
  if (group.length > 0) strips.push(strip(bitmap, group));
  return strips;
}

function strip(bitmap: Bitmap, boxes: Box[]): Strip {
  const width = Math.max(...boxes.map((b) => b.right - b.left)) + 2 * GAP;
  const height = boxes.reduce((sum, b) => sum + b.bottom - b.top + GAP, GAP);
  const pixels = new Uint8Array(width * height).fill(bitmap.max);
  const placements: Strip["placements"] = [];
  let y = GAP;
  for (const box of boxes) {
    for (let row = box.top; row < box.bottom; row++) {
      const from = row * bitmap.width;
      pixels.set(
        bitmap.pixels.subarray(from + box.left, from + box.right),
        (y + row - box.top) * width + GAP,
      );
    }
    placements.push({ y, box });
    y += box.bottom - box.top + GAP;
  }
  return { bitmap: { width, height, max: bitmap.max, pixels }, placements };
}

/** Whitens the tables, so that the page's own reading sees only the text around them. */
export function blankOut(bitmap: Bitmap, boxes: Box[]): void {
  for (const box of boxes) {
    for (let row = Math.max(box.top, 0); row < Math.min(box.bottom, bitmap.height); row++) {
      const from = row * bitmap.width;
      bitmap.pixels.fill(bitmap.max, from + Math.max(box.left, 0), from + Math.min(box.right, bitmap.width));
    }
  }
}

/** The strip's words back at their place on the page, each cell's words a line of their own. */
export function wordsFromStrip(strip: Strip, words: OcrWord[], name: string): OcrWord[] {
  const out: OcrWord[] = [];
  for (const word of words) {
    const middle = word.top + word.height / 2;
    const index = strip.placements.findIndex(
      ({ y, box }) => middle >= y && middle < y + box.bottom - box.top,
    );
    if (index < 0) continue;
    const { y, box } = strip.placements[index]!;
    out.push({
      ...word,
      line: `${name}.${index}.${word.line}`,
      left: word.left - GAP + box.left,
      top: word.top - y + box.top,
    });
  }
  return out;
}

/**
 * Tesseract's Vietnamese model has no ≥ or ≤ and reads them as > and <, which turns a target of
 * "at least" into "more than". The bar under the sign is still in the bitmap: a word opening with
 * > or < whose first glyph has a flat dark run along its bottom is given back its sign.
 */
export function restoreInequalities(bitmap: Bitmap, words: OcrWord[]): void {
  const dark = bitmap.max / 2;
  for (const word of words) {
    if (!/^[<>]/.test(word.text)) continue;
    // The sign's width is about half the word's height (the box of "≥ 70" or of ">" alone).
    const glyph = Math.min(word.width, Math.max(4, Math.round(0.6 * word.height)));
    const from = Math.max(word.top + Math.round(0.7 * word.height), 0);
    const to = Math.min(word.top + word.height, bitmap.height);
    let barred = false;
    for (let y = from; y < to && !barred; y++) {
      let run = 0;
      let longest = 0;
      for (let x = word.left; x < Math.min(word.left + glyph, bitmap.width); x++) {
        run = bitmap.pixels[y * bitmap.width + x]! < dark ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
      barred = longest >= 0.6 * glyph;
    }
    if (!barred) continue;
    word.text = word.text.replace(/^>/, "≥").replace(/^</, "≤");
    // Tesseract also joins the sign to the number: the gap after the sign says if a space was there.
    if (/^[≥≤]\S/.test(word.text) && gapAfterSign(bitmap, word) >= 0.2 * word.height) {
      word.text = `${word.text[0]} ${word.text.slice(1)}`;
    }
  }
}

/** Width of the blank columns between the word's first glyph and the next. */
function gapAfterSign(bitmap: Bitmap, word: OcrWord): number {
  const dark = bitmap.max / 2;
  const blank = (x: number): boolean => {
    for (let y = word.top; y < Math.min(word.top + word.height, bitmap.height); y++) {
      if (bitmap.pixels[y * bitmap.width + x]! < dark) return false;
    }
    return true;
  };
  const end = Math.min(word.left + word.width, bitmap.width);
  let x = word.left;
  while (x < end && blank(x)) x++;
  while (x < end && !blank(x)) x++;
  const start = x;
  while (x < end && blank(x)) x++;
  return x < end ? x - start : 0;
}
