import { asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { livePlan } from "../db/liveRows.ts";
import {
  agencies,
  assignments,
  documents,
  evidence,
  plans,
  progressReports,
  reportingPeriods,
  reviews,
  storedFiles,
  tasks,
  users,
} from "../db/schema/index.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";
import type { IsoDate } from "../domain/dates.ts";
import { type PeriodKind, periodContaining } from "../domain/periods.ts";
import { reportActions, reportLock } from "../domain/reportLock.ts";
import { isAwaitingDecision } from "../domain/reports.ts";
import { deadlineChangePolicy } from "../policies/deadlineChange.ts";
import type { Principal } from "../policies/principal.ts";
import { reportPolicy } from "../policies/report.ts";
import { evidenceOfReports } from "./evidence.ts";

/** An assignment with what reporting on it needs: its task, plan rules, and every agency holding the task. */
export async function assignmentContext(db: Executor, tenantId: string, assignmentId: string) {
  const [row] = await db
    .select({
      id: assignments.id,
      agencyId: assignments.agencyId,
      agencyName: agencies.name,
      role: assignments.role,
      dueOn: assignments.dueOn,
      completedOn: assignments.completedOn,
      taskId: tasks.id,
      taskRef: tasks.ref,
      taskTitle: tasks.title,
      taskRemovedAt: tasks.removedAt,
      planId: plans.id,
      planName: plans.name,
      reportingFrequency: plans.reportingFrequency,
      cutoffDay: plans.cutoffDay,
      requireHeadApproval: plans.requireHeadApproval,
      documentIssuedOn: documents.issuedOn,
      documentNumber: documents.number,
    })
    .from(assignments)
    .innerJoin(tasks, tenantJoin(tasks.id, assignments.taskId))
    .innerJoin(plans, tenantJoin(plans.id, tasks.planId))
    .innerJoin(documents, tenantJoin(documents.id, plans.documentId))
    .innerJoin(agencies, tenantJoin(agencies.id, assignments.agencyId))
    .where(
      inTenant(assignments, tenantId, eq(assignments.id, assignmentId), isNull(tasks.deletedAt), livePlan()),
    );
  if (!row) return null;
  return { ...row, holderAgencyIds: await taskHolders(db, tenantId, row.taskId) };
}
export type AssignmentContext = NonNullable<Awaited<ReturnType<typeof assignmentContext>>>;

/** Every agency holding a task (lead or supporting): who may see it. */
export async function taskHolders(db: Executor, tenantId: string, taskId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ agencyId: assignments.agencyId })
    .from(assignments)
    .where(inTenant(assignments, tenantId, eq(assignments.taskId, taskId)));
  return rows.map((r) => r.agencyId);
}

/** The agencies holding a task, or null when there is no such task in the tenant. */
export async function taskAccess(db: Executor, tenantId: string, taskId: string): Promise<string[] | null> {
  const [task] = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(inTenant(tasks, tenantId, eq(tasks.id, taskId), isNull(tasks.deletedAt)));
  return task ? taskHolders(db, tenantId, taskId) : null;
}

/** A report with its assignment context and period: what a decision on it needs. */
export async function reportContext(db: Executor, tenantId: string, reportId: string) {
  const [report] = await db
    .select()
    .from(progressReports)
    .where(inTenant(progressReports, tenantId, eq(progressReports.id, reportId)));
  if (!report) return null;
  const assignment = await assignmentContext(db, tenantId, report.assignmentId);
  if (!assignment) return null;
  const [period] = report.periodId
    ? await db
        .select()
        .from(reportingPeriods)
        .where(inTenant(reportingPeriods, tenantId, eq(reportingPeriods.id, report.periodId)))
    : [];
  return { report, assignment, period: period ?? null };
}
export type ReportContext = NonNullable<Awaited<ReturnType<typeof reportContext>>>;

/** "Tháng 4/2026", "Quý II/2026". */
export const periodLabel = (period: { kind: PeriodKind; startsOn: IsoDate }) =>
  periodContaining(period.startsOn, period.kind, 10).label;

export const presentPeriod = (
  period: {
    id: string;
    kind: PeriodKind;
    startsOn: string;
    endsOn: string;
    cutoffOn: string;
  } | null,
) =>
  period
    ? {
        id: period.id,
        kind: period.kind,
        startsOn: period.startsOn,
        endsOn: period.endsOn,
        cutoffOn: period.cutoffOn,
        label: periodLabel(period),
      }
    : null;

/** Display names of users, by id. */
export async function userNames(db: Executor, tenantId: string, ids: Iterable<string | null>) {
  const wanted = [...new Set([...ids].filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inTenant(users, tenantId, inArray(users.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

const person = (names: Map<string, string>, id: string | null) =>
  id ? { id, displayName: names.get(id) ?? "" } : null;

/**
 * Every report on a task, newest first, with period, evidence, the head's and the reviewer's
 * decisions, its lock, and what the principal may do with it; plus, per assignment, whether the
 * principal may report on it or ask to move its deadline. Returned reports stay in the history.
 */
export async function listTaskReports(
  db: Executor,
  tenantId: string,
  taskId: string,
  principal: Principal,
  today: IsoDate,
) {
  const assignmentRows = await db
    .select({
      id: assignments.id,
      agencyId: assignments.agencyId,
      agencyName: agencies.name,
      role: assignments.role,
      dueOn: assignments.dueOn,
      completedOn: assignments.completedOn,
    })
    .from(assignments)
    .innerJoin(agencies, tenantJoin(agencies.id, assignments.agencyId))
    .where(inTenant(assignments, tenantId, eq(assignments.taskId, taskId)))
    .orderBy(asc(assignments.role), asc(agencies.name));
  const byAssignment = new Map(assignmentRows.map((a) => [a.id, a]));
  const assignmentIds = assignmentRows.map((a) => a.id);
  const reportRows = assignmentIds.length
    ? await db
        .select({ report: progressReports, period: reportingPeriods, review: reviews })
        .from(progressReports)
        .leftJoin(reportingPeriods, tenantJoin(reportingPeriods.id, progressReports.periodId))
        .leftJoin(reviews, tenantJoin(reviews.reportId, progressReports.id))
        .where(inTenant(progressReports, tenantId, inArray(progressReports.assignmentId, assignmentIds)))
        .orderBy(desc(progressReports.createdAt))
    : [];
  const reportIds = reportRows.map((r) => r.report.id);
  const evidenceByReport = await evidenceOfReports(db, tenantId, reportIds);
  const names = await userNames(
    db,
    tenantId,
    reportRows.flatMap((r) => [
      r.report.submittedBy,
      r.report.headApprovedBy,
      r.report.headReturnedBy,
      r.report.reopenedBy,
      r.review?.reviewerId ?? null,
    ]),
  );

  const reportable = reportPolicy.reportableAssignmentIds(principal, assignmentRows);
  // A report of the current period still waiting for a decision blocks another one (submitReport
  // refuses it with 409): the form says so before anyone fills it in.
  const [setting] = await db
    .select({ kind: plans.reportingFrequency, cutoffDay: plans.cutoffDay })
    .from(tasks)
    .innerJoin(plans, tenantJoin(plans.id, tasks.planId))
    .where(inTenant(tasks, tenantId, eq(tasks.id, taskId)));
  const current = setting ? periodContaining(today, setting.kind, setting.cutoffDay) : null;
  const pendingNow = new Map<string, string>();
  for (const { report, period } of reportRows) {
    if (current && period?.startsOn === current.startsOn && isAwaitingDecision(report.state)) {
      pendingNow.set(report.assignmentId, current.label);
    }
  }
  const requestable = deadlineChangePolicy.requestableAssignmentIds(principal, assignmentRows);
  const reviewer = reportPolicy.review(principal).allowed;

  return {
    assignments: assignmentRows.map((a) => ({
      assignmentId: a.id,
      agencyId: a.agencyId,
      agencyName: a.agencyName,
      role: a.role,
      dueOn: a.dueOn,
      completedOn: a.completedOn,
      canReport: reportable.has(a.id),
      pendingPeriodLabel: pendingNow.get(a.id) ?? null,
      canRequestDeadlineChange: requestable.has(a.id),
    })),
    reports: reportRows.map(({ report, period, review }) => {
      const assignment = byAssignment.get(report.assignmentId)!;
      const lock = reportLock(report, period, today);
      const allowed = reportActions(report, lock);
      return {
        id: report.id,
        assignmentId: report.assignmentId,
        agencyId: assignment.agencyId,
        agencyName: assignment.agencyName,
        period: presentPeriod(period),
        percent: report.percent,
        narrative: report.narrative,
        difficulties: report.difficulties,
        proposals: report.proposals,
        nothingToReport: report.nothingToReport,
        claimsCompletion: report.claimsCompletion,
        state: report.state,
        version: report.version,
        submittedBy: person(names, report.submittedBy),
        submittedAt: report.submittedAt?.toISOString() ?? null,
        headApprovedBy: person(names, report.headApprovedBy),
        headApprovedAt: report.headApprovedAt?.toISOString() ?? null,
        headReturnedBy: person(names, report.headReturnedBy),
        headReturnedAt: report.headReturnedAt?.toISOString() ?? null,
        headComment: report.headComment,
        review: review
          ? {
              decision: review.decision,
              comment: review.comment,
              reviewer: person(names, review.reviewerId)!,
              at: review.createdAt.toISOString(),
            }
          : null,
        reopenedBy: person(names, report.reopenedBy),
        reopenedAt: report.reopenedAt?.toISOString() ?? null,
        reopenReason: report.reopenReason,
        lock,
        evidence: evidenceByReport.get(report.id) ?? [],
        can: {
          headDecide:
            allowed.headDecide && reportPolicy.approveAsHead(principal, assignment.agencyId).allowed,
          review: allowed.review && reviewer,
          reopen: allowed.reopen && reportPolicy.reopen(principal).allowed,
        },
      };
    }),
  };
}

/** One evidence item with the task holders, to decide whether the principal may download it. */
export async function evidenceForDownload(db: Executor, tenantId: string, evidenceId: string) {
  const [row] = await db
    .select({
      id: evidence.id,
      kind: evidence.kind,
      sha256: evidence.sha256,
      fileName: evidence.fileName,
      mimeType: storedFiles.mimeType,
      size: storedFiles.size,
      taskId: assignments.taskId,
    })
    .from(evidence)
    .innerJoin(progressReports, tenantJoin(progressReports.id, evidence.reportId))
    .innerJoin(assignments, tenantJoin(assignments.id, progressReports.assignmentId))
    .leftJoin(storedFiles, tenantJoin(storedFiles.sha256, evidence.sha256))
    .where(inTenant(evidence, tenantId, eq(evidence.id, evidenceId)));
  if (!row) return null;
  return { ...row, holderAgencyIds: await taskHolders(db, tenantId, row.taskId) };
}
