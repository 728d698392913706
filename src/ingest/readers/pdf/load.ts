import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { getDocument, OPS, type PDFDocumentProxy, type PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { IngestError } from "../../errors.ts";
import { extractRulings } from "./rulings.ts";
import type { PageContent, TextItem } from "./types.ts";

type Matrix = [number, number, number, number, number, number];

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
// pdf.js in Node reads these from the file system; without them, PDFs that rely on predefined
// CMaps or non-embedded standard fonts lose their text.
const assetUrl = (folder: string): string => `${pathToFileURL(join(pdfjsRoot, folder)).href}/`;

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given; the caller keeps theirs.
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    // Images are never needed and decoding them is what makes scans slow and memory hungry.
    maxImageSize: 1,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    cMapUrl: assetUrl("cmaps"),
    cMapPacked: true,
    standardFontDataUrl: assetUrl("standard_fonts"),
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => {});
    throw asIngestError(error);
  }
}

export function asIngestError(error: unknown): IngestError {
  if (error instanceof IngestError) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === "PasswordException") {
    return new IngestError(
      "encrypted_file",
      "Tệp PDF được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi tải lên lại.",
    );
  }
  return new IngestError(
    "corrupt_file",
    "Tệp PDF bị hỏng hoặc không đúng định dạng; hãy xuất lại tệp PDF từ bản gốc rồi tải lên lại.",
  );
}

/** Text of a page as horizontal items in top-left page coordinates. */
export async function readPageText(page: PDFPageProxy): Promise<{ items: TextItem[]; viewport: Matrix }> {
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform as Matrix;
  const content = await page.getTextContent();
  const items: TextItem[] = [];
  for (const raw of content.items) {
    if (!("str" in raw) || raw.str.trim() === "") continue;
    const t = raw.transform as Matrix;
    // Direction of the text run on the rendered page; vertical or upside-down text (margin
    // stamps, rotated labels) is not part of a table or a paragraph.
    const dx = vt[0] * t[0] + vt[2] * t[1];
    const dy = vt[1] * t[0] + vt[3] * t[1];
    if (dx <= 0 || Math.abs(dy) > 0.05 * dx) continue;
    const x = vt[0] * t[4] + vt[2] * t[5] + vt[4];
    const y = vt[1] * t[4] + vt[3] * t[5] + vt[5];
    const size = Math.hypot(t[2], t[3]) || raw.height || 1;
    items.push({ str: raw.str, x, y, width: raw.width, size, bold: false, font: raw.fontName });
  }
  return { items, viewport: vt };
}

export const opCodes = {
  save: OPS.save,
  restore: OPS.restore,
  transform: OPS.transform,
  constructPath: OPS.constructPath,
  paintFormXObjectBegin: OPS.paintFormXObjectBegin,
  paintFormXObjectEnd: OPS.paintFormXObjectEnd,
  stroke: OPS.stroke,
  closeStroke: OPS.closeStroke,
  fill: OPS.fill,
  eoFill: OPS.eoFill,
  fillStroke: OPS.fillStroke,
  eoFillStroke: OPS.eoFillStroke,
  closeFillStroke: OPS.closeFillStroke,
  closeEOFillStroke: OPS.closeEOFillStroke,
};

const IMAGE_OPS = new Set([
  OPS.paintImageXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintInlineImageXObject,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageMaskXObject,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintImageMaskXObjectRepeat,
]);

const BOLD_NAME = /bold|black|heavy|semibold|demi/i;

/** Ruling lines, and bold flags from the real font names (known once the operator list is built). */
export async function readPageGraphics(
  page: PDFPageProxy,
  items: TextItem[],
  viewport: Matrix,
): Promise<Pick<PageContent, "horizontals" | "verticals"> & { images: number }> {
  const ops = await page.getOperatorList();
  let images = 0;
  for (const fn of ops.fnArray) if (IMAGE_OPS.has(fn)) images++;
  const boldByFont = new Map<string, boolean>();
  for (const item of items) {
    const font = item.font;
    if (!font) continue;
    let bold = boldByFont.get(font);
    if (bold === undefined) {
      bold = false;
      if (page.commonObjs.has(font)) {
        const name = (page.commonObjs.get(font) as { name?: string } | null)?.name ?? "";
        bold = BOLD_NAME.test(name);
      }
      boldByFont.set(font, bold);
    }
    item.bold = bold;
  }
  return {
    ...extractRulings(ops as unknown as Parameters<typeof extractRulings>[0], opCodes, viewport),
    images,
  };
}
