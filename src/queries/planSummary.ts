import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { liveTask } from "../db/liveRows.ts";
import { agencies, planSections, tasks } from "../db/schema/index.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";
import type { IsoDate } from "../domain/dates.ts";
import { emptyStatusCounts, type StatusTotals, totalsFromCounts } from "../domain/status.ts";
import { compareVietnamese } from "../domain/text.ts";
import { planRollup, type RollupRow } from "./statusRollups.ts";

export interface PlanSummary {
  asOf: IsoDate;
  totals: StatusTotals;
  bySection: ({ numeral: string | null; title: string | null } & StatusTotals)[];
  byAgency: ({ agencyId: string; agencyName: string } & StatusTotals)[];
}

/**
 * Counts by status of a plan's lead assignments, in total, by section and by agency, as of a
 * day: the figures of a periodic report ("hoàn thành 137/240 nhiệm vụ"). The counting is one
 * GROUP BY in the database; the other two queries only name the groups.
 */
export async function getPlanSummary(
  db: Executor,
  tenantId: string,
  planId: string,
  asOf: IsoDate,
): Promise<PlanSummary> {
  const rollup = await planRollup(db, tenantId, { asOf, planId });
  // Every section that has a live task is listed, with zeros when no lead agency resolved.
  const sections = await db
    .selectDistinct({
      id: planSections.id,
      numeral: planSections.numeral,
      title: planSections.title,
      position: planSections.position,
    })
    .from(tasks)
    .leftJoin(planSections, tenantJoin(planSections.id, tasks.sectionId))
    .where(inTenant(tasks, tenantId, eq(tasks.planId, planId), liveTask()))
    .orderBy(asc(planSections.position));
  const agencyIds = rollup.byAgency.map((r) => r.key).filter((id): id is string => id !== null);
  const names = agencyIds.length
    ? await db
        .select({ id: agencies.id, name: agencies.name })
        .from(agencies)
        .where(inTenant(agencies, tenantId, inArray(agencies.id, agencyIds)))
    : [];
  const nameOf = new Map(names.map((a) => [a.id, a.name]));
  const sectionCounts = new Map(rollup.bySection.map((r) => [r.key, r]));

  return {
    asOf,
    totals: totalsOf(rollup.totals),
    bySection: sections.map((s) => ({
      numeral: s.numeral,
      title: s.title,
      ...(sectionCounts.has(s.id)
        ? totalsOf(sectionCounts.get(s.id)!)
        : totalsFromCounts(emptyStatusCounts(), 0)),
    })),
    byAgency: rollup.byAgency
      .map((r) => ({ agencyId: r.key!, agencyName: nameOf.get(r.key!) ?? "", ...totalsOf(r) }))
      .sort((a, b) => compareVietnamese(a.agencyName, b.agencyName)),
  };
}

const totalsOf = ({ key: _key, ...totals }: RollupRow): StatusTotals => totals;
