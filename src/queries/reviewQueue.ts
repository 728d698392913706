import { and, asc, count, eq, inArray, or, type SQL } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import {
  agencies,
  assignments,
  evidence,
  plans,
  progressReports,
  reportingPeriods,
  tasks,
} from "../db/schema/index.ts";
import { hasRole, type Principal } from "../policies/principal.ts";
import { reportPolicy } from "../policies/report.ts";
import { periodLabel, userNames } from "./reports.ts";

/**
 * Reports waiting for the principal's decision, oldest first: submitted ones for the standing
 * office (and administrators), their own agency's awaiting_head ones for agency heads.
 */
export async function listReviewQueue(
  db: Executor,
  tenantId: string,
  principal: Principal,
  page: { limit: number; offset: number },
) {
  const waiting: SQL[] = [];
  if (reportPolicy.review(principal)) waiting.push(eq(progressReports.state, "submitted"));
  if (hasRole(principal, "agency_head") && principal.agencyId) {
    waiting.push(
      and(eq(progressReports.state, "awaiting_head"), eq(assignments.agencyId, principal.agencyId))!,
    );
  }
  if (waiting.length === 0) return { total: 0, items: [] };
  const condition = and(eq(progressReports.tenantId, tenantId), or(...waiting));
  const base = db
    .select({
      id: progressReports.id,
      state: progressReports.state,
      version: progressReports.version,
      percent: progressReports.percent,
      nothingToReport: progressReports.nothingToReport,
      claimsCompletion: progressReports.claimsCompletion,
      narrative: progressReports.narrative,
      submittedBy: progressReports.submittedBy,
      submittedAt: progressReports.submittedAt,
      assignmentId: assignments.id,
      agencyId: assignments.agencyId,
      agencyName: agencies.name,
      dueOn: assignments.dueOn,
      taskId: tasks.id,
      taskRef: tasks.ref,
      taskTitle: tasks.title,
      planId: plans.id,
      planName: plans.name,
      periodKind: reportingPeriods.kind,
      periodStartsOn: reportingPeriods.startsOn,
    })
    .from(progressReports)
    .innerJoin(
      assignments,
      and(
        eq(assignments.tenantId, progressReports.tenantId),
        eq(assignments.id, progressReports.assignmentId),
      ),
    )
    .innerJoin(
      agencies,
      and(eq(agencies.tenantId, assignments.tenantId), eq(agencies.id, assignments.agencyId)),
    )
    .innerJoin(tasks, and(eq(tasks.tenantId, assignments.tenantId), eq(tasks.id, assignments.taskId)))
    .innerJoin(plans, and(eq(plans.tenantId, tasks.tenantId), eq(plans.id, tasks.planId)))
    .leftJoin(
      reportingPeriods,
      and(
        eq(reportingPeriods.tenantId, progressReports.tenantId),
        eq(reportingPeriods.id, progressReports.periodId),
      ),
    )
    .where(condition);
  const rows = await base
    .orderBy(asc(progressReports.submittedAt), asc(progressReports.id))
    .limit(page.limit)
    .offset(page.offset);
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(progressReports)
    .innerJoin(
      assignments,
      and(
        eq(assignments.tenantId, progressReports.tenantId),
        eq(assignments.id, progressReports.assignmentId),
      ),
    )
    .where(condition);

  const ids = rows.map((r) => r.id);
  const evidenceCounts = ids.length
    ? await db
        .select({ reportId: evidence.reportId, n: count() })
        .from(evidence)
        .where(and(eq(evidence.tenantId, tenantId), inArray(evidence.reportId, ids)))
        .groupBy(evidence.reportId)
    : [];
  const counts = new Map(evidenceCounts.map((e) => [e.reportId, Number(e.n)]));
  const names = await userNames(
    db,
    tenantId,
    rows.map((r) => r.submittedBy),
  );
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id,
      state: r.state,
      version: r.version,
      percent: r.percent,
      nothingToReport: r.nothingToReport,
      claimsCompletion: r.claimsCompletion,
      narrative: r.narrative,
      submittedBy: r.submittedBy ? { id: r.submittedBy, displayName: names.get(r.submittedBy) ?? "" } : null,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      assignmentId: r.assignmentId,
      agencyId: r.agencyId,
      agencyName: r.agencyName,
      dueOn: r.dueOn,
      taskId: r.taskId,
      taskRef: r.taskRef,
      taskTitle: r.taskTitle,
      planId: r.planId,
      planName: r.planName,
      periodLabel:
        r.periodKind && r.periodStartsOn
          ? periodLabel({ kind: r.periodKind, startsOn: r.periodStartsOn })
          : null,
      evidenceCount: counts.get(r.id) ?? 0,
    })),
  };
}
