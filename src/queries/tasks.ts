import { and, asc, count, eq, exists, inArray, isNull, like, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../db/client.ts";
import { agencies, assignments, planSections, tasks } from "../db/schema/index.ts";
import type { IsoDate } from "../domain/dates.ts";
import { type AssignmentStatus, assignmentStatus, assignmentStatuses, taskStatus } from "../domain/status.ts";
import { foldForSearch } from "../domain/text.ts";
import { deadlineKindSchema } from "../ingest/extraction.ts";
import type { TaskScope } from "../policies/task.ts";
import { type AssignmentWithStatus, loadAssignmentStatuses, today } from "./assignmentStatus.ts";

/** Filters of the plan's task table; shared by the API and the web form. */
export const taskFilters = z.object({
  planId: z.uuid().optional(),
  section: z.string().max(10).optional(),
  leadAgencyId: z.uuid().optional(),
  /** Tasks an agency holds in any role (lead or coordinator). */
  agencyId: z.uuid().optional(),
  deadlineKind: deadlineKindSchema.optional(),
  q: z.string().max(200).optional(),
  status: z.enum(assignmentStatuses).optional(),
  dueSoon: z.stringbool().optional(),
  asOf: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TaskFilters = z.infer<typeof taskFilters>;

/** Escapes LIKE wildcards typed by the user, so "%" searches for a percent sign. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listTasks(db: Executor, tenantId: string, scope: TaskScope, filters: TaskFilters) {
  const where: SQL[] = [eq(tasks.tenantId, tenantId), isNull(tasks.removedAt)];
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
  if (filters.agencyId) where.push(hasAssignment(db, [filters.agencyId]));
  if (scope.kind === "agencies") where.push(hasAssignment(db, scope.agencyIds));

  const condition = and(...where);
  const asOf = filters.asOf ?? today();
  // An agency's staff also see their own agency's part in each task.
  const perspective = scope.kind === "agencies" ? scope.agencyIds : [];
  const query = db
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
    .orderBy(asc(tasks.planId), asc(tasks.position));

  // Statuses are computed, not stored, so a status filter is applied after computing them.
  if (!filters.status && filters.dueSoon === undefined) {
    const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(tasks).where(condition);
    const rows = await query.limit(filters.limit).offset(filters.offset);
    return { total: Number(total), asOf, items: await withStatuses(db, tenantId, rows, asOf, perspective) };
  }
  const all = await withStatuses(db, tenantId, await query, asOf, perspective);
  const matching = all.filter(
    (t) =>
      (!filters.status || t.status === filters.status) &&
      (filters.dueSoon === undefined || t.dueSoon === filters.dueSoon),
  );
  return {
    total: matching.length,
    asOf,
    items: matching.slice(filters.offset, filters.offset + filters.limit),
  };
}

export interface TaskStatusSummary {
  status: AssignmentStatus;
  dueSoon: boolean;
  daysOverdue: number | null;
  /** How many lead agencies are in each status ("3/26 đơn vị hoàn thành"). */
  leadStatusCounts: Partial<Record<AssignmentStatus, number>>;
  /** The viewer's agency's own assignment, for agency staff ("Nhiệm vụ của tôi"). */
  ownAssignment: {
    assignmentId: string;
    role: "lead" | "coordinator";
    status: AssignmentStatus;
    due: string | null;
    daysOverdue: number | null;
    dueSoon: boolean;
  } | null;
}

/** Adds each task's status (from its lead assignments) to task rows, in one batch. */
async function withStatuses<
  T extends { id: string; deadlineKind: AssignmentStatusInput; dueOn: string | null },
>(
  db: Executor,
  tenantId: string,
  rows: T[],
  asOf: IsoDate,
  perspective: string[],
): Promise<(T & TaskStatusSummary)[]> {
  const statuses = await loadAssignmentStatuses(db, tenantId, { taskIds: rows.map((r) => r.id) }, asOf);
  const byTask = new Map<string, AssignmentWithStatus[]>();
  const ownByTask = new Map<string, AssignmentWithStatus>();
  const viewer = new Set(perspective);
  for (const s of statuses) {
    if (viewer.has(s.agencyId) && (!ownByTask.has(s.taskId) || s.role === "lead")) ownByTask.set(s.taskId, s);
    if (s.role === "lead") byTask.set(s.taskId, [...(byTask.get(s.taskId) ?? []), s]);
  }
  return rows.map((row) => {
    const leads = byTask.get(row.id) ?? [];
    // A task whose leads did not resolve to agencies is judged on its own deadline.
    const own = assignmentStatus(
      {
        deadlineKind: row.deadlineKind,
        originalDue: row.dueOn,
        deadlineChanges: [],
        activeReportDates: [],
        completion: null,
      },
      asOf,
    );
    const counts: Partial<Record<AssignmentStatus, number>> = {};
    for (const lead of leads) counts[lead.status] = (counts[lead.status] ?? 0) + 1;
    const overdue = leads.map((l) => l.daysOverdue ?? 0);
    return {
      ...row,
      status: taskStatus(
        leads.map((l) => l.status),
        own.status,
      ),
      dueSoon: leads.length ? leads.some((l) => l.dueSoon) : own.dueSoon,
      daysOverdue: leads.length ? Math.max(0, ...overdue) || null : own.daysOverdue,
      leadStatusCounts: counts,
      ownAssignment: ownOf(ownByTask.get(row.id)),
    };
  });
}

const ownOf = (a: AssignmentWithStatus | undefined): TaskStatusSummary["ownAssignment"] =>
  a
    ? {
        assignmentId: a.assignmentId,
        role: a.role,
        status: a.status,
        due: a.due,
        daysOverdue: a.daysOverdue,
        dueSoon: a.dueSoon,
      }
    : null;

type AssignmentStatusInput = "date" | "month" | "quarter" | "year" | "recurring" | "unspecified";

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
