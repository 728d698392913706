import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client.ts";
import { createTestDatabase } from "../testing/database.ts";
import { evaluationWorld } from "../testing/evaluationKit.ts";
import { type AtRiskRow, listAtRisk } from "./atRisk.ts";

/**
 * Each early-warning rule on a real migrated database: the rows are written with chosen dates
 * (a monthly plan, cut-off day 10, issued 1/1/2026), judged on 20/3/2026, when February's
 * reports closed on 10/3.
 */
const ASOF = "2026-03-20";
let handle: DatabaseHandle;
let w: Awaited<ReturnType<typeof evaluationWorld>>;
const ids: Record<string, string> = {};
const tasksOf: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await evaluationWorld(handle.db, { issuedOn: "2026-01-01" });
  ids.a = await w.agency("Sở Thử A", "department");
  ids.aChild = await w.agency("Chi cục thuộc Sở A", "other", ids.a);
  ids.b = await w.agency("Sở Thử B", "department");
  ids.plan = await w.plan("Kế hoạch thử cảnh báo");
  ids.later = await w.plan("Kế hoạch ban hành sau", "2026-03-01");
  const feb = (percent: number) => ({ on: "2026-02-20", percent });
  const add = async (name: string, planId: string, spec: Parameters<typeof w.assign>[1]) => {
    tasksOf[name] = (await w.assign(planId, spec)).taskId;
  };
  await add("noReport", ids.plan, { agencyId: ids.a, due: null, kind: "recurring" });
  await add("behind", ids.plan, { agencyId: ids.a, due: "2026-04-10", reports: [feb(30)] });
  await add("onTrack", ids.plan, { agencyId: ids.a, due: "2026-04-10", reports: [feb(60)] });
  await add("refused", ids.plan, {
    agencyId: ids.b,
    due: "2026-03-30",
    reports: [feb(90)],
    refusedOn: "2026-03-01",
  });
  await add("refusedFar", ids.plan, {
    agencyId: ids.b,
    due: "2026-06-30",
    reports: [feb(90)],
    refusedOn: "2026-03-01",
  });
  await add("returned", ids.plan, {
    agencyId: ids.b,
    due: "2026-12-31",
    reports: [
      { on: "2026-02-10", state: "returned", reviewedOn: "2026-02-12" },
      { on: "2026-02-15", state: "returned", reviewedOn: "2026-02-16" },
      feb(50),
    ],
  });
  await add("done", ids.plan, {
    agencyId: ids.b,
    due: "2026-06-30",
    reports: [{ on: "2026-01-20", state: "approved", completion: true, reviewedOn: "2026-01-22" }],
  });
  await add("child", ids.plan, { agencyId: ids.aChild, due: null, kind: "recurring" });
  await add("startedLater", ids.later, { agencyId: ids.a, due: null, kind: "recurring" });
  // January reported late (12/2), February on 5/3: quiet on 20/3, and on 1/3 (January judged).
  await add("reportedBoth", ids.plan, {
    agencyId: ids.b,
    due: null,
    kind: "recurring",
    reports: [
      { on: "2026-02-12", period: "2026-01-15" },
      { on: "2026-03-05", period: "2026-02-15" },
    ],
  });
  await w.refresh();
});

afterAll(async () => {
  await handle?.close();
});

const all = { kind: "all" } as const;
const byTask = (items: AtRiskRow[]) => new Map(items.map((r) => [r.taskId, r]));

describe("at-risk list", () => {
  it("flags each rule with its reason and the numbers behind it", async () => {
    const { items, total } = await listAtRisk(handle.db, w.tenantId, all, { asOf: ASOF, limit: 100 });
    const rows = byTask(items);
    expect(total).toBe(items.length);
    expect(rows.get(tasksOf.noReport!)?.reasons).toEqual(["missing_period"]);
    expect(rows.get(tasksOf.noReport!)?.period).toMatchObject({
      label: "Tháng 2/2026",
      cutoffOn: "2026-03-10",
    });
    const behind = rows.get(tasksOf.behind!)!;
    expect(behind.reasons).toEqual(["behind_schedule"]);
    expect(behind.progress).toBe(30);
    // 78 of 99 days from 1/1 to 10/4.
    expect(behind.elapsed).toBe(0.79);
    expect(rows.get(tasksOf.refused!)).toMatchObject({
      reasons: ["refused_near_due"],
      refusedOn: "2026-03-01",
      daysLeft: 10,
    });
    expect(rows.get(tasksOf.returned!)).toMatchObject({ reasons: ["returned_often"], returns: 2 });
    expect(rows.get(tasksOf.child!)?.reasons).toEqual(["missing_period"]);
    for (const quiet of ["onTrack", "refusedFar", "done", "startedLater", "reportedBoth"])
      expect(rows.has(tasksOf[quiet]!), quiet).toBe(false);
    expect(items.length).toBe(5);
  });

  it("judges the period closed by the day asked about", async () => {
    const { items } = await listAtRisk(handle.db, w.tenantId, all, { asOf: "2026-03-10", limit: 100 });
    const rows = byTask(items);
    // On 10/3 February is still open: January is judged, and nobody reported for it.
    expect(rows.get(tasksOf.noReport!)?.period?.label).toBe("Tháng 1/2026");
    expect(rows.get(tasksOf.behind!)?.reasons).toContain("missing_period");
    // On 14/2 the second return had not happened yet.
    const early = byTask(
      (await listAtRisk(handle.db, w.tenantId, all, { asOf: "2026-02-14", limit: 100 })).items,
    );
    expect(early.get(tasksOf.returned!)?.reasons ?? []).not.toContain("returned_often");
    expect(rows.get(tasksOf.returned!)?.reasons).toContain("returned_often");
  });

  it("finds the closed period's report on a day before the assignment's latest report", async () => {
    const rows = byTask(
      (await listAtRisk(handle.db, w.tenantId, all, { asOf: "2026-03-01", limit: 100 })).items,
    );
    expect(rows.get(tasksOf.noReport!)?.period?.label).toBe("Tháng 1/2026");
    expect(rows.has(tasksOf.reportedBoth!)).toBe(false);
  });

  it("narrows to an agency's subtree, to the scope of agency staff, and to a plan", async () => {
    const agencyA = await listAtRisk(handle.db, w.tenantId, all, { asOf: ASOF, limit: 100, agencyId: ids.a });
    expect(new Set(agencyA.items.map((r) => r.agencyId))).toEqual(new Set([ids.a, ids.aChild]));
    const staffB = await listAtRisk(
      handle.db,
      w.tenantId,
      { kind: "agencies", agencyIds: [ids.b!] },
      {
        asOf: ASOF,
        limit: 100,
      },
    );
    expect(staffB.items.map((r) => r.taskId).sort()).toEqual([tasksOf.refused, tasksOf.returned].sort());
    const later = await listAtRisk(handle.db, w.tenantId, all, { asOf: ASOF, limit: 100, planId: ids.later });
    expect(later.items).toEqual([]);
  });

  it("pages by due date with a cursor, without gaps or repeats", async () => {
    const full = await listAtRisk(handle.db, w.tenantId, all, { asOf: ASOF, limit: 100 });
    const first = await listAtRisk(handle.db, w.tenantId, all, { asOf: ASOF, limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const seen = [...first.items];
    let after = first.nextCursor;
    while (after) {
      const page = await listAtRisk(handle.db, w.tenantId, all, { asOf: ASOF, limit: 2, after });
      seen.push(...page.items);
      after = page.nextCursor;
    }
    expect(seen.map((r) => r.assignmentId)).toEqual(full.items.map((r) => r.assignmentId));
    expect(full.items[0]!.dueOn).toBe("2026-03-30");
  });
});
