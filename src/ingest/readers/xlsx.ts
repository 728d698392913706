import ExcelJS from "exceljs";
import type { RawBlock, RawDocument, RawRow } from "../model.ts";
import { toCellLines } from "./cellText.ts";
import { corruptError, encryptedError, isCfb, isEncryptedOoxml, openZip } from "./container.ts";
import { convertWithSoffice } from "./soffice.ts";

/**
 * Excel reader: every visible sheet becomes one table block holding all its non-empty rows; the
 * interpreter finds the header row (offices put a title block above it).
 *
 * Values are written back the way a Vietnamese user types them, because the interpreter reads
 * text, not Excel types:
 * - a date shows as "d/m/yyyy" ("31/5/2026");
 * - a date whose number format has no day (what Excel makes of "4/2026": 1 April 2026 shown as
 *   "Apr-26" or "m/yyyy") shows as "m/yyyy" ("4/2026"), a month deadline;
 * - a number uses a decimal comma ("0,65"), no thousands separator, percent formats as "70%", and a
 *   zero-padded format ("00") keeps its zeros ("05").
 * A month typed as a number ("4.2026" in an English-locale Excel) cannot be told from a decimal and
 * comes out as "4,2026"; an STT typed as the number 11.1 comes out as "11,1".
 */

type Cell = ExcelJS.Cell;
type OutCell = RawRow["cells"][number];

export async function readXlsx(bytes: Uint8Array): Promise<RawDocument> {
  if (isEncryptedOoxml(bytes)) throw encryptedError("Excel");
  // Excel 97-2003 (.xls) is a compound file; LibreOffice turns it into .xlsx where available.
  if (isCfb(bytes)) return readXlsx(await convertWithSoffice(bytes, "xls", "xlsx", "Excel"));
  // Opening the zip first separates "not a zip at all" from "a zip that is not a workbook".
  const zip = await openZip(bytes, "Excel");
  if (zip.file(/^xl\//).length === 0) {
    throw corruptError("Excel", "không có bảng tính");
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw corruptError("Excel", "không đọc được bảng tính");
  }
  const blocks: RawBlock[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== "visible") continue;
    const rows = sheetRows(sheet);
    if (rows.length > 0) blocks.push({ kind: "table", rows });
  }
  return { format: "xlsx", blocks };
}

function sheetRows(sheet: ExcelJS.Worksheet): RawRow[] {
  const grid: OutCell[][] = [];
  let minCol = Number.POSITIVE_INFINITY;
  let maxCol = 0;
  const texts = new Map<Cell, string>();
  const textOf = (cell: Cell): string => {
    let text = texts.get(cell);
    if (text === undefined) {
      text = toCellLines(formatValue(cell).split(/\r\n|\r|\n/)).join("\n");
      texts.set(cell, text);
    }
    return text;
  };
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: OutCell[] = [];
    let hasText = false;
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const master = cell.isMerged ? cell.master : cell;
      let out: OutCell;
      if (master !== cell && master.row !== cell.row) out = { text: "", mergedFromAbove: true };
      else out = { text: textOf(master) };
      if (out.text.length > 0) {
        hasText = true;
        minCol = Math.min(minCol, col);
        maxCol = Math.max(maxCol, col);
      }
      cells[col - 1] = out;
    });
    if (hasText) grid.push(cells);
  });
  // Trim columns that are empty in every row (tables often start at column B) and align the rest.
  return grid.map((cells) => {
    const out: OutCell[] = [];
    for (let col = minCol; col <= maxCol; col++) out.push(cells[col - 1] ?? { text: "" });
    return { cells: out };
  });
}

function formatValue(cell: Cell): string {
  const value = cell.value;
  const numFmt = cell.numFmt ?? "";
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatNumber(value, numFmt);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return formatDate(value, numFmt);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("hyperlink" in value) {
    const text = value.text as unknown;
    if (text && typeof text === "object" && "richText" in text) {
      return (text as ExcelJS.CellRichTextValue).richText.map((p) => p.text).join("");
    }
    return typeof text === "string" ? text : "";
  }
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null || typeof result === "object") {
      return result instanceof Date ? formatDate(result, numFmt) : "";
    }
    if (typeof result === "number") return formatNumber(result, numFmt);
    return String(result);
  }
  return "";
}

/** The format with quoted literals, escapes and [colour]/[$-locale] sections removed. */
function formatCodes(numFmt: string): string {
  return numFmt
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

function formatDate(date: Date, numFmt: string): string {
  const codes = formatCodes(numFmt).toLowerCase();
  const d = date.getUTCDate();
  const m = date.getUTCMonth() + 1;
  const y = date.getUTCFullYear();
  // Time-only formats (h:mm) come back as dates on 30/12/1899.
  if (y < 1901 && /h/.test(codes) && !/[dy]/.test(codes)) {
    return `${date.getUTCHours()}:${String(date.getUTCMinutes()).padStart(2, "0")}`;
  }
  if (codes.length > 0 && !/d/.test(codes) && /y/.test(codes)) return `${m}/${y}`;
  return `${d}/${m}/${y}`;
}

function formatNumber(n: number, numFmt: string): string {
  if (!Number.isFinite(n)) return String(n);
  const codes = formatCodes(numFmt.split(";")[0] ?? "");
  if (codes.includes("%")) return `${plain(n * 100)}%`;
  const zeros = /^0+$/.exec(codes.trim());
  if (zeros && Number.isInteger(n) && n >= 0) return String(n).padStart(zeros[0].length, "0");
  return plain(n);
}

/** Shortest decimal form without float noise (0.1 + 0.2 → "0,3"), decimal comma. */
function plain(n: number): string {
  const text = String(Number(n.toPrecision(15)));
  return text.includes("e") ? text : text.replace(".", ",");
}
