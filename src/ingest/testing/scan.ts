import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PDFDocument from "pdfkit";

/**
 * Scans made from text PDFs, for the OCR tests and bench: each page rendered by poppler's
 * pdftoppm to a grayscale JPEG, as an office scanner saves it, and the images made into a PDF
 * (pdfkit) with no text layer at all. Also the same pages of the text PDF, to score against.
 */

function withTempDir<T>(run: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "dondoc-scan-"));
  try {
    return run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ScanOptions {
  first: number;
  last: number;
  /** Resolution of the scan; 300 dpi by default, what scanners offer for documents. */
  dpi?: number;
}

export async function imageOnlyPdf(pdf: Uint8Array, options: ScanOptions): Promise<Uint8Array> {
  const dpi = options.dpi ?? 300;
  const images = withTempDir((dir) => {
    const input = join(dir, "input.pdf");
    writeFileSync(input, pdf);
    execFileSync("pdftoppm", [
      ...["-r", String(dpi), "-gray", "-jpeg", "-jpegopt", "quality=85"],
      ...["-f", String(options.first), "-l", String(options.last), input, join(dir, "page")],
    ]);
    return readdirSync(dir)
      .filter((name) => name.endsWith(".jpg"))
      .sort()
      .map((name) => readFileSync(join(dir, name)));
  });
  const doc = new PDFDocument({ autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on("end", resolve));
  for (const image of images) {
    // pdfkit reads the JPEG's pixel size (openImage is missing from its typings); the page gets
    // the size the paper had.
    const opened = (
      doc as unknown as { openImage(data: Buffer): { width: number; height: number } }
    ).openImage(image);
    const [width, height] = [(opened.width * 72) / dpi, (opened.height * 72) / dpi];
    doc.addPage({ size: [width, height], margin: 0 });
    doc.image(opened as unknown as Buffer, 0, 0, { width, height });
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** Pages `first`..`last` of a PDF as a PDF of their own (poppler's pdfseparate and pdfunite). */
export function pdfPages(pdf: Uint8Array, first: number, last: number): Uint8Array {
  return withTempDir((dir) => {
    const input = join(dir, "input.pdf");
    writeFileSync(input, pdf);
    execFileSync("pdfseparate", ["-f", String(first), "-l", String(last), input, join(dir, "p-%d.pdf")]);
    const parts = Array.from({ length: last - first + 1 }, (_, i) => join(dir, `p-${first + i}.pdf`));
    execFileSync("pdfunite", [...parts, join(dir, "out.pdf")]);
    return new Uint8Array(readFileSync(join(dir, "out.pdf")));
  });
}
