import ExcelJS from "exceljs";

export interface TableColumn<K extends string> {
  key: K;
  header: string;
  width?: number;
}

/**
 * A spreadsheet with one header row (bold) and one row per record, as XLSX or as a UTF-8 CSV
 * with a byte-order mark so that Excel opens it with Vietnamese letters intact. ExcelJS writes
 * both (quoting included).
 */
export async function writeTable<K extends string>(
  sheetName: string,
  columns: readonly TableColumn<K>[],
  rows: Iterable<Record<K, string | number | null>>,
  format: "csv" | "xlsx",
  options: { inertCsv?: boolean } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 22 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(format === "csv" && options.inertCsv ? inertRow(row) : row);
  if (format === "xlsx") return Buffer.from(await workbook.xlsx.writeBuffer());
  return Buffer.from(await workbook.csv.writeBuffer({ formatterOptions: { writeBOM: true } }));
}

/**
 * `inertCsv`: a spreadsheet opening a CSV reads a cell starting with = + - @ as a formula; text written by
 * users (a task title, a browser's name) must stay text, so such a cell gets a leading quote
 * (OWASP's advice on CSV injection). In XLSX every string is typed as a string already. Off
 * for files meant to be imported back as they are (the agency directory).
 */
function inertRow<K extends string>(row: Record<K, string | number | null>) {
  const out = {} as Record<K, string | number | null>;
  for (const key of Object.keys(row) as K[]) {
    const value = row[key];
    out[key] = typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  }
  return out;
}
