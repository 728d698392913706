import { count, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../db/client.ts";
import { liveTask } from "../db/liveRows.ts";
import { agencies, assignments, deadlineChanges, plans, tasks } from "../db/schema/index.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";
import { deadlineChangeStates } from "../domain/assignments.ts";
import { INT4_MAX } from "../domain/inputSafety.ts";
import type { TaskScope } from "../policies/task.ts";
import { userNames } from "./reports.ts";
import { agencyInScope } from "./scopeSql.ts";

export const deadlineChangeFilters = z.object({
  state: z.enum(deadlineChangeStates).optional(),
  taskId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(INT4_MAX).default(0),
});
export type DeadlineChangeFilters = z.infer<typeof deadlineChangeFilters>;

/** Deadline change requests within the scope (the whole province, or the principal's agency), newest first. */
export async function listDeadlineChanges(
  db: Executor,
  tenantId: string,
  scope: TaskScope,
  filters: DeadlineChangeFilters,
) {
  const condition = inTenant(
    deadlineChanges,
    tenantId,
    filters.state ? eq(deadlineChanges.state, filters.state) : undefined,
    filters.taskId ? eq(assignments.taskId, filters.taskId) : undefined,
    agencyInScope(scope, assignments.agencyId),
    liveTask(),
  );
  const joinAssignments = tenantJoin(assignments.id, deadlineChanges.assignmentId);
  const rows = await db
    .select({
      change: deadlineChanges,
      agencyId: assignments.agencyId,
      agencyName: agencies.name,
      currentDueOn: assignments.dueOn,
      taskId: tasks.id,
      taskRef: tasks.ref,
      taskTitle: tasks.title,
      planName: plans.name,
    })
    .from(deadlineChanges)
    .innerJoin(assignments, joinAssignments)
    .innerJoin(agencies, tenantJoin(agencies.id, assignments.agencyId))
    .innerJoin(tasks, tenantJoin(tasks.id, assignments.taskId))
    .innerJoin(plans, tenantJoin(plans.id, tasks.planId))
    .where(condition)
    .orderBy(desc(deadlineChanges.requestedAt), desc(deadlineChanges.id))
    .limit(filters.limit)
    .offset(filters.offset);
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(deadlineChanges)
    .innerJoin(assignments, joinAssignments)
    .innerJoin(tasks, tenantJoin(tasks.id, assignments.taskId))
    .where(condition);
  const names = await userNames(
    db,
    tenantId,
    rows.flatMap((r) => [r.change.requestedBy, r.change.decidedBy]),
  );
  const person = (id: string | null) => (id ? { id, displayName: names.get(id) ?? "" } : null);
  return {
    total: Number(total),
    items: rows.map(({ change, ...r }) => ({
      id: change.id,
      assignmentId: change.assignmentId,
      agencyId: r.agencyId,
      agencyName: r.agencyName,
      taskId: r.taskId,
      taskRef: r.taskRef,
      taskTitle: r.taskTitle,
      planName: r.planName,
      currentDueOn: r.currentDueOn,
      previousDueOn: change.previousDueOn,
      requestedDueOn: change.requestedDueOn,
      reason: change.reason,
      state: change.state,
      requestedBy: person(change.requestedBy),
      requestedAt: change.requestedAt.toISOString(),
      decidedBy: person(change.decidedBy),
      decidedAt: change.decidedAt?.toISOString() ?? null,
      decisionComment: change.decisionComment,
    })),
  };
}

/** Which of these assignments an approved deadline change has moved. */
export async function movedByApprovedChange(
  db: Executor,
  tenantId: string,
  assignmentIds: string[],
): Promise<Set<string>> {
  if (assignmentIds.length === 0) return new Set();
  const rows = await db
    .select({ id: deadlineChanges.assignmentId })
    .from(deadlineChanges)
    .where(
      inTenant(
        deadlineChanges,
        tenantId,
        eq(deadlineChanges.state, "approved"),
        inArray(deadlineChanges.assignmentId, assignmentIds),
      ),
    );
  return new Set(rows.map((r) => r.id));
}
