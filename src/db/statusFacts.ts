import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "./client.ts";
import { liveTaskSql } from "./liveRows.ts";
import { uuidList } from "./sqlLists.ts";

/**
 * Which assignments to recompute. Commands pass what their write touched; an empty scope means
 * every assignment of the tenant (a documented full refresh: `dondoc facts refresh`, the bench
 * data set, the recount check), and `missingOnly` fills in assignments that have no facts yet
 * (databases migrated from before the facts existed) or rows written before a later fact column.
 */
export interface FactsScope {
  assignmentIds?: string[];
  taskIds?: string[];
  planId?: string;
  missingOnly?: boolean;
}

/** The calendar day in Vietnam (UTC+7, no daylight saving) of a timestamptz column. */
const vietnamDay = (column: SQL) => sql`((${column} at time zone 'UTC') + interval '7 hours')::date`;

/** Reports that count as reported: not drafts and not returned (PRODUCT.md §3). */
const ACTIVE_STATES = sql`('awaiting_head', 'submitted', 'approved')`;

/**
 * Recomputes, from raw rows, the facts statuses derive from, for the assignments in scope, in
 * the caller's transaction. Set-based: the same statement serves one assignment after a review
 * and a million after a bulk load. The facts are the inputs of `assignmentStatus` in
 * src/domain/status.ts: the original due date is the first approved change's "before" (or the
 * plan's); the due date in force is the latest approved change's; the completion is the
 * approved completion report approved first, dated by its submission.
 */
export async function refreshStatusFacts(
  db: Executor,
  tenantId: string | null,
  scope: FactsScope = {},
): Promise<void> {
  if (isEmptyList(scope.assignmentIds) || isEmptyList(scope.taskIds)) return;
  const selection = selectionCondition(tenantId, scope);
  await db.execute(sql`
    with sel as (
      select a.tenant_id, a.id, a.task_id, a.agency_id, a.role, a.due_on as assignment_due_on,
             pl.reporting_frequency::text as period_kind, pl.cutoff_day,
             t.plan_id, t.section_id, t.deadline_kind, t.due_on as task_due_on,
             ${liveTaskSql("t")} as live, ${vietnamDay(sql`a.created_at`)} as assigned_on
      from assignments a
      join tasks t on t.tenant_id = a.tenant_id and t.id = a.task_id
      join plans pl on pl.tenant_id = t.tenant_id and pl.id = t.plan_id
      where ${selection}
    ),
    changes as (
      select d.tenant_id, d.assignment_id,
             jsonb_agg(jsonb_build_object('on', ${vietnamDay(sql`d.decided_at`)}, 'due', d.requested_due_on)
                       order by d.decided_at) as history,
             (array_agg(d.previous_due_on order by d.decided_at))[1] as first_previous_due,
             (array_agg(d.requested_due_on order by d.decided_at desc))[1] as last_due,
             max(${vietnamDay(sql`d.decided_at`)}) as changed_on
      from deadline_changes d
      join sel on sel.tenant_id = d.tenant_id and sel.id = d.assignment_id
      where d.state = 'approved' and d.decided_at is not null
      group by d.tenant_id, d.assignment_id
    ),
    reported as (
      select r.tenant_id, r.assignment_id,
             min(${vietnamDay(sql`r.submitted_at`)}) as first_on,
             max(${vietnamDay(sql`r.submitted_at`)}) as last_on,
             count(*)::int as n
      from progress_reports r
      join sel on sel.tenant_id = r.tenant_id and sel.id = r.assignment_id
      where r.state in ${ACTIVE_STATES} and r.submitted_at is not null
      group by r.tenant_id, r.assignment_id
    ),
    decided as (
      -- A report returned by the office stays returned (only approved ones are reopened).
      select r.tenant_id, r.assignment_id,
             array_agg(${vietnamDay(sql`v.created_at`)} order by v.created_at) as reviewed_days,
             coalesce(array_agg(${vietnamDay(sql`v.created_at`)} order by v.created_at)
                        filter (where v.decision = 'return'), '{}') as returned_days
      from progress_reports r
      join sel on sel.tenant_id = r.tenant_id and sel.id = r.assignment_id
      join reviews v on v.tenant_id = r.tenant_id and v.report_id = r.id
      group by r.tenant_id, r.assignment_id
    ),
    progress as (
      select distinct on (r.tenant_id, r.assignment_id) r.tenant_id, r.assignment_id, r.percent,
             ${vietnamDay(sql`r.submitted_at`)} as percent_on
      from progress_reports r
      join sel on sel.tenant_id = r.tenant_id and sel.id = r.assignment_id
      where r.state in ${ACTIVE_STATES} and r.submitted_at is not null and r.percent is not null
      order by r.tenant_id, r.assignment_id, r.submitted_at desc
    ),
    period_reports as (
      -- The plan's periods aligned as the ranking generates them, each with its first report
      -- not returned and its cut-off (src/queries/ranking.ts periods).
      select r.tenant_id, r.assignment_id, rp.starts_on, min(${vietnamDay(sql`r.submitted_at`)}) as first_on,
             least((rp.starts_on + st.step - interval '1 day')::date + sel.cutoff_day,
                   (date_trunc('month', rp.starts_on + st.step) + interval '1 month' - interval '1 day')::date) as cutoff_on
      from progress_reports r
      join sel on sel.tenant_id = r.tenant_id and sel.id = r.assignment_id
      join reporting_periods rp on rp.tenant_id = r.tenant_id and rp.id = r.period_id and rp.plan_id = sel.plan_id
      cross join lateral (select case when sel.period_kind = 'quarter' then interval '3 months'
                                 else interval '1 month' end as step) st
      where r.state in ${ACTIVE_STATES} and r.submitted_at is not null
        and rp.starts_on = date_trunc(sel.period_kind, rp.starts_on::timestamp)::date
      group by r.tenant_id, r.assignment_id, rp.starts_on, st.step, sel.cutoff_day
    ),
    periods as (
      select tenant_id, assignment_id,
             array_agg(starts_on order by starts_on) as reported,
             coalesce(array_agg(starts_on order by starts_on) filter (where first_on > cutoff_on), '{}') as late,
             max(first_on) as last_on
      from period_reports group by tenant_id, assignment_id
    ),
    completion as (
      select distinct on (r.tenant_id, r.assignment_id)
             r.tenant_id, r.assignment_id,
             ${vietnamDay(sql`r.submitted_at`)} as submitted_on,
             ${vietnamDay(sql`v.created_at`)} as approved_on
      from progress_reports r
      join sel on sel.tenant_id = r.tenant_id and sel.id = r.assignment_id
      join reviews v on v.tenant_id = r.tenant_id and v.report_id = r.id
      where r.state = 'approved' and r.claims_completion and r.submitted_at is not null
      order by r.tenant_id, r.assignment_id, 4, 3
    ),
    facts as (
      select sel.*,
             -- A supporting agency works to the task's deadline; only leads have their own.
             case when changes.assignment_id is not null then changes.first_previous_due
                  when sel.role = 'lead' then sel.assignment_due_on
                  else sel.task_due_on end as original_due_on,
             changes.last_due, changes.changed_on, changes.history
      from sel
      left join changes on changes.tenant_id = sel.tenant_id and changes.assignment_id = sel.id
    )
    insert into assignment_status_facts as f (
      tenant_id, assignment_id, task_id, plan_id, section_id, agency_id, role, deadline_kind, live,
      original_due_on, due_on, due_changed_on, due_history,
      completion_submitted_on, completion_approved_on,
      first_reported_on, last_reported_on, report_count, assigned_on, reviewed_days, returned_days,
      last_percent, last_percent_on, reported_periods, late_periods, last_period_report_on, refreshed_at)
    select facts.tenant_id, facts.id, facts.task_id, facts.plan_id, facts.section_id, facts.agency_id,
           facts.role, facts.deadline_kind, facts.live,
           facts.original_due_on,
           case when facts.changed_on is null then facts.original_due_on else facts.last_due end,
           facts.changed_on, coalesce(facts.history, '[]'::jsonb),
           completion.submitted_on, completion.approved_on,
           reported.first_on, reported.last_on, coalesce(reported.n, 0), facts.assigned_on,
           coalesce(decided.reviewed_days, '{}'), coalesce(decided.returned_days, '{}'),
           progress.percent, progress.percent_on, coalesce(periods.reported, '{}'),
           coalesce(periods.late, '{}'), periods.last_on, now()
    from facts
    left join reported on reported.tenant_id = facts.tenant_id and reported.assignment_id = facts.id
    left join completion on completion.tenant_id = facts.tenant_id and completion.assignment_id = facts.id
    left join decided on decided.tenant_id = facts.tenant_id and decided.assignment_id = facts.id
    left join progress on progress.tenant_id = facts.tenant_id and progress.assignment_id = facts.id
    left join periods on periods.tenant_id = facts.tenant_id and periods.assignment_id = facts.id
    on conflict (tenant_id, assignment_id) do update set
      task_id = excluded.task_id, plan_id = excluded.plan_id, section_id = excluded.section_id,
      agency_id = excluded.agency_id, role = excluded.role, deadline_kind = excluded.deadline_kind,
      live = excluded.live, original_due_on = excluded.original_due_on, due_on = excluded.due_on,
      due_changed_on = excluded.due_changed_on, due_history = excluded.due_history,
      completion_submitted_on = excluded.completion_submitted_on,
      completion_approved_on = excluded.completion_approved_on,
      first_reported_on = excluded.first_reported_on, last_reported_on = excluded.last_reported_on,
      report_count = excluded.report_count, assigned_on = excluded.assigned_on,
      reviewed_days = excluded.reviewed_days, returned_days = excluded.returned_days,
      last_percent = excluded.last_percent, last_percent_on = excluded.last_percent_on,
      reported_periods = excluded.reported_periods, late_periods = excluded.late_periods,
      last_period_report_on = excluded.last_period_report_on,
      refreshed_at = excluded.refreshed_at
  `);
  await refreshPeriodFacts(db, selection, scope);
}

/** Per-period facts: delete what the scope had, insert what the raw reports say now. */
async function refreshPeriodFacts(db: Executor, selection: SQL, scope: FactsScope): Promise<void> {
  if (!scope.missingOnly) {
    await db.execute(sql`
      delete from assignment_period_facts p
      using assignments a join tasks t on t.tenant_id = a.tenant_id and t.id = a.task_id
      where p.tenant_id = a.tenant_id and p.assignment_id = a.id and ${selection}
    `);
  }
  await db.execute(sql`
    insert into assignment_period_facts (tenant_id, assignment_id, period_id, first_submitted_on,
                                         last_submitted_on, nothing_to_report)
    select r.tenant_id, r.assignment_id, r.period_id,
           min(${vietnamDay(sql`r.submitted_at`)}), max(${vietnamDay(sql`r.submitted_at`)}),
           bool_and(r.nothing_to_report)
    from progress_reports r
    join assignments a on a.tenant_id = r.tenant_id and a.id = r.assignment_id
    join tasks t on t.tenant_id = a.tenant_id and t.id = a.task_id
    where ${selection} and r.state in ${ACTIVE_STATES}
      and r.submitted_at is not null and r.period_id is not null
    group by r.tenant_id, r.assignment_id, r.period_id
    on conflict do nothing
  `);
}

/** The WHERE condition over `assignments a join tasks t` for a scope. */
function selectionCondition(tenantId: string | null, scope: FactsScope): SQL {
  const conditions: SQL[] = [];
  if (tenantId) conditions.push(sql`a.tenant_id = ${tenantId}`);
  if (scope.assignmentIds) conditions.push(sql`a.id in ${uuidList(scope.assignmentIds)}`);
  if (scope.taskIds) conditions.push(sql`a.task_id in ${uuidList(scope.taskIds)}`);
  if (scope.planId) conditions.push(sql`t.plan_id = ${scope.planId}`);
  if (scope.missingOnly) {
    // A null assigned_on marks a row written before that column (migration 0012).
    conditions.push(sql`not exists (select 1 from assignment_status_facts f
      where f.tenant_id = a.tenant_id and f.assignment_id = a.id and f.assigned_on is not null)`);
  }
  return conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
}

const isEmptyList = (list: string[] | undefined) => list !== undefined && list.length === 0;
