import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  agencies,
  assignments,
  auditLog,
  deadlineChanges,
  directiveComments,
  documents,
  notifications,
  plans,
  users,
} from "../../db/schema/index.ts";
import { addDays, today } from "../../domain/dates.ts";
import {
  auditCounts,
  findAssignment,
  login,
  rowCount,
  type TrackingApp,
  trackingApp,
} from "../../testing/tracking.ts";

let t: TrackingApp;
const cookies: Record<string, string> = {};
let target: Awaited<ReturnType<typeof findAssignment>>;

beforeAll(async () => {
  t = await trackingApp();
  for (const user of ["admin", "vanphong", "lanhdao", "congan", "truongcongan", "taichinh"]) {
    cookies[user] = await login(t.app, user);
  }
  // Task 16 of 1535-CV/TU: led by Công an tỉnh alone, due 30/06/2026.
  target = await findAssignment(t.db, t.tenantId, {
    documentNumber: "1535-CV/TU",
    ref: "16",
    agency: "Công an tỉnh",
  });
});
afterAll(async () => {
  await t?.close();
});

const post = (user: string, url: string, payload: Record<string, unknown> = {}) =>
  t.app.inject({ method: "POST", url, headers: { cookie: cookies[user]! }, payload });
const get = (user: string, url: string) =>
  t.app.inject({ method: "GET", url, headers: { cookie: cookies[user]! } });
const request = (user: string, payload: Record<string, unknown>, assignmentId = target.assignmentId) =>
  post(user, `/api/assignments/${assignmentId}/deadline-changes`, payload);

/** Another assignment led by Công an tỉnh alone, for a test that needs one of its own. */
const policeTask = (ref: string, documentNumber = "1535-CV/TU") =>
  findAssignment(t.db, t.tenantId, { documentNumber, ref, agency: "Công an tỉnh" });

/** A pending request by the officer on the assignment, and its id. */
async function pendingChange(assignmentId: string, requestedDueOn: string) {
  const response = await request(
    "congan",
    { requestedDueOn, reason: "Chờ hướng dẫn của Bộ Công an" },
    assignmentId,
  );
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

async function notificationsOf(username: string, kind: string) {
  const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return t.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, user!.id), eq(notifications.kind, kind)));
}

describe("deadline changes", () => {
  const wanted = addDays(today(), 30);

  it("refuses a date in the past, before the plan's document, or from another agency, writing nothing", async () => {
    const before = { changes: await rowCount(t.db, deadlineChanges), audit: await auditCounts(t.db) };
    const past = await request("congan", { requestedDueOn: addDays(today(), -1), reason: "Chậm" });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ code: "deadline_in_past", message: expect.stringMatching(/đã qua/) });

    const [plan] = await t.db.select().from(plans).where(eq(plans.id, target.planId));
    const [document] = await t.db.select().from(documents).where(eq(documents.id, plan!.documentId));
    await t.db
      .update(documents)
      .set({ issuedOn: addDays(today(), 60) })
      .where(eq(documents.id, document!.id));
    try {
      const early = await request("congan", { requestedDueOn: wanted, reason: "Xin gia hạn" });
      expect(early.statusCode).toBe(400);
      expect(early.json()).toMatchObject({
        code: "deadline_before_document",
        message: expect.stringContaining("1535-CV/TU"),
      });
    } finally {
      await t.db
        .update(documents)
        .set({ issuedOn: document!.issuedOn })
        .where(eq(documents.id, document!.id));
    }

    const noReason = await request("congan", { requestedDueOn: wanted, reason: "  " });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toMatch(/lý do/);
    const badDate = await request("congan", { requestedDueOn: "31/12/2026", reason: "x" });
    expect(badDate.statusCode).toBe(400);
    for (const user of ["taichinh", "vanphong", "lanhdao"]) {
      expect((await request(user, { requestedDueOn: wanted, reason: "Thử" })).statusCode, user).toBe(403);
    }
    expect(await rowCount(t.db, deadlineChanges)).toBe(before.changes);
    // Nothing written; each of the three refusals leaves its own trace, with the policy's reason.
    expect(await auditCounts(t.db)).toEqual({
      writes: before.audit.writes,
      refusals: before.audit.refusals + 3,
    });
    const refusals = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "access.denied"), eq(auditLog.entityId, target.assignmentId)));
    expect(refusals.map((r) => r.actorLabel).sort()).toEqual([
      "user:lanhdao",
      "user:taichinh",
      "user:vanphong",
    ]);
    expect(refusals[0]).toMatchObject({
      entityType: "assignment",
      after: { operationId: expect.any(String), route: "/api/assignments/:assignmentId/deadline-changes" },
    });
    expect((refusals[0]!.after as { reason: string }).reason).toMatch(/\p{L}/u);
  });

  it("lets the lead agency ask with a reason, and tells the standing office", async () => {
    const response = await request("congan", {
      requestedDueOn: wanted,
      reason: "Chờ hướng dẫn của Bộ Công an",
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      state: "pending",
      previousDueOn: "2026-06-30",
      requestedDueOn: wanted,
    });
    const changeId = response.json().id;
    expect(await notificationsOf("vanphong", "deadline_change_requested")).toEqual([
      expect.objectContaining({
        // Two plans number their tasks alike: the plan's số hiệu names which task.
        title: expect.stringContaining("nhiệm vụ 16 (số 1535-CV/TU)"),
        body: expect.stringContaining("Chờ hướng dẫn của Bộ Công an"),
      }),
    ]);
    const again = await request("truongcongan", { requestedDueOn: addDays(wanted, 10), reason: "Thêm" });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("deadline_change_pending");

    const mine = (await get("congan", "/api/deadline-changes?state=pending")).json();
    expect(mine.items.map((c: { id: string }) => c.id)).toEqual([changeId]);
    expect((await get("taichinh", "/api/deadline-changes")).json().items).toEqual([]);
    expect((await get("vanphong", "/api/deadline-changes")).json().items[0]).toMatchObject({
      id: changeId,
      agencyName: "Công an tỉnh",
      requestedBy: { displayName: expect.stringContaining("Lê Văn Hùng") },
    });
  });

  it("lets only the standing office decide, once; approval moves the due date and keeps the old one", async () => {
    // Task 15: led by Công an tỉnh alone, due 30/06/2026, like task 16.
    const target = await policeTask("15");
    const changeId = await pendingChange(target.assignmentId, wanted);
    const url = `/api/deadline-changes/${changeId}/decision`;
    expect((await post("congan", url, { decision: "approve" })).statusCode).toBe(403);
    expect((await post("lanhdao", url, { decision: "approve" })).statusCode).toBe(403);
    const refuseWithoutReason = await post("vanphong", url, { decision: "refuse" });
    expect(refuseWithoutReason.statusCode).toBe(400);

    const approved = await post("vanphong", url, { decision: "approve", comment: "Đồng ý" });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      state: "approved",
      previousDueOn: "2026-06-30",
      requestedDueOn: wanted,
    });
    const [assignment] = await t.db.select().from(assignments).where(eq(assignments.id, target.assignmentId));
    expect(assignment!.dueOn).toBe(wanted);

    const twice = await post("admin", url, { decision: "refuse", comment: "Không" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe("deadline_change_decided");

    expect(await notificationsOf("congan", "deadline_change_decided")).toEqual([
      expect.objectContaining({
        title: expect.stringMatching(/^Đồng ý điều chỉnh thời hạn nhiệm vụ \d+ \(số 1535-CV\/TU\) đến /),
        body: expect.stringMatching(/^nhiệm vụ \d+ \(số 1535-CV\/TU\) “.+”/),
      }),
    ]);
    const task = (await get("vanphong", `/api/tasks/${target.taskId}`)).json();
    expect(task.deadlineChanges).toEqual([
      expect.objectContaining({ previousDueOn: "2026-06-30", requestedDueOn: wanted, state: "approved" }),
    ]);
    const police = task.assignments.find((a: { agencyName: string }) => a.agencyName === "Công an tỉnh");
    expect(police).toMatchObject({ due: wanted, originalDue: "2026-06-30" });
    expect(police.status).not.toBe("overdue");

    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, changeId));
    // The two refused decisions are recorded too, on the same request.
    expect(audits.map((a) => a.action).sort()).toEqual([
      "access.denied",
      "access.denied",
      "deadline_change.approve",
      "deadline_change.request",
    ]);
  });

  it("keeps a refused request in the history without moving the date", async () => {
    // V.31 of 3450/KH-UBND, led by Công an tỉnh alone, already moved once by an approved request.
    const target = await policeTask("V.31", "3450/KH-UBND");
    const approvedId = await pendingChange(target.assignmentId, wanted);
    expect(
      (await post("vanphong", `/api/deadline-changes/${approvedId}/decision`, { decision: "approve" }))
        .statusCode,
    ).toBe(200);
    const later = addDays(today(), 90);
    const asked = await request(
      "truongcongan",
      { requestedDueOn: later, reason: "Thêm thời gian" },
      target.assignmentId,
    );
    expect(asked.statusCode).toBe(201);
    expect(asked.json().previousDueOn).toBe(wanted);
    const refused = await post("vanphong", `/api/deadline-changes/${asked.json().id}/decision`, {
      decision: "refuse",
      comment: "Không đủ căn cứ",
    });
    expect(refused.json().state).toBe("refused");
    const [assignment] = await t.db.select().from(assignments).where(eq(assignments.id, target.assignmentId));
    expect(assignment!.dueOn).toBe(wanted);
    expect(await notificationsOf("truongcongan", "deadline_change_decided")).toEqual([
      expect.objectContaining({
        title: expect.stringMatching(/Không đồng ý/),
        body: expect.stringContaining("Không đủ căn cứ"),
      }),
    ]);
    const task = (await get("congan", `/api/tasks/${target.taskId}`)).json();
    expect(task.deadlineChanges.map((c: { state: string }) => c.state)).toEqual(["approved", "refused"]);
  });
});

describe("directive comments", () => {
  it("lets leaders and the standing office comment, and tells the lead agency", async () => {
    const url = `/api/tasks/${target.taskId}/comments`;
    const response = await post("lanhdao", url, {
      body: "Đề nghị Công an tỉnh\u00a0khẩn trương hoàn thành.",
    });
    expect(response.statusCode, response.body).toBe(201);
    expect((await post("vanphong", url, { body: "Văn phòng theo dõi." })).statusCode).toBe(201);
    for (const user of ["congan", "truongcongan"]) {
      const told = await notificationsOf(user, "directive_comment");
      expect(told, user).toHaveLength(2);
      expect(told[0]!.title).toBe("Ý kiến chỉ đạo về nhiệm vụ 16 (số 1535-CV/TU)");
    }
    expect(await notificationsOf("taichinh", "directive_comment")).toEqual([]);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, response.json().id));
    expect(audit).toMatchObject({ action: "directive_comment.add", actorLabel: "user:lanhdao" });

    const listed = (await get("congan", url)).json();
    expect(listed.items.map((c: { body: string }) => c.body)).toEqual([
      "Đề nghị Công an tỉnh khẩn trương hoàn thành.",
      "Văn phòng theo dõi.",
    ]);
    expect(listed.items[0].author).toMatchObject({ roles: ["leader"], agencyName: expect.any(String) });
  });

  it("refuses comments from agencies, empty ones, and shows none to other agencies", async () => {
    const target = await policeTask("15");
    const url = `/api/tasks/${target.taskId}/comments`;
    for (const [user, body] of [
      ["lanhdao", "Đề nghị khẩn trương."],
      ["vanphong", "Văn phòng theo dõi."],
    ] as const) {
      expect((await post(user, url, { body })).statusCode).toBe(201);
    }
    const before = await rowCount(t.db, directiveComments);
    expect((await post("congan", url, { body: "Xin ý kiến" })).statusCode).toBe(403);
    expect((await post("admin", url, { body: "Quản trị" })).statusCode).toBe(403);
    const empty = await post("lanhdao", url, { body: " \n " });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/không được để trống/);
    expect(
      (await post("lanhdao", `/api/tasks/${crypto.randomUUID()}/comments`, { body: "x" })).statusCode,
    ).toBe(404);
    expect(await rowCount(t.db, directiveComments)).toBe(before);
    expect((await get("taichinh", url)).statusCode).toBe(403);
    expect((await get("lanhdao", url)).json().items).toHaveLength(2);
  });
});

describe("a task's deadline history", () => {
  it("shows an agency its own requests on a shared task, not another agency's reasons", async () => {
    // A task of the demo held by both Công an tỉnh and Sở Tài chính.
    const [shared] = await t.db
      .select({ taskId: assignments.taskId })
      .from(assignments)
      .innerJoin(agencies, eq(agencies.id, assignments.agencyId))
      .where(inArray(agencies.code, ["cong-an", "so-tai-chinh"]))
      .groupBy(assignments.taskId)
      .having(sql`count(distinct ${assignments.agencyId}) = 2`)
      .limit(1);
    expect(shared, "a task shared by Công an tỉnh and Sở Tài chính").toBeDefined();
    const held = await t.db
      .select({ id: assignments.id, code: agencies.code })
      .from(assignments)
      .innerJoin(agencies, eq(agencies.id, assignments.agencyId))
      .where(eq(assignments.taskId, shared!.taskId));
    const police = held.find((a) => a.code === "cong-an")!;
    const finance = held.find((a) => a.code === "so-tai-chinh")!;
    const reason = "Chờ kết quả điều tra, không công bố";
    await t.db.insert(deadlineChanges).values({
      tenantId: t.tenantId,
      assignmentId: police.id,
      requestedDueOn: addDays(today(), 40),
      reason,
      requestedBy: (await t.db.select({ id: users.id }).from(users).where(eq(users.username, "congan")))[0]!
        .id,
    });

    const url = `/api/tasks/${shared!.taskId}`;
    const asFinance = await get("taichinh", url);
    expect(asFinance.statusCode).toBe(200);
    expect(asFinance.json().assignments.map((a: { assignmentId: string }) => a.assignmentId)).toContain(
      finance.id,
    );
    expect(asFinance.body).not.toContain(reason);
    expect(asFinance.json().deadlineChanges).toEqual([]);
    // As the list does: GET /api/deadline-changes?taskId= hides it from Sở Tài chính too.
    expect((await get("taichinh", `/api/deadline-changes?taskId=${shared!.taskId}`)).json().total).toBe(0);

    for (const user of ["congan", "vanphong"]) {
      const changes = (await get(user, url)).json().deadlineChanges as { reason: string }[];
      expect(
        changes.map((c) => c.reason),
        user,
      ).toEqual([reason]);
    }
  });
});
