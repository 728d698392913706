import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies, tasks } from "../db/schema/index.ts";
import { today } from "../domain/dates.ts";
import { statusTotals } from "../domain/status.ts";
import { findAssignment, login, type TrackingApp, trackingApp } from "../testing/tracking.ts";
import { loadAssignmentStatuses } from "./assignmentStatus.ts";
import { periodRollup, planRollup, statusRollup } from "./statusRollups.ts";

/**
 * The GROUP BY roll-ups say what adding up the assignments one by one with the domain's
 * `statusTotals` says, for the plan, its sections and agencies, the agency tree and periods.
 */
let t: TrackingApp;
let planId: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await trackingApp();
  for (const user of ["vanphong", "congan"]) cookies[user] = await login(t.app, user);
  const target = await findAssignment(t.db, t.tenantId, {
    documentNumber: "3450/KH-UBND",
    ref: "V.32",
    agency: "Công an tỉnh",
  });
  planId = target.planId;
  const post = (user: string, url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: "POST", url, headers: { cookie: cookies[user]! }, payload });
  const done = await post("congan", `/api/assignments/${target.assignmentId}/reports`, {
    narrative: "Đã hoàn thành",
    claimsCompletion: true,
  });
  expect(done.statusCode, done.body).toBe(201);
  expect(
    (await post("vanphong", `/api/reports/${done.json().id}/review`, { decision: "approve" })).statusCode,
  ).toBe(200);
});

afterAll(async () => {
  await t?.close();
});

async function liveLeadStatuses(asOf: string) {
  const live = await t.db
    .select({ id: tasks.id, sectionId: tasks.sectionId })
    .from(tasks)
    .where(and(eq(tasks.planId, planId), isNull(tasks.removedAt)));
  const section = new Map(live.map((task) => [task.id, task.sectionId]));
  const statuses = await loadAssignmentStatuses(t.db, t.tenantId, { planId, role: "lead" }, asOf);
  return statuses
    .filter((s) => section.has(s.taskId))
    .map((s) => ({ ...s, sectionId: section.get(s.taskId)! }));
}

describe("status roll-ups", () => {
  it("count a plan in total, by section and by agency as the domain adds them up, on any day", async () => {
    for (const asOf of ["2026-01-15", "2026-06-30", today(), "2027-03-01"]) {
      const rows = await liveLeadStatuses(asOf);
      const rollup = await planRollup(t.db, t.tenantId, { planId, asOf });
      const { key: _key, ...totals } = rollup.totals;
      expect(totals).toEqual(statusTotals(rows, asOf));
      expect(totals.total).toBeGreaterThan(900);
      for (const row of rollup.bySection) {
        const { key, ...sectionTotals } = row;
        expect(sectionTotals).toEqual(
          statusTotals(
            rows.filter((r) => r.sectionId === key),
            asOf,
          ),
        );
      }
      for (const row of rollup.byAgency) {
        const { key, ...agencyTotals } = row;
        expect(agencyTotals).toEqual(
          statusTotals(
            rows.filter((r) => r.agencyId === key),
            asOf,
          ),
        );
      }
    }
  });

  it("counts an agency's whole subtree, and the province as the sum of its agencies", async () => {
    const asOf = today();
    const byAgency = await statusRollup(t.db, t.tenantId, "agency", { asOf });
    const [province] = await statusRollup(t.db, t.tenantId, "tenant", { asOf });
    expect(byAgency.reduce((sum, r) => sum + r.total, 0)).toBe(province!.total);
    expect(province!.done).toBeGreaterThanOrEqual(1);

    const tree = await statusRollup(t.db, t.tenantId, "agencyTree", { asOf });
    const all = await t.db
      .select({ id: agencies.id, parentId: agencies.parentId })
      .from(agencies)
      .where(eq(agencies.tenantId, t.tenantId));
    const own = new Map(byAgency.map((r) => [r.key, r.total]));
    const subtree = (id: string): number =>
      (own.get(id) ?? 0) +
      all.filter((a) => a.parentId === id).reduce((sum, child) => sum + subtree(child.id), 0);
    const parents = all.filter((a) => all.some((child) => child.parentId === a.id));
    expect(parents.length).toBeGreaterThan(0);
    for (const parent of parents) {
      expect(tree.find((r) => r.key === parent.id)?.total ?? 0).toBe(subtree(parent.id));
    }
  });

  it("follows a plan period by period: due dates, completions and overdue", async () => {
    const asOf = today();
    const year = asOf.slice(0, 4);
    const periods = await periodRollup(t.db, t.tenantId, {
      planId,
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      asOf,
    });
    expect(periods.length).toBe(12);
    expect(periods[0]).toMatchObject({
      startsOn: `${year}-01-01`,
      endsOn: `${year}-01-31`,
      cutoffOn: `${year}-02-10`,
    });
    expect(periods[0]!.label).toBe(`Tháng 1/${year}`);
    const rows = await liveLeadStatuses(asOf);
    const dueThisYear = rows.filter((r) => r.due?.startsWith(year)).length;
    expect(periods.reduce((sum, p) => sum + p.due, 0)).toBe(dueThisYear);
    const current = periods.find((p) => p.startsOn <= asOf && asOf <= p.endsOn)!;
    expect(current.completedOnTime + current.completedLate).toBeGreaterThanOrEqual(1);
    expect(current.reported).toBeGreaterThanOrEqual(1);
    const overdueNow = rows.filter((r) => r.status === "overdue" && r.due! >= `${year}-01-01`).length;
    // Every assignment overdue today with a due date this year passed it in one of these periods.
    expect(periods.reduce((sum, p) => sum + p.becameOverdue, 0)).toBeGreaterThanOrEqual(overdueNow);
  });

  it("answers over HTTP, scoped to the agency for its staff, and refuses days outside 2000–2100", async () => {
    const get = (user: string, url: string) =>
      t.app.inject({ method: "GET", url, headers: { cookie: cookies[user]! } });
    const province = await get("vanphong", "/api/rollups/status?by=agency");
    expect(province.statusCode, province.body).toBe(200);
    expect(province.json().items.length).toBeGreaterThan(10);
    expect(province.json().items[0]).toMatchObject({
      label: expect.any(String),
      byStatus: expect.any(Object),
    });
    const own = await get("congan", "/api/rollups/status?by=agency");
    expect(own.json().items).toHaveLength(1);
    expect(own.json().items[0].label).toBe("Công an tỉnh");

    const periods = await get("vanphong", `/api/plans/${planId}/periods?from=2026-01-01&to=2026-06-30`);
    expect(periods.statusCode, periods.body).toBe(200);
    expect(periods.json().items.map((p: { label: string }) => p.label)).toEqual([
      "Tháng 1/2026",
      "Tháng 2/2026",
      "Tháng 3/2026",
      "Tháng 4/2026",
      "Tháng 5/2026",
      "Tháng 6/2026",
    ]);

    for (const url of [
      "/api/rollups/status?by=plan&asOf=1999-12-31",
      "/api/rollups/status?by=plan&asOf=2101-01-01",
      `/api/tasks?asOf=3026-01-01`,
      `/api/plans/${planId}/summary?asOf=0026-01-01`,
      `/api/plans/${planId}/periods?from=2026-06-01&to=2026-01-01`,
    ]) {
      const response = await get("vanphong", url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().code).toBe("invalid_request");
    }
    const bad = await get("vanphong", "/api/tasks?asOf=2101-01-01");
    expect(bad.json().message).toContain("2000–2100");
  });
});

describe("status filters", () => {
  it("find exactly the tasks the unfiltered list shows overdue or due soon, on any day", async () => {
    const get = async (query: string) => {
      const response = await t.app.inject({
        method: "GET",
        url: `/api/tasks?planId=${planId}&limit=500&${query}`,
        headers: { cookie: cookies.vanphong! },
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { total: number; items: { id: string; status: string; dueSoon: boolean }[] };
    };
    const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();
    const found = { overdue: 0, soon: 0 };
    for (const asOf of ["2026-01-15", "2026-04-25", "2026-06-30", today(), "2027-03-01"]) {
      const all = (await get(`asOf=${asOf}`)).items;
      const overdue = await get(`asOf=${asOf}&status=overdue`);
      expect(ids(overdue.items), asOf).toEqual(ids(all.filter((task) => task.status === "overdue")));
      expect(overdue.total).toBe(overdue.items.length);
      const soon = await get(`asOf=${asOf}&dueSoon=true`);
      found.overdue += overdue.total;
      found.soon += soon.total;
      expect(ids(soon.items), asOf).toEqual(ids(all.filter((task) => task.dueSoon)));
      const both = await get(`asOf=${asOf}&dueSoon=true&status=in_progress`);
      expect(ids(both.items), asOf).toEqual(
        ids(all.filter((task) => task.dueSoon && task.status === "in_progress")),
      );
    }
    expect(found.overdue).toBeGreaterThan(0);
    expect(found.soon).toBeGreaterThan(0);
  });
});
