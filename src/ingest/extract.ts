import { IngestError } from "./errors.ts";
import type { Extraction } from "./extraction.ts";
import { assertSafeInput, detectFormat } from "./guard.ts";
import { findLineTable } from "./interpret/flatTable.ts";
import { interpretDocument } from "./interpret/index.ts";
import { findLayoutTable } from "./interpret/layoutTable.ts";
import type { RawDocument, SourceFormat } from "./model.ts";
import type { OnProgress } from "./progress.ts";
import { readDoc, readDocx } from "./readers/docx.ts";
import { readText } from "./readers/text.ts";

/**
 * The extraction engine's entry points: bytes of any supported format, or a document a reader
 * has already produced, to the contract's JSON (EXTRACTION.md). Only IngestError leaves here on
 * purpose; callers turn it into exit status 2 or an HTTP 4xx.
 */

export function extractDocument(raw: RawDocument): Extraction {
  const extraction = interpretDocument(raw);
  if (extraction.tasks.length === 0 && extraction.indicators.length === 0) {
    throw new IngestError(
      "no_task_table",
      "Không tìm thấy bảng nhiệm vụ, bảng chỉ tiêu hay nhiệm vụ được giao nào trong văn bản.",
    );
  }
  return extraction;
}

/**
 * Text files come as UTF-8 (with or without BOM), as UTF-16 from Windows editors, or, from older
 * Vietnamese Windows machines, in the Windows-1258 code page.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    try {
      return new TextDecoder("windows-1258").decode(bytes);
    } catch {
      return new TextDecoder("utf-8").decode(bytes);
    }
  }
}

/**
 * A text file's blocks, its tables found with the interpreter's rules: laid out with spaces
 * (pdftotext -layout, a PDF viewer's copy) or written one cell per line.
 */
export const readTextDocument = (text: string): RawDocument =>
  readText(text, {
    lineTable: (lines, start) => findLayoutTable(lines, start) ?? findLineTable(lines, start),
  });

export interface ExtractOptions {
  onProgress?: OnProgress;
}

async function read(bytes: Uint8Array, format: SourceFormat, options: ExtractOptions): Promise<RawDocument> {
  switch (format) {
    case "text":
      return readTextDocument(decodeText(bytes));
    case "docx":
      return readDocx(bytes);
    case "doc":
      return readDoc(bytes);
    // pdf.js and ExcelJS take longer to load than a .docx takes to read: loaded when needed.
    case "xlsx":
      return (await import("./readers/xlsx.ts")).readXlsx(bytes);
    case "pdf":
      return (await import("./readers/pdf.ts")).readPdf(bytes, { onProgress: options.onProgress });
    default:
      throw new IngestError("unsupported_format", "Định dạng tệp không được hỗ trợ.");
  }
}

export async function extractFile(
  bytes: Uint8Array,
  fileName: string,
  options: ExtractOptions = {},
): Promise<Extraction> {
  const format = detectFormat(bytes, fileName);
  assertSafeInput(bytes, format);
  return extractDocument(await read(bytes, format, options));
}
