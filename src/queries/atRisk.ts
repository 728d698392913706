import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../db/client.ts";
import { rowsOf } from "../db/migrate.ts";
import { uuidList } from "../db/sqlLists.ts";
import type { IsoDate } from "../domain/dates.ts";
import {
  defaultEarlyWarningThresholds,
  type EarlyWarningThresholds,
  type RiskReason,
  riskReasons,
} from "../domain/earlyWarning.ts";
import { type PeriodKind, periodContaining } from "../domain/periods.ts";
import type { TaskScope } from "../policies/task.ts";
import { decodeCursor, encodeCursor, invalidCursorMessage } from "./keyset.ts";
import { countDaysSql, dueAsOfSql, statusSql } from "./statusSql.ts";
import { asOfDate } from "./tasks.ts";

/**
 * The at-risk list (cảnh báo sớm): the rules of src/domain/earlyWarning.ts as one SQL statement
 * over the status facts, for every open lead assignment in scope as of a day, with the numbers
 * each reason rests on. Ordered by due date (nearest first, none last), keyset-paged.
 */
const atRiskCursor = z.tuple([z.iso.date(), z.uuid()]);
const readCursor = (after: string | undefined) => decodeCursor(after, atRiskCursor);

export const atRiskQuery = z
  .object({
    planId: z.uuid().optional(),
    agencyId: z.uuid().optional().describe("Cơ quan và các đơn vị trực thuộc"),
    asOf: asOfDate.optional().describe("Ngày xem; mặc định hôm nay"),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    after: z.string().max(300).optional().describe("Trang sau: nextCursor của trang trước"),
  })
  .refine((q) => !q.after || readCursor(q.after), { path: ["after"], message: invalidCursorMessage });
export type AtRiskQuery = z.infer<typeof atRiskQuery>;

export interface AtRiskRow {
  assignmentId: string;
  taskId: string;
  taskRef: string;
  taskTitle: string;
  planId: string;
  planName: string;
  agencyId: string;
  agencyName: string;
  status: string;
  startOn: IsoDate | null;
  dueOn: IsoDate | null;
  daysLeft: number | null;
  /** Latest reported progress (percent), and the fraction of the time elapsed (0–1+). */
  progress: number | null;
  elapsed: number | null;
  returns: number;
  refusedOn: IsoDate | null;
  /** The closed period rule (a) judged, with its label. */
  period: { startsOn: IsoDate; endsOn: IsoDate; cutoffOn: IsoDate; label: string } | null;
  reasons: RiskReason[];
}

const NO_DUE = "9999-12-31";
/** A timestamp's day in Vietnam. */
const vietnamDay = (column: SQL) => sql`((${column} at time zone 'UTC') + interval '7 hours')::date`;

/** Ids of these agencies and all below them, as a subquery. */
export const subtreeOf = (tenantId: string, agencyIds: string[]) => sql`(
  with recursive sub(id) as (
    select id from agencies where tenant_id = ${tenantId} and id in ${uuidList(agencyIds)}
    union
    select child.id from agencies child join sub on child.parent_id = sub.id where child.tenant_id = ${tenantId}
  ) select id from sub)`;

/** The last period of each plan whose cut-off is before asOf (src/domain/earlyWarning lastClosedPeriod). */
const closedPeriods = (tenantId: string, asOf: IsoDate) => sql`
  select distinct on (pl.id) pl.id as plan_id, pl.reporting_frequency::text as kind,
         c.starts_on, c.ends_on, c.cutoff_on
  from plans pl
  cross join lateral (
    select x.starts_on, x.ends_on,
           least(x.ends_on + pl.cutoff_day,
                 (date_trunc('month', x.ends_on + 1) + interval '1 month' - interval '1 day')::date) as cutoff_on
    from (
      select (date_trunc(pl.reporting_frequency::text, ${asOf}::timestamp) - k * st.step)::date as starts_on,
             (date_trunc(pl.reporting_frequency::text, ${asOf}::timestamp) - (k - 1) * st.step
               - interval '1 day')::date as ends_on
      from generate_series(1, 2) as k,
           (select case when pl.reporting_frequency = 'quarter' then interval '3 months'
                   else interval '1 month' end as step) st
    ) x
  ) c
  where pl.tenant_id = ${tenantId} and c.cutoff_on < ${asOf}::date
  order by pl.id, c.starts_on desc`;

/**
 * Whether the assignment reported for the closed period by asOf: from the facts' sorted list of
 * periods reported, or, asked about a day before its latest first report, from the period facts.
 */
function reportedClosed(tenantId: string, asOf: IsoDate): SQL {
  const f = sql`assignment_status_facts`;
  return sql`(case when closed.period_id is null or ${f}.last_period_report_on is null then false
    when ${f}.last_period_report_on <= ${asOf}::date then ${countDaysSql(sql`${f}.reported_periods`, sql`closed.starts_on`, sql`closed.starts_on`)} > 0
    else exists (select 1 from assignment_period_facts pf
      where pf.tenant_id = ${tenantId} and pf.assignment_id = ${f}.assignment_id
        and pf.period_id = closed.period_id and pf.first_submitted_on <= ${asOf}::date) end)`;
}

export async function listAtRisk(
  db: Executor,
  tenantId: string,
  scope: TaskScope,
  query: Omit<AtRiskQuery, "asOf" | "limit"> & { asOf: IsoDate; limit: number },
  t: EarlyWarningThresholds = defaultEarlyWarningThresholds,
): Promise<{ asOf: IsoDate; total: number; nextCursor: string | null; items: AtRiskRow[] }> {
  const result = await db.execute(atRiskStatement(tenantId, scope, query, t));
  const rows = rowsOf<RawRow>(result);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    asOf: query.asOf,
    total: rows[0]?.total ?? 0,
    nextCursor:
      rows.length > query.limit && last ? encodeCursor([last.dueOn ?? NO_DUE, last.assignmentId]) : null,
    items: page.map(toRow),
  };
}

/** The statement itself: exported so that the benchmark can explain it. */
export function atRiskStatement(
  tenantId: string,
  scope: TaskScope,
  query: Omit<AtRiskQuery, "asOf" | "limit"> & { asOf: IsoDate; limit: number },
  t: EarlyWarningThresholds = defaultEarlyWarningThresholds,
): SQL {
  const { asOf } = query;
  const where: SQL[] = [
    sql`assignment_status_facts.tenant_id = ${tenantId}`,
    sql`assignment_status_facts.live`,
    sql`assignment_status_facts.role = 'lead'`,
    sql`(assignment_status_facts.completion_approved_on is null or assignment_status_facts.completion_approved_on > ${asOf}::date)`,
  ];
  if (query.planId) where.push(sql`assignment_status_facts.plan_id = ${query.planId}`);
  if (query.agencyId)
    where.push(sql`assignment_status_facts.agency_id in ${subtreeOf(tenantId, [query.agencyId])}`);
  if (scope.kind === "agencies")
    where.push(sql`assignment_status_facts.agency_id in ${subtreeOf(tenantId, scope.agencyIds)}`);
  const cursor = readCursor(query.after);
  const due = dueAsOfSql(asOf);
  return sql`
    with closed as (
      select closed.*, rp.id as period_id
      from (${closedPeriods(tenantId, asOf)}) closed
      left join reporting_periods rp on rp.tenant_id = ${tenantId} and rp.plan_id = closed.plan_id
        and rp.starts_on = closed.starts_on
    ),
    refused as (
      select dc.assignment_id, max(${vietnamDay(sql`dc.decided_at`)}) as refused_on
      from deadline_changes dc
      where dc.tenant_id = ${tenantId} and dc.state = 'refused' and ${vietnamDay(sql`dc.decided_at`)} <= ${asOf}::date
      group by dc.assignment_id
    ),
    base as (
      select assignment_status_facts.assignment_id, assignment_status_facts.task_id, assignment_status_facts.plan_id, assignment_status_facts.agency_id, ${due} as due,
             coalesce(d.issued_on, assignment_status_facts.assigned_on) as start_on,
             closed.starts_on as p_start, closed.ends_on as p_end, closed.cutoff_on as p_cutoff, closed.kind as p_kind,
             refused.refused_on, ${countDaysSql(sql`assignment_status_facts.returned_days`, asOf)} as returns,
             assignment_status_facts.last_percent, assignment_status_facts.last_percent_on,
             ${reportedClosed(tenantId, asOf)} as reported_closed
      from assignment_status_facts
      join plans pl on pl.tenant_id = assignment_status_facts.tenant_id and pl.id = assignment_status_facts.plan_id
      join documents d on d.tenant_id = pl.tenant_id and d.id = pl.document_id
      left join closed on closed.plan_id = assignment_status_facts.plan_id
      left join refused on refused.assignment_id = assignment_status_facts.assignment_id
      where ${sql.join(where, sql` and `)}
      offset 0
    ),
    timed as (
      select base.*,
             case when base.due > base.start_on
               then (${asOf}::date - base.start_on)::float8 / (base.due - base.start_on) end as elapsed,
             (base.p_start is not null and base.start_on <= base.p_end and not base.reported_closed) as missing
      from base
    ),
    measured as (
      -- The latest percentage, where rule (b) can apply: kept in the facts; read from the
      -- reports only when asked about a day before the latest one.
      select timed.*,
             case when timed.elapsed between ${t.minElapsed} and 1 then
               case when timed.last_percent_on is null then null
                    when timed.last_percent_on <= ${asOf}::date then timed.last_percent
               else (select r.percent from progress_reports r
                 where r.tenant_id = ${tenantId} and r.assignment_id = timed.assignment_id
                   and r.state in ('awaiting_head', 'submitted', 'approved') and r.percent is not null
                   and ${vietnamDay(sql`r.submitted_at`)} <= ${asOf}::date
                 order by r.submitted_at desc limit 1) end end as progress
      from timed
    ),
    flagged as (
      select measured.*, array_remove(array[
               case when missing then 'missing_period' end,
               case when elapsed between ${t.minElapsed} and 1
                 and progress / 100.0 < elapsed - ${t.progressGap} then 'behind_schedule' end,
               case when refused_on is not null and due - ${asOf}::date between 0 and ${t.refusedWithinDays}
                 then 'refused_near_due' end,
               case when returns >= ${t.returnsAtLeast} then 'returned_often' end
             ]::text[], null) as reasons
      from measured
    ),
    listed as (select * from flagged where cardinality(reasons) > 0),
    -- The page first, then the names of its rows only.
    page as (
      select * from listed
      where ${cursor ? sql`(coalesce(listed.due, ${NO_DUE}::date), listed.assignment_id) > (${cursor[0]}::date, ${cursor[1]}::uuid)` : sql`true`}
      order by coalesce(listed.due, ${NO_DUE}::date), listed.assignment_id
      limit ${query.limit + 1}
    )
    select page.assignment_id::text as "assignmentId", page.task_id::text as "taskId",
           tk.ref as "taskRef", tk.title as "taskTitle", page.plan_id::text as "planId", pl.name as "planName",
           page.agency_id::text as "agencyId", ag.name as "agencyName", ${statusSql(asOf)} as status,
           page.start_on::text as "startOn", page.due::text as "dueOn",
           (page.due - ${asOf}::date) as "daysLeft", page.progress, page.elapsed,
           page.returns, page.refused_on::text as "refusedOn",
           page.p_start::text as "pStart", page.p_end::text as "pEnd", page.p_cutoff::text as "pCutoff",
           page.p_kind as "pKind", page.reasons,
           (select count(*) from listed)::int as total
    from page
    join tasks tk on tk.tenant_id = ${tenantId} and tk.id = page.task_id
    join plans pl on pl.tenant_id = ${tenantId} and pl.id = page.plan_id
    join agencies ag on ag.tenant_id = ${tenantId} and ag.id = page.agency_id
    -- The status of the page's rows only.
    join assignment_status_facts on assignment_status_facts.tenant_id = ${tenantId}
      and assignment_status_facts.assignment_id = page.assignment_id
    order by coalesce(page.due, ${NO_DUE}::date), page.assignment_id`;
}

type RawRow = Omit<AtRiskRow, "period" | "reasons" | "progress" | "elapsed" | "daysLeft"> & {
  progress: number | string | null;
  elapsed: number | string | null;
  daysLeft: number | string | null;
  pStart: string | null;
  pEnd: string | null;
  pCutoff: string | null;
  pKind: PeriodKind | null;
  reasons: string[] | string;
  total: number;
};

/** PGlite and node-postgres both return text[] as an array; a literal "{a,b}" is read too. */
const textArray = (value: string[] | string): string[] =>
  Array.isArray(value)
    ? value
    : value
        .replace(/^\{|\}$/g, "")
        .split(",")
        .filter(Boolean);

function toRow({ pStart, pEnd, pCutoff, pKind, total: _total, ...row }: RawRow): AtRiskRow {
  const reasons = textArray(row.reasons).filter((r): r is RiskReason =>
    (riskReasons as readonly string[]).includes(r),
  );
  const num = (v: number | string | null) => (v === null ? null : Number(v));
  return {
    ...row,
    progress: num(row.progress),
    elapsed: row.elapsed === null ? null : Math.round(Number(row.elapsed) * 100) / 100,
    daysLeft: num(row.daysLeft),
    returns: Number(row.returns),
    period:
      pStart && pEnd && pCutoff && pKind
        ? {
            startsOn: pStart,
            endsOn: pEnd,
            cutoffOn: pCutoff,
            label: periodContaining(pStart, pKind, 1).label,
          }
        : null,
    reasons,
  };
}
