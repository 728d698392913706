import type { Bitmap } from "./bitmapRulings.ts";
import { findGrids } from "./grid.ts";
import type { OcrWord } from "./ocrWords.ts";
import type { Rulings } from "./rulings.ts";

/**
 * Tesseract's page layout analysis drops a lone short word in a box of its own (the "2" of a
 * table's number column, an "x" in a tick column) as noise. Those are the cells the table code
 * needs most, so table cells that have ink but got no word are cut out, stacked into one strip
 * and read again as plain lines of text; their words are put back where the cells are.
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

/** Cells of the page's ruled tables with ink and no word, as a strip to read again (or null). */
export function emptyCellStrip(
  bitmap: Bitmap,
  rulings: Rulings,
  words: OcrWord[],
  dpi: number,
): Strip | null {
  const px = dpi / 72;
  const boxes: Box[] = [];
  for (const grid of findGrids(rulings.horizontals, rulings.verticals)) {
    for (let r = 0; r + 1 < grid.ys.length; r++) {
      for (let c = 0; c + 1 < grid.xs.length; c++) {
        const box = {
          left: Math.max(Math.round(grid.xs[c]! * px) + INSET, 0),
          top: Math.max(Math.round(grid.ys[r]! * px) + INSET, 0),
          right: Math.min(Math.round(grid.xs[c + 1]! * px) - INSET, bitmap.width),
          bottom: Math.min(Math.round(grid.ys[r + 1]! * px) - INSET, bitmap.height),
        };
        if (box.right - box.left < 8 || box.bottom - box.top < 8) continue;
        const hasWord = words.some((w) => {
          const x = w.left + w.width / 2;
          const y = w.top + w.height / 2;
          return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
        });
        if (!hasWord && inked(bitmap, box)) boxes.push(box);
      }
    }
  }
  if (boxes.length === 0) return null;
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

/** The strip's words back at their place on the page, each cell's words a line of their own. */
export function wordsFromStrip(strip: Strip, words: OcrWord[]): OcrWord[] {
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
      line: `cell${index}.${word.line}`,
      left: word.left - GAP + box.left,
      top: word.top - y + box.top,
    });
  }
  return out;
}
