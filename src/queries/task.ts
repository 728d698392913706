import { asc, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { livePlan } from "../db/liveRows.ts";
import {
  assignments,
  deadlineChanges,
  documents,
  planSections,
  plans,
  taskLinks,
  tasks,
} from "../db/schema/index.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";
import type { IsoDate } from "../domain/dates.ts";
import type { TaskScope } from "../policies/task.ts";
import { loadAssignmentStatuses } from "./assignmentStatus.ts";
import { agencyInScope } from "./scopeSql.ts";
import { unmappedLeads } from "./unmappedLeads.ts";

/**
 * One task with its plan, section, every assignment's status as of a day, links and deadline
 * history. The history is the scope's own agencies' only, as in the list of deadline changes
 * (listDeadlineChanges): another agency's reasons for asking more time are not shown to it.
 */
export async function getTask(
  db: Executor,
  tenantId: string,
  taskId: string,
  asOf: IsoDate,
  scope: TaskScope,
) {
  const [task] = await db
    .select({
      id: tasks.id,
      planId: tasks.planId,
      planName: plans.name,
      documentNumber: documents.number,
      ref: tasks.ref,
      number: tasks.number,
      section: planSections.numeral,
      sectionTitle: planSections.title,
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
      removedAt: tasks.removedAt,
    })
    .from(tasks)
    .innerJoin(plans, tenantJoin(plans.id, tasks.planId))
    .innerJoin(documents, tenantJoin(documents.id, plans.documentId))
    .leftJoin(planSections, tenantJoin(planSections.id, tasks.sectionId))
    .where(inTenant(tasks, tenantId, eq(tasks.id, taskId), isNull(tasks.deletedAt), livePlan()));
  if (!task) return null;
  const assignmentStatuses = await loadAssignmentStatuses(db, tenantId, { taskIds: [taskId] }, asOf);
  const links = await db
    .select({
      kind: taskLinks.kind,
      upstreamDocumentNumber: taskLinks.upstreamDocumentNumber,
      upstreamTaskId: taskLinks.upstreamTaskId,
    })
    .from(taskLinks)
    .where(inTenant(taskLinks, tenantId, eq(taskLinks.taskId, taskId)));
  const ids = new Set(assignmentStatuses.map((a) => a.assignmentId));
  const changes = ids.size
    ? await db
        .select({ change: deadlineChanges })
        .from(deadlineChanges)
        .innerJoin(assignments, tenantJoin(assignments.id, deadlineChanges.assignmentId))
        .where(
          inTenant(
            deadlineChanges,
            tenantId,
            inArray(deadlineChanges.assignmentId, [...ids]),
            agencyInScope(scope, assignments.agencyId),
          ),
        )
        .orderBy(asc(deadlineChanges.requestedAt))
        .then((rows) => rows.map((row) => row.change))
    : [];
  return {
    ...task,
    removedAt: task.removedAt?.toISOString() ?? null,
    asOf,
    assignments: assignmentStatuses,
    unmappedLeads: (await unmappedLeads(db, tenantId, { taskIds: [taskId] }))[0]?.names ?? [],
    links,
    deadlineChanges: changes.map((c) => ({
      id: c.id,
      assignmentId: c.assignmentId,
      previousDueOn: c.previousDueOn,
      requestedDueOn: c.requestedDueOn,
      reason: c.reason,
      state: c.state,
      requestedAt: c.requestedAt.toISOString(),
      decidedAt: c.decidedAt?.toISOString() ?? null,
      decisionComment: c.decisionComment,
    })),
  };
}
