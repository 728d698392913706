import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { reviewReport } from "../../commands/reviewReport.ts";
import { assignments, auditLog, progressReports, reviews } from "../../db/schema/index.ts";
import { addDays, today, vietnamDate } from "../../domain/dates.ts";
import { reportContext } from "../../queries/reports.ts";
import { openReportApp, POLICE, pdfFile, reportKit } from "../../testing/reportKit.ts";
import { exec, rowCount, type TrackingApp } from "../../testing/tracking.ts";

/** The standing office's review of progress reports, and the reopening of an approved one. */

let t: TrackingApp;
const cookies = openReportApp((app) => {
  t = app;
});

const { policeTask, submit, submitJson, post, get, review, userId, notificationsOf } = reportKit(
  () => t,
  cookies,
);

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
    const target = await policeTask("3");
    expect(
      (await submitJson("congan", target.assignmentId, { narrative: "Đang triển khai" })).statusCode,
    ).toBe(201);
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

describe("reopening an approved report", () => {
  it("withdraws the approval and the completion it gave; the agency submits again", async () => {
    // An approved completion report on task 4, led by Công an tỉnh alone.
    const target = await policeTask("4");
    const done = await submitJson("congan", target.assignmentId, {
      narrative: "Đã hoàn thành",
      claimsCompletion: true,
    });
    expect(done.statusCode, done.body).toBe(201);
    expect((await review("vanphong", done.json().id, { decision: "approve" })).statusCode).toBe(200);
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
