import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { rowsOf } from "../db/migrate.ts";
import { TREND_MONTHS } from "../domain/dashboard.ts";
import type { IsoDate } from "../domain/dates.ts";
import { type PeriodKind, periodContaining } from "../domain/periods.ts";
import { type LeadScope, leadFactsWhere } from "./dashboardScope.ts";
import { dueAsOfSql } from "./statusSql.ts";

export interface TrendRow {
  startsOn: IsoDate;
  label: string;
  /** Lead assignments whose completion was submitted in the period (and approved by asOf). */
  completed: number;
  /** Lead assignments that passed their due date in the period without being done by then. */
  becameOverdue: number;
  /** Reports submitted in the period by the scope's lead agencies. */
  reportsReceived: number;
}

/**
 * The scope's figures month by month and quarter by quarter, TREND_MONTHS back from asOf:
 * periodRollup's counts (src/queries/statusRollups.ts) for any scope instead of one plan. The
 * periods come from generate_series; each event (a completion, a due date passed, a report) is
 * read once and grouped by its month and its quarter.
 */
export async function dashboardTrend(
  db: Executor,
  tenantId: string,
  lead: LeadScope,
  asOf: IsoDate,
): Promise<{ month: TrendRow[]; quarter: TrendRow[] }> {
  const months = TREND_MONTHS - 1;
  const quarters = TREND_MONTHS / 3 - 1;
  const result = await db.execute(sql`
    with bounds as (
      select date_trunc('month', ${asOf}::date) - make_interval(months => ${months}::int) as month_from,
             date_trunc('quarter', ${asOf}::date) - make_interval(months => ${quarters * 3}::int) as quarter_from
    ),
    since as (select least(month_from, quarter_from)::date as day from bounds),
    l as (
      select assignment_status_facts.assignment_id, assignment_status_facts.completion_submitted_on,
             assignment_status_facts.completion_approved_on, ${dueAsOfSql(asOf)} as due
      from assignment_status_facts
      where ${leadFactsWhere(tenantId, lead)}
      offset 0
    ),
    events as (
      select l.completion_submitted_on as day, 'completed' as kind from l, since
      where l.completion_approved_on <= ${asOf}::date and l.completion_submitted_on >= since.day
      union all
      select l.due + 1, 'overdue' from l, since
      where l.due + 1 between since.day and ${asOf}::date
        and (l.completion_approved_on is null or l.completion_approved_on > ${asOf}::date
             or l.completion_submitted_on > l.due)
      union all
      select ((r.submitted_at at time zone 'UTC') + interval '7 hours')::date, 'report'
      from l join progress_reports r on r.tenant_id = ${tenantId} and r.assignment_id = l.assignment_id, since
      -- Reached by assignment (progress_reports_assignment_idx): a small scope reads its own
      -- reports only; a large one is hashed against the index on (tenant_id, submitted_at).
      where r.tenant_id = ${tenantId} and r.submitted_at is not null
        and ((r.submitted_at at time zone 'UTC') + interval '7 hours')::date between since.day and ${asOf}::date
    ),
    grouped as (
      select date_trunc('month', day)::date as month, kind, count(*)::int as n from events group by 1, 2
    ),
    periods as (
      select 'month' as grain, p::date as starts_on, (p + interval '1 month')::date as ends_before
      from bounds, generate_series(bounds.month_from, date_trunc('month', ${asOf}::date), interval '1 month') p
      union all
      select 'quarter', p::date, (p + interval '3 months')::date
      from bounds, generate_series(bounds.quarter_from, date_trunc('quarter', ${asOf}::date), interval '3 months') p
    )
    select periods.grain, periods.starts_on::text as "startsOn",
           coalesce(sum(g.n) filter (where g.kind = 'completed'), 0)::int as completed,
           coalesce(sum(g.n) filter (where g.kind = 'overdue'), 0)::int as "becameOverdue",
           coalesce(sum(g.n) filter (where g.kind = 'report'), 0)::int as "reportsReceived"
    from periods
    left join grouped g on g.month >= periods.starts_on and g.month < periods.ends_before
    group by periods.grain, periods.starts_on
    order by periods.grain, periods.starts_on`);
  const rows = rowsOf<Omit<TrendRow, "label"> & { grain: PeriodKind }>(result);
  const of = (grain: PeriodKind) =>
    rows
      .filter((r) => r.grain === grain)
      .map(({ grain: _, ...r }) => ({ ...r, label: periodContaining(r.startsOn, grain, 1).label }));
  return { month: of("month"), quarter: of("quarter") };
}
