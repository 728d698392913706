import fs from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewReport } from "../../commands/reviewReport.ts";
import { loadConfig } from "../../config.ts";
import {
  assignments,
  auditLog,
  evidence,
  notifications,
  plans,
  progressReports,
  reportingPeriods,
  reviews,
  storedFiles,
  users,
} from "../../db/schema/index.ts";
import { addDays, today, vietnamDate } from "../../domain/dates.ts";
import { periodContaining } from "../../domain/periods.ts";
import { reportContext } from "../../queries/reports.ts";
import { makeUser } from "../../testing/factories.ts";
import {
  exec,
  type FormFile,
  findAssignment,
  login,
  multipart,
  rowCount,
  samples,
  type TrackingApp,
  trackingApp,
} from "../../testing/tracking.ts";

let t: TrackingApp;
const cookies: Record<string, string> = {};
const PLAN_CV = "1535-CV/TU";
const POLICE = "Công an tỉnh";

beforeAll(async () => {
  t = await trackingApp({ evidenceMaxMb: 1 });
  for (const user of ["admin", "vanphong", "lanhdao", "congan", "truongcongan", "taichinh"]) {
    cookies[user] = await login(t.app, user);
  }
});
afterAll(async () => {
  await t?.close();
});

const policeTask = (ref: string, documentNumber = PLAN_CV) =>
  findAssignment(t.db, t.tenantId, { documentNumber, ref, agency: POLICE });

function submit(
  user: string,
  assignmentId: string,
  fields: Record<string, string | string[]>,
  files: FormFile[] = [],
) {
  const body = multipart(fields, files);
  return t.app.inject({
    method: "POST",
    url: `/api/assignments/${assignmentId}/reports`,
    headers: { cookie: cookies[user]!, ...body.headers },
    payload: body.payload,
  });
}
const submitJson = (user: string, assignmentId: string, payload: Record<string, unknown>) =>
  t.app.inject({
    method: "POST",
    url: `/api/assignments/${assignmentId}/reports`,
    headers: { cookie: cookies[user]! },
    payload,
  });
const post = (user: string, url: string, payload: Record<string, unknown> = {}) =>
  t.app.inject({ method: "POST", url, headers: { cookie: cookies[user]! }, payload });
const get = (user: string, url: string) =>
  t.app.inject({ method: "GET", url, headers: { cookie: cookies[user]! } });
const review = (user: string, reportId: string, payload: Record<string, unknown>) =>
  post(user, `/api/reports/${reportId}/review`, payload);

async function userId(username: string) {
  const [row] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row!.id;
}
async function notificationsOf(username: string, kind?: string) {
  const rows = await t.db
    .select()
    .from(notifications)
    .where(
      and(eq(notifications.userId, await userId(username)), kind ? eq(notifications.kind, kind) : undefined),
    );
  return rows;
}
function stagingLeftovers(): string[] {
  const dir = path.join(t.dataDir, "tmp", "uploads");
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}
/** Everything a submission could write: rows in every table it touches, and files on disk. */
async function snapshot() {
  return {
    reports: await rowCount(t.db, progressReports),
    evidence: await rowCount(t.db, evidence),
    storedFiles: await rowCount(t.db, storedFiles),
    periods: await rowCount(t.db, reportingPeriods),
    audit: await rowCount(t.db, auditLog),
    notifications: await rowCount(t.db, notifications),
    files: (await t.store.list()).length,
    staging: stagingLeftovers().length,
  };
}

const pdfFile = (name = "Báo cáo kết quả.pdf"): FormFile => ({
  name,
  type: "application/pdf",
  bytes: samples.pdf(),
});

describe("submitting a report with evidence", () => {
  let reportId: string;
  let taskId: string;

  it("stores the report, its files, links and document numbers, and tells the standing office", async () => {
    const target = await policeTask("3");
    taskId = target.taskId;
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
    reportId = body.id;
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

    const ok = await submitJson("congan", target.assignmentId, { nothingToReport: true });
    expect(ok.statusCode, ok.body).toBe(201);
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

describe("review by the standing office", () => {
  it("completes the assignment on the date the agency submitted, not the date of approval", async () => {
    const target = await policeTask("5");
    const submitted = await submit(
      "congan",
      target.assignmentId,
      { claimsCompletion: "true", narrative: "Đã hoàn thành" },
      [pdfFile("ket-qua.pdf")],
    );
    expect(submitted.statusCode, submitted.body).toBe(201);
    const reportId = submitted.json().id;
    // The agency submitted six days ago, the deadline was three days ago, the office approves today.
    const submittedAt = new Date(Date.now() - 6 * 86_400_000);
    const submittedOn = vietnamDate(submittedAt);
    await t.db.update(progressReports).set({ submittedAt }).where(eq(progressReports.id, reportId));
    await t.db
      .update(assignments)
      .set({ dueOn: addDays(today(), -3) })
      .where(eq(assignments.id, target.assignmentId));

    const approved = await review("vanphong", reportId, { decision: "approve", comment: "Đạt yêu cầu" });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: "approved", completedOn: submittedOn });
    const [assignment] = await t.db.select().from(assignments).where(eq(assignments.id, target.assignmentId));
    expect(assignment!.completedOn).toBe(submittedOn);

    const task = (await get("vanphong", `/api/tasks/${target.taskId}`)).json();
    expect(task.assignments.find((a: { agencyName: string }) => a.agencyName === POLICE).status).toBe(
      "done_on_time",
    );

    // The approval is final and locks the report.
    const listed = (await get("congan", `/api/tasks/${target.taskId}/reports`)).json();
    expect(listed.reports[0]).toMatchObject({
      state: "approved",
      lock: "approved",
      review: { decision: "approve", comment: "Đạt yêu cầu", reviewer: { displayName: expect.any(String) } },
      can: { review: false, reopen: false },
    });
    expect((await get("vanphong", `/api/tasks/${target.taskId}/reports`)).json().reports[0].can.reopen).toBe(
      true,
    );

    for (const user of ["congan", "truongcongan"]) {
      expect(await notificationsOf(user, "report_approved"), user).toEqual([
        expect.objectContaining({ title: expect.stringMatching(/xác nhận hoàn thành/) }),
      ]);
    }
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "report.approve"), eq(auditLog.entityId, reportId)));
    expect(audit).toMatchObject({
      before: { state: "submitted" },
      after: { state: "approved", completedOn: submittedOn },
    });

    // Reviewing it again, either way, is a conflict; the history keeps one decision.
    for (const payload of [{ decision: "approve" }, { decision: "return", comment: "Xem lại" }]) {
      const again = await review("vanphong", reportId, payload);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        code: "report_already_reviewed",
        message: expect.stringMatching(/đã được xét duyệt/),
      });
    }
    expect(await t.db.select().from(reviews).where(eq(reviews.reportId, reportId))).toHaveLength(1);

    // A further completion claim on a completed assignment is refused.
    const more = await submitJson("congan", target.assignmentId, {
      narrative: "Lại hoàn thành",
      claimsCompletion: true,
    });
    expect(more.statusCode).toBe(409);
    expect(more.json().code).toBe("assignment_completed");
  });

  it("returns a report with a comment; it does not complete; the agency submits again and both stay in history", async () => {
    const target = await policeTask("6");
    const first = await submitJson("congan", target.assignmentId, {
      narrative: "Xong",
      claimsCompletion: true,
    });
    expect(first.statusCode).toBe(201);
    const noComment = await review("vanphong", first.json().id, { decision: "return" });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().message).toMatch(/lý do/);
    const returned = await review("vanphong", first.json().id, {
      decision: "return",
      comment: "Thiếu minh chứng",
    });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ state: "returned", completedOn: null });
    const [assignment] = await t.db.select().from(assignments).where(eq(assignments.id, target.assignmentId));
    expect(assignment!.completedOn).toBeNull();
    expect(await notificationsOf("congan", "report_returned")).toEqual([
      expect.objectContaining({ body: expect.stringContaining("Thiếu minh chứng") }),
    ]);

    const second = await submit(
      "congan",
      target.assignmentId,
      { narrative: "Xong, có minh chứng", claimsCompletion: "true" },
      [pdfFile("bo-sung.pdf")],
    );
    expect(second.statusCode).toBe(201);
    expect(second.json().id).not.toBe(first.json().id);
    const listed = (await get("congan", `/api/tasks/${target.taskId}/reports`)).json();
    expect(listed.reports.map((r: { state: string }) => r.state)).toEqual(["submitted", "returned"]);
    expect(listed.reports[1].review).toMatchObject({ decision: "return", comment: "Thiếu minh chứng" });
  });

  it("lets only reviewers review, and checks the version they saw", async () => {
    const target = await policeTask("6");
    const [pending] = await t.db
      .select()
      .from(progressReports)
      .where(
        and(eq(progressReports.assignmentId, target.assignmentId), eq(progressReports.state, "submitted")),
      );
    for (const user of ["congan", "truongcongan", "lanhdao", "taichinh"]) {
      const response = await review(user, pending!.id, { decision: "approve" });
      expect(response.statusCode, user).toBe(403);
    }
    const stale = await review("vanphong", pending!.id, {
      decision: "approve",
      version: pending!.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("report_version_conflict");
    expect((await review("vanphong", crypto.randomUUID(), { decision: "approve" })).statusCode).toBe(404);

    const queue = (await get("vanphong", "/api/review-queue")).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(pending!.id);
    expect((await get("congan", "/api/review-queue")).statusCode).toBe(403);

    const ok = await review("admin", pending!.id, { decision: "approve", version: pending!.version });
    expect(ok.statusCode).toBe(200);
    expect(
      (await get("vanphong", "/api/review-queue")).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(pending!.id);
  });

  it("pages the review queue oldest first with a cursor, without repeating or skipping a report", async () => {
    for (const ref of ["1", "2"]) {
      const target = await policeTask(ref);
      expect(
        (await submitJson("congan", target.assignmentId, { narrative: `Báo cáo ${ref}` })).statusCode,
      ).toBe(201);
    }
    const whole = (await get("vanphong", "/api/review-queue?limit=200")).json();
    expect(whole.items.length).toBeGreaterThanOrEqual(2);
    expect(whole.total).toBe(whole.items.length);
    const times = whole.items.map((i: { submittedAt: string }) => i.submittedAt);
    expect(times).toEqual([...times].sort());

    const paged: string[] = [];
    let after: string | null = null;
    do {
      const query: string = after ? `&after=${encodeURIComponent(after)}` : "";
      const page = (await get("vanphong", `/api/review-queue?limit=1${query}`)).json();
      expect(page.total).toBe(whole.total);
      paged.push(...page.items.map((i: { id: string }) => i.id));
      after = page.nextCursor;
    } while (after && paged.length <= whole.items.length);
    expect(paged).toEqual(whole.items.map((i: { id: string }) => i.id));

    const bad = await get("vanphong", "/api/review-queue?after=bm90LWEtY3Vyc29y");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain("Con trỏ trang không hợp lệ");
  });

  it("lets exactly one of two simultaneous reviewers decide (HTTP)", async () => {
    const target = await policeTask("15");
    const submitted = await submitJson("congan", target.assignmentId, {
      narrative: "Đã rà soát",
      claimsCompletion: true,
    });
    const reportId = submitted.json().id;
    const auditBefore = await rowCount(t.db, auditLog);
    const [a, b] = await Promise.all([
      review("vanphong", reportId, { decision: "approve", comment: "Đồng ý" }),
      review("admin", reportId, { decision: "return", comment: "Chưa đạt" }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().code).toBe("report_already_reviewed");
    const decisions = await t.db.select().from(reviews).where(eq(reviews.reportId, reportId));
    expect(decisions).toHaveLength(1);
    const [report] = await t.db.select().from(progressReports).where(eq(progressReports.id, reportId));
    expect(report!.state).toBe(decisions[0]!.decision === "approve" ? "approved" : "returned");
    const audits = await exec<{ action: string }>(
      t.db,
      sql`select action from audit_log where entity_id = ${reportId} and action in ('report.approve', 'report.return')`,
    );
    expect(audits).toHaveLength(1);
    expect(await rowCount(t.db, auditLog)).toBe(auditBefore + 1);
  });

  it("lets exactly one of many simultaneous review commands decide", async () => {
    const target = await policeTask("16");
    const submitted = await submitJson("congan", target.assignmentId, { narrative: "Đã chuẩn hóa dữ liệu" });
    const reportId = submitted.json().id;
    const reviewer = await userId("vanphong");
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        t.db.transaction(async (tx) => {
          const ctx = { tx, tenantId: t.tenantId, actor: { userId: reviewer, label: `test:${i}` } };
          const context = await reportContext(tx, t.tenantId, reportId);
          return reviewReport(
            ctx,
            { reportId, decision: i % 2 ? "return" : "approve", comment: `Ý kiến ${i}` },
            { context: context! },
          );
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        status: 409,
        code: "report_already_reviewed",
      });
    }
    expect(await t.db.select().from(reviews).where(eq(reviews.reportId, reportId))).toHaveLength(1);
  });
});

describe("head approval", () => {
  let assignmentId: string;
  let taskId: string;
  beforeAll(async () => {
    const target = await policeTask("V.12", "3450/KH-UBND");
    assignmentId = target.assignmentId;
    taskId = target.taskId;
    await t.db.update(plans).set({ requireHeadApproval: true }).where(eq(plans.id, target.planId));
  });

  it("sends an officer's report to the head first, then to the standing office", async () => {
    const coordinatorNotes = (await notificationsOf("vanphong")).length;
    const submitted = await submitJson("congan", assignmentId, {
      narrative: "Đã lắp cổng tự động",
      percent: 70,
    });
    expect(submitted.statusCode).toBe(201);
    const reportId = submitted.json().id;
    expect(submitted.json().state).toBe("awaiting_head");
    expect(await notificationsOf("truongcongan", "report_awaiting_head")).toHaveLength(1);
    expect(await notificationsOf("vanphong")).toHaveLength(coordinatorNotes);

    // Not yet the office's to review, nor another agency's head's to forward.
    const early = await review("vanphong", reportId, { decision: "approve" });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe("report_awaiting_head");
    expect(
      (await get("vanphong", "/api/review-queue")).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(reportId);
    expect(
      (await get("truongcongan", "/api/review-queue")).json().items.map((i: { id: string }) => i.id),
    ).toContain(reportId);
    const financeHead = await makeUser(t.db, t.tenantId, {
      roles: ["agency_head"],
      agencyId: (await t.db.select().from(users).where(eq(users.username, "taichinh")))[0]!.agencyId,
      username: "truongtaichinh",
    });
    const financeCookie = (
      await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: financeHead.username, password: financeHead.password },
      })
    ).cookies.find((c) => c.name === "dondoc_session")!;
    const foreign = await t.app.inject({
      method: "POST",
      url: `/api/reports/${reportId}/head-decision`,
      headers: { cookie: `${financeCookie.name}=${financeCookie.value}` },
      payload: { decision: "approve" },
    });
    expect(foreign.statusCode).toBe(403);
    expect(
      (await post("congan", `/api/reports/${reportId}/head-decision`, { decision: "approve" })).statusCode,
    ).toBe(403);

    const forwarded = await post("truongcongan", `/api/reports/${reportId}/head-decision`, {
      decision: "approve",
      comment: "Đồng ý gửi",
    });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    expect(forwarded.json().state).toBe("submitted");
    expect(await notificationsOf("vanphong", "report_submitted")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          link: `/nhiem-vu/${taskId}`,
          body: expect.stringMatching(/lãnh đạo đơn vị đã duyệt/),
        }),
      ]),
    );
    expect(await notificationsOf("congan", "report_head_approved")).toHaveLength(1);
    const twice = await post("truongcongan", `/api/reports/${reportId}/head-decision`, {
      decision: "approve",
    });
    expect(twice.statusCode).toBe(409);

    const approved = await review("vanphong", reportId, { decision: "approve" });
    expect(approved.statusCode).toBe(200);
    const listed = (await get("congan", `/api/tasks/${taskId}/reports`)).json();
    expect(listed.reports[0]).toMatchObject({
      state: "approved",
      headApprovedBy: { displayName: expect.stringContaining("Phạm Quốc Bảo") },
      headComment: "Đồng ý gửi",
    });
  });

  it("lets the head return a report to the officer, and report directly", async () => {
    const submitted = await submitJson("congan", assignmentId, { narrative: "Báo cáo bổ sung", percent: 80 });
    const reportId = submitted.json().id;
    const returned = await post("truongcongan", `/api/reports/${reportId}/head-decision`, {
      decision: "return",
      comment: "Bổ sung số liệu",
    });
    expect(returned.statusCode).toBe(200);
    expect(returned.json().state).toBe("returned");
    expect(await notificationsOf("congan", "report_head_returned")).toEqual([
      expect.objectContaining({ body: expect.stringContaining("Bổ sung số liệu") }),
    ]);
    const own = await submitJson("truongcongan", assignmentId, {
      narrative: "Lãnh đạo báo cáo",
      percent: 85,
    });
    expect(own.statusCode).toBe(201);
    expect(own.json().state).toBe("submitted");
    const [row] = await t.db.select().from(progressReports).where(eq(progressReports.id, own.json().id));
    expect(row!.headApprovedBy).toBe(await userId("truongcongan"));
  });

  it("locks a report once its period is closed until a reviewer reopens it", async () => {
    const decided = await t.db
      .select()
      .from(progressReports)
      .where(and(eq(progressReports.assignmentId, assignmentId), eq(progressReports.state, "submitted")));
    await review("vanphong", decided[0]!.id, { decision: "return", comment: "Chưa đủ" });
    const submitted = await submitJson("congan", assignmentId, { narrative: "Báo cáo cuối kỳ", percent: 90 });
    const reportId = submitted.json().id;
    const periodId = submitted.json().periodId;
    await t.db
      .update(reportingPeriods)
      .set({ closedAt: new Date() })
      .where(eq(reportingPeriods.id, periodId));
    try {
      const locked = await post("truongcongan", `/api/reports/${reportId}/head-decision`, {
        decision: "approve",
      });
      expect(locked.statusCode).toBe(409);
      expect(locked.json().code).toBe("report_locked");
      const closed = await submitJson("congan", assignmentId, { narrative: "Thêm" });
      expect(closed.json().code).toBe("period_closed");

      expect((await post("congan", `/api/reports/${reportId}/reopen`, { reason: "Xin mở" })).statusCode).toBe(
        403,
      );
      const noReason = await post("vanphong", `/api/reports/${reportId}/reopen`, { reason: " " });
      expect(noReason.statusCode).toBe(400);
      const reopened = await post("vanphong", `/api/reports/${reportId}/reopen`, {
        reason: "Đơn vị duyệt muộn",
      });
      expect(reopened.statusCode, reopened.body).toBe(200);
      expect(reopened.json()).toMatchObject({ lock: "period_closed", state: "awaiting_head" });
      expect(await notificationsOf("congan", "report_reopened")).toHaveLength(1);
      const forwarded = await post("truongcongan", `/api/reports/${reportId}/head-decision`, {
        decision: "approve",
      });
      expect(forwarded.statusCode).toBe(200);
      const returned = await review("vanphong", reportId, { decision: "return", comment: "Sửa lại" });
      expect(returned.statusCode).toBe(200);
      // The reopened period takes the corrected report.
      const corrected = await submitJson("truongcongan", assignmentId, {
        narrative: "Đã sửa",
        periodOn: today(),
      });
      expect(corrected.statusCode, corrected.body).toBe(201);
      expect(corrected.json().periodId).toBe(periodId);
    } finally {
      await t.db.update(reportingPeriods).set({ closedAt: null }).where(eq(reportingPeriods.id, periodId));
    }
  });
});

describe("reopening an approved report", () => {
  it("withdraws the approval and the completion it gave; the agency submits again", async () => {
    const target = await policeTask("5");
    const [approved] = await t.db
      .select()
      .from(progressReports)
      .where(
        and(eq(progressReports.assignmentId, target.assignmentId), eq(progressReports.state, "approved")),
      );
    expect((await post("lanhdao", `/api/reports/${approved!.id}/reopen`, { reason: "Sai" })).statusCode).toBe(
      403,
    );
    const reopened = await post("vanphong", `/api/reports/${approved!.id}/reopen`, {
      reason: "Minh chứng chưa đúng",
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ state: "returned", lock: "approved" });
    const [assignment] = await t.db.select().from(assignments).where(eq(assignments.id, target.assignmentId));
    expect(assignment!.completedOn).toBeNull();
    // The original decision stays in the history.
    expect(await t.db.select().from(reviews).where(eq(reviews.reportId, approved!.id))).toEqual([
      expect.objectContaining({ decision: "approve" }),
    ]);
    const listed = (await get("congan", `/api/tasks/${target.taskId}/reports`)).json();
    expect(listed.reports[0]).toMatchObject({
      state: "returned",
      lock: null,
      reopenReason: "Minh chứng chưa đúng",
    });
    const again = await post("vanphong", `/api/reports/${approved!.id}/reopen`, { reason: "Lần nữa" });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("report_not_locked");
    const resubmitted = await submitJson("congan", target.assignmentId, {
      narrative: "Bổ sung",
      claimsCompletion: true,
    });
    expect(resubmitted.statusCode).toBe(201);
  });
});

describe("notifications", () => {
  it("lists the user's own, unread first, and marks them read", async () => {
    const first = (await get("congan", "/api/notifications")).json();
    expect(first.unread).toBeGreaterThan(2);
    expect(first.items.every((n: { readAt: string | null }) => n.readAt === null)).toBe(true);
    const target = first.items[0];
    const marked = await post("congan", `/api/notifications/${target.id}/read`);
    expect(marked.json()).toEqual({ marked: 1 });
    const after = (await get("congan", `/api/notifications?limit=200`)).json();
    expect(after.unread).toBe(first.unread - 1);
    expect(after.items.at(-1).id).toBe(target.id);
    expect(after.items.findIndex((n: { readAt: string | null }) => n.readAt !== null)).toBe(after.unread);
    // Someone else's notification is not found, and not touched.
    const theirs = (await get("vanphong", "/api/notifications")).json().items[0];
    expect((await post("congan", `/api/notifications/${theirs.id}/read`)).statusCode).toBe(404);
    expect((await get("vanphong", "/api/notifications")).json().items[0].readAt).toBeNull();
    const all = await post("congan", "/api/notifications/read-all");
    expect(all.json().marked).toBe(after.unread);
    expect((await get("congan", "/api/notifications?unreadOnly=true")).json()).toMatchObject({
      unread: 0,
      items: [],
    });
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
