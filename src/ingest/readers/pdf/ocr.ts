import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { IngestError } from "../../errors.ts";
import type { OnProgress } from "../../progress.ts";
import { parsePgm, takeRulings, toPgm } from "./bitmapRulings.ts";
import { blankOut, cellStrips, restoreInequalities, tableCells, wordsFromStrip } from "./ocrCells.ts";
import { type OcrWord, parseTsv, wordsToItems } from "./ocrWords.ts";
import type { Rulings } from "./rulings.ts";
import type { Segment, TextItem } from "./types.ts";

/**
 * Text of scanned pages: poppler's pdftoppm renders a page to a grayscale bitmap and Tesseract
 * (the `tesseract` command, Debian's tesseract-ocr with its Vietnamese data) reads the words and
 * their boxes from it (docs/decisions/0008-ocr.md). Both run as child processes with a deadline
 * of their own, under coreutils `timeout`, so that they end even when the extraction worker that
 * started them is terminated at its own deadline. Bitmaps go to a private temporary folder that
 * is removed afterwards.
 */

export const OCR_DPI = 300;
/** Deadline of one child process; the extraction's own deadline usually comes first. */
const STEP_TIMEOUT_S = 60;
const LANGUAGE = "vie";

const INSTALL = "apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils";

export interface OcrPage {
  items: TextItem[];
  /** Ruling lines found in the bitmap (a scan has none among its drawing operations). */
  horizontals: Segment[];
  verticals: Segment[];
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

interface Tools {
  tesseract: string;
  pdftoppm: string;
  timeout?: string;
}

let checked: { path: string; tools: Tools } | undefined;

/** The programs OCR needs, or an IngestError saying how to install what is missing. */
export async function ocrTools(): Promise<Tools> {
  const path = process.env.PATH ?? "";
  if (checked?.path === path) return checked.tools;
  const tesseract = onPath("tesseract");
  const pdftoppm = onPath("pdftoppm");
  if (!tesseract || !pdftoppm) {
    const missing = !tesseract ? "Tesseract" : "poppler-utils (pdftoppm)";
    throw new IngestError(
      "ocr_missing",
      `Tệp PDF là bản scan (ảnh chụp) nhưng máy chủ chưa cài ${missing} để nhận dạng chữ; quản trị viên hãy cài bằng lệnh: ${INSTALL}. Hoặc tải lên bản Word/PDF gốc có lớp chữ.`,
    );
  }
  const tools: Tools = { tesseract, pdftoppm, timeout: onPath("timeout") };
  const langs = await run(tools, tesseract, ["--list-langs"]).catch(() => "");
  if (!langs.split(/\s+/).includes(LANGUAGE)) {
    throw new IngestError(
      "ocr_missing",
      `Tệp PDF là bản scan (ảnh chụp) nhưng máy chủ chưa cài dữ liệu tiếng Việt cho Tesseract; quản trị viên hãy cài bằng lệnh: ${INSTALL}. Hoặc tải lên bản Word/PDF gốc có lớp chữ.`,
    );
  }
  checked = { path, tools };
  return tools;
}

/** Runs a program under `timeout` and returns its standard output; fails on a non-zero exit. */
function run(tools: Tools, bin: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const [cmd, cmdArgs] = tools.timeout
    ? [tools.timeout, ["-k", "2", String(STEP_TIMEOUT_S), bin, ...args]]
    : [bin, args];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      if (err.length < 2000) err += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString("utf8"));
      else if (code === 124 || code === 137) {
        reject(new IngestError("timeout", "Nhận dạng chữ một trang bản scan quá thời gian cho phép."));
      } else reject(new Error(`${bin} exited with ${code}: ${err.trim()}`));
    });
  });
}

/**
 * Pages read at once by one extraction: as many as there are cores, each Tesseract on one thread
 * (its OpenMP threads only wait on each other on a busy machine: measured 1.4 s a page with one
 * thread, 3.7 s with its default threads while the other core was busy). Two extractions at once
 * (the pool's two workers) share the cores; a lone upload, the usual case, gets them all.
 */
const concurrency = (): number => Math.max(1, availableParallelism());

/** Words of the given pages (1-based) of a PDF, read from 300 dpi grayscale renderings. */
export async function ocrPages(
  bytes: Uint8Array,
  pages: number[],
  onProgress?: OnProgress,
): Promise<Map<number, OcrPage>> {
  const tools = await ocrTools();
  const dir = await mkdtemp(join(tmpdir(), "dondoc-ocr-"));
  const result = new Map<number, OcrPage>();
  try {
    const input = join(dir, "input.pdf");
    await writeFile(input, bytes, { mode: 0o600 });
    let done = 0;
    onProgress?.({ stage: "ocr", done, total: pages.length });
    const queue = [...pages];
    const worker = async () => {
      for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
        result.set(n, await ocrPage(tools, input, dir, n));
        done++;
        onProgress?.({ stage: "ocr", done, total: pages.length });
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency(), pages.length) }, worker));
    return result;
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(
      "corrupt_file",
      "Không nhận dạng được chữ trên bản scan (tệp PDF hỏng hoặc ảnh không đọc được); hãy quét lại hoặc tải lên bản Word/PDF gốc.",
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function ocrPage(tools: Tools, input: string, dir: string, n: number): Promise<OcrPage> {
  const stem = join(dir, `page-${n}`);
  const page = String(n);
  await run(tools, tools.pdftoppm, [
    "-r",
    String(OCR_DPI),
    "-gray",
    "-f",
    page,
    "-l",
    page,
    "-singlefile",
    input,
    stem,
  ]);
  const image = `${stem}.pgm`;
  const bitmap = parsePgm(new Uint8Array(await readFile(image)));
  let rulings: Rulings = { horizontals: [], verticals: [] };
  const words: OcrWord[] = [];
  if (!bitmap) words.push(...parseTsv(await tesseract(tools, image, "3")));
  else {
    rulings = takeRulings(bitmap, OCR_DPI);
    const { cells, tables } = tableCells(bitmap, rulings, OCR_DPI);
    const strips = cellStrips(bitmap, cells);
    // The page around its tables: --psm 3 (automatic layout) keeps a letterhead's two columns apart.
    blankOut(bitmap, tables);
    await writeFile(image, toPgm(bitmap));
    const around = parseTsv(await tesseract(tools, image, "3"));
    restoreInequalities(bitmap, around);
    words.push(...around);
    // A strip of cells: --psm 6, one block of lines, each cell's text a line or a few.
    for (const [i, strip] of strips.entries()) {
      await writeFile(image, toPgm(strip.bitmap));
      const read = parseTsv(await tesseract(tools, image, "6"), true);
      restoreInequalities(strip.bitmap, read);
      words.push(...wordsFromStrip(strip, read, `strip${i}`));
    }
  }
  await rm(image, { force: true });
  return { items: wordsToItems(words, OCR_DPI), ...rulings };
}

const tesseract = (tools: Tools, image: string, psm: string): Promise<string> =>
  run(
    tools,
    tools.tesseract,
    [image, "stdout", "-l", LANGUAGE, "--dpi", String(OCR_DPI), "--psm", psm, "tsv"],
    {
      OMP_THREAD_LIMIT: "1",
    },
  );
