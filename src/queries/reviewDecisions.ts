import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../db/client.ts";
import { liveTaskSql } from "../db/liveRows.ts";
import { rowsOf } from "../db/migrate.ts";
import { isAgencyHead } from "../domain/agencyStaff.ts";
import type { PeriodKind } from "../domain/periods.ts";
import { reviewDecisions } from "../domain/reports.ts";
import type { Principal } from "../policies/principal.ts";
import { reportPolicy } from "../policies/report.ts";
import { evidenceOfReports } from "./evidence.ts";
import { decodeCursor, encodeCursor, invalidCursorMessage } from "./keyset.ts";
import { periodLabel, userNames } from "./reports.ts";
import { isTimestamp } from "./reviewQueue.ts";

/** Who decided: the standing office's review, or the agency head's before it. */
export const decisionStages = ["office", "head"] as const;

/** The sort key, newest first: the decision's time as PostgreSQL's text, the report, the stage. */
const decisionCursor = z.tuple([z.string().refine(isTimestamp), z.uuid(), z.enum(decisionStages)]);
const readCursor = (after: string | undefined) => decodeCursor(after, decisionCursor);

/** Filters and page of the past decisions; shared by the API and the web. */
export const reviewDecisionsQuery = z
  .object({
    decision: z.enum(reviewDecisions).optional().describe("approve: đã duyệt; return: đã trả lại"),
    stage: z.enum(decisionStages).optional().describe("office: cơ quan thường trực; head: lãnh đạo đơn vị"),
    planId: z.uuid().optional(),
    agencyId: z.uuid().optional(),
    deciderId: z.uuid().optional().describe("Người quyết định"),
    from: z.iso.date().optional().describe("Từ ngày (theo giờ Việt Nam)"),
    to: z.iso.date().optional().describe("Đến ngày (theo giờ Việt Nam)"),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Keyset pagination: the `nextCursor` of the previous page. */
    after: z.string().max(300).optional(),
  })
  .refine((q) => !q.after || readCursor(q.after), { path: ["after"], message: invalidCursorMessage });
export type ReviewDecisionsQuery = z.infer<typeof reviewDecisionsQuery>;

/** A decision's day in Vietnam, as the filters' dates are meant. */
const vietnamDay = (column: SQL) => sql`((${column} at time zone 'UTC') + interval '7 hours')::date`;

/**
 * Reports already decided, newest decision first: the standing office's approvals and returns
 * (one review per report) and the agency heads' forwards and returns. Scoped as the review queue
 * is: the standing office sees every decision, an agency head those on the own agency's reports.
 */
export async function listReviewDecisions(
  db: Executor,
  tenantId: string,
  principal: Principal,
  query: ReviewDecisionsQuery,
) {
  const everything = reportPolicy.review(principal).allowed;
  const headOf = isAgencyHead(principal) ? principal.agencyId : null;
  const deciders = await decidersInScope(db, tenantId, everything ? null : headOf);
  if (!everything && !headOf) return { nextCursor: null, items: [], deciders: [] };

  // A deleted task (or plan) leaves this list as it leaves every other read; undo brings it back.
  const where: SQL[] = [sql`d.tenant_id = ${tenantId}`, liveTaskSql("t")];
  if (!everything) where.push(sql`a.agency_id = ${headOf}`);
  if (query.decision) where.push(sql`d.decision = ${query.decision}`);
  if (query.stage) where.push(sql`d.stage = ${query.stage}`);
  if (query.planId) where.push(sql`t.plan_id = ${query.planId}`);
  if (query.agencyId) where.push(sql`a.agency_id = ${query.agencyId}`);
  if (query.deciderId) where.push(sql`d.decided_by = ${query.deciderId}`);
  if (query.from) where.push(sql`${vietnamDay(sql`d.decided_at`)} >= ${query.from}::date`);
  if (query.to) where.push(sql`${vietnamDay(sql`d.decided_at`)} <= ${query.to}::date`);
  const cursor = readCursor(query.after);
  if (cursor) {
    where.push(
      sql`(d.decided_at, d.report_id, d.stage) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid, ${cursor[2]})`,
    );
  }

  const result = await db.execute(sql`
    select d.report_id as "reportId", d.stage, d.decision, d.decided_by as "decidedBy",
           d.decided_at as "decidedAt", d.decided_at::text as "decidedAtKey", d.comment,
           p.state, p.version, p.percent, p.narrative, p.nothing_to_report as "nothingToReport",
           p.claims_completion as "claimsCompletion", p.submitted_by as "submittedBy",
           p.submitted_at as "submittedAt", a.id as "assignmentId", a.agency_id as "agencyId",
           ag.name as "agencyName", a.due_on::text as "dueOn", a.completed_on::text as "completedOn",
           t.id as "taskId", t.ref as "taskRef", t.title as "taskTitle",
           pl.id as "planId", pl.name as "planName", doc.number as "planNumber",
           rp.kind as "periodKind", rp.starts_on::text as "periodStartsOn"
    from (
      select tenant_id, report_id, 'office' as stage, decision::text as decision,
             reviewer_id as decided_by, created_at as decided_at, comment
      from reviews
      union all
      select tenant_id, id, 'head', 'approve', head_approved_by, head_approved_at, head_comment
      from progress_reports where head_approved_at is not null
      union all
      select tenant_id, id, 'head', 'return', head_returned_by, head_returned_at, head_comment
      from progress_reports where head_returned_at is not null
    ) d
    join progress_reports p on p.tenant_id = d.tenant_id and p.id = d.report_id
    join assignments a on a.tenant_id = p.tenant_id and a.id = p.assignment_id
    join agencies ag on ag.tenant_id = a.tenant_id and ag.id = a.agency_id
    join tasks t on t.tenant_id = a.tenant_id and t.id = a.task_id
    join plans pl on pl.tenant_id = t.tenant_id and pl.id = t.plan_id
    join documents doc on doc.tenant_id = pl.tenant_id and doc.id = pl.document_id
    left join reporting_periods rp on rp.tenant_id = p.tenant_id and rp.id = p.period_id
    where ${sql.join(where, sql` and `)}
    order by d.decided_at desc, d.report_id desc, d.stage desc
    limit ${query.limit}`);
  const rows = rowsOf<DecisionRow>(result);

  const evidenceByReport = await evidenceOfReports(db, tenantId, [...new Set(rows.map((r) => r.reportId))]);
  const names = await userNames(
    db,
    tenantId,
    rows.flatMap((r) => [r.decidedBy, r.submittedBy]),
  );
  const person = (id: string | null) => (id ? { id, displayName: names.get(id) ?? "" } : null);
  const last = rows.at(-1);
  return {
    nextCursor:
      last && rows.length === query.limit
        ? encodeCursor([last.decidedAtKey, last.reportId, last.stage])
        : null,
    deciders,
    items: rows.map((r) => ({
      key: `${r.reportId}:${r.stage}`,
      reportId: r.reportId,
      stage: r.stage,
      decision: r.decision,
      decidedBy: person(r.decidedBy),
      decidedAt: new Date(r.decidedAt).toISOString(),
      comment: r.comment ?? "",
      state: r.state,
      version: Number(r.version),
      percent: r.percent === null ? null : Number(r.percent),
      narrative: r.narrative,
      nothingToReport: r.nothingToReport,
      claimsCompletion: r.claimsCompletion,
      submittedBy: person(r.submittedBy),
      submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
      assignmentId: r.assignmentId,
      agencyId: r.agencyId,
      agencyName: r.agencyName,
      dueOn: r.dueOn,
      completedOn: r.completedOn,
      taskId: r.taskId,
      taskRef: r.taskRef,
      taskTitle: r.taskTitle,
      planId: r.planId,
      planName: r.planName,
      planNumber: r.planNumber,
      periodLabel:
        r.periodKind && r.periodStartsOn
          ? periodLabel({ kind: r.periodKind, startsOn: r.periodStartsOn })
          : null,
      evidence: evidenceByReport.get(r.reportId) ?? [],
    })),
  };
}

interface DecisionRow {
  reportId: string;
  stage: (typeof decisionStages)[number];
  decision: "approve" | "return";
  decidedBy: string | null;
  decidedAt: string | Date;
  decidedAtKey: string;
  comment: string | null;
  state: "draft" | "awaiting_head" | "submitted" | "approved" | "returned";
  version: number | string;
  percent: number | string | null;
  narrative: string;
  nothingToReport: boolean;
  claimsCompletion: boolean;
  submittedBy: string | null;
  submittedAt: string | Date | null;
  assignmentId: string;
  agencyId: string;
  agencyName: string;
  dueOn: string | null;
  completedOn: string | null;
  taskId: string;
  taskRef: string;
  taskTitle: string;
  planId: string;
  planName: string;
  planNumber: string | null;
  periodKind: PeriodKind | null;
  periodStartsOn: string | null;
}

/** Everyone who decided on a report in scope, for the filter's list. */
async function decidersInScope(db: Executor, tenantId: string, agencyId: string | null) {
  const result = await db.execute(sql`
    select distinct u.id, u.display_name as "displayName"
    from (
      select tenant_id, report_id, reviewer_id as decided_by from reviews
      union
      select tenant_id, id, head_approved_by from progress_reports where head_approved_by is not null
      union
      select tenant_id, id, head_returned_by from progress_reports where head_returned_by is not null
    ) d
    join users u on u.tenant_id = d.tenant_id and u.id = d.decided_by
    ${
      agencyId
        ? sql`join progress_reports p on p.tenant_id = d.tenant_id and p.id = d.report_id
      join assignments a on a.tenant_id = p.tenant_id and a.id = p.assignment_id and a.agency_id = ${agencyId}`
        : sql``
    }
    where d.tenant_id = ${tenantId}
    order by "displayName"`);
  return rowsOf<{ id: string; displayName: string }>(result);
}
