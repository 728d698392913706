import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { type AuditLogEntry, writeAuditLog } from "./auditLogFile.ts";

const entry: AuditLogEntry = {
  seq: 7,
  at: "2026-12-03T01:02:03.456Z",
  actorName: "Nguyễn Văn A",
  actorLabel: "user:a",
  action: "task.update",
  entityType: "task",
  entityId: "t-1",
  before: { title: "=1+1" },
  after: { title: 'Mới, "có" dấu phẩy' },
  ip: "10.0.0.1",
  userAgent: "@evil",
  requestId: "r-1",
  hash: "ab".repeat(32),
};

describe("the audit log as a file", () => {
  it("writes Vietnamese labels, JSON changes, a note when cut, and keeps CSV cells inert", async () => {
    const csv = (await writeAuditLog([entry], "csv", "Chỉ xuất 1 dòng")).toString("utf8");
    expect(csv).toContain("Sửa nhiệm vụ");
    expect(csv).toContain("Nhiệm vụ");
    expect(csv).toContain("'@evil");
    expect(csv).toContain("Chỉ xuất 1 dòng");
    const xlsx = await writeAuditLog([entry], "xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    const values = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(values).toContain(7);
    expect(values).toContain("@evil");
    expect(values).toContain(JSON.stringify({ title: "=1+1" }));
  });
});
