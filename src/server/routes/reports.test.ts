import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config.ts";
import { auditLog, notifications, reportingPeriods } from "../../db/schema/index.ts";
import { addDays, today } from "../../domain/dates.ts";
import { periodContaining } from "../../domain/periods.ts";
import { openReportApp, POLICE, pdfFile, reportKit } from "../../testing/reportKit.ts";
import { type FormFile, samples, type TrackingApp } from "../../testing/tracking.ts";

/** Progress reports with their evidence: what is stored, who may read it, what is refused. */

let t: TrackingApp;
const cookies = openReportApp(
  (app) => {
    t = app;
  },
  { evidenceMaxMb: 1 },
);

const { policeTask, submit, submitJson, get, userId, notificationsOf, stagingLeftovers, snapshot } =
  reportKit(() => t, cookies);

type AssignmentView = { assignmentId: string; pendingPeriodLabel: string | null };

describe("submitting a report with evidence", () => {
  it("stores the report, its files, links and document numbers, and tells the standing office", async () => {
    const target = await policeTask("3");
    const taskId = target.taskId;
    const before = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, await userId("vanphong")));
    const response = await submit(
      "congan",
      target.assignmentId,
      {
        percent: "40",
        narrative: "Đã thiết lập kênh kết nối với\u00a0Bộ Công an.",
        difficulties: "Thiếu kinh phí",
        proposals: "Bổ sung kinh phí năm 2027",
        links: ["https://congan.lamdong.gov.vn/bao-cao/1", "http://example.vn/minh-chung"],
        documentNumbers: ["12/BC-CAT", "12/BC-CAT"],
      },
      [
        pdfFile(),
        {
          name: "Phụ lục.docx",
          type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          bytes: samples.docx(),
        },
        { name: "anh-chup.png", type: "image/png", bytes: samples.png() },
        { name: "so-lieu.csv", type: "application/vnd.ms-excel", bytes: samples.text() },
      ],
    );
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    const reportId = body.id;
    expect(body).toMatchObject({
      state: "submitted",
      evidenceCount: 7,
      periodLabel: periodContaining(today(), "month", 10).label,
    });

    const listed = (await get("congan", `/api/tasks/${taskId}/reports`)).json();
    const report = listed.reports.find((r: { id: string }) => r.id === reportId);
    expect(report).toMatchObject({
      percent: 40,
      narrative: "Đã thiết lập kênh kết nối với Bộ Công an.",
      difficulties: "Thiếu kinh phí",
      proposals: "Bổ sung kinh phí năm 2027",
      state: "submitted",
      lock: null,
      submittedBy: { displayName: expect.stringContaining("Lê Văn Hùng") },
    });
    const files = report.evidence.filter((e: { kind: string }) => e.kind === "file");
    expect(files.map((e: { fileName: string; mimeType: string }) => [e.fileName, e.mimeType])).toEqual([
      ["Báo cáo kết quả.pdf", "application/pdf"],
      ["Phụ lục.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ["anh-chup.png", "image/png"],
      ["so-lieu.csv", "text/csv; charset=utf-8"],
    ]);
    expect(report.evidence.filter((e: { kind: string }) => e.kind === "link")).toHaveLength(2);
    expect(report.evidence.filter((e: { kind: string }) => e.kind === "document_number")).toEqual([
      expect.objectContaining({ documentNumber: "12/BC-CAT" }),
    ]);
    expect(listed.assignments.find((a: { agencyName: string }) => a.agencyName === POLICE)).toMatchObject({
      canReport: true,
      canRequestDeadlineChange: true,
    });

    // Content-addressed on disk: <data>/files/ab/cd/<sha256>.
    const stored = await t.store.list();
    expect(stored).toHaveLength(4);
    for (const sha of stored) {
      expect(fs.existsSync(path.join(t.dataDir, "files", sha.slice(0, 2), sha.slice(2, 4), sha))).toBe(true);
    }
    expect(stagingLeftovers()).toEqual([]);

    const after = await t.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, await userId("vanphong")));
    expect(after.length).toBe(before.length + 1);
    expect(after.find((n) => n.kind === "report_submitted")).toMatchObject({ link: `/nhiem-vu/${taskId}` });
    expect(await notificationsOf("congan", "report_submitted")).toEqual([]);

    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "report.submit"), eq(auditLog.entityId, reportId)));
    expect(audit).toMatchObject({ actorLabel: "user:congan" });
    expect((audit!.after as { evidence: unknown[] }).evidence).toHaveLength(7);
  });

  it("serves evidence to those who may see the task, with its name and type, and to no one else", async () => {
    // A report with a PDF on task 5, held by Công an tỉnh alone (Sở Tài chính does not see it).
    const { assignmentId, taskId } = await policeTask("5");
    const submitted = await submit("congan", assignmentId, { narrative: "Đã triển khai" }, [pdfFile()]);
    expect(submitted.statusCode, submitted.body).toBe(201);
    const listed = (await get("vanphong", `/api/tasks/${taskId}/reports`)).json();
    const pdf = listed.reports[0].evidence.find(
      (e: { fileName: string }) => e.fileName === "Báo cáo kết quả.pdf",
    );
    expect(pdf.downloadUrl).toBe(`/api/evidence/${pdf.id}`);
    for (const user of ["congan", "truongcongan", "vanphong", "lanhdao", "admin"]) {
      const response = await get(user, pdf.downloadUrl);
      expect(response.statusCode, user).toBe(200);
      expect(response.headers["content-type"]).toBe("application/pdf");
      expect(response.headers["content-disposition"]).toBe(
        `attachment; filename="Bao cao ket qua.pdf"; filename*=UTF-8''${encodeURIComponent("Báo cáo kết quả.pdf")}`,
      );
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.rawPayload.equals(samples.pdf())).toBe(true);
    }
    const denied = await get("taichinh", pdf.downloadUrl);
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/không được giao/),
    });
    expect(denied.rawPayload.includes(samples.pdf())).toBe(false);
    expect((await get("taichinh", `/api/tasks/${taskId}/reports`)).statusCode).toBe(403);
    expect((await get("congan", `/api/evidence/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it("refuses a report on another agency's assignment with 403 and writes nothing", async () => {
    const target = await policeTask("4");
    const before = await snapshot();
    const response = await submit("taichinh", target.assignmentId, { percent: "10", narrative: "Thử" }, [
      pdfFile(),
    ]);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/không được giao/),
    });
    const json = await submitJson("taichinh", target.assignmentId, { narrative: "Thử" });
    expect(json.statusCode).toBe(403);
    // Province-wide roles read everything but report for no agency.
    expect((await submitJson("vanphong", target.assignmentId, { narrative: "Thử" })).statusCode).toBe(403);
    expect((await submitJson("lanhdao", target.assignmentId, { narrative: "Thử" })).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
    expect((await submitJson("congan", crypto.randomUUID(), { narrative: "Thử" })).statusCode).toBe(404);
  });

  it.each([
    [
      "PNG bytes named .pdf",
      { name: "bao-cao.pdf", type: "application/pdf", bytes: samples.png() },
      "evidence_type_mismatch",
    ],
    [
      "random bytes named .docx",
      {
        name: "bao-cao.docx",
        type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        bytes: samples.random(),
      },
      "evidence_type_mismatch",
    ],
    [
      "a PDF declared as an image",
      { name: "bao-cao.pdf", type: "image/png", bytes: samples.pdf() },
      "evidence_type_mismatch",
    ],
    [
      "a Word file named .xlsx",
      { name: "so-lieu.xlsx", type: "application/octet-stream", bytes: samples.docx() },
      "evidence_type_mismatch",
    ],
    [
      "binary named .txt",
      { name: "ghi-chu.txt", type: "text/plain", bytes: samples.random() },
      "evidence_type_mismatch",
    ],
    [
      "a PDF named .txt",
      { name: "ghi-chu.txt", type: "text/plain", bytes: samples.pdf() },
      "evidence_type_mismatch",
    ],
    [
      "a .zip archive",
      { name: "minh-chung.zip", type: "application/zip", bytes: samples.docx() },
      "evidence_type_not_allowed",
    ],
    [
      "an executable",
      { name: "setup.exe", type: "application/octet-stream", bytes: samples.random() },
      "evidence_type_not_allowed",
    ],
    [
      "an empty file",
      { name: "rong.pdf", type: "application/pdf", bytes: Buffer.alloc(0) },
      "evidence_empty",
    ],
  ])(
    "refuses %s with 400 and stores nothing, not even the valid files beside it",
    async (_label, bad, code) => {
      const target = await policeTask("4");
      const before = await snapshot();
      const response = await submit(
        "congan",
        target.assignmentId,
        { percent: "20", narrative: "Có minh chứng" },
        [pdfFile("hop-le.pdf"), bad as FormFile],
      );
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({
        code,
        message: expect.stringContaining(`"${(bad as FormFile).name}"`),
      });
      expect(await snapshot()).toEqual(before);
    },
  );

  it("refuses a file over the size limit with 400 and stores nothing", async () => {
    expect(loadConfig({}).evidenceMaxBytes).toBe(20 * 1024 * 1024);
    const target = await policeTask("4");
    const before = await snapshot();
    const big = Buffer.concat([samples.pdf(), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const response = await submit("congan", target.assignmentId, { narrative: "Tệp lớn" }, [
      pdfFile("nho.pdf"),
      { name: "Tệp lớn.pdf", type: "application/pdf", bytes: big },
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "evidence_too_large",
      message: expect.stringMatching(/Tệp lớn\.pdf.*vượt quá dung lượng cho phép \(1 MB\)/),
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses more than ten files", async () => {
    const target = await policeTask("4");
    const before = await snapshot();
    const files = Array.from({ length: 11 }, (_, i) => pdfFile(`tep-${i}.pdf`));
    const response = await submit("congan", target.assignmentId, { narrative: "Nhiều tệp" }, files);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe("evidence_too_many");
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    [{ narrative: "x", links: ["javascript:alert(1)"] }, /http/],
    [{ narrative: "x", links: ["ftp://example.vn/a"] }, /http/],
    [{ narrative: "x", percent: 150 }, /0 đến 100/],
    [{ narrative: "x", nothingToReport: true, claimsCompletion: true }, /không phát sinh/],
    [{ narrative: "" }, /kết quả thực hiện/],
    [{ narrative: "x", claimsCompletion: true, percent: 60 }, /100%/],
  ])("validates the form with a Vietnamese message: %j", async (payload, message) => {
    const target = await policeTask("4");
    const before = await snapshot();
    const response = await submitJson("congan", target.assignmentId, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "invalid_request",
      message: expect.stringMatching(message),
    });
    expect(await snapshot()).toEqual(before);
  });

  it("takes the period containing today unless an open one is named", async () => {
    const target = await policeTask("4");
    const old = addDays(today(), -70);
    const closed = await submitJson("congan", target.assignmentId, { narrative: "Kỳ cũ", periodOn: old });
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({
      code: "period_closed",
      message: expect.stringMatching(/đã khóa sổ/),
    });
    const future = await submitJson("congan", target.assignmentId, {
      narrative: "Kỳ sau",
      periodOn: addDays(today(), 45),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().code).toBe("period_not_started");

    const pendingOf = async () =>
      (
        (await get("congan", `/api/tasks/${target.taskId}/reports`)).json().assignments as AssignmentView[]
      ).find((a) => a.assignmentId === target.assignmentId)?.pendingPeriodLabel;
    expect(await pendingOf()).toBeNull();
    const ok = await submitJson("congan", target.assignmentId, { nothingToReport: true });
    expect(ok.statusCode, ok.body).toBe(201);
    // The task's reports say the current period waits for a decision, so the form can say so first.
    expect(await pendingOf()).toBe(periodContaining(today(), "month", 10).label);
    const [period] = await t.db
      .select()
      .from(reportingPeriods)
      .where(eq(reportingPeriods.id, ok.json().periodId));
    const expected = periodContaining(today(), "month", 10);
    expect(period).toMatchObject({
      kind: "month",
      startsOn: expected.startsOn,
      endsOn: expected.endsOn,
      cutoffOn: expected.cutoffOn,
    });

    // One report per assignment and period waits for a decision at a time; the period row is reused.
    const again = await submitJson("congan", target.assignmentId, { narrative: "Lần hai" });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("report_pending");
    const periods = await t.db
      .select()
      .from(reportingPeriods)
      .where(eq(reportingPeriods.startsOn, expected.startsOn));
    expect(periods.filter((p) => p.planId === period!.planId)).toHaveLength(1);
  });
});

describe("API description", () => {
  it("publishes the tracking operations, submitReport as multipart", async () => {
    const doc = (await t.app.inject("/api/openapi.json")).json();
    const operations = Object.values(
      doc.paths as Record<string, Record<string, { operationId?: string }>>,
    ).flatMap((methods) => Object.values(methods));
    const ids = operations.map((o) => o.operationId);
    for (const id of [
      "submitReport",
      "reviewReport",
      "requestDeadlineChange",
      "decideDeadlineChange",
      "approveReportAsHead",
      "reopenReport",
      "listReviewQueue",
      "listTaskReports",
      "addDirectiveComment",
      "listDirectiveComments",
      "listNotifications",
      "markNotificationRead",
      "downloadEvidence",
      "listDeadlineChanges",
    ]) {
      expect(ids).toContain(id);
    }
    const submitOp = doc.paths["/api/assignments/{assignmentId}/reports"].post;
    expect(Object.keys(submitOp.requestBody.content)).toContain("multipart/form-data");
  });
});
