import { SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { rowsOf } from "../db/migrate.ts";
import {
  type AgeBucket,
  ageBucketLabel,
  completionSentence,
  type DashboardScopeKind,
  DUE_WITHIN_WINDOWS,
  OVERDUE_AGE_THRESHOLDS,
  overdueAgeBuckets,
  overdueAgeSentence,
  ratesSentence,
} from "../domain/dashboard.ts";
import type { IsoDate } from "../domain/dates.ts";
import { assignmentStatuses, type StatusTotals, totalsFromCounts } from "../domain/status.ts";
import type { TaskScope } from "../policies/task.ts";
import {
  type LeadScope,
  leadFactsWhere,
  type ScopedCondition,
  scopedConditionSql,
  scopedTasksSql,
} from "./dashboardScope.ts";
import { dashboardTrend, type TrendRow } from "./dashboardTrend.ts";
import { dueAsOfSql, statusSql } from "./statusSql.ts";

/**
 * The dashboard of issue 12: where a scope (the province, a plan, a section, an agency, an
 * agency's subtree) stands as of a day. Every figure is SQL over the status facts (a handful of
 * statements, FILTER clauses over the rows of dashboardScope.ts), never a loop over rows here;
 * `listQuery` is what the task list needs to show the rows behind each figure.
 */
export type DashboardScope =
  | { kind: "province" }
  | { kind: Exclude<DashboardScopeKind, "province">; id: string };

/** The scope narrowed to what the viewer may see: agency staff count only their agency's part. */
export function leadScopeOf(scope: DashboardScope, viewer: TaskScope): LeadScope {
  const lead: LeadScope = viewer.kind === "agencies" ? { viewerAgencyIds: viewer.agencyIds } : {};
  if (scope.kind === "plan") lead.planId = scope.id;
  if (scope.kind === "section") lead.sectionId = scope.id;
  if (scope.kind === "agency" || scope.kind === "agencyTree") {
    lead.agencyId = scope.id;
    lead.subtree = scope.kind === "agencyTree";
  }
  return lead;
}

/**
 * The task list's query for the scope's rows (src/queries/tasks.ts `taskFilters`): statuses are
 * those of the scope's leads (`leadStatus`); agency staff's part is their agency's.
 */
export function listQueryOf(scope: DashboardScope, viewer: TaskScope, asOf: IsoDate): Record<string, string> {
  const query: Record<string, string> = { asOf, leadStatus: "true" };
  if (scope.kind === "plan") query.planId = scope.id;
  if (scope.kind === "section") query.sectionId = scope.id;
  if (scope.kind === "agency" || scope.kind === "agencyTree") {
    query.leadAgencyId = scope.id;
    if (scope.kind === "agencyTree") query.agencyTree = "true";
  } else if (viewer.kind === "agencies" && viewer.agencyIds[0]) {
    query.leadAgencyId = viewer.agencyIds[0];
  }
  return query;
}

export interface BoardRow extends StatusTotals {
  agencyId: string;
  name: string;
}

export interface Dashboard {
  asOf: IsoDate;
  totals: StatusTotals;
  sentence: string;
  rates: string | null;
  overdueAge: string | null;
  /** Cumulative: overdue more than `days` days. */
  overdueOver: { days: number; count: number }[];
  /** The ranges between the thresholds. */
  overdueByAge: (AgeBucket & { label: string; count: number })[];
  dueWithin: { days: number; count: number }[];
  trend: { month: TrendRow[]; quarter: TrendRow[] };
  board: BoardRow[];
  /** Reports waiting for the standing office (null for whoever does not review). */
  waitingForReview: number | null;
  listQuery: Record<string, string>;
}

const count = (name: string, condition: ScopedCondition | SQL) =>
  sql`count(*) filter (where ${condition instanceof SQL ? condition : scopedConditionSql(condition)})::int as ${sql.identifier(name)}`;

export async function getDashboard(
  db: Executor,
  tenantId: string,
  scope: DashboardScope,
  viewer: TaskScope,
  options: { asOf: IsoDate; reviews: boolean },
): Promise<Dashboard> {
  const { asOf } = options;
  const lead = leadScopeOf(scope, viewer);
  const buckets = overdueAgeBuckets();
  const columns = [
    ...assignmentStatuses.map((s) => count(s, { status: s })),
    count("dueSoFar", sql`d.due_so_far`),
    ...OVERDUE_AGE_THRESHOLDS.map((days) => count(`over${days}`, { overdueMinDays: days + 1 })),
    ...buckets.map((b, i) =>
      count(`bucket${i}`, { overdueMinDays: b.minDays, overdueMaxDays: b.maxDays ?? undefined }),
    ),
    ...DUE_WITHIN_WINDOWS.map((days) => count(`within${days}`, { dueWithinDays: days })),
  ];
  const [summaryResult, board, trend, waitingForReview] = await Promise.all([
    db.execute(sql`select ${sql.join(columns, sql`, `)} from (${scopedTasksSql(tenantId, lead, asOf)}) d`),
    agencyBoard(db, tenantId, lead, asOf),
    dashboardTrend(db, tenantId, lead, asOf),
    options.reviews ? reviewQueueSize(db, tenantId) : Promise.resolve(null),
  ]);
  const row = rowsOf<Record<string, number>>(summaryResult)[0] ?? {};
  const num = (name: string) => Number(row[name] ?? 0);
  const totals = totalsFromCounts(
    Object.fromEntries(assignmentStatuses.map((s) => [s, num(s)])) as StatusTotals["byStatus"],
    num("dueSoFar"),
  );
  const overdueOver = OVERDUE_AGE_THRESHOLDS.map((days) => ({ days, count: num(`over${days}`) }));
  return {
    asOf,
    totals,
    sentence: completionSentence(totals),
    rates: ratesSentence(totals),
    overdueAge: overdueAgeSentence(overdueOver),
    overdueOver,
    overdueByAge: buckets.map((b, i) => ({ ...b, label: ageBucketLabel(b), count: num(`bucket${i}`) })),
    dueWithin: DUE_WITHIN_WINDOWS.map((days) => ({ days, count: num(`within${days}`) })),
    trend,
    board,
    waitingForReview,
    listQuery: listQueryOf(scope, viewer, asOf),
  };
}

/** Agencies (rows) by the status of their own lead assignments (columns), in one GROUP BY. */
async function agencyBoard(
  db: Executor,
  tenantId: string,
  lead: LeadScope,
  asOf: IsoDate,
): Promise<BoardRow[]> {
  const perStatus = assignmentStatuses.map(
    (s) => sql`count(*) filter (where x.status = ${s})::int as ${sql.identifier(s)}`,
  );
  const result = await db.execute(sql`
    select x.agency_id::text as "agencyId", a.name, ${sql.join(perStatus, sql`, `)},
           count(*) filter (where x.status in ('done_on_time', 'done_late') or x.due <= ${asOf}::date)::int
             as "dueSoFar"
    from (
      select assignment_status_facts.agency_id, ${statusSql(asOf)} as status, ${dueAsOfSql(asOf)} as due
      from assignment_status_facts
      where ${leadFactsWhere(tenantId, lead)}
      offset 0
    ) x
    join agencies a on a.tenant_id = ${tenantId} and a.id = x.agency_id
    group by x.agency_id, a.name
    order by a.name`);
  return rowsOf<Record<string, unknown> & { agencyId: string; name: string }>(result).map((r) => ({
    agencyId: r.agencyId,
    name: r.name,
    ...totalsFromCounts(
      Object.fromEntries(assignmentStatuses.map((s) => [s, Number(r[s] ?? 0)])) as StatusTotals["byStatus"],
      Number(r.dueSoFar ?? 0),
    ),
  }));
}

/**
 * What waits for the standing office: the size of its review queue (src/queries/reviewQueue.ts),
 * on tasks still followed, read through the status facts' `live` (src/db/liveRows.ts) instead of
 * joining tasks and plans.
 */
async function reviewQueueSize(db: Executor, tenantId: string): Promise<number> {
  const result = await db.execute(sql`
    select count(*)::int as n
    from progress_reports r
    join assignment_status_facts f on f.tenant_id = r.tenant_id and f.assignment_id = r.assignment_id
    where r.tenant_id = ${tenantId} and r.state = 'submitted' and f.live`);
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
}

export interface DashboardTarget {
  scope: DashboardScope;
  /** "Toàn tỉnh", the plan's name, "II. Section title — plan", the agency's name. */
  label: string;
  /** The agency a scope of kind agency or agencyTree names. */
  agencyId: string | null;
  /** The plan of a plan or section scope. */
  planId: string | null;
}

/** What the scope names, or null when no live plan, section or agency of the province has that id. */
export async function dashboardTarget(
  db: Executor,
  tenantId: string,
  scope: DashboardScope,
): Promise<DashboardTarget | null> {
  if (scope.kind === "province") return { scope, label: "Toàn tỉnh", agencyId: null, planId: null };
  const query =
    scope.kind === "plan"
      ? sql`select p.name as label, p.id::text as plan_id from plans p
          where p.tenant_id = ${tenantId} and p.id = ${scope.id} and p.deleted_at is null`
      : scope.kind === "section"
        ? sql`select s.numeral || '. ' || s.title || ' — ' || p.name as label, p.id::text as plan_id
            from plan_sections s join plans p on p.tenant_id = s.tenant_id and p.id = s.plan_id
            where s.tenant_id = ${tenantId} and s.id = ${scope.id} and p.deleted_at is null`
        : sql`select a.name as label, null as plan_id from agencies a where a.tenant_id = ${tenantId} and a.id = ${scope.id}`;
  const row = rowsOf<{ label: string; plan_id: string | null }>(await db.execute(query))[0];
  if (!row) return null;
  const agencyId = scope.kind === "agency" || scope.kind === "agencyTree" ? scope.id : null;
  return { scope, label: row.label, agencyId, planId: row.plan_id };
}
