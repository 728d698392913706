import { eq, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { rowsOf } from "../db/migrate.ts";
import { rankingSettings } from "../db/schema/index.ts";
import type { AgencyLevel } from "../domain/agencyLevels.ts";
import type { IsoDate } from "../domain/dates.ts";
import {
  bandOf,
  defaultRankingSettings,
  type PeerGroup,
  positionPhrase,
  type RankingBand,
  type RankingComponent,
  type RankingCounts,
  type RankingSettings,
  rankingComponents,
} from "../domain/ranking.ts";
import { countDaysSql, dueAsOfSql, statusSql } from "./statusSql.ts";

/**
 * The ranking of agencies (src/domain/ranking.ts, docs/EVALUATION.md) as one statement: the
 * counts of each agency's lead assignments, the components and the score from them, and the
 * position within the agency's peer group (rank(), ties sharing a position), for a period
 * [from, to] judged as of a day, within one plan or across all.
 */
export interface RankingFilter {
  planId?: string;
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
}

export interface RankingRow {
  agencyId: string;
  agencyName: string;
  level: AgencyLevel;
  peerGroup: PeerGroup;
  counts: RankingCounts;
  components: Record<RankingComponent, number | null>;
  score: number | null;
  band: RankingBand | null;
  position: number | null;
  /** Agencies of the peer group that have a score: the "58" of "đứng thứ 4/58". */
  ranked: number;
  shared: boolean;
  phrase: string;
}

/** The province's settings, or the defaults when none were saved. */
export async function rankingSettingsOf(db: Executor, tenantId: string): Promise<RankingSettings> {
  const [row] = await db
    .select({ settings: rankingSettings.settings })
    .from(rankingSettings)
    .where(eq(rankingSettings.tenantId, tenantId));
  return row?.settings ?? defaultRankingSettings;
}

const countNames = [
  "judged",
  "doneOnTime",
  "dueSoFar",
  "overdue",
  "overdueWeight",
  "periodsDue",
  "periodsOnTime",
  "periodsReported",
  "reviewed",
  "returned",
] as const satisfies readonly (keyof RankingCounts)[];

/** The score as SQL over the component columns: the weighted mean of those not null. */
function scoreSql(weights: RankingSettings["weights"]): SQL {
  const active = rankingComponents.filter((c) => weights[c] > 0);
  if (active.length === 0) return sql`null::numeric`;
  const col = (c: RankingComponent) => sql.identifier(`c_${c}`);
  const sum = sql.join(
    active.map((c) => sql`coalesce(${col(c)} * ${weights[c]}::float8, 0)`),
    sql` + `,
  );
  const weight = sql.join(
    active.map((c) => sql`(case when ${col(c)} is null then 0 else ${weights[c]}::float8 end)`),
    sql` + `,
  );
  return sql`round(((${sum}) / nullif(${weight}, 0))::numeric, 1)`;
}

export async function rankAgencies(
  db: Executor,
  tenantId: string,
  filter: RankingFilter,
  settings: RankingSettings,
): Promise<RankingRow[]> {
  const result = await db.execute(rankingStatement(tenantId, filter, settings));
  return rowsOf<Record<string, unknown>>(result).map((row) => toRankingRow(row, settings));
}

/** The statement itself: exported so that the benchmark can explain it. */
export function rankingStatement(tenantId: string, filter: RankingFilter, settings: RankingSettings): SQL {
  const { from, to, asOf } = filter;
  const end = to < asOf ? to : asOf;
  const cap = settings.overdueAgeCapDays;
  const planFilter = filter.planId ? sql`and assignment_status_facts.plan_id = ${filter.planId}` : sql``;
  const planOfPeriods = filter.planId ? sql`and pl.id = ${filter.planId}` : sql``;
  return sql`
    with periods as (
      select pl.id as plan_id, p.starts_on::date as starts_on,
             (p.starts_on + st.step - interval '1 day')::date as ends_on,
             least((p.starts_on + st.step - interval '1 day')::date + pl.cutoff_day,
                   (date_trunc('month', p.starts_on + st.step) + interval '1 month' - interval '1 day')::date) as cutoff_on
      from plans pl
      cross join lateral (select case when pl.reporting_frequency = 'quarter' then interval '3 months'
                                 else interval '1 month' end as step) st
      cross join lateral generate_series(date_trunc(pl.reporting_frequency::text, ${from}::timestamp),
                                         ${to}::timestamp, st.step) as p(starts_on)
      where pl.tenant_id = ${tenantId} and pl.deleted_at is null ${planOfPeriods}
    ),
    closed_periods as (
      select p.*, rp.id as period_id from periods p
      left join reporting_periods rp on rp.tenant_id = ${tenantId} and rp.plan_id = p.plan_id and rp.starts_on = p.starts_on
      where p.cutoff_on < ${asOf}::date
    ),
    -- Per plan: the first period of the window and the last one closed by asOf.
    plan_window as (
      select p.plan_id, pl.reporting_frequency::text as kind, min(p.starts_on) as first_start,
             max(p.starts_on) filter (where p.cutoff_on < ${asOf}::date) as last_closed,
             case when pl.reporting_frequency = 'quarter' then 3 else 1 end as months
      from periods p join plans pl on pl.tenant_id = ${tenantId} and pl.id = p.plan_id
      group by p.plan_id, pl.reporting_frequency
    ),
    -- The closed periods an assignment owes are a run of its plan's periods: from the window's
    -- first (or the one it started in, lo) to the last closed (or the one it was completed in,
    -- hi). Their number is arithmetic; those reported and reported late are counted in the
    -- facts' sorted lists; asked about a day before an assignment's latest first report, its
    -- period facts are read instead. Each row leaves with numbers only.
    facts as (
      select o.assignment_id, o.plan_id, o.agency_id, o.completion_submitted_on, o.due, o.status,
             o.reviewed, o.returned,
        case when o.last_closed is null then 0
             when o.hi_start >= o.lo then (${monthIndex(sql`o.hi_start`)} - ${monthIndex(sql`o.lo`)}) / o.months + 1
             else 0 end as periods_due,
        case when o.last_closed is null or o.last_period_report_on is null then 0
             when o.last_period_report_on <= ${asOf}::date then
               ${countDaysSql(sql`o.reported_periods`, sql`o.hi`, sql`o.lo`)} - ${countDaysSql(sql`o.late_periods`, sql`o.hi`, sql`o.lo`)}
             else (${periodFactsOf(tenantId, asOf, sql`pf.first_submitted_on <= p.cutoff_on`)}) end as periods_on_time,
        case when o.last_closed is null or o.last_period_report_on is null then 0
             when o.last_period_report_on <= ${asOf}::date then ${countDaysSql(sql`o.reported_periods`, sql`o.hi`, sql`o.lo`)}
             else (${periodFactsOf(tenantId, asOf, sql`true`)}) end as periods_reported
      from (
        select x.*, b.lo, b.hi, date_trunc(x.kind, b.hi::timestamp)::date as hi_start
        from (
          select assignment_status_facts.assignment_id, assignment_status_facts.plan_id, assignment_status_facts.agency_id,
                 assignment_status_facts.completion_submitted_on, assignment_status_facts.completion_approved_on,
                 ${dueAsOfSql(asOf)} as due, ${statusSql(asOf)} as status,
                 coalesce(d.issued_on, assignment_status_facts.assigned_on) as start_on,
                 ${countDaysSql(sql`assignment_status_facts.reviewed_days`, end, from)} as reviewed,
                 ${countDaysSql(sql`assignment_status_facts.returned_days`, end, from)} as returned,
                 -- Completed by asOf: the submission day, which ends the periods it must report for.
                 case when assignment_status_facts.completion_approved_on <= ${asOf}::date
                   then assignment_status_facts.completion_submitted_on end as done_submitted_on,
                 assignment_status_facts.reported_periods, assignment_status_facts.late_periods,
                 assignment_status_facts.last_period_report_on, w.kind, w.months, w.first_start, w.last_closed
          from assignment_status_facts
          join plans pl on pl.tenant_id = assignment_status_facts.tenant_id and pl.id = assignment_status_facts.plan_id
          join documents d on d.tenant_id = pl.tenant_id and d.id = pl.document_id
          left join plan_window w on w.plan_id = assignment_status_facts.plan_id
          where assignment_status_facts.tenant_id = ${tenantId} and assignment_status_facts.live
            and assignment_status_facts.role = 'lead' ${planFilter}
          offset 0
        ) x
        cross join lateral (select greatest(x.first_start, date_trunc(x.kind, x.start_on::timestamp)::date) as lo,
                                   least(x.last_closed, x.done_submitted_on) as hi) b
      ) o
    ),
    period_counts as (
      select agency_id, sum(periods_due)::int as "periodsDue", sum(periods_on_time)::int as "periodsOnTime",
             sum(periods_reported)::int as "periodsReported"
      from facts group by agency_id
    ),
    deadlines as (
      select f.agency_id,
        count(*) filter (where j.judged)::int as judged,
        count(*) filter (where j.judged and f.status = 'done_on_time')::int as "doneOnTime",
        count(*) filter (where j.due_in)::int as "dueSoFar",
        count(*) filter (where j.due_in and f.status = 'overdue')::int as overdue,
        coalesce(sum(0.5 + 0.5 * least(${asOf}::date - f.due, ${cap}::int)::float8 / ${cap}::int)
          filter (where j.due_in and f.status = 'overdue'), 0)::float8 as "overdueWeight"
      from facts f
      cross join lateral (select
        (f.due between ${from}::date and ${end}::date) as due_in,
        (f.due between ${from}::date and ${end}::date
          or (f.status in ('done_on_time', 'done_late')
              and f.completion_submitted_on between ${from}::date and ${to}::date)) as judged) j
      group by f.agency_id
    ),
    decisions as (
      select f.agency_id, sum(f.reviewed)::int as reviewed, sum(f.returned)::int as returned
      from facts f group by f.agency_id
    ),
    counted as (
      select ag.id as agency_id, ag.name, ag.level::text as level,
             case ag.level when 'department' then 'departments' when 'commune' then 'communes' else 'others' end as peer_group,
             coalesce(dl.judged, 0) as judged, coalesce(dl."doneOnTime", 0) as "doneOnTime",
             coalesce(dl."dueSoFar", 0) as "dueSoFar", coalesce(dl.overdue, 0) as overdue,
             coalesce(dl."overdueWeight", 0) as "overdueWeight",
             coalesce(rp."periodsDue", 0) as "periodsDue", coalesce(rp."periodsOnTime", 0) as "periodsOnTime",
             coalesce(rp."periodsReported", 0) as "periodsReported",
             coalesce(dc.reviewed, 0) as reviewed, coalesce(dc.returned, 0) as returned
      from agencies ag
      join (select distinct agency_id from facts) held on held.agency_id = ag.id
      left join deadlines dl on dl.agency_id = ag.id
      left join period_counts rp on rp.agency_id = ag.id
      left join decisions dc on dc.agency_id = ag.id
      where ag.tenant_id = ${tenantId} and not ag.is_group
    ),
    scored as (
      select counted.*,
        100.0 * "doneOnTime" / nullif(judged, 0) as "c_onTime",
        case when "dueSoFar" > 0 then 100.0 * greatest(0, 1 - "overdueWeight" / "dueSoFar") end as "c_overdue",
        100.0 * "periodsOnTime" / nullif("periodsDue", 0) as "c_timeliness",
        100.0 * "periodsReported" / nullif("periodsDue", 0) as "c_completeness",
        case when reviewed > 0 then 100.0 * (1 - returned::float8 / reviewed) end as "c_returns"
      from counted
    ),
    totalled as (select scored.*, ${scoreSql(settings.weights)} as score from scored)
    select totalled.*, totalled.agency_id::text as "agencyId",
      case when score is not null then rank() over (partition by peer_group order by score desc nulls last) end as position,
      count(score) over (partition by peer_group) as ranked,
      case when score is not null then count(*) over (partition by peer_group, score) > 1 else false end as shared
    from totalled
    order by peer_group, score desc nulls last, name`;
}

/** Months since year 0 of a date: the distance between two periods' first days, in months. */
const monthIndex = (d: SQL) => sql`(extract(year from ${d})::int * 12 + extract(month from ${d})::int)`;

/** The period facts of an `owed` row's closed periods, counted where `which` holds. */
function periodFactsOf(tenantId: string, asOf: IsoDate, which: SQL): SQL {
  return sql`select count(*) filter (where ${which})
    from assignment_period_facts pf join closed_periods p on p.period_id = pf.period_id
    where pf.tenant_id = ${tenantId} and pf.assignment_id = o.assignment_id and p.plan_id = o.plan_id
      and pf.first_submitted_on <= ${asOf}::date and o.start_on <= p.ends_on
      and (o.done_submitted_on is null or o.done_submitted_on >= p.starts_on)`;
}

const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function toRankingRow(row: Record<string, unknown>, settings: RankingSettings): RankingRow {
  const counts = Object.fromEntries(
    countNames.map((n) => [n, Number(row[n] ?? 0)]),
  ) as unknown as RankingCounts;
  const components = Object.fromEntries(
    rankingComponents.map((c) => {
      const value = numOrNull(row[`c_${c}`]);
      return [c, value === null ? null : Math.round(value * 10) / 10];
    }),
  ) as Record<RankingComponent, number | null>;
  const score = numOrNull(row.score);
  const position = numOrNull(row.position);
  const ranked = Number(row.ranked ?? 0);
  const shared = row.shared === true || row.shared === "t";
  return {
    agencyId: String(row.agencyId),
    agencyName: String(row.name),
    level: row.level as AgencyLevel,
    peerGroup: row.peer_group as PeerGroup,
    counts,
    components,
    score,
    band: bandOf(score, settings.bands),
    position,
    ranked,
    shared,
    phrase: positionPhrase(position, ranked, shared),
  };
}
