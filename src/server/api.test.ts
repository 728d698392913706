import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../cli/demo.ts";
import { loadConfig } from "../config.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { migrationStatus } from "../db/migrate.ts";
import { createDemoTestDatabase } from "../testing/demoDatabase.ts";
import { attemptLogin } from "../testing/tracking.ts";
import { buildApp } from "./app.ts";

let handle: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  const demo = await createDemoTestDatabase();
  handle = demo.handle;
  const tenantId = demo.tenantId;
  app = await buildApp({ handle, config: loadConfig({}), tenantId });
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

async function login(username: string, password = DEMO_PASSWORD) {
  return attemptLogin(app, username, password);
}

const get = (url: string, cookie: string) => app.inject({ method: "GET", url, headers: { cookie } });

describe("authentication", () => {
  it("refuses a wrong password with a code and a Vietnamese message", async () => {
    const { response, cookie } = await login("vanphong", "wrong-password");
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({
      code: "invalid_credentials",
      message: expect.stringMatching(/không đúng/),
    });
    expect(cookie).toBe("");
  });

  it("opens a session, tells who is logged in, and closes it on logout", async () => {
    const { response, cookie } = await login("vanphong");
    expect(response.statusCode).toBe(200);
    const me = await get("/api/me", cookie);
    expect(me.json()).toMatchObject({
      username: "vanphong",
      roles: ["coordinator"],
      agencyName: "Sở Khoa học và Công nghệ",
      abilities: { plan: { import: true } },
    });
    await app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
    expect((await get("/api/me", cookie)).statusCode).toBe(401);
  });

  it("requires a session for the API", async () => {
    const response = await get("/api/plans", "");
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe("unauthenticated");
  });
});

describe("plans and tasks", () => {
  let cookie: string;
  let planId: string;
  beforeAll(async () => {
    cookie = (await login("vanphong")).cookie;
    const plans = (await get("/api/plans", cookie)).json().items as { id: string; documentNumber: string }[];
    planId = plans.find((p) => p.documentNumber === "3450/KH-UBND")!.id;
  });

  it("lists both demo plans with their task counts", async () => {
    const items = (await get("/api/plans", cookie)).json().items;
    expect(items.map((p: { documentNumber: string }) => p.documentNumber).sort()).toEqual([
      "1535-CV/TU",
      "3450/KH-UBND",
    ]);
    expect(items.find((p: { documentNumber: string }) => p.documentNumber === "3450/KH-UBND").taskCount).toBe(
      139,
    );
  });

  it("shows a plan with its sections", async () => {
    const plan = (await get(`/api/plans/${planId}`, cookie)).json();
    expect(plan.sections.map((s: { numeral: string }) => s.numeral)).toEqual([
      "I",
      "II",
      "III",
      "IV",
      "V",
      "VI",
      "VII",
      "VIII",
    ]);
    expect(plan.leadAgencies.map((a: { name: string }) => a.name)).toContain("Công an tỉnh");
  });

  it("finds tasks by text without diacritics", async () => {
    const body = (await get(`/api/tasks?planId=${planId}&q=cong%20an%20tinh&limit=500`, cookie)).json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.total).toBeLessThan(139);
    for (const task of body.items) {
      const text = [task.title, task.responsible, ...task.leads, ...task.coordinators].join(" ");
      expect(text).toMatch(/Công an tỉnh/i);
    }
  });

  it("filters by section, lead agency and deadline kind", async () => {
    const section = (await get(`/api/tasks?planId=${planId}&section=V&limit=500`, cookie)).json();
    expect(section.items.every((t: { ref: string }) => t.ref.startsWith("V."))).toBe(true);
    const plan = (await get(`/api/plans/${planId}`, cookie)).json();
    const police = plan.leadAgencies.find((a: { name: string }) => a.name === "Công an tỉnh");
    const led = (await get(`/api/tasks?planId=${planId}&leadAgencyId=${police.id}&limit=500`, cookie)).json();
    expect(led.total).toBeGreaterThan(0);
    // Named alone, or through a group it belongs to ("Các sở, ban, ngành" expands to each member).
    const viaGroup = /^(Các sở, ban, ngành|Các cơ quan, đơn vị trong tỉnh)/;
    expect(
      led.items.every((t: { leads: string[] }) =>
        t.leads.some((l) => l === "Công an tỉnh" || viaGroup.test(l)),
      ),
    ).toBe(true);
    expect(led.items.some((t: { leads: string[] }) => t.leads.includes("Công an tỉnh"))).toBe(true);
    // In any role: the tasks it supports come in too.
    const held = (await get(`/api/tasks?planId=${planId}&agencyId=${police.id}&limit=500`, cookie)).json();
    expect(held.total).toBeGreaterThan(led.total);
    const recurring = (
      await get(`/api/tasks?planId=${planId}&deadlineKind=recurring&limit=500`, cookie)
    ).json();
    expect(recurring.items.every((t: { deadlineKind: string }) => t.deadlineKind === "recurring")).toBe(true);
  });

  it("pages with total and offset", async () => {
    const first = (await get(`/api/tasks?planId=${planId}&limit=10`, cookie)).json();
    const second = (await get(`/api/tasks?planId=${planId}&limit=10&offset=10`, cookie)).json();
    expect(first.total).toBe(139);
    expect(first.items).toHaveLength(10);
    expect(second.items[0].id).not.toBe(first.items[9].id);
  });

  it("shows an agency officer only the tasks their agency holds", async () => {
    const officer = (await login("taichinh")).cookie;
    const body = (await get(`/api/tasks?limit=500`, officer)).json();
    expect(body.total).toBeGreaterThan(0);
    // Each row carries the officer's own agency's part in it.
    expect(body.items.every((t: { ownAssignment: unknown }) => t.ownAssignment !== null)).toBe(true);
    expect(body.items.some((t: { ownAssignment: { role: string } }) => t.ownAssignment.role === "lead")).toBe(
      true,
    );
    const office = (await get(`/api/tasks?limit=5`, cookie)).json();
    expect(office.items.every((t: { ownAssignment: unknown }) => t.ownAssignment === null)).toBe(true);
    for (const task of body.items) {
      expect([...task.leads, ...task.coordinators].join(";")).toMatch(
        /Sở Tài chính|Các sở, ban, ngành|Các cơ quan, đơn vị trong tỉnh/,
      );
    }
  });

  it("computes statuses as of a day and filters by them", async () => {
    const asOf = "2026-05-01";
    const all = (await get(`/api/tasks?planId=${planId}&limit=500&asOf=${asOf}`, cookie)).json();
    expect(all.asOf).toBe(asOf);
    for (const task of all.items) {
      if (task.deadlineKind === "recurring" && task.dueOn === null) expect(task.status).toBe("recurring");
      if (task.deadlineKind === "unspecified") expect(task.status).toBe("no_deadline");
      if (task.dueOn && task.dueOn < asOf) expect(task.status).toBe("overdue");
      if (task.dueOn && task.dueOn >= asOf) expect(task.status).toBe("not_started");
    }
    const overdue = (
      await get(`/api/tasks?planId=${planId}&status=overdue&asOf=${asOf}&limit=500`, cookie)
    ).json();
    expect(overdue.total).toBe(all.items.filter((t: { status: string }) => t.status === "overdue").length);
    expect(overdue.total).toBeGreaterThan(0);
    const soon = (
      await get(`/api/tasks?planId=${planId}&dueSoon=true&asOf=2026-04-25&limit=500`, cookie)
    ).json();
    expect(
      soon.items.every((t: { dueOn: string }) => t.dueOn >= "2026-04-25" && t.dueOn <= "2026-05-02"),
    ).toBe(true);
  });

  it("pages with a keyset cursor and sorts by days overdue", async () => {
    const all = (await get(`/api/tasks?planId=${planId}&asOf=2026-12-31&limit=500`, cookie)).json();
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const url: string = `/api/tasks?planId=${planId}&asOf=2026-12-31&limit=40${after ? `&after=${after}` : ""}`;
      const page: { total: number; items: { id: string }[]; nextCursor: string | null } = (
        await get(url, cookie)
      ).json();
      expect(page.total).toBe(all.total);
      seen.push(...page.items.map((t: { id: string }) => t.id));
      after = page.nextCursor;
    } while (after);
    expect(seen).toEqual(all.items.map((t: { id: string }) => t.id));

    const byOverdue = (
      await get(`/api/tasks?planId=${planId}&asOf=2026-12-31&sort=overdue&limit=20`, cookie)
    ).json();
    const days = byOverdue.items.map((t: { daysOverdue: number | null }) => t.daysOverdue ?? -1);
    expect(days[0]).toBeGreaterThan(120);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    const next = (
      await get(
        `/api/tasks?planId=${planId}&asOf=2026-12-31&sort=overdue&limit=20&after=${byOverdue.nextCursor}`,
        cookie,
      )
    ).json();
    expect(next.items[0].daysOverdue ?? -1).toBeLessThanOrEqual(days.at(-1));
    expect(next.items.map((t: { id: string }) => t.id)).not.toContain(byOverdue.items[19].id);

    const mixed = await get(
      `/api/tasks?planId=${planId}&sort=position&after=${byOverdue.nextCursor}`,
      cookie,
    );
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().code).toBe("invalid_request");
  });

  it("summarises a plan by status, section and agency", async () => {
    const summary = (await get(`/api/plans/${planId}/summary?asOf=2026-05-01`, cookie)).json();
    const sum = Object.values(summary.totals.byStatus as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(sum).toBe(summary.totals.total);
    expect(summary.bySection.map((s: { numeral: string }) => s.numeral)).toEqual([
      "I",
      "II",
      "III",
      "IV",
      "V",
      "VI",
      "VII",
      "VIII",
    ]);
    expect(summary.bySection.reduce((a: number, s: { total: number }) => a + s.total, 0)).toBe(
      summary.totals.total,
    );
    const police = summary.byAgency.find((a: { agencyName: string }) => a.agencyName === "Công an tỉnh");
    expect(police.total).toBeGreaterThan(0);
    expect(summary.totals.done).toBe(0);
    expect(summary.totals.completionRate).toBe(0);
  });

  it("shows a task with each agency's status, and hides it from other agencies", async () => {
    const list = (await get(`/api/tasks?planId=${planId}&q=xuat%20nhap%20canh&limit=5`, cookie)).json();
    const taskId = list.items[0].id;
    const task = (await get(`/api/tasks/${taskId}?asOf=2026-05-01`, cookie)).json();
    expect(task.assignments.find((a: { role: string }) => a.role === "lead").agencyName).toBe("Công an tỉnh");
    const police = (await login("congan")).cookie;
    expect((await get(`/api/tasks/${taskId}`, police)).statusCode).toBe(200);
    const finance = (await login("taichinh")).cookie;
    const denied = await get(`/api/tasks/${taskId}`, finance);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe("forbidden");
  });

  it("rejects bad filters with a code", async () => {
    const response = await get(`/api/tasks?planId=not-a-uuid`, cookie);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe("invalid_request");
  });
});

describe("system endpoints", () => {
  it("reports health and readiness", async () => {
    expect((await app.inject("/health")).json()).toEqual({ status: "ok" });
    const { known } = await migrationStatus(handle);
    expect(known).toBeGreaterThan(0);
    expect((await app.inject("/ready")).json()).toMatchObject({ status: "ready", migrations: known });
  });

  it("publishes OpenAPI with an operationId on every operation", async () => {
    const doc = (await app.inject("/api/openapi.json")).json();
    const operations = Object.values(
      doc.paths as Record<string, Record<string, { operationId?: string }>>,
    ).flatMap((methods) => Object.values(methods));
    expect(operations.length).toBeGreaterThan(4);
    for (const operation of operations) expect(operation.operationId).toBeTruthy();
    const ids = operations.map((o) => o.operationId);
    // The operationIds external tools rely on (the tracking issue's list).
    for (const id of [
      "login",
      "logout",
      "createImport",
      "commitImport",
      "listPlans",
      "listTasks",
      "getTask",
      "submitReport",
      "reviewReport",
      "requestDeadlineChange",
      "decideDeadlineChange",
      "getPlanSummary",
    ]) {
      expect(ids).toContain(id);
    }
  });

  it("answers unknown API paths with JSON 404", async () => {
    const response = await app.inject("/api/nothing-here");
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe("not_found");
  });
});
