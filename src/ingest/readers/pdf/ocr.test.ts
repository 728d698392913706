import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { IngestError } from "../../errors.ts";
import { extractFile } from "../../extract.ts";
import type { Extraction } from "../../extraction.ts";
import { closeExtractionPools, runIsolated } from "../../limits.ts";
import type { ExtractionProgress } from "../../progress.ts";
import { imageOnlyPdf, pdfPages } from "../../testing/scan.ts";
import { scoreExtraction } from "../../testing/score.ts";
import { readPdf } from "../pdf.ts";
import { parsePgm, takeRulings, toPgm } from "./bitmapRulings.ts";
import { parseTsv, wordsToItems } from "./ocrWords.ts";

const root = new URL("../../../../fixtures/", import.meta.url);
const expected = JSON.parse(
  readFileSync(new URL("plans/lam-dong-1535-cv-tu.expected.json", root), "utf8"),
) as Extraction;
const textPdf = new Uint8Array(readFileSync(new URL("generated/lam-dong-1535-cv-tu.pdf", root)));

const installed = (() => {
  try {
    return execFileSync("tesseract", ["--list-langs"], { encoding: "utf8" }).split(/\s+/).includes("vie");
  } catch {
    return false;
  }
})();

describe("OCR words to positioned text (no Tesseract needed)", () => {
  const tsv = [
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
    "5\t1\t1\t1\t1\t1\t300\t500\t100\t40\t95\tGiám",
    "5\t1\t1\t1\t1\t2\t420\t492\t80\t58\t93\tđốc",
    "5\t1\t1\t1\t1\t3\t520\t540\t12\t12\t12\t~",
    "5\t1\t1\t1\t1\t4\t560\t500\t300\t40\t25\t17-TB/CQT",
    "5\t1\t2\t1\t1\t1\t300\t700\t60\t40\t96\tQĐÐ",
  ].join("\n");

  it("keeps words, drops specks, reads Ð as Đ, and puts a line's words on one baseline in points", () => {
    const words = parseTsv(tsv);
    expect(words.map((w) => w.text)).toEqual(["Giám", "đốc", "17-TB/CQT", "QĐ"]);
    const items = wordsToItems(words, 300);
    const line = items.slice(0, 3);
    expect(new Set(line.map((item) => item.y)).size).toBe(1);
    // The baseline is where most words end (540 px), not the bottom of "đốc"'s descender-free box.
    expect(line[0]!.y).toBeCloseTo((540 * 72) / 300, 1);
    expect(line[0]!.x).toBeCloseTo(72, 1);
    expect(line[0]!.str).toBe("Giám ");
  });
});

describe("ruling lines from a bitmap (no Tesseract needed)", () => {
  it("finds a table's borders, ignores letter-sized strokes, and erases the borders", () => {
    const [width, height] = [600, 400];
    const pixels = new Uint8Array(width * height).fill(255);
    const ink = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) pixels[y * width + x] = 0;
    };
    ink(50, 50, 550, 52); // top border, 2 px thick
    ink(50, 300, 550, 302);
    ink(50, 50, 52, 302); // left and right borders
    ink(548, 50, 550, 302);
    ink(100, 100, 130, 103); // a dash: far shorter than a border
    const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
    const file = new Uint8Array(header.length + pixels.length);
    file.set(header);
    file.set(pixels, header.length);
    const bitmap = parsePgm(file)!;
    const rulings = takeRulings(bitmap, 300);
    const ys = new Set(rulings.horizontals.map((s) => Math.round(s.at / (72 / 300))));
    expect([...ys].every((y) => (y >= 50 && y <= 52) || (y >= 300 && y <= 302))).toBe(true);
    expect(rulings.verticals.length).toBeGreaterThanOrEqual(4);
    const after = parsePgm(toPgm(bitmap))!;
    expect(after.pixels[51 * width + 300]).toBe(255);
    expect(after.pixels[101 * width + 110]).toBe(0);
  });
});

describe.skipIf(!installed)("scanned PDFs (Tesseract with Vietnamese data installed)", () => {
  // Pages 1–3 of 1535-CV/TU: the letter and the first page of its task table, and the next,
  // whose table runs on from the page before. A few pages keep the test well under a minute.
  const [first, last] = [1, 3];
  afterAll(() => closeExtractionPools());

  it("reads a scan of a plan with at least 0.9 of the text PDF's score, reporting each page", async () => {
    const scan = await imageOnlyPdf(textPdf, { first, last });
    const text = pdfPages(textPdf, first, last);
    const textScore = scoreExtraction(await extractFile(text, "text.pdf"), expected).score;
    const progress: ExtractionProgress[] = [];
    // Through the worker pool, as the server runs it: same deadline and heap ceiling.
    const ocr = await runIsolated(scan, "scan.pdf", { onProgress: (p) => progress.push(p) });
    const ocrScore = scoreExtraction(ocr, expected).score;
    expect(textScore).toBeGreaterThan(0);
    expect(ocrScore).toBeGreaterThanOrEqual(0.9 * textScore);
    expect(progress[0]).toEqual({ stage: "ocr", done: 0, total: last - first + 1 });
    expect(progress.at(-1)).toEqual({ stage: "ocr", done: last - first + 1, total: last - first + 1 });
  }, 240_000);

  it("says how to install Tesseract where it is missing", async () => {
    const scan = await imageOnlyPdf(textPdf, { first: 1, last: 1, dpi: 100 });
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      const error = await readPdf(scan).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IngestError);
      expect((error as IngestError).code).toBe("ocr_missing");
      expect((error as IngestError).message).toContain("apt-get install tesseract-ocr tesseract-ocr-vie");
    } finally {
      process.env.PATH = path;
    }
  });
});
