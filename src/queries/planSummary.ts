import { and, asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { planSections, tasks } from "../db/schema/index.ts";
import type { IsoDate } from "../domain/dates.ts";
import { type StatusTotals, statusTotals } from "../domain/status.ts";
import { compareVietnamese } from "../domain/text.ts";
import { loadAssignmentStatuses } from "./assignmentStatus.ts";

export interface PlanSummary {
  asOf: IsoDate;
  totals: StatusTotals;
  bySection: ({ numeral: string | null; title: string | null } & StatusTotals)[];
  byAgency: ({ agencyId: string; agencyName: string } & StatusTotals)[];
}

/**
 * Counts by status of a plan's lead assignments, in total, by section and by agency, as of a
 * day: the figures of a periodic report ("hoàn thành 137/240 nhiệm vụ").
 */
export async function getPlanSummary(
  db: Executor,
  tenantId: string,
  planId: string,
  asOf: IsoDate,
): Promise<PlanSummary> {
  const statuses = await loadAssignmentStatuses(db, tenantId, { planId, role: "lead" }, asOf);
  const taskRows = await db
    .select({
      id: tasks.id,
      numeral: planSections.numeral,
      title: planSections.title,
      position: planSections.position,
    })
    .from(tasks)
    .leftJoin(
      planSections,
      and(eq(planSections.tenantId, tasks.tenantId), eq(planSections.id, tasks.sectionId)),
    )
    .where(and(eq(tasks.tenantId, tenantId), eq(tasks.planId, planId), isNull(tasks.removedAt)))
    .orderBy(asc(planSections.position));
  const sectionOf = new Map(taskRows.map((t) => [t.id, t]));
  const live = statuses.filter((s) => sectionOf.has(s.taskId));

  const sections = new Map<string, { numeral: string | null; title: string | null; items: typeof live }>();
  for (const row of taskRows) {
    const key = row.numeral ?? "";
    if (!sections.has(key)) sections.set(key, { numeral: row.numeral, title: row.title, items: [] });
  }
  const agenciesById = new Map<string, { agencyName: string; items: typeof live }>();
  for (const status of live) {
    sections.get(sectionOf.get(status.taskId)?.numeral ?? "")?.items.push(status);
    const agency = agenciesById.get(status.agencyId) ?? { agencyName: status.agencyName, items: [] };
    agency.items.push(status);
    agenciesById.set(status.agencyId, agency);
  }
  return {
    asOf,
    totals: statusTotals(live, asOf),
    bySection: [...sections.values()].map((s) => ({
      numeral: s.numeral,
      title: s.title,
      ...statusTotals(s.items, asOf),
    })),
    byAgency: [...agenciesById]
      .map(([agencyId, a]) => ({ agencyId, agencyName: a.agencyName, ...statusTotals(a.items, asOf) }))
      .sort((a, b) => compareVietnamese(a.agencyName, b.agencyName)),
  };
}
