import { and, eq, inArray, isNotNull, type SQL } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import {
  agencies,
  assignments,
  deadlineChanges,
  progressReports,
  reviews,
  tasks,
} from "../db/schema/index.ts";
import { type IsoDate, vietnamDate } from "../domain/dates.ts";
import { type AssignmentFacts, assignmentStatus, type StatusResult } from "../domain/status.ts";

export interface AssignmentWithStatus extends StatusResult {
  assignmentId: string;
  taskId: string;
  agencyId: string;
  agencyName: string;
  role: "lead" | "coordinator";
  viaGroupId: string | null;
  originalDue: IsoDate | null;
}

export interface AssignmentSelection {
  planId?: string;
  taskIds?: string[];
  agencyIds?: string[];
  role?: "lead" | "coordinator";
}

/**
 * Loads the facts the status rules need (deadline changes, non-returned reports, the approved
 * completion) for many assignments in four set-based queries, and computes each status for asOf.
 */
export async function loadAssignmentStatuses(
  db: Executor,
  tenantId: string,
  selection: AssignmentSelection,
  asOf: IsoDate,
  options: { dueSoonDays?: number } = {},
): Promise<AssignmentWithStatus[]> {
  const where: SQL[] = [eq(assignments.tenantId, tenantId), isNotNull(tasks.id)];
  if (selection.planId) where.push(eq(tasks.planId, selection.planId));
  if (selection.taskIds)
    where.push(inArray(assignments.taskId, selection.taskIds.length ? selection.taskIds : [NONE]));
  if (selection.agencyIds) {
    where.push(inArray(assignments.agencyId, selection.agencyIds.length ? selection.agencyIds : [NONE]));
  }
  if (selection.role) where.push(eq(assignments.role, selection.role));
  const condition = and(...where);

  const rows = await db
    .select({
      assignmentId: assignments.id,
      taskId: assignments.taskId,
      agencyId: assignments.agencyId,
      agencyName: agencies.name,
      role: assignments.role,
      viaGroupId: assignments.viaGroupId,
      dueOn: assignments.dueOn,
      taskDueOn: tasks.dueOn,
      deadlineKind: tasks.deadlineKind,
    })
    .from(assignments)
    .innerJoin(tasks, and(eq(tasks.tenantId, assignments.tenantId), eq(tasks.id, assignments.taskId)))
    .innerJoin(
      agencies,
      and(eq(agencies.tenantId, assignments.tenantId), eq(agencies.id, assignments.agencyId)),
    )
    .where(condition);
  if (rows.length === 0) return [];

  const joinTasks = and(eq(tasks.tenantId, assignments.tenantId), eq(tasks.id, assignments.taskId));
  const changes = await db
    .select({
      assignmentId: deadlineChanges.assignmentId,
      previousDueOn: deadlineChanges.previousDueOn,
      newDue: deadlineChanges.requestedDueOn,
      decidedAt: deadlineChanges.decidedAt,
    })
    .from(deadlineChanges)
    .innerJoin(
      assignments,
      and(
        eq(assignments.tenantId, deadlineChanges.tenantId),
        eq(assignments.id, deadlineChanges.assignmentId),
      ),
    )
    .innerJoin(tasks, joinTasks)
    .where(and(condition, eq(deadlineChanges.state, "approved")));

  const reports = await db
    .select({
      assignmentId: progressReports.assignmentId,
      submittedAt: progressReports.submittedAt,
      state: progressReports.state,
      claimsCompletion: progressReports.claimsCompletion,
      reviewedAt: reviews.createdAt,
    })
    .from(progressReports)
    .innerJoin(
      assignments,
      and(
        eq(assignments.tenantId, progressReports.tenantId),
        eq(assignments.id, progressReports.assignmentId),
      ),
    )
    .innerJoin(tasks, joinTasks)
    .leftJoin(
      reviews,
      and(eq(reviews.tenantId, progressReports.tenantId), eq(reviews.reportId, progressReports.id)),
    )
    .where(and(condition, inArray(progressReports.state, ["awaiting_head", "submitted", "approved"])));

  const facts = new Map<string, AssignmentFacts & { firstPreviousDue?: { at: Date; due: string | null } }>();
  for (const row of rows) {
    facts.set(row.assignmentId, {
      deadlineKind: row.deadlineKind,
      // A supporting agency works to the task's deadline; only leads have deadlines of their own.
      originalDue: row.role === "lead" ? row.dueOn : row.taskDueOn,
      deadlineChanges: [],
      activeReportDates: [],
      completion: null,
    });
  }
  for (const change of changes) {
    const fact = facts.get(change.assignmentId);
    if (!fact || !change.decidedAt) continue;
    fact.deadlineChanges.push({ newDue: change.newDue, approvedOn: vietnamDate(change.decidedAt) });
    // The assignment row holds the latest due date; the plan's original is the first change's "before".
    if (!fact.firstPreviousDue || change.decidedAt < fact.firstPreviousDue.at) {
      fact.firstPreviousDue = { at: change.decidedAt, due: change.previousDueOn };
    }
  }
  for (const report of reports) {
    const fact = facts.get(report.assignmentId);
    if (!fact || !report.submittedAt) continue;
    const submittedOn = vietnamDate(report.submittedAt);
    fact.activeReportDates.push(submittedOn);
    if (report.state === "approved" && report.claimsCompletion && report.reviewedAt) {
      const approvedOn = vietnamDate(report.reviewedAt);
      if (!fact.completion || approvedOn < fact.completion.approvedOn)
        fact.completion = { submittedOn, approvedOn };
    }
  }

  return rows.map((row) => {
    const fact = facts.get(row.assignmentId)!;
    if (fact.firstPreviousDue) fact.originalDue = fact.firstPreviousDue.due;
    return {
      assignmentId: row.assignmentId,
      taskId: row.taskId,
      agencyId: row.agencyId,
      agencyName: row.agencyName,
      role: row.role,
      viaGroupId: row.viaGroupId,
      originalDue: fact.originalDue,
      ...assignmentStatus(fact, asOf, options),
    };
  });
}

const NONE = "00000000-0000-0000-0000-000000000000";

/** Today in Vietnam: the default asOf. */
export const today = (): IsoDate => vietnamDate(new Date());
