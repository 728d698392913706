import { and, count, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoExtraction } from "../cli/demo.ts";
import { updatePlanFromExtraction } from "../commands/updatePlanFromExtraction.ts";
import { addDays, today } from "../domain/dates.ts";
import { asTest } from "../testing/factories.ts";
import { findAssignment, login, type TrackingApp, trackingApp } from "../testing/tracking.ts";
import { assignmentStatusFacts, plans, tasks } from "./schema/index.ts";
import { refreshStatusFacts } from "./statusFacts.ts";

/**
 * Every write that changes what a status derives from keeps the facts current in its own
 * transaction: after each step of a task's life through the API, the facts equal what a full
 * recount from raw rows gives, and show the change the step made.
 */
let t: TrackingApp;
const cookies: Record<string, string> = {};
const POLICE = "Công an tỉnh";

beforeAll(async () => {
  t = await trackingApp();
  for (const user of ["vanphong", "congan", "truongcongan"]) cookies[user] = await login(t.app, user);
});

afterAll(async () => {
  await t?.close();
});

const post = (user: string, url: string, payload: Record<string, unknown> = {}) =>
  t.app.inject({ method: "POST", url, headers: { cookie: cookies[user]! }, payload });

async function factsOf(assignmentId: string) {
  const [row] = await t.db
    .select()
    .from(assignmentStatusFacts)
    .where(
      and(
        eq(assignmentStatusFacts.tenantId, t.tenantId),
        eq(assignmentStatusFacts.assignmentId, assignmentId),
      ),
    );
  return row!;
}

/** The facts as kept equal the facts recounted from scratch. */
async function expectFactsCurrent() {
  const strip = (rows: (typeof assignmentStatusFacts.$inferSelect)[]) =>
    rows
      .map(({ refreshedAt: _refreshedAt, ...rest }) => rest)
      .sort((a, b) => a.assignmentId.localeCompare(b.assignmentId));
  const kept = strip(await t.db.select().from(assignmentStatusFacts));
  await refreshStatusFacts(t.db, t.tenantId);
  const recounted = strip(await t.db.select().from(assignmentStatusFacts));
  expect(kept.length).toBeGreaterThan(900);
  expect(kept).toEqual(recounted);
}

describe("status facts follow every write", () => {
  it("exist for every assignment of the imported plans", async () => {
    await expectFactsCurrent();
  });

  it("follow a report, its return, a new report, its approval as completion, and its reopening", async () => {
    const target = await findAssignment(t.db, t.tenantId, {
      documentNumber: "3450/KH-UBND",
      ref: "V.32",
      agency: POLICE,
    });
    const id = target.assignmentId;
    expect(await factsOf(id)).toMatchObject({
      firstReportedOn: null,
      completionSubmittedOn: null,
      reportCount: 0,
    });

    const first = await post("congan", `/api/assignments/${id}/reports`, {
      narrative: "Đang làm",
      percent: 30,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(await factsOf(id)).toMatchObject({
      firstReportedOn: today(),
      reportCount: 1,
      lastPercent: 30,
      lastPercentOn: today(),
      reviewedDays: [],
    });
    await expectFactsCurrent();

    const returned = await post("vanphong", `/api/reports/${first.json().id}/review`, {
      decision: "return",
      comment: "Thiếu minh chứng",
    });
    expect(returned.statusCode, returned.body).toBe(200);
    // A returned report does not count as reported.
    expect(await factsOf(id)).toMatchObject({
      firstReportedOn: null,
      reportCount: 0,
      lastPercent: null,
      reviewedDays: [today()],
      returnedDays: [today()],
    });
    await expectFactsCurrent();

    const done = await post("congan", `/api/assignments/${id}/reports`, {
      narrative: "Đã hoàn thành",
      claimsCompletion: true,
      links: ["https://congan.lamdong.gov.vn/ket-qua"],
    });
    expect(done.statusCode, done.body).toBe(201);
    const approved = await post("vanphong", `/api/reports/${done.json().id}/review`, { decision: "approve" });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await factsOf(id)).toMatchObject({
      completionSubmittedOn: today(),
      completionApprovedOn: today(),
      reportCount: 1,
      reviewedDays: [today(), today()],
      returnedDays: [today()],
    });
    await expectFactsCurrent();

    const reopened = await post("vanphong", `/api/reports/${done.json().id}/reopen`, {
      reason: "Số liệu chưa khớp",
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(await factsOf(id)).toMatchObject({ completionSubmittedOn: null, completionApprovedOn: null });
    await expectFactsCurrent();
  });

  it("follow an approved deadline change, keeping the original date", async () => {
    const target = await findAssignment(t.db, t.tenantId, {
      documentNumber: "3450/KH-UBND",
      ref: "V.33",
      agency: POLICE,
    });
    const id = target.assignmentId;
    const before = await factsOf(id);
    const wanted = addDays(today(), 45);
    const asked = await post("congan", `/api/assignments/${id}/deadline-changes`, {
      requestedDueOn: wanted,
      reason: "Chờ hướng dẫn của Bộ Công an",
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(await factsOf(id)).toMatchObject({ dueOn: before.dueOn, dueChangedOn: null });
    const decided = await post("vanphong", `/api/deadline-changes/${asked.json().id}/decision`, {
      decision: "approve",
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(await factsOf(id)).toMatchObject({
      originalDueOn: before.dueOn,
      dueOn: wanted,
      dueChangedOn: today(),
      dueHistory: [{ on: today(), due: wanted }],
    });
    await expectFactsCurrent();
  });

  it("are recomputed by migrate's fill-in where written before a later column (migration 0012)", async () => {
    // As migration 0012 leaves them: the new columns at their defaults, assigned_on null.
    await t.db.execute(sql`update assignment_status_facts set assigned_on = null, reviewed_days = '{}',
      returned_days = '{}', last_percent = null, last_percent_on = null, reported_periods = '{}',
      late_periods = '{}', last_period_report_on = null where tenant_id = ${t.tenantId}`);
    await refreshStatusFacts(t.db, null, { missingOnly: true });
    const [left] = await t.db
      .select({ n: count() })
      .from(assignmentStatusFacts)
      .where(and(eq(assignmentStatusFacts.tenantId, t.tenantId), isNull(assignmentStatusFacts.assignedOn)));
    expect(left!.n).toBe(0);
    await expectFactsCurrent();
  });

  it("follow a task edit and a re-import that removes a task", async () => {
    const target = await findAssignment(t.db, t.tenantId, {
      documentNumber: "3450/KH-UBND",
      ref: "V.34",
      agency: POLICE,
    });
    const edited = await t.app.inject({
      method: "PATCH",
      url: `/api/tasks/${target.taskId}`,
      headers: { cookie: cookies.vanphong! },
      payload: { deadlineText: "Thường xuyên" },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await factsOf(target.assignmentId)).toMatchObject({ deadlineKind: "recurring", dueOn: null });
    await expectFactsCurrent();

    const extraction = loadDemoExtraction("lam-dong-3450-kh-ubnd");
    const dropped = extraction.tasks.find((task) => task.ref === "V.35")!;
    const [plan] = await t.db.select({ id: plans.id }).from(plans).where(eq(plans.id, target.planId));
    await asTest(t.db, t.tenantId, (ctx) =>
      updatePlanFromExtraction(ctx, plan!.id, {
        ...extraction,
        tasks: extraction.tasks.filter((task) => task !== dropped),
      }),
    );
    const [removed] = await t.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.planId, plan!.id), eq(tasks.ref, "V.35")));
    const removedFacts = await t.db
      .select({ live: assignmentStatusFacts.live })
      .from(assignmentStatusFacts)
      .where(eq(assignmentStatusFacts.taskId, removed!.id));
    expect(removedFacts.length).toBeGreaterThan(0);
    expect(removedFacts.every((f) => f.live === false)).toBe(true);
    await expectFactsCurrent();
  });
});
