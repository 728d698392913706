import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { AgencySeed } from "../domain/agencyDirectory.ts";
import { agencyLevelLabels, parseAgencyLevel } from "../domain/agencyLevels.ts";
import { foldForSearch, normalizeText } from "../domain/text.ts";
import { invalid } from "../errors.ts";
import { writeTable } from "./table.ts";

/**
 * The agency directory as a spreadsheet (CSV or XLSX) with Vietnamese headers, one agency per
 * row; parents are named by code so a file can be edited in Excel and imported back.
 */
const columns = [
  { key: "code", header: "Mã" },
  { key: "name", header: "Tên cơ quan, đơn vị" },
  { key: "shortName", header: "Tên viết tắt" },
  { key: "level", header: "Cấp" },
  { key: "parent", header: "Mã cơ quan cấp trên" },
  { key: "aliases", header: "Tên gọi khác" },
  { key: "groupLevels", header: "Nhóm gồm các cấp" },
  { key: "groupParents", header: "Nhóm gồm đơn vị trực thuộc" },
  { key: "groupMembers", header: "Thành viên nhóm" },
] as const;
type ColumnKey = (typeof columns)[number]["key"];

const LIST_SEPARATOR = "; ";
const splitList = (text: string) => text.split(/[;\n]/).map(normalizeText).filter(Boolean);

function toRow(agency: AgencySeed): Record<ColumnKey, string> {
  return {
    code: agency.code,
    name: agency.name,
    shortName: agency.shortName ?? "",
    level: agencyLevelLabels[agency.level],
    parent: agency.parent ?? "",
    aliases: (agency.aliases ?? []).join(LIST_SEPARATOR),
    groupLevels: (agency.group?.levels ?? [])
      .map((l) => agencyLevelLabels[l as keyof typeof agencyLevelLabels] ?? l)
      .join(LIST_SEPARATOR),
    groupParents: (agency.group?.parents ?? []).join(LIST_SEPARATOR),
    groupMembers: (agency.group?.members ?? []).join(LIST_SEPARATOR),
  };
}

export function writeAgencyDirectory(tree: AgencySeed[], format: "csv" | "xlsx"): Promise<Buffer> {
  return writeTable(
    "Cơ quan, đơn vị",
    columns.map((c) => ({ ...c, width: c.key === "name" ? 50 : 22 })),
    tree.map(toRow),
    format,
  );
}

/** Reads a directory file back into agencies; every problem names its row. */
export async function readAgencyDirectory(bytes: Uint8Array, format: "csv" | "xlsx"): Promise<AgencySeed[]> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (format === "xlsx") {
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      sheet = workbook.worksheets[0];
    } else {
      const text = Buffer.from(bytes)
        .toString("utf8")
        .replace(/^\uFEFF/, "");
      sheet = await workbook.csv.read(Readable.from([text]), { map: (value: unknown) => value });
    }
  } catch {
    throw invalid(
      "directory_unreadable",
      "Không đọc được tệp danh mục cơ quan: tệp hỏng hoặc không đúng định dạng CSV/XLSX.",
    );
  }
  if (!sheet) throw invalid("directory_empty", "Tệp danh mục cơ quan không có trang tính nào.");

  const headerRow = sheet.getRow(1);
  const indexOf = new Map<ColumnKey, number>();
  headerRow.eachCell((cell, col) => {
    const header = foldForSearch(String(cell.text ?? ""));
    const column = columns.find((c) => foldForSearch(c.header) === header || c.key.toLowerCase() === header);
    if (column) indexOf.set(column.key, col);
  });
  for (const required of ["code", "name", "level"] as const) {
    if (!indexOf.has(required)) {
      const header = columns.find((c) => c.key === required)!.header;
      throw invalid("directory_missing_column", `Tệp danh mục thiếu cột "${header}".`);
    }
  }

  const tree: AgencySeed[] = [];
  const seen = new Set<string>();
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cell = (key: ColumnKey) => {
      const col = indexOf.get(key);
      return col ? normalizeText(String(row.getCell(col).text ?? "")) : "";
    };
    const code = cell("code");
    const name = cell("name");
    if (!code && !name) return;
    if (!code || !name)
      throw invalid("directory_row_incomplete", `Dòng ${rowNumber}: cần có cả mã và tên cơ quan.`);
    if (seen.has(code))
      throw invalid("directory_duplicate_code", `Dòng ${rowNumber}: mã "${code}" bị trùng.`);
    seen.add(code);
    const level = parseAgencyLevel(cell("level"));
    if (!level)
      throw invalid("directory_bad_level", `Dòng ${rowNumber}: cấp "${cell("level")}" không hợp lệ.`);
    const groupLevels = splitList(cell("groupLevels")).map((text) => {
      const parsed = parseAgencyLevel(text);
      if (!parsed)
        throw invalid("directory_bad_level", `Dòng ${rowNumber}: cấp "${text}" trong nhóm không hợp lệ.`);
      return parsed;
    });
    const groupParents = splitList(cell("groupParents"));
    const groupMembers = splitList(cell("groupMembers"));
    const isGroup = groupLevels.length > 0 || groupMembers.length > 0;
    tree.push({
      code,
      name,
      shortName: cell("shortName") || undefined,
      level,
      parent: cell("parent") || undefined,
      aliases: splitList(cell("aliases")),
      group: isGroup
        ? {
            ...(groupLevels.length ? { levels: groupLevels } : {}),
            ...(groupParents.length ? { parents: groupParents } : {}),
            ...(groupMembers.length ? { members: groupMembers } : {}),
          }
        : undefined,
    });
  });
  return orderParentsFirst(tree);
}

/** Parents must exist before children are written; a cycle or a missing parent is an error. */
function orderParentsFirst(tree: AgencySeed[]): AgencySeed[] {
  const byCode = new Map(tree.map((a) => [a.code, a]));
  const ordered: AgencySeed[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (agency: AgencySeed) => {
    if (state.get(agency.code) === "done") return;
    if (state.get(agency.code) === "visiting") {
      throw invalid("directory_cycle", `Cơ quan "${agency.code}" nằm trong một vòng cấp trên – cấp dưới.`);
    }
    state.set(agency.code, "visiting");
    const parent = agency.parent ? byCode.get(agency.parent) : undefined;
    if (parent) visit(parent);
    state.set(agency.code, "done");
    ordered.push(agency);
  };
  for (const agency of tree) visit(agency);
  return ordered;
}
