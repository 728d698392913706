import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { liveTask } from "../db/liveRows.ts";
import { assignments, tasks } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { agencyKey } from "../domain/agencyKey.ts";
import type { TaskScope } from "../policies/task.ts";
import { resolveAgencyNames } from "./agencies.ts";
import { taskInScope } from "./scopeSql.ts";

export interface UnmappedLead {
  taskId: string;
  ref: string;
  title: string;
  /** The lead names as the document wrote them that no lead assignment of the task comes from. */
  names: string[];
}

/**
 * Tasks whose document names a lead that gave no assignment: a name (often a group, "Các cơ
 * quan khối Đảng") that no agency or alias of the directory carries, or one that does but the
 * task has no lead assignment from it (named before the mapping existed, or a group with no
 * members). Nobody can report on such a lead, so the plan page and the task page flag it until
 * it is mapped (`mapTaskLead`). Computed, never stored: a mapping clears it at once.
 */
export async function unmappedLeads(
  db: Executor,
  tenantId: string,
  filter: { planId?: string; taskIds?: string[]; scope?: TaskScope },
): Promise<UnmappedLead[]> {
  if (filter.taskIds?.length === 0) return [];
  const where: (SQL | undefined)[] = [
    liveTask(),
    sql`jsonb_array_length(${tasks.leadsText}) > 0`,
    filter.planId ? eq(tasks.planId, filter.planId) : undefined,
    filter.taskIds ? inArray(tasks.id, filter.taskIds) : undefined,
    filter.scope
      ? taskInScope(filter.scope, { tenantId: sql`${tasks.tenantId}`, id: sql`${tasks.id}` })
      : undefined,
  ];
  const rows = await db
    .select({ id: tasks.id, ref: tasks.ref, title: tasks.title, leads: tasks.leadsText })
    .from(tasks)
    .where(inTenant(tasks, tenantId, ...where))
    .orderBy(asc(tasks.position));
  if (rows.length === 0) return [];
  const leadRows = await db
    .select({
      taskId: assignments.taskId,
      agencyId: assignments.agencyId,
      viaGroupId: assignments.viaGroupId,
    })
    .from(assignments)
    .innerJoin(tasks, and(eq(tasks.tenantId, assignments.tenantId), eq(tasks.id, assignments.taskId)))
    .where(inTenant(assignments, tenantId, eq(assignments.role, "lead"), ...where));
  const fromAgency = new Set<string>();
  for (const a of leadRows) {
    fromAgency.add(`${a.taskId}|${a.agencyId}`);
    if (a.viaGroupId) fromAgency.add(`${a.taskId}|${a.viaGroupId}`);
  }
  const resolved = await resolveAgencyNames(
    db,
    tenantId,
    rows.flatMap((r) => r.leads),
  );
  const result: UnmappedLead[] = [];
  for (const row of rows) {
    const names = row.leads.filter((name) => {
      const agency = resolved.get(agencyKey(name));
      return !agency || !fromAgency.has(`${row.id}|${agency.id}`);
    });
    if (names.length > 0) result.push({ taskId: row.id, ref: row.ref, title: row.title, names });
  }
  return result;
}
