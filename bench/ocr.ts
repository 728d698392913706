/**
 * OCR of scanned PDFs, printed, never asserted (machines differ):
 *
 *   npm run bench -- ocr [fixture] [pages] [dpi]
 *
 * Makes an image-only PDF (a 300 dpi grayscale JPEG scan, no text layer) of the first `pages`
 * pages (10) of a generated fixture (lam-dong-3450-kh-ubnd), extracts it through the worker pool
 * as the server does (same deadline, heap ceiling and progress reports), and prints the time,
 * pages per second, and its score against the fixture's expected.json beside the score of the
 * text PDF's same pages. Target (issue 9): a 10-page scan under 60 s, at least 0.9 of the text
 * score.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extractFile } from "../src/ingest/extract.ts";
import type { Extraction } from "../src/ingest/extraction.ts";
import { closeExtractionPools, runIsolated } from "../src/ingest/limits.ts";
import { imageOnlyPdf, pdfPages } from "../src/ingest/testing/scan.ts";
import { scoreExtraction } from "../src/ingest/testing/score.ts";

const root = fileURLToPath(new URL("../fixtures/", import.meta.url));
const [name = "lam-dong-3450-kh-ubnd", pagesArg = "10", dpiArg = "300"] = process.argv.slice(2);
const pages = Number(pagesArg);
const dpi = Number(dpiArg);

function expectedOf(stem: string): Extraction {
  for (const folder of ["plans", "prose", "shapes"]) {
    try {
      return JSON.parse(readFileSync(`${root}${folder}/${stem}.expected.json`, "utf8")) as Extraction;
    } catch {}
  }
  throw new Error(`no expected.json for ${stem}`);
}

async function main() {
  const expected = expectedOf(name);
  const source = new Uint8Array(readFileSync(`${root}generated/${name}.pdf`));
  const text = pdfPages(source, 1, pages);
  const scan = await imageOnlyPdf(source, { first: 1, last: pages, dpi });
  const textScore = scoreExtraction(await extractFile(text, `${name}.pdf`), expected).score;
  let last = "";
  const started = performance.now();
  const ocr = await runIsolated(scan, `${name}-scan.pdf`, {
    // A 10-page scan takes tens of seconds: the bench's deadline is not the server's concern.
    timeoutMs: 600_000,
    onProgress: (p) => {
      last = `${p.done}/${p.total}`;
      process.stderr.write(`\r  trang ${last}`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write("\n");
  const ocrScore = scoreExtraction(ocr, expected).score;
  const line = (label: string, value: string) => process.stdout.write(`${label.padEnd(28)}${value}\n`);
  line("tệp", `${name}, trang 1–${pages}, quét ${dpi} dpi (${(scan.length / 1024 / 1024).toFixed(1)} MB)`);
  line("thời gian OCR + trích xuất", `${seconds.toFixed(1)} s (${(pages / seconds).toFixed(2)} trang/s)`);
  line("điểm bản PDF có chữ", textScore.toFixed(3));
  line(
    "điểm bản scan (OCR)",
    `${ocrScore.toFixed(3)} (${((ocrScore / textScore) * 100).toFixed(1)}% bản có chữ)`,
  );
  line("nhiệm vụ / chỉ tiêu", `${ocr.tasks.length} / ${ocr.indicators.length}`);
  await closeExtractionPools();
}

await main();
