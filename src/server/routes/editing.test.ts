import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../cli/demo.ts";
import { loadConfig } from "../../config.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import {
  agencies,
  assignmentPeriodFacts,
  assignments,
  auditLog,
  progressReports,
  reportingPeriods,
  sessions,
  tasks,
  users,
} from "../../db/schema/index.ts";
import { refreshStatusFacts } from "../../db/statusFacts.ts";
import { createDemoTestDatabase } from "../../testing/demoDatabase.ts";
import { buildApp } from "../app.ts";

let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let office: string;
let admin: string;
let officer: string;
let leader: string;
let planId: string;
let letterPlanId: string;
const ASOF = "2026-12-01";

beforeAll(async () => {
  ({ handle, tenantId } = await createDemoTestDatabase());
  app = await buildApp({ handle, config: loadConfig({}), tenantId });
  office = await login("vanphong");
  admin = await login("admin");
  officer = await login("congan");
  leader = await login("lanhdao");
  const plans = (await call("GET", "/api/plans", office)).json().items as {
    id: string;
    documentNumber: string;
  }[];
  planId = plans.find((p) => p.documentNumber === "3450/KH-UBND")!.id;
  letterPlanId = plans.find((p) => p.documentNumber === "1535-CV/TU")!.id;
}, 120_000);
afterAll(async () => {
  await app.close();
  await handle.close();
});

async function login(username: string, password = DEMO_PASSWORD) {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
  });
  const cookie = response.cookies.find((c) => c.name === "dondoc_session");
  return cookie ? `${cookie.name}=${cookie.value}` : "";
}

const call = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, cookie: string, payload?: unknown) =>
  app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

interface TaskRow {
  id: string;
  ref: string;
  leads: string[];
  ownAssignment: unknown;
}
const tasksOf = async (cookie: string, plan = planId) =>
  (await call("GET", `/api/tasks?planId=${plan}&limit=500&asOf=${ASOF}`, cookie)).json() as {
    total: number;
    items: TaskRow[];
  };
const summaryOf = async (plan = planId) =>
  (await call("GET", `/api/plans/${plan}/summary?asOf=${ASOF}`, office)).json() as {
    totals: { total: number };
    byAgency: { agencyName: string; total: number }[];
  };
const auditActions = async (entityId: string) =>
  (
    await handle.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, entityId))
  ).map((r) => r.action);

describe("deleting and restoring a task", () => {
  it("takes it out of the lists, the plan's counts and the officer's tasks, and the undo brings it back", async () => {
    const before = await tasksOf(office);
    const officerBefore = await tasksOf(officer);
    // A task the police lead: it counts in the plan's totals and in the officer's list.
    const target = officerBefore.items.find((t) => t.leads.includes("Công an tỉnh"))!;
    expect(target).toBeDefined();
    const leadCount = await handle.db
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.taskId, target.id), eq(assignments.role, "lead")));

    // A report of the task waits in the review queue.
    const [officerRow] = await handle.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, "congan"));
    await handle.db.insert(progressReports).values({
      tenantId,
      assignmentId: leadCount[0]!.id,
      percent: 50,
      narrative: "Đang triển khai",
      state: "submitted",
      submittedBy: officerRow!.id,
      submittedAt: new Date(),
    });
    await refreshStatusFacts(handle.db, tenantId, { taskIds: [target.id] });
    const summaryBefore = await summaryOf();
    const queue = async () =>
      (await call("GET", "/api/review-queue", office)).json() as {
        total: number;
        items: { taskId: string }[];
      };
    const queueBefore = await queue();
    expect(queueBefore.items.map((r) => r.taskId)).toContain(target.id);

    expect((await call("DELETE", `/api/tasks/${target.id}`, officer)).statusCode).toBe(403);
    expect((await call("DELETE", `/api/tasks/${target.id}`, leader)).statusCode).toBe(403);
    const deleted = await call("DELETE", `/api/tasks/${target.id}`, office);
    expect(deleted.statusCode, deleted.body).toBe(200);

    const after = await tasksOf(office);
    expect(after.total).toBe(before.total - 1);
    expect(after.items.map((t) => t.id)).not.toContain(target.id);
    expect((await tasksOf(officer)).items.map((t) => t.id)).not.toContain(target.id);
    expect((await summaryOf()).totals.total).toBe(summaryBefore.totals.total - leadCount.length);
    expect((await call("GET", `/api/tasks/${target.id}?asOf=${ASOF}`, office)).statusCode).toBe(404);
    const listed = (await call("GET", "/api/plans", office)).json().items as {
      id: string;
      taskCount: number;
    }[];
    expect(listed.find((p) => p.id === planId)!.taskCount).toBe(before.total - 1);
    // Its report leaves the review queue with it.
    const queueAfter = await queue();
    expect(queueAfter.total).toBe(queueBefore.total - 1);
    expect(queueAfter.items.map((r) => r.taskId)).not.toContain(target.id);
    // Deleted twice is a conflict, not a second deletion.
    expect((await call("DELETE", `/api/tasks/${target.id}`, office)).statusCode).toBe(409);

    const restored = await call("POST", `/api/tasks/${target.id}/restore`, office);
    expect(restored.statusCode, restored.body).toBe(200);
    expect((await tasksOf(office)).total).toBe(before.total);
    expect((await summaryOf()).totals).toEqual(summaryBefore.totals);
    expect((await tasksOf(officer)).items.map((t) => t.id)).toContain(target.id);
    expect((await queue()).total).toBe(queueBefore.total);
    expect(await auditActions(target.id)).toEqual(expect.arrayContaining(["task.deleted", "task.restored"]));
  });
});

describe("deleting and restoring a plan", () => {
  it("hides the plan and its tasks, lists it among deleted plans, and restores it", async () => {
    const letterTasks = await tasksOf(office, letterPlanId);
    expect(letterTasks.total).toBeGreaterThan(0);
    const allBefore = (await call("GET", `/api/tasks?limit=500&asOf=${ASOF}`, office)).json().total as number;
    expect((await call("DELETE", `/api/plans/${letterPlanId}`, officer)).statusCode).toBe(403);
    expect((await call("DELETE", `/api/plans/${letterPlanId}`, office)).statusCode).toBe(200);

    const plans = (await call("GET", "/api/plans", office)).json().items as { id: string }[];
    expect(plans.map((p) => p.id)).not.toContain(letterPlanId);
    expect((await call("GET", `/api/plans/${letterPlanId}`, office)).statusCode).toBe(404);
    const all = (await call("GET", `/api/tasks?limit=500&asOf=${ASOF}`, office)).json().total as number;
    expect(all).toBe(allBefore - letterTasks.total);
    const rollup = (await call("GET", `/api/rollups/status?by=plan&asOf=${ASOF}`, office)).json() as {
      items: { key: string }[];
    };
    expect(JSON.stringify(rollup)).not.toContain(letterPlanId);
    const deleted = (await call("GET", "/api/deleted-plans", office)).json().items as { id: string }[];
    expect(deleted.map((p) => p.id)).toEqual([letterPlanId]);
    expect((await call("GET", "/api/deleted-plans", officer)).statusCode).toBe(403);

    expect((await call("POST", `/api/plans/${letterPlanId}/restore`, office)).statusCode).toBe(200);
    expect((await tasksOf(office, letterPlanId)).total).toBe(letterTasks.total);
    expect((await call("GET", "/api/deleted-plans", office)).json().items).toEqual([]);
    expect(await auditActions(letterPlanId)).toEqual(
      expect.arrayContaining(["plan.deleted", "plan.restored"]),
    );
  });
});

describe("editing a plan", () => {
  it("changes its metadata and settings, refused to agency staff", async () => {
    expect((await call("PATCH", `/api/plans/${planId}`, officer, { name: "X" })).statusCode).toBe(403);
    const response = await call("PATCH", `/api/plans/${planId}`, office, {
      name: "Kế hoạch chuyển đổi số tỉnh năm 2026",
      requireHeadApproval: true,
      issuedOn: "2025-12-30",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().changed.sort()).toEqual(["issuedOn", "name", "requireHeadApproval"]);
    const plan = (await call("GET", `/api/plans/${planId}`, office)).json();
    expect(plan).toMatchObject({
      name: "Kế hoạch chuyển đổi số tỉnh năm 2026",
      requireHeadApproval: true,
      issuedOn: "2025-12-30",
    });
    const [row] = await handle.db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, planId), eq(auditLog.action, "plan.update")));
    expect(row!.after).toMatchObject({ requireHeadApproval: true });
    expect(row!.before).toMatchObject({ requireHeadApproval: false });
    await call("PATCH", `/api/plans/${planId}`, office, { requireHeadApproval: false });
  });

  it("moves monthly reports into their quarter when the reporting period changes, and back", async () => {
    const [assignment] = await handle.db
      .select({ id: assignments.id, agencyId: assignments.agencyId })
      .from(assignments)
      .innerJoin(agencies, eq(agencies.id, assignments.agencyId))
      .innerJoin(tasks, eq(tasks.id, assignments.taskId))
      .where(and(eq(tasks.planId, planId), eq(agencies.name, "Công an tỉnh"), eq(assignments.role, "lead")))
      .limit(1);
    const [officerRow] = await handle.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, "congan"));
    // Two approved monthly reports in the third quarter: July and August.
    const months = [
      {
        startsOn: "2026-07-01",
        endsOn: "2026-07-31",
        cutoffOn: "2026-08-10",
        submittedAt: "2026-08-05T03:00:00Z",
      },
      {
        startsOn: "2026-08-01",
        endsOn: "2026-08-31",
        cutoffOn: "2026-09-10",
        submittedAt: "2026-09-04T03:00:00Z",
      },
    ];
    for (const m of months) {
      const [period] = await handle.db
        .insert(reportingPeriods)
        .values({
          tenantId,
          planId,
          kind: "month",
          startsOn: m.startsOn,
          endsOn: m.endsOn,
          cutoffOn: m.cutoffOn,
        })
        .returning({ id: reportingPeriods.id });
      await handle.db.insert(progressReports).values({
        tenantId,
        assignmentId: assignment!.id,
        periodId: period!.id,
        percent: 30,
        narrative: "Đã triển khai",
        state: "approved",
        submittedBy: officerRow!.id,
        submittedAt: new Date(m.submittedAt),
      });
    }
    // A new cut-off day moves the periods' cut-off and recomputes the facts of the rows above.
    await call("PATCH", `/api/plans/${planId}`, office, { cutoffDay: 12 });
    const periodsNow = async () =>
      handle.db
        .select({
          kind: reportingPeriods.kind,
          startsOn: reportingPeriods.startsOn,
          cutoffOn: reportingPeriods.cutoffOn,
          id: reportingPeriods.id,
        })
        .from(reportingPeriods)
        .where(eq(reportingPeriods.planId, planId))
        .orderBy(reportingPeriods.startsOn);
    expect((await periodsNow()).map((p) => p.cutoffOn)).toEqual(["2026-08-12", "2026-09-12"]);

    const changed = await call("PATCH", `/api/plans/${planId}`, office, { reportingFrequency: "quarter" });
    expect(changed.statusCode, changed.body).toBe(200);
    const quarters = await periodsNow();
    expect(quarters.map(({ kind, startsOn, cutoffOn }) => ({ kind, startsOn, cutoffOn }))).toEqual([
      { kind: "quarter", startsOn: "2026-07-01", cutoffOn: "2026-10-12" },
    ]);
    const reports = await handle.db
      .select({ periodId: progressReports.periodId })
      .from(progressReports)
      .where(eq(progressReports.assignmentId, assignment!.id));
    expect(reports.map((r) => r.periodId)).toEqual([quarters[0]!.id, quarters[0]!.id]);
    const facts = await handle.db
      .select()
      .from(assignmentPeriodFacts)
      .where(eq(assignmentPeriodFacts.assignmentId, assignment!.id));
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({
      periodId: quarters[0]!.id,
      firstSubmittedOn: "2026-08-05",
      lastSubmittedOn: "2026-09-04",
    });
    const periods = (
      await call("GET", `/api/plans/${planId}/periods?from=2026-07-01&to=2026-09-30&asOf=${ASOF}`, office)
    ).json() as { items: { startsOn: string; endsOn: string; reported: number }[] };
    expect(periods.items).toHaveLength(1);
    expect(periods.items[0]).toMatchObject({ startsOn: "2026-07-01", endsOn: "2026-09-30", reported: 1 });

    // Back to months: the quarter becomes its first month, holding both reports.
    expect(
      (await call("PATCH", `/api/plans/${planId}`, office, { reportingFrequency: "month", cutoffDay: 10 }))
        .statusCode,
    ).toBe(200);
    expect(
      (await periodsNow()).map(({ kind, startsOn, cutoffOn }) => ({ kind, startsOn, cutoffOn })),
    ).toEqual([{ kind: "month", startsOn: "2026-07-01", cutoffOn: "2026-08-10" }]);
  });
});

describe("editing and deleting an account", () => {
  it("lets an administrator edit, delete and restore an account; a deleted account cannot log in", async () => {
    const [target] = await handle.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, "taichinh"));
    const userId = target!.id;
    const taichinh = await login("taichinh");
    expect(taichinh).not.toBe("");
    expect((await call("PATCH", `/api/users/${userId}`, office, { displayName: "X" })).statusCode).toBe(403);
    const edited = await call("PATCH", `/api/users/${userId}`, admin, {
      displayName: "Nguyễn Văn Tài",
      email: "tai@stc.lamdong.gov.vn",
      roles: ["agency_officer", "agency_head"],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().changed.sort()).toEqual(["displayName", "email", "roles"]);
    // New roles, new rights: the open session ends.
    expect((await call("GET", "/api/me", taichinh)).statusCode).toBe(401);
    const listed = (await call("GET", "/api/users", admin)).json().items as {
      id: string;
      displayName: string;
      roles: string[];
    }[];
    expect(listed.find((u) => u.id === userId)).toMatchObject({
      displayName: "Nguyễn Văn Tài",
      roles: ["agency_head", "agency_officer"],
    });
    // Roles of an agency need the agency.
    expect((await call("PATCH", `/api/users/${userId}`, admin, { agencyId: null })).statusCode).toBe(400);

    const again = await login("taichinh");
    expect((await call("DELETE", `/api/users/${userId}`, admin)).statusCode).toBe(200);
    expect((await call("GET", "/api/me", again)).statusCode).toBe(401);
    expect(await handle.db.select().from(sessions).where(eq(sessions.userId, userId))).toEqual([]);
    expect(await login("taichinh")).toBe("");
    const remaining = (await call("GET", "/api/users", admin)).json().items as { id: string }[];
    expect(remaining.map((u) => u.id)).not.toContain(userId);
    const deleted = (await call("GET", "/api/users?deleted=true", admin)).json().items as { id: string }[];
    expect(deleted.map((u) => u.id)).toEqual([userId]);

    expect((await call("POST", `/api/users/${userId}/restore`, admin)).statusCode).toBe(200);
    expect(await login("taichinh")).not.toBe("");
    expect(await auditActions(userId)).toEqual(
      expect.arrayContaining(["user.update", "user.deleted", "user.restored"]),
    );
  });

  it("refuses an administrator deleting or demoting themselves", async () => {
    const [me] = await handle.db.select({ id: users.id }).from(users).where(eq(users.username, "admin"));
    expect((await call("DELETE", `/api/users/${me!.id}`, admin)).statusCode).toBe(403);
    const demote = await call("PATCH", `/api/users/${me!.id}`, admin, { roles: ["leader"] });
    expect(demote.statusCode).toBe(400);
    expect(demote.json().code).toBe("cannot_demote_self");
  });
});

describe("leads nobody mapped", () => {
  it("flags the tasks whose lead gave no assignment until the lead is mapped", async () => {
    const flagged = (await call("GET", `/api/plans/${planId}/unmapped-leads`, office)).json().items as {
      taskId: string;
      names: string[];
    }[];
    // The demo plan names "các trường đại học, cao đẳng", which the directory does not carry.
    const first = flagged.find((f) => f.names.includes("các trường đại học, cao đẳng"))!;
    expect(first).toBeDefined();
    const task = (await call("GET", `/api/tasks/${first.taskId}?asOf=${ASOF}`, office)).json();
    expect(task.unmappedLeads).toEqual(first.names);
    const sameName = flagged.filter((f) => f.names.includes(first.names[0]!)).map((f) => f.taskId);
    expect(sameName.length).toBe(2);

    const [education] = await handle.db
      .select({ id: agencies.id })
      .from(agencies)
      .where(eq(agencies.name, "Sở Giáo dục và Đào tạo"));
    const payload = { name: first.names[0], agencyId: education!.id };
    expect(
      (await call("POST", `/api/tasks/${first.taskId}/lead-mappings`, officer, payload)).statusCode,
    ).toBe(403);
    const mapped = await call("POST", `/api/tasks/${first.taskId}/lead-mappings`, office, payload);
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect(mapped.json().taskIds.sort()).toEqual(sameName.sort());

    const after = (await call("GET", `/api/plans/${planId}/unmapped-leads`, office)).json().items as {
      taskId: string;
    }[];
    const onlyThatName = flagged.filter((f) => f.names.length === 1 && f.names[0] === first.names[0]);
    for (const f of onlyThatName) expect(after.map((a) => a.taskId)).not.toContain(f.taskId);
    expect(after.length).toBe(flagged.length - onlyThatName.length);
    const now = (await call("GET", `/api/tasks/${first.taskId}?asOf=${ASOF}`, office)).json();
    expect(now.unmappedLeads).toEqual([]);
    expect(
      now.assignments.some((a: { role: string; agencyId: string }) => a.agencyId === education!.id),
    ).toBe(true);
  });
});
