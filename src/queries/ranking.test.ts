import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client.ts";
import { componentScores, defaultRankingSettings, rankingScore } from "../domain/ranking.ts";
import { createTestDatabase } from "../testing/database.ts";
import { evaluationWorld } from "../testing/evaluationKit.ts";
import { type RankingRow, rankAgencies } from "./ranking.ts";

/**
 * The ranking on a real database against numbers worked out by hand (docs/EVALUATION.md):
 * monthly plans (cut-off day 10) issued on 1/1/2026, the first quarter judged on 20/3/2026,
 * when January's and February's reports have closed and March's have not.
 */
const period = { from: "2026-01-01", to: "2026-03-31", asOf: "2026-03-20" };
let handle: DatabaseHandle;
let w: Awaited<ReturnType<typeof evaluationWorld>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  w = await evaluationWorld(handle.db, { issuedOn: "2026-01-01" });
  ids.d1 = await w.agency("Sở Một", "department");
  ids.d2 = await w.agency("Sở Hai", "department");
  ids.d3 = await w.agency("Sở Ba", "department");
  ids.idle = await w.agency("Sở Không Giao", "department");
  ids.c1 = await w.agency("Xã Một", "commune");
  ids.plan = await w.plan("Kế hoạch xếp hạng");
  ids.other = await w.plan("Kế hoạch khác");
  // D1: done on time (reported January on time, completion in February): 100 everywhere.
  await w.assign(ids.plan, {
    agencyId: ids.d1,
    due: "2026-02-28",
    reports: [
      { on: "2026-01-25" },
      { on: "2026-02-20", state: "approved", completion: true, reviewedOn: "2026-02-25" },
    ],
  });
  // D2: overdue since 15/2 (33 days), January reported late, February missing …
  await w.assign(ids.plan, {
    agencyId: ids.d2,
    due: "2026-02-15",
    reports: [{ on: "2026-02-12", period: "2026-01-15" }],
  });
  // … and a recurring task: January returned once then reported on time, February on time.
  await w.assign(ids.plan, {
    agencyId: ids.d2,
    due: null,
    kind: "recurring",
    reports: [
      { on: "2026-01-20", state: "returned", reviewedOn: "2026-01-22" },
      { on: "2026-01-28" },
      { on: "2026-03-05", period: "2026-02-15" },
    ],
  });
  // D3: nothing due yet, both periods reported on time.
  await w.assign(ids.plan, {
    agencyId: ids.d3,
    due: "2026-06-30",
    reports: [{ on: "2026-01-15" }, { on: "2026-02-16" }],
  });
  // D3 in the other plan: overdue since 1/3 (19 days), nothing reported.
  await w.assign(ids.other, { agencyId: ids.d3, due: "2026-03-01" });
  // C1: overdue since 15/3 (5 days), nothing reported.
  await w.assign(ids.plan, { agencyId: ids.c1, due: "2026-03-15" });
  await w.refresh();
});

afterAll(async () => {
  await handle?.close();
});

const byAgency = (rows: RankingRow[]) => new Map(rows.map((r) => [r.agencyId, r]));

describe("ranking", () => {
  it("computes the components, the score and the positions of a plan as worked out by hand", async () => {
    const rows = byAgency(
      await rankAgencies(handle.db, w.tenantId, { ...period, planId: ids.plan }, defaultRankingSettings),
    );
    expect(rows.has(ids.idle!)).toBe(false);
    const d1 = rows.get(ids.d1!)!;
    expect(d1.components).toEqual({
      onTime: 100,
      overdue: 100,
      timeliness: 100,
      completeness: 100,
      returns: 100,
    });
    expect(d1).toMatchObject({ score: 100, position: 1, ranked: 3, shared: true, phrase: "đồng hạng 1/3" });
    const d2 = rows.get(ids.d2!)!;
    expect(d2.counts).toMatchObject({ judged: 1, doneOnTime: 0, dueSoFar: 1, overdue: 1, periodsDue: 4 });
    expect(d2.counts).toMatchObject({ periodsOnTime: 2, periodsReported: 3, reviewed: 1, returned: 1 });
    // Overdue 33 days: weight 0.5 + 0.5·33/120 = 0.6375.
    expect(d2.components).toEqual({ onTime: 0, overdue: 36.3, timeliness: 50, completeness: 75, returns: 0 });
    // (0·35 + 36.25·25 + 50·15 + 75·15 + 0·10) / 100 = 27.8125.
    expect(d2).toMatchObject({ score: 27.8, position: 3, band: "weak", phrase: "đứng thứ 3/3" });
    const d3 = rows.get(ids.d3!)!;
    expect(d3.components).toEqual({
      onTime: null,
      overdue: null,
      timeliness: 100,
      completeness: 100,
      returns: null,
    });
    expect(d3).toMatchObject({ score: 100, position: 1, band: "excellent" });
    const c1 = rows.get(ids.c1!)!;
    expect(c1).toMatchObject({
      peerGroup: "communes",
      score: 13.3,
      position: 1,
      ranked: 1,
      phrase: "đứng thứ 1/1",
    });
  });

  it("counts the periods as of a day before a later report, from the period facts", async () => {
    // On 20/2 only January has closed: D2's one-off task reported it late (12/2), its recurring
    // task on time (28/1); its report of 5/3 for February did not exist yet.
    const rows = byAgency(
      await rankAgencies(
        handle.db,
        w.tenantId,
        { ...period, asOf: "2026-02-20", planId: ids.plan },
        defaultRankingSettings,
      ),
    );
    expect(rows.get(ids.d2!)?.counts).toMatchObject({ periodsDue: 2, periodsOnTime: 1, periodsReported: 2 });
    expect(rows.get(ids.d3!)?.counts).toMatchObject({ periodsDue: 1, periodsOnTime: 1, periodsReported: 1 });
  });

  it("ranks across all plans", async () => {
    const rows = byAgency(await rankAgencies(handle.db, w.tenantId, period, defaultRankingSettings));
    // D3 with its overdue task of the other plan: (42.083·25 + 50·15 + 50·15) / 90 = 28.356.
    expect(rows.get(ids.d3!)).toMatchObject({ score: 28.4, position: 2, phrase: "đứng thứ 2/3" });
    expect(rows.get(ids.d2!)).toMatchObject({ score: 27.8, position: 3 });
    expect(rows.get(ids.d1!)).toMatchObject({ score: 100, position: 1, shared: false });
  });

  it("says what the domain's formula says for every agency, with any weights", async () => {
    const settings = {
      ...defaultRankingSettings,
      weights: { onTime: 10, overdue: 0, timeliness: 40, completeness: 20, returns: 30 },
    };
    for (const row of await rankAgencies(handle.db, w.tenantId, period, settings)) {
      expect(row.score, row.agencyName).toBe(rankingScore(componentScores(row.counts), settings.weights));
    }
  });
});
