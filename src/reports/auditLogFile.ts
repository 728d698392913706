import { auditActionLabel, auditEntityLabels } from "../domain/auditActions.ts";
import { writeTable } from "./table.ts";

/** An entry as src/queries/auditLog.ts reads it (declared here: reports do not import queries). */
export interface AuditLogEntry {
  seq: number;
  at: string;
  actorName: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  hash: string;
}

const columns = [
  { key: "seq", header: "Số thứ tự", width: 10 },
  { key: "at", header: "Thời điểm (UTC)", width: 28 },
  { key: "actor", header: "Người thực hiện", width: 28 },
  { key: "actorLabel", header: "Tài khoản", width: 22 },
  { key: "action", header: "Thao tác", width: 30 },
  { key: "actionCode", header: "Mã thao tác", width: 26 },
  { key: "entity", header: "Đối tượng", width: 20 },
  { key: "entityId", header: "Mã đối tượng", width: 38 },
  { key: "before", header: "Trước", width: 50 },
  { key: "after", header: "Sau", width: 50 },
  { key: "ip", header: "Địa chỉ IP", width: 18 },
  { key: "userAgent", header: "Trình duyệt", width: 40 },
  { key: "requestId", header: "Mã yêu cầu", width: 38 },
  { key: "hash", header: "Mã băm", width: 66 },
] as const;

const json = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

/** The filtered audit log as a spreadsheet, one row per entry, newest first as listed. */
export function writeAuditLog(rows: AuditLogEntry[], format: "csv" | "xlsx", note?: string): Promise<Buffer> {
  const records: Record<(typeof columns)[number]["key"], string | number>[] = rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    actor: row.actorName ?? "",
    actorLabel: row.actorLabel,
    action: auditActionLabel(row.action),
    actionCode: row.action,
    entity: auditEntityLabels[row.entityType] ?? row.entityType,
    entityId: row.entityId ?? "",
    before: json(row.before),
    after: json(row.after),
    ip: row.ip ?? "",
    userAgent: row.userAgent ?? "",
    requestId: row.requestId ?? "",
    hash: row.hash,
  }));
  // A cut export says so in its last row rather than pretending to be whole.
  if (note) {
    const blank = Object.fromEntries(columns.map((c) => [c.key, ""])) as (typeof records)[number];
    records.push({ ...blank, action: note });
  }
  return writeTable("Nhật ký hệ thống", columns, records, format, { inertCsv: true });
}
