import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedBenchData } from "../benchdata/generate.ts";
import { DEMO_PASSWORD, seedDemo } from "../cli/demo.ts";
import { loadConfig } from "../config.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { rowsOf } from "../db/migrate.ts";
import { TREND_MONTHS } from "../domain/dashboard.ts";
import { assignmentStatuses } from "../domain/status.ts";
import { buildApp } from "../server/app.ts";
import {
  loadRawWorld,
  type RawWorld,
  type RecountScope,
  recountFigures,
  recountMonthlyTrend,
} from "../testing/dashboardRecount.ts";
import { createTestDatabase } from "../testing/database.ts";
import { makeTenant } from "../testing/factories.ts";
import { type DashboardScope, getDashboard, leadScopeOf } from "./dashboard.ts";

/**
 * The dashboard's figures equal a recount from raw rows (the domain's status functions over rows
 * loaded into memory, src/testing/dashboardRecount.ts), for the demo province and a generated
 * one; the task list each figure links to has as many rows as the figure says; and the routes
 * answer each role as the policy says.
 */
const DAYS = ["2026-03-31", "2026-09-30", "2027-06-30"];

async function compare(
  db: DatabaseHandle["db"],
  tenantId: string,
  world: RawWorld,
  scope: DashboardScope,
  asOf: string,
  viewerAgencyIds?: string[],
) {
  const viewer = viewerAgencyIds
    ? { kind: "agencies" as const, agencyIds: viewerAgencyIds }
    : { kind: "all" as const };
  const dashboard = await getDashboard(db, tenantId, scope, viewer, { asOf, reviews: false });
  const lead = leadScopeOf(scope, viewer) as RecountScope;
  const expected = recountFigures(world, lead, asOf);
  const where = `${scope.kind} ${"id" in scope ? scope.id : ""} ${asOf}`;
  expect(dashboard.totals.byStatus, where).toEqual(expected.byStatus);
  expect(
    dashboard.overdueOver.map((o) => o.count),
    where,
  ).toEqual(expected.overdueOver);
  expect(
    dashboard.overdueByAge.map((o) => o.count),
    where,
  ).toEqual(expected.overdueByAge);
  expect(
    dashboard.dueWithin.map((o) => o.count),
    where,
  ).toEqual(expected.dueWithin);
  expect(new Map(dashboard.board.map((r) => [r.agencyId, r.byStatus])), where).toEqual(expected.board);
  return { dashboard, expected };
}

describe("on the demo province", () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let tenantId: string;
  let world: RawWorld;
  let planIds: string[];
  let sectionId: string;
  let agency: Record<string, string>;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    handle = await createTestDatabase();
    tenantId = await makeTenant(handle.db, "lam-dong");
    await seedDemo(handle.db, tenantId);
    app = await buildApp({ handle, config: loadConfig({}), tenantId });
    for (const user of ["vanphong", "lanhdao", "congan", "taichinh"]) {
      const response = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: user, password: DEMO_PASSWORD },
      });
      const cookie = response.cookies.find((c) => c.name === "dondoc_session")!;
      cookies[user] = `${cookie.name}=${cookie.value}`;
    }
    world = await loadRawWorld(handle.db, tenantId);
    planIds = rowsOf<{ id: string }>(
      await handle.db.execute(sql`select id from plans where tenant_id = ${tenantId} order by name`),
    ).map((r) => r.id);
    sectionId = rowsOf<{ id: string }>(
      await handle.db.execute(sql`select s.id from plan_sections s where s.tenant_id = ${tenantId}
        and exists (select 1 from tasks t where t.tenant_id = s.tenant_id and t.section_id = s.id)
        order by s.numeral limit 1`),
    )[0]!.id;
    agency = Object.fromEntries(
      rowsOf<{ code: string; id: string }>(
        await handle.db.execute(
          sql`select code, id from agencies where tenant_id = ${tenantId} and code is not null`,
        ),
      ).map((r) => [r.code, r.id]),
    );
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const get = (user: string, url: string) =>
    app.inject({ method: "GET", url, headers: { cookie: cookies[user]! } });

  it("has something to count", () => {
    expect(world.leads.length).toBeGreaterThan(20);
    expect(planIds.length).toBe(2);
  });

  it("counts every scope as the recount does, on several days", async () => {
    const scopes: DashboardScope[] = [
      { kind: "province" },
      ...planIds.map((id) => ({ kind: "plan" as const, id })),
      { kind: "section", id: sectionId },
      { kind: "agency", id: agency["cong-an"]! },
      { kind: "agencyTree", id: agency["ubnd-tinh"]! },
      { kind: "agencyTree", id: agency["tinh-uy"]! },
    ];
    let overdueSeen = 0;
    for (const asOf of DAYS) {
      for (const scope of scopes) {
        const { dashboard } = await compare(handle.db, tenantId, world, scope, asOf);
        overdueSeen += dashboard.totals.byStatus.overdue;
      }
      // An agency's own view of a plan: its part only.
      await compare(handle.db, tenantId, world, { kind: "plan", id: planIds[0]! }, asOf, [
        agency["cong-an"]!,
      ]);
    }
    expect(overdueSeen).toBeGreaterThan(0);
  });

  it("draws the monthly trend the recount draws", async () => {
    const asOf = "2026-09-30";
    const dashboard = await getDashboard(
      handle.db,
      tenantId,
      { kind: "province" },
      { kind: "all" },
      {
        asOf,
        reviews: true,
      },
    );
    expect(dashboard.trend.month).toHaveLength(TREND_MONTHS);
    expect(dashboard.trend.quarter).toHaveLength(TREND_MONTHS / 3);
    const since = dashboard.trend.month[0]!.startsOn;
    const expected = recountMonthlyTrend(world, {}, asOf, since);
    for (const row of dashboard.trend.month) {
      const want = expected.get(row.startsOn) ?? { completed: 0, becameOverdue: 0, reportsReceived: 0 };
      expect(
        { completed: row.completed, becameOverdue: row.becameOverdue, reportsReceived: row.reportsReceived },
        row.label,
      ).toEqual(want);
    }
    const sum = (rows: typeof dashboard.trend.month, from: string) =>
      rows
        .filter((r) => r.startsOn >= from)
        .reduce((s, r) => s + r.completed + r.becameOverdue + r.reportsReceived, 0);
    const quarterFrom = dashboard.trend.quarter[0]!.startsOn;
    expect(sum(dashboard.trend.quarter, quarterFrom)).toBe(
      sum(dashboard.trend.month, quarterFrom > since ? quarterFrom : since),
    );
    expect(dashboard.waitingForReview).not.toBeNull();
  });

  it("links every figure to a list of as many tasks", async () => {
    const asOf = "2026-09-30";
    const total = async (user: string, query: Record<string, string>) => {
      const response = await get(user, `/api/tasks?${new URLSearchParams({ ...query, limit: "1" })}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().total as number;
    };
    const cases = [
      ["lanhdao", "scope=province", true],
      ["vanphong", `scope=agencyTree&id=${agency["ubnd-tinh"]}`, false],
      ["congan", `scope=plan&id=${planIds[0]}`, true],
    ] as const;
    for (const [user, scope, everyStatus] of cases) {
      const response = await get(user, `/api/dashboard?${scope}&asOf=${asOf}`);
      expect(response.statusCode, response.body).toBe(200);
      const d = response.json();
      const base = d.listQuery as Record<string, string>;
      expect(await total(user, base), `${user} ${scope} total`).toBe(d.totals.total);
      const statuses = everyStatus ? assignmentStatuses : (["overdue", "done_on_time"] as const);
      for (const status of statuses) {
        expect(await total(user, { ...base, status }), `${user} ${scope} ${status}`).toBe(
          d.totals.byStatus[status],
        );
      }
      const [over30] = d.overdueOver;
      expect(await total(user, { ...base, overdueMinDays: String(over30.days + 1) })).toBe(over30.count);
      const bucket = d.overdueByAge[1];
      expect(
        await total(user, {
          ...base,
          overdueMinDays: String(bucket.minDays),
          overdueMaxDays: String(bucket.maxDays),
        }),
      ).toBe(bucket.count);
      for (const w of d.dueWithin)
        expect(await total(user, { ...base, dueWithinDays: String(w.days) })).toBe(w.count);
      expect(await total(user, { ...base, completed: "any" })).toBe(d.totals.done);
      const row = d.board[0];
      const q = { ...base, leadAgencyId: row.agencyId, agencyTree: "false" };
      expect(await total(user, { ...q, status: "overdue" })).toBe(row.byStatus.overdue);
      expect(await total(user, q)).toBe(row.total);
    }
  });

  it("shows an agency only its own part", async () => {
    const response = await get("congan", `/api/dashboard?scope=plan&id=${planIds[0]}&asOf=2026-09-30`);
    expect(response.statusCode).toBe(200);
    const board = response.json().board as { agencyId: string }[];
    expect(board.every((r) => r.agencyId === agency["cong-an"])).toBe(true);
    expect(response.json().waitingForReview).toBeNull();
    const office = (
      await get("vanphong", `/api/dashboard?scope=plan&id=${planIds[0]}&asOf=2026-09-30`)
    ).json();
    expect(office.board.length).toBeGreaterThan(1);
    // The office's figure is its review queue's length.
    const queue = (await get("vanphong", "/api/review-queue?limit=1")).json();
    expect(office.waitingForReview).toBe(queue.total);
  });

  it("refuses, misses and rejects with the right status", async () => {
    const refused = await get("congan", "/api/dashboard?scope=province");
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/cơ quan, đơn vị/);
    expect((await get("congan", `/api/dashboard?scope=agency&id=${agency["so-tai-chinh"]}`)).statusCode).toBe(
      403,
    );
    expect(
      (await get("taichinh", `/api/dashboard/upstream?scope=agencyTree&id=${agency["cong-an"]}`)).statusCode,
    ).toBe(403);
    const unknown = "00000000-0000-4000-8000-000000000001";
    expect((await get("lanhdao", `/api/dashboard?scope=agency&id=${unknown}`)).statusCode).toBe(404);
    expect((await get("lanhdao", `/api/dashboard?scope=plan&id=${unknown}`)).statusCode).toBe(404);
    expect((await get("lanhdao", `/api/dashboard?scope=section&id=${unknown}`)).statusCode).toBe(404);
    expect((await get("lanhdao", "/api/dashboard?asOf=2026-13-01")).statusCode).toBe(400);
    expect((await get("lanhdao", "/api/dashboard?scope=plan")).statusCode).toBe(400);
    expect((await get("lanhdao", "/api/dashboard?scope=nation")).statusCode).toBe(400);
  });

  it("shows an empty scope as empty numbers", async () => {
    const [empty] = rowsOf<{ id: string }>(
      await handle.db.execute(sql`select a.id from agencies a where a.tenant_id = ${tenantId}
        and not exists (select 1 from assignments x where x.tenant_id = a.tenant_id and x.agency_id = a.id) limit 1`),
    );
    const response = await get("lanhdao", `/api/dashboard?scope=agency&id=${empty!.id}&asOf=2026-09-30`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      totals: { total: 0 },
      sentence: "chưa có nhiệm vụ nào",
      board: [],
    });
  });

  it("follows upstream tasks down to the agencies, conflicts marked", async () => {
    // The demo's plans cite no upstream plan kept in the system: two tasks of different plans
    // are made to restate a third, with different due dates.
    const pick = async (planId: string, notDue?: string | null) =>
      rowsOf<{ id: string; due: string | null }>(
        await handle.db.execute(sql`select t.id, t.due_on::text as due from tasks t
          where t.tenant_id = ${tenantId} and t.plan_id = ${planId} and t.due_on is not null
            and t.due_on::text is distinct from ${notDue ?? null}
            and exists (select 1 from assignments a where a.tenant_id = t.tenant_id and a.task_id = t.id)
          order by t.position limit 2`),
      );
    const [upstream, first] = await pick(planIds[0]!);
    const [second] = await pick(planIds[1]!, first!.due);
    for (const restating of [first!, second!]) {
      await handle.db.execute(sql`insert into task_links (tenant_id, task_id, kind, upstream_document_number,
        upstream_tenant_id, upstream_task_id) values (${tenantId}, ${restating.id}, 'restates', 'Số thử',
        ${tenantId}, ${upstream!.id})`);
    }
    const response = await get("vanphong", "/api/dashboard/upstream?asOf=2026-09-30");
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as {
      id: string;
      conflicts: number;
      restatedBy: { id: string; deadlineConflict: boolean; agencies: unknown[] }[];
    }[];
    expect(items.map((i) => i.id)).toEqual([upstream!.id]);
    expect(items[0]!.restatedBy.map((r) => r.id).sort()).toEqual([first!.id, second!.id].sort());
    expect(items[0]!.restatedBy.every((r) => r.deadlineConflict && r.agencies.length > 0)).toBe(true);
    expect(items[0]!.conflicts).toBe(2);
    // Narrowed to one plan, the other plan's task still makes the conflict, but is not listed.
    const plan = (
      await get("vanphong", `/api/dashboard/upstream?scope=plan&id=${planIds[1]}&asOf=2026-09-30`)
    ).json();
    expect(plan.items[0].restatedBy.map((r: { id: string }) => r.id)).toEqual([second!.id]);
    expect(plan.items[0].restatedBy[0].deadlineConflict).toBe(true);
  });
});

describe("on a generated province", () => {
  let handle: DatabaseHandle;
  let tenantId: string;
  let world: RawWorld;
  const asOf = "2026-06-30";

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedBenchData(handle.db, { scale: "tiny", seed: 11, asOf });
    tenantId = rowsOf<{ id: string }>(
      await handle.db.execute(sql`select id from tenants where code = 'lam-dong'`),
    )[0]!.id;
    world = await loadRawWorld(handle.db, tenantId);
  }, 180_000);
  afterAll(async () => {
    await handle?.close();
  });

  it("counts the province, a plan and an agency's subtree as the recount does", async () => {
    expect(world.leads.length).toBeGreaterThan(50);
    const planId = world.tasks[0]!.planId;
    const root = [...world.parents.entries()].find(
      ([id, parent]) => parent === null && [...world.parents.values()].includes(id),
    )![0];
    for (const day of ["2025-12-31", asOf]) {
      await compare(handle.db, tenantId, world, { kind: "province" }, day);
      await compare(handle.db, tenantId, world, { kind: "plan", id: planId }, day);
      await compare(handle.db, tenantId, world, { kind: "agencyTree", id: root }, day);
      await compare(handle.db, tenantId, world, { kind: "agency", id: world.leads[0]!.agencyId }, day);
    }
    const dashboard = await getDashboard(
      handle.db,
      tenantId,
      { kind: "province" },
      { kind: "all" },
      { asOf, reviews: true },
    );
    const expected = recountMonthlyTrend(world, {}, asOf, dashboard.trend.month[0]!.startsOn);
    for (const row of dashboard.trend.month) {
      const want = expected.get(row.startsOn) ?? { completed: 0, becameOverdue: 0, reportsReceived: 0 };
      expect({
        completed: row.completed,
        becameOverdue: row.becameOverdue,
        reportsReceived: row.reportsReceived,
      }).toEqual(want);
    }
    expect(dashboard.totals.total).toBeGreaterThan(0);
  });
});
