import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { plans, progressReports, reportingPeriods, users } from "../../db/schema/index.ts";
import { today } from "../../domain/dates.ts";
import { makeUser } from "../../testing/factories.ts";
import { openReportApp, reportKit } from "../../testing/reportKit.ts";
import type { TrackingApp } from "../../testing/tracking.ts";

/** Plans that ask for it send an officer's report to the agency head before the standing office. */

let t: TrackingApp;
const cookies = openReportApp((app) => {
  t = app;
});

const { policeTask, submitJson, post, get, review, userId, notificationsOf } = reportKit(() => t, cookies);

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
    // V.14, led by Công an tỉnh alone in the same plan: no report on it yet.
    const { assignmentId } = await policeTask("V.14", "3450/KH-UBND");
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
