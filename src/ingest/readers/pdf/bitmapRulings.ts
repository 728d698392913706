import type { Rulings } from "./rulings.ts";
import type { Segment } from "./types.ts";

/**
 * Ruling lines of a scanned page, from its bitmap: a scan has no drawing operations, but a
 * table's borders are long, thin runs of dark pixels, far longer than any stroke of a letter.
 * Each pixel row (column) gives its long runs as segments; grid.ts merges the rows of one thick
 * line into one, as it merges the pieces of a border drawn cell by cell.
 */

export interface Bitmap {
  width: number;
  height: number;
  /** One byte a pixel, 0 black to `max` white, row after row. */
  pixels: Uint8Array;
  max: number;
}

/** Binary PGM (P5, 8 bits), as pdftoppm -gray writes it. */
export function parsePgm(bytes: Uint8Array): Bitmap | null {
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4 && i < Math.min(bytes.length, 200)) {
    while (i < bytes.length && /\s/.test(String.fromCharCode(bytes[i]!))) i++;
    if (bytes[i] === 0x23) {
      while (i < bytes.length && bytes[i] !== 0x0a) i++;
      continue;
    }
    let field = "";
    while (i < bytes.length && !/\s/.test(String.fromCharCode(bytes[i]!)))
      field += String.fromCharCode(bytes[i++]!);
    fields.push(field);
  }
  const [magic, w, h, m] = fields;
  const width = Number(w);
  const height = Number(h);
  const max = Number(m);
  // One whitespace byte separates the header from the pixels.
  const start = i + 1;
  if (magic !== "P5" || !(width > 0) || !(height > 0) || !(max > 0 && max < 256)) return null;
  if (bytes.length < start + width * height) return null;
  return { width, height, max, pixels: bytes.subarray(start, start + width * height) };
}

/** Shortest border, in inches: a letter's longest stroke (an em dash, a bracket) is shorter. */
const MIN_HORIZONTAL_IN = 0.3;
const MIN_VERTICAL_IN = 0.2;
/** Breaks in a scanned line (dust, faint toner) shorter than this, in pixels, are bridged. */
const MAX_BREAK_PX = 2;

/** Long dark runs of each row (or column) of the bitmap, in pixels. */
function runs(bitmap: Bitmap, vertical: boolean, minLength: number): Segment[] {
  const { width, height, pixels } = bitmap;
  const dark = bitmap.max / 2;
  const [lines, length] = vertical ? [width, height] : [height, width];
  const [lineStep, step] = vertical ? [1, width] : [width, 1];
  const out: Segment[] = [];
  for (let line = 0; line < lines; line++) {
    let start = -1;
    let last = -1;
    const base = line * lineStep;
    for (let k = 0; k <= length; k++) {
      const isDark = k < length && pixels[base + k * step]! < dark;
      if (isDark && start >= 0 && k - last <= MAX_BREAK_PX + 1) {
        last = k;
        continue;
      }
      if ((isDark || k === length) && start >= 0 && last - start + 1 >= minLength) {
        out.push({ at: line, from: start, to: last + 1 });
      }
      if (isDark) start = last = k;
    }
  }
  return out;
}

/**
 * Whitens the ruling lines (and the grey edge pixels around them): Tesseract reads a border next
 * to a word as a "|" or an "I", and a border crossing a line of text can merge two cells' words.
 */
function erase(bitmap: Bitmap, segments: Segment[], vertical: boolean): void {
  const { width, height, pixels, max } = bitmap;
  for (const { at, from, to } of segments) {
    for (
      let across = Math.max(at - 1, 0);
      across <= Math.min(at + 1, (vertical ? width : height) - 1);
      across++
    ) {
      for (let k = from; k < to; k++) {
        pixels[vertical ? k * width + across : across * width + k] = max;
      }
    }
  }
}

const toPoints = (segments: Segment[], scale: number): Segment[] =>
  segments.map(({ at, from, to }) => ({ at: (at + 0.5) * scale, from: from * scale, to: to * scale }));

/** The page's ruling lines in points; the bitmap is left with the lines erased. */
export function takeRulings(bitmap: Bitmap, dpi: number): Rulings {
  const horizontals = runs(bitmap, false, MIN_HORIZONTAL_IN * dpi);
  const verticals = runs(bitmap, true, MIN_VERTICAL_IN * dpi);
  erase(bitmap, horizontals, false);
  erase(bitmap, verticals, true);
  const scale = 72 / dpi;
  return { horizontals: toPoints(horizontals, scale), verticals: toPoints(verticals, scale) };
}

/** The bitmap as a binary PGM file again. */
export function toPgm(bitmap: Bitmap): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${bitmap.width} ${bitmap.height}\n${bitmap.max}\n`);
  const out = new Uint8Array(header.length + bitmap.pixels.length);
  out.set(header);
  out.set(bitmap.pixels, header.length);
  return out;
}
