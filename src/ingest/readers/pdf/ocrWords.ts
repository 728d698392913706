import type { TextItem } from "./types.ts";

/**
 * Tesseract's TSV output (one row per block, paragraph, line and word, with pixel boxes) turned
 * into the positioned text items that pdf.js gives for a text page, so that a scanned page goes
 * through the same line, paragraph and table code. Word boxes are turned into baselines and font
 * sizes: a box spans from the top of the highest accent to the lowest descender, while the PDF
 * code reasons from baselines and em sizes.
 */

export interface OcrWord {
  /** Block, paragraph and line numbers joined: the words of one line share it. */
  line: string;
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  conf: number;
}

/**
 * Below this confidence a "word" without two letters or digits in a row is usually a speck or a
 * stamp's edge read as text. A real word read with low confidence (a long document number) is
 * kept: a misread letter costs less than a lost word.
 */
const MIN_CONFIDENCE = 40;
const WORDLIKE = /[\p{L}\p{N}]{2}/u;
/** Em size over the height from the top of a lower-case word (accents included) to the baseline. */
const EM_PER_LOWER = 1.4;
/** The same for a word in capitals, whose accents rise higher. */
const EM_PER_UPPER = 1.15;
/**
 * Lines whose estimated size is this close to the page's body size are set in it: a line of
 * digits and capitals is estimated less well, and a size change ends a paragraph.
 */
const SAME_SIZE = 0.35;

/**
 * Tesseract's Vietnamese model sometimes reads Đ as the look-alike Icelandic Ð, or as both
 * ("QĐÐ"); Vietnamese has no Ð.
 */
const vietnamese = (text: string): string =>
  text
    .normalize("NFC")
    .replace(/[ĐÐ]{2}/g, "Đ")
    .replace(/Ð/g, "Đ");

/** `keepAll`: every word, whatever its confidence (a table cell's lone "-" or "x" is content). */
export function parseTsv(tsv: string, keepAll = false): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of tsv.split("\n")) {
    const f = row.split("\t");
    if (f[0] !== "5" || f.length < 12) continue;
    const text = f.slice(11).join("\t").trim();
    const conf = Number(f[10]);
    if (!text || !(conf >= MIN_CONFIDENCE || (conf >= 0 && (keepAll || WORDLIKE.test(text))))) continue;
    words.push({
      line: `${f[2]}.${f[3]}.${f[4]}`,
      text: vietnamese(text),
      left: Number(f[6]),
      top: Number(f[7]),
      width: Number(f[8]),
      height: Number(f[9]),
      conf,
    });
  }
  return words;
}

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

/** Letters only: punctuation and digits alone do not show where the baseline or x-height is. */
const LETTERS = /\p{L}{2,}/u;

/**
 * Items in page points (top-left origin) from words found on a bitmap rendered at `dpi`. The
 * baseline of a line is where most of its words end: descenders and the Vietnamese dot below
 * only push some of them lower.
 */
export function wordsToItems(words: OcrWord[], dpi: number): TextItem[] {
  const scale = 72 / dpi;
  const lines = new Map<string, OcrWord[]>();
  for (const word of words) {
    const line = lines.get(word.line);
    if (line) line.push(word);
    else lines.set(word.line, [word]);
  }
  const measured = [...lines.values()].map((line) => {
    const lettered = line.filter((w) => LETTERS.test(w.text));
    const basis = lettered.length > 0 ? lettered : line;
    const baseline = quantile(
      basis.map((w) => w.top + w.height),
      0.25,
    );
    const lower = basis.filter((w) => /\p{Ll}/u.test(w.text));
    const size =
      lower.length > 0
        ? EM_PER_LOWER *
          quantile(
            lower.map((w) => baseline - w.top),
            0.5,
          )
        : EM_PER_UPPER *
          quantile(
            basis.map((w) => baseline - w.top),
            0.5,
          );
    return { line, baseline, size: Math.max(size, 1) };
  });
  // One body size per page: small differences between lines are the estimate's, not the font's,
  // and the paragraph code starts a new paragraph where the size changes.
  const body = quantile(
    measured.map((m) => m.size),
    0.5,
  );
  const items: TextItem[] = [];
  for (const { line, baseline, size } of measured) {
    const points = (Math.abs(size - body) < SAME_SIZE * body ? body : size) * scale;
    for (const word of line) {
      items.push({
        // Each OCR word is a word: the trailing space keeps it apart from the next, however
        // tightly the boxes sit (joinItems only guesses a space from the gap).
        str: `${word.text} `,
        x: word.left * scale,
        y: baseline * scale,
        width: word.width * scale,
        size: points,
        bold: false,
      });
    }
  }
  return items;
}
