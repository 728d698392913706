import { and, asc, count, eq, exists, inArray, like, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../db/client.ts";
import { agencies, assignments, planSections, tasks } from "../db/schema/index.ts";
import { foldForSearch } from "../domain/text.ts";
import { deadlineKindSchema } from "../ingest/extraction.ts";
import type { TaskScope } from "../policies/task.ts";

/** Filters of the plan's task table; shared by the API and the web form. */
export const taskFilters = z.object({
  planId: z.uuid().optional(),
  section: z.string().max(10).optional(),
  leadAgencyId: z.uuid().optional(),
  deadlineKind: deadlineKindSchema.optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TaskFilters = z.infer<typeof taskFilters>;

/** Escapes LIKE wildcards typed by the user, so "%" searches for a percent sign. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listTasks(db: Executor, tenantId: string, scope: TaskScope, filters: TaskFilters) {
  const where: SQL[] = [eq(tasks.tenantId, tenantId)];
  if (filters.planId) where.push(eq(tasks.planId, filters.planId));
  if (filters.deadlineKind) where.push(eq(tasks.deadlineKind, filters.deadlineKind));
  if (filters.section) {
    where.push(
      exists(
        db
          .select({ one: planSections.id })
          .from(planSections)
          .where(
            and(
              eq(planSections.tenantId, tasks.tenantId),
              eq(planSections.id, tasks.sectionId),
              eq(planSections.numeral, filters.section),
            ),
          ),
      ),
    );
  }
  // The folded query is matched as a phrase: "cong an" must find "Công an", not every task
  // that has "công" somewhere and "an" somewhere else ("an toàn").
  const phrase = foldForSearch(filters.q ?? "");
  if (phrase) where.push(like(tasks.searchKey, likePattern(phrase)));
  if (filters.leadAgencyId) where.push(hasAssignment(db, [filters.leadAgencyId], "lead"));
  if (scope.kind === "agencies") where.push(hasAssignment(db, scope.agencyIds));

  const condition = and(...where);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(tasks).where(condition);
  const rows = await db
    .select({
      id: tasks.id,
      planId: tasks.planId,
      ref: tasks.ref,
      number: tasks.number,
      section: planSections.numeral,
      title: tasks.title,
      responsible: tasks.responsible,
      leads: tasks.leadsText,
      coordinators: tasks.coordinatorsText,
      output: tasks.output,
      note: tasks.note,
      sources: tasks.sources,
      deadlineText: tasks.deadlineText,
      deadlineKind: tasks.deadlineKind,
      dueOn: tasks.dueOn,
    })
    .from(tasks)
    .leftJoin(
      planSections,
      and(eq(planSections.tenantId, tasks.tenantId), eq(planSections.id, tasks.sectionId)),
    )
    .where(condition)
    .orderBy(asc(tasks.planId), asc(tasks.position))
    .limit(filters.limit)
    .offset(filters.offset);
  return { total: Number(total), items: rows };
}

function hasAssignment(db: Executor, agencyIds: string[], role?: "lead" | "coordinator") {
  const conditions = [
    eq(assignments.tenantId, tasks.tenantId),
    eq(assignments.taskId, tasks.id),
    inArray(assignments.agencyId, agencyIds.length ? agencyIds : ["00000000-0000-0000-0000-000000000000"]),
  ];
  if (role) conditions.push(eq(assignments.role, role));
  return exists(
    db
      .select({ one: assignments.id })
      .from(assignments)
      .where(and(...conditions)),
  );
}

/** Agencies that lead at least one task of the plan, for the filter list. */
export async function leadAgenciesOfPlan(db: Executor, tenantId: string, planId: string) {
  return db
    .selectDistinct({ id: agencies.id, name: agencies.name })
    .from(assignments)
    .innerJoin(tasks, and(eq(tasks.tenantId, assignments.tenantId), eq(tasks.id, assignments.taskId)))
    .innerJoin(
      agencies,
      and(eq(agencies.tenantId, assignments.tenantId), eq(agencies.id, assignments.agencyId)),
    )
    .where(and(eq(assignments.tenantId, tenantId), eq(tasks.planId, planId), eq(assignments.role, "lead")))
    .orderBy(asc(agencies.name));
}
