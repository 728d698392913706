import { and, eq, inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../cli/demo.ts";
import { loadConfig } from "../../config.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import {
  agencies,
  assignments,
  auditLog,
  planSections,
  progressReports,
  tasks,
} from "../../db/schema/index.ts";
import { createDemoTestDatabase } from "../../testing/demoDatabase.ts";
import { buildApp } from "../app.ts";

let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let coordinator: string;
let officer: string;
let leader: string;
let planId: string;
let letterPlanId: string;
let sectionV: string;
const agencyIds = new Map<string, string>();

beforeAll(async () => {
  ({ handle, tenantId } = await createDemoTestDatabase());
  app = await buildApp({ handle, config: loadConfig({}), tenantId });
  coordinator = await login("vanphong");
  officer = await login("congan");
  leader = await login("lanhdao");
  const plans = (await call("GET", "/api/plans", coordinator)).json().items as {
    id: string;
    documentNumber: string;
  }[];
  planId = plans.find((p) => p.documentNumber === "3450/KH-UBND")!.id;
  letterPlanId = plans.find((p) => p.documentNumber === "1535-CV/TU")!.id;
  sectionV = (
    await handle.db
      .select({ id: planSections.id })
      .from(planSections)
      .where(and(eq(planSections.planId, planId), eq(planSections.numeral, "V")))
  )[0]!.id;
  for (const a of await handle.db.select().from(agencies).where(eq(agencies.tenantId, tenantId)))
    agencyIds.set(a.name, a.id);
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

async function login(username: string) {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: DEMO_PASSWORD },
  });
  const cookie = response.cookies.find((c) => c.name === "dondoc_session")!;
  return `${cookie.name}=${cookie.value}`;
}

const call = (method: "GET" | "POST" | "PATCH", url: string, cookie: string, payload?: unknown) =>
  app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

/** Tasks a test added; marked removed after it, which frees their refs for the next test. */
const added: string[] = [];
afterEach(async () => {
  const ids = added.splice(0);
  if (ids.length) await handle.db.update(tasks).set({ removedAt: new Date() }).where(inArray(tasks.id, ids));
});

/** Task V.99 of 3450/KH-UBND as the first test adds it: led by Công an tỉnh, due in Q3 2026. */
async function addTask(): Promise<string> {
  const response = await call("POST", `/api/plans/${planId}/tasks`, coordinator, {
    sectionId: sectionV,
    number: "99",
    title: "Triển khai mô hình bảo đảm an toàn thông tin 4 lớp cho cấp xã",
    sources: ["04-KH/BCĐTƯ"],
    leadAgencyIds: [agencyIds.get("Công an tỉnh")],
    coordinatorAgencyIds: [agencyIds.get("Các sở, ban, ngành"), agencyIds.get("Công an tỉnh")],
    deadlineText: "Quý III/2026",
  });
  expect(response.statusCode, response.body).toBe(200);
  added.push(response.json().taskId);
  return response.json().taskId;
}

const leadsOf = async (taskId: string) =>
  handle.db
    .select()
    .from(assignments)
    .where(and(eq(assignments.taskId, taskId), eq(assignments.role, "lead")));

describe("createTask", () => {
  it("adds a task to a section, with agencies chosen by id and a deadline typed as documents write it", async () => {
    const response = await call("POST", `/api/plans/${planId}/tasks`, coordinator, {
      sectionId: sectionV,
      number: "99",
      title: "Triển khai mô hình bảo đảm an toàn thông tin 4 lớp cho cấp xã",
      sources: ["04-KH/BCĐTƯ"],
      leadAgencyIds: [agencyIds.get("Công an tỉnh")],
      coordinatorAgencyIds: [agencyIds.get("Các sở, ban, ngành"), agencyIds.get("Công an tỉnh")],
      deadlineText: "Quý III/2026",
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ref: "V.99" });
    const taskId = response.json().taskId;
    added.push(taskId);

    const task = (await call("GET", `/api/tasks/${taskId}`, coordinator)).json();
    expect(task).toMatchObject({
      ref: "V.99",
      section: "V",
      leads: ["Công an tỉnh"],
      coordinators: ["Các sở, ban, ngành"],
      deadlineText: "Quý III/2026",
      deadlineKind: "quarter",
      dueOn: "2026-09-30",
    });
    const leads = task.assignments.filter((a: { role: string }) => a.role === "lead");
    expect(leads).toEqual([expect.objectContaining({ agencyName: "Công an tỉnh", due: "2026-09-30" })]);
    // The group expands to its members; Công an tỉnh, lead already, is not also a coordinator.
    const coordinators = task.assignments.filter((a: { role: string }) => a.role === "coordinator");
    expect(coordinators.length).toBeGreaterThan(5);
    expect(coordinators.some((a: { agencyName: string }) => a.agencyName === "Công an tỉnh")).toBe(false);
    // It cites 04-KH/BCĐTW (typo and all) and says what letter 1535-CV/TU's task 5 says.
    expect(task.links).toEqual(
      expect.arrayContaining([
        { kind: "restates", upstreamDocumentNumber: "04-KH/BCĐTƯ", upstreamTaskId: null },
        expect.objectContaining({ kind: "duplicates", upstreamDocumentNumber: "04-KH/BCĐTƯ" }),
      ]),
    );
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, taskId));
    expect(audit.map((a) => a.action)).toEqual(["task.create"]);
  });

  it("refuses a ref already used, unknown agencies, a section of another plan, and empty titles", async () => {
    await addTask();
    const base = {
      sectionId: sectionV,
      number: "99",
      title: "Nhiệm vụ",
      leadAgencyIds: [agencyIds.get("Sở Tài chính")],
    };
    const taken = await call("POST", `/api/plans/${planId}/tasks`, coordinator, base);
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: "task_ref_taken", message: expect.stringMatching(/V\.99/) });

    const unknown = await call("POST", `/api/plans/${planId}/tasks`, coordinator, {
      ...base,
      number: "98",
      leadAgencyIds: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe("unknown_agency");

    const otherSection = await call("POST", `/api/plans/${letterPlanId}/tasks`, coordinator, {
      ...base,
      number: "98",
    });
    expect(otherSection.statusCode).toBe(400);
    expect(otherSection.json().code).toBe("unknown_section");

    const empty = await call("POST", `/api/plans/${planId}/tasks`, coordinator, {
      ...base,
      number: "98",
      title: "  ",
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe("invalid_request");

    const noLead = await call("POST", `/api/plans/${planId}/tasks`, coordinator, {
      ...base,
      number: "98",
      leadAgencyIds: [],
    });
    expect(noLead.statusCode).toBe(400);

    const missing = await call(
      "POST",
      `/api/plans/00000000-0000-4000-8000-000000000000/tasks`,
      coordinator,
      base,
    );
    expect(missing.statusCode).toBe(404);
  });

  it("is for the standing office and admins only", async () => {
    const taskId = await addTask();
    const body = { number: "97", title: "Nhiệm vụ", leadAgencyIds: [agencyIds.get("Sở Tài chính")] };
    expect((await call("POST", `/api/plans/${planId}/tasks`, officer, body)).statusCode).toBe(403);
    expect((await call("POST", `/api/plans/${planId}/tasks`, leader, body)).statusCode).toBe(403);
    expect((await call("PATCH", `/api/tasks/${taskId}`, officer, { title: "x" })).statusCode).toBe(403);
  });

  describe("updateTask", () => {
    it("moves the deadline of the task and of its lead assignments, with an audit row before and after", async () => {
      const taskId = await addTask();
      const response = await call("PATCH", `/api/tasks/${taskId}`, coordinator, {
        deadlineText: "Trước ngày 31/12/2026",
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        taskId,
        ref: "V.99",
        changed: ["deadlineText", "deadlineKind", "dueOn"],
      });
      const [task] = await handle.db.select().from(tasks).where(eq(tasks.id, taskId));
      expect(task).toMatchObject({ deadlineKind: "date", dueOn: "2026-12-31" });
      expect((await leadsOf(taskId)).map((a) => a.dueOn)).toEqual(["2026-12-31"]);
      const [audit] = await handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, taskId), eq(auditLog.action, "task.update")));
      expect(audit!.before).toEqual({
        deadlineText: "Quý III/2026",
        deadlineKind: "quarter",
        dueOn: "2026-09-30",
      });
      expect(audit!.after).toMatchObject({ deadlineText: "Trước ngày 31/12/2026", dueOn: "2026-12-31" });
    });

    it("renumbers, refusing a ref already used", async () => {
      const taskId = await addTask();
      const clash = await call("PATCH", `/api/tasks/${taskId}`, coordinator, { number: "1" });
      expect(clash.statusCode).toBe(409);
      const moved = await call("PATCH", `/api/tasks/${taskId}`, coordinator, { number: "100" });
      expect(moved.json()).toMatchObject({ ref: "V.100", changed: ["number", "ref"] });
    });

    it("changes the lead, but never drops an agency that already reported", async () => {
      const taskId = await addTask();
      const [police] = await leadsOf(taskId);
      await handle.db
        .insert(progressReports)
        .values({ tenantId, assignmentId: police!.id, narrative: "Đang triển khai", state: "submitted" });
      const finance = agencyIds.get("Sở Tài chính")!;
      const refused = await call("PATCH", `/api/tasks/${taskId}`, coordinator, { leadAgencyIds: [finance] });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({
        code: "assignment_has_reports",
        message: expect.stringMatching(/Công an tỉnh/),
      });
      expect((await leadsOf(taskId)).map((a) => a.agencyId)).toEqual([police!.agencyId]);

      const added = await call("PATCH", `/api/tasks/${taskId}`, coordinator, {
        leadAgencyIds: [police!.agencyId, finance],
      });
      expect(added.statusCode).toBe(200);
      expect(added.json().changed).toEqual(["leadsText"]);
      expect((await leadsOf(taskId)).map((a) => a.agencyId).sort()).toEqual(
        [police!.agencyId, finance].sort(),
      );
      const back = await call("PATCH", `/api/tasks/${taskId}`, coordinator, {
        leadAgencyIds: [police!.agencyId],
      });
      expect(back.statusCode).toBe(200);
      expect((await leadsOf(taskId)).map((a) => a.agencyId)).toEqual([police!.agencyId]);
    });

    it("refuses an empty edit and edits of a removed task", async () => {
      const taskId = await addTask();
      const empty = await call("PATCH", `/api/tasks/${taskId}`, coordinator, {});
      expect(empty.statusCode).toBe(400);
      await handle.db.update(tasks).set({ removedAt: new Date() }).where(eq(tasks.id, taskId));
      const removed = await call("PATCH", `/api/tasks/${taskId}`, coordinator, { title: "Sửa" });
      expect(removed.statusCode).toBe(409);
      expect(removed.json().code).toBe("task_removed");
      expect(
        (await call("PATCH", `/api/tasks/00000000-0000-4000-8000-000000000000`, coordinator, { title: "x" }))
          .statusCode,
      ).toBe(404);
    });
  });
});

describe("listTaskConflicts", () => {
  it("shows tasks of other plans restating the same upstream task: conflicting deadlines first, then duplicates", async () => {
    const response = await call("GET", `/api/plans/${letterPlanId}/conflicts`, leader);
    expect(response.statusCode).toBe(200);
    const items = response.json().items as {
      kind: string;
      upstreamDocumentNumber: string;
      task: { ref: string; dueOn: string | null };
      other: { ref: string; planId: string; dueOn: string | null };
    }[];
    const pair = (a: string, b: string) => items.find((i) => i.task.ref === a && i.other.ref === b);
    expect(pair("17", "II.6")).toMatchObject({
      kind: "deadline_conflict",
      task: { dueOn: "2026-06-30" },
      other: { dueOn: null },
    });
    for (const [a, b] of [
      ["1", "III.12"],
      ["2", "V.32"],
      ["3", "V.33"],
      ["4", "V.34"],
      ["5", "V.35"],
      ["6", "VIII.4"],
    ] as const)
      expect(pair(a, b), `${a}~${b}`).toMatchObject({
        kind: "duplicate",
        upstreamDocumentNumber: "04-KH/BCĐTW",
      });
    expect(items.every((i) => i.other.planId === planId)).toBe(true);
    expect(items.findIndex((i) => i.kind === "duplicate")).toBeGreaterThan(
      items.findLastIndex((i) => i.kind === "deadline_conflict"),
    );

    const scoped = (await call("GET", `/api/plans/${letterPlanId}/conflicts`, officer)).json().items;
    expect(scoped.length).toBeLessThanOrEqual(items.length);
    expect(
      (await call("GET", `/api/plans/00000000-0000-4000-8000-000000000000/conflicts`, leader)).statusCode,
    ).toBe(404);
  });
});
