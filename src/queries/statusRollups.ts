import { inArray, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../db/client.ts";
import { rowsOf } from "../db/migrate.ts";
import { agencies, planSections, plans } from "../db/schema/index.ts";
import { uuidList } from "../db/sqlLists.ts";
import { inTenant } from "../db/tenancy.ts";
import { type AssignmentRole, assignmentRoles } from "../domain/assignments.ts";
import type { IsoDate } from "../domain/dates.ts";
import { type PeriodKind, periodContaining } from "../domain/periods.ts";
import {
  type AssignmentStatus,
  assignmentStatuses,
  type StatusTotals,
  totalsFromCounts,
} from "../domain/status.ts";
import { dueAsOfSql, statusSql } from "./statusSql.ts";

/**
 * Counts by status (and completion and on-time rates) grouped by what dashboards and reports
 * need, computed by the database as one GROUP BY over the status facts. See
 * docs/decisions/0007-status-facts-and-rollups.md for why the counts are grouped on demand
 * from incrementally kept facts instead of being stored.
 */
export const rollupDimensions = ["tenant", "plan", "section", "agency", "agencyTree"] as const;
export type RollupDimension = (typeof rollupDimensions)[number];

export interface RollupFilter {
  asOf: IsoDate;
  planId?: string;
  /** Only these agencies' assignments (an agency's own view). */
  agencyIds?: string[];
  role?: AssignmentRole;
}

export type RollupRow = { key: string | null } & StatusTotals;

/** The per-status counts and "due so far" of the rows of `source` (which has `status`, `due`). */
function countColumns(asOf: IsoDate): SQL {
  const perStatus = assignmentStatuses.map(
    (s) => sql`count(*) filter (where x.status = ${s})::int as ${sql.identifier(s)}`,
  );
  return sql.join(
    [
      ...perStatus,
      sql`count(*) filter (where x.status in ('done_on_time', 'done_late') or x.due <= ${asOf}::date)::int
        as "dueSoFar"`,
    ],
    sql`, `,
  );
}

/** Live assignments in the filter, with their status and due date as of the day. */
function factsAsOf(tenantId: string, filter: RollupFilter): SQL {
  const where: SQL[] = [
    sql`assignment_status_facts.tenant_id = ${tenantId}`,
    sql`assignment_status_facts.live`,
    sql`assignment_status_facts.role = ${filter.role ?? "lead"}`,
  ];
  if (filter.planId) where.push(sql`assignment_status_facts.plan_id = ${filter.planId}`);
  if (filter.agencyIds) where.push(sql`assignment_status_facts.agency_id in ${uuidList(filter.agencyIds)}`);
  return sql`
    select assignment_status_facts.tenant_id, assignment_status_facts.plan_id,
           assignment_status_facts.section_id, assignment_status_facts.agency_id,
           ${statusSql(filter.asOf)} as status, ${dueAsOfSql(filter.asOf)} as due
    from assignment_status_facts
    where ${sql.join(where, sql` and `)}
    -- offset 0 keeps the planner from copying the status expression into every count.
    offset 0`;
}

const keyColumn: Record<Exclude<RollupDimension, "agencyTree">, SQL> = {
  tenant: sql`x.tenant_id`,
  plan: sql`x.plan_id`,
  section: sql`x.section_id`,
  agency: sql`x.agency_id`,
};

/**
 * One row per value of the dimension. For `agencyTree`, each agency counts the assignments of
 * its whole subtree (a department with its units, the province's UBND with every sở).
 */
export async function statusRollup(
  db: Executor,
  tenantId: string,
  by: RollupDimension,
  filter: RollupFilter,
): Promise<RollupRow[]> {
  const source = factsAsOf(tenantId, filter);
  const query =
    by === "agencyTree"
      ? sql`
        with recursive tree(ancestor_id, agency_id) as (
          select id, id from agencies where tenant_id = ${tenantId}
          union all
          select tree.ancestor_id, child.id
          from tree join agencies child on child.tenant_id = ${tenantId} and child.parent_id = tree.agency_id
        )
        select tree.ancestor_id::text as key, ${countColumns(filter.asOf)}
        from (${source}) x join tree on tree.agency_id = x.agency_id
        group by tree.ancestor_id`
      : sql`
        select ${keyColumn[by]}::text as key, ${countColumns(filter.asOf)}
        from (${source}) x
        group by ${keyColumn[by]}`;
  return rowsOf<CountRow>(await db.execute(query)).map(toRollupRow);
}

/**
 * A plan's totals, by section and by agency, in one statement: GROUPING SETS read the facts
 * once for the three groupings.
 */
export async function planRollup(db: Executor, tenantId: string, filter: RollupFilter & { planId: string }) {
  const result = await db.execute(sql`
    select grouping(x.section_id, x.agency_id) as grouping,
           x.section_id::text as section_id, x.agency_id::text as agency_id,
           ${countColumns(filter.asOf)}
    from (${factsAsOf(tenantId, filter)}) x
    group by grouping sets ((), (x.section_id), (x.agency_id))`);
  const rows = rowsOf<CountRow & { grouping: number; section_id: string | null; agency_id: string | null }>(
    result,
  );
  // grouping() sets a bit for each column rolled up: 3 = total, 1 = by section, 2 = by agency.
  const total = rows.find((r) => Number(r.grouping) === 3);
  return {
    totals: total ? toRollupRow(total) : toRollupRow(emptyCountRow()),
    bySection: rows
      .filter((r) => Number(r.grouping) === 1)
      .map((r) => ({ ...toRollupRow(r), key: r.section_id })),
    byAgency: rows
      .filter((r) => Number(r.grouping) === 2)
      .map((r) => ({ ...toRollupRow(r), key: r.agency_id })),
  };
}

type CountRow = { key?: string | null; dueSoFar: number } & Record<AssignmentStatus, number>;

const emptyCountRow = (): CountRow =>
  ({ dueSoFar: 0, ...Object.fromEntries(assignmentStatuses.map((s) => [s, 0])) }) as CountRow;

function toRollupRow(row: CountRow): RollupRow {
  const byStatus = Object.fromEntries(assignmentStatuses.map((s) => [s, Number(row[s] ?? 0)])) as Record<
    AssignmentStatus,
    number
  >;
  return { key: row.key ?? null, ...totalsFromCounts(byStatus, Number(row.dueSoFar ?? 0)) };
}

export const rollupQuery = z.object({
  by: z.enum(rollupDimensions),
  planId: z.uuid().optional(),
  role: z.enum(assignmentRoles).default("lead"),
});

export interface PeriodRollupRow {
  startsOn: IsoDate;
  endsOn: IsoDate;
  cutoffOn: IsoDate;
  label: string;
  /** Lead assignments whose due date falls in the period. */
  due: number;
  /** Completions submitted in the period (and approved by asOf), on time and late. */
  completedOnTime: number;
  completedLate: number;
  /** Assignments that passed their due date in the period without having completed by then. */
  becameOverdue: number;
  /** Lead assignments with a report (not returned) for the period. */
  reported: number;
  /** Recurring lead assignments judged for the period: reported by the cut-off, after it, not at all, or not yet due. */
  recurring: { onTime: number; late: number; missing: number; open: number };
}

/**
 * A plan's figures period by period (its months or quarters) between two days, as of a day:
 * the trend a dashboard draws and the "trong kỳ" figures of a periodic report. The periods are
 * generated by the database; every count is a GROUP BY over the facts.
 */
export async function periodRollup(
  db: Executor,
  tenantId: string,
  filter: { planId: string; from: IsoDate; to: IsoDate; asOf: IsoDate },
): Promise<PeriodRollupRow[]> {
  const { planId, from, to, asOf } = filter;
  const status = statusSql(asOf);
  const due = dueAsOfSql(asOf);
  const result = await db.execute(sql`
    with plan as (
      select reporting_frequency::text as kind, cutoff_day from plans where tenant_id = ${tenantId} and id = ${planId}
    ),
    periods as (
      select p.starts_on::date as starts_on,
             (p.starts_on + case when plan.kind = 'quarter' then interval '3 months' else interval '1 month' end
               - interval '1 day')::date as ends_on,
             plan.cutoff_day, plan.kind
      from plan, generate_series(
        date_trunc(plan.kind, ${from}::timestamp), ${to}::timestamp,
        case when plan.kind = 'quarter' then interval '3 months' else interval '1 month' end) as p(starts_on)
    ),
    judged as (
      select periods.*,
             -- Day cutoff_day of the month after the period, or that month's last day.
             least((periods.ends_on + periods.cutoff_day)::date,
                   (date_trunc('month', periods.ends_on + 1) + interval '1 month' - interval '1 day')::date)
               as cutoff_on
      from periods
    ),
    facts as (
      select assignment_status_facts.*, ${status} as status, ${due} as due
      from assignment_status_facts
      where assignment_status_facts.tenant_id = ${tenantId} and assignment_status_facts.plan_id = ${planId}
        and assignment_status_facts.live and assignment_status_facts.role = 'lead'
    )
    select j.starts_on::text as "startsOn", j.ends_on::text as "endsOn", j.cutoff_on::text as "cutoffOn", j.kind,
      (select count(*) from facts where facts.due between j.starts_on and j.ends_on)::int as due,
      (select count(*) from facts where facts.status = 'done_on_time'
         and facts.completion_submitted_on between j.starts_on and j.ends_on)::int as "completedOnTime",
      (select count(*) from facts where facts.status = 'done_late'
         and facts.completion_submitted_on between j.starts_on and j.ends_on)::int as "completedLate",
      (select count(*) from facts where facts.due + 1 between j.starts_on and j.ends_on and facts.due + 1 <= ${asOf}::date
         and (facts.completion_approved_on is null or facts.completion_approved_on > ${asOf}::date
              or facts.completion_submitted_on > facts.due))::int as "becameOverdue",
      (select count(*) from facts join reporting_periods rp
         on rp.tenant_id = facts.tenant_id and rp.plan_id = ${planId} and rp.starts_on = j.starts_on
         join assignment_period_facts pf on pf.tenant_id = facts.tenant_id
          and pf.assignment_id = facts.assignment_id and pf.period_id = rp.id
         where pf.first_submitted_on <= ${asOf}::date)::int as reported,
      (select jsonb_build_object(
         'onTime', count(*) filter (where pf.first_submitted_on <= j.cutoff_on),
         'late', count(*) filter (where pf.first_submitted_on > j.cutoff_on),
         'missing', count(*) filter (where pf.first_submitted_on is null and ${asOf}::date > j.cutoff_on),
         'open', count(*) filter (where pf.first_submitted_on is null and ${asOf}::date <= j.cutoff_on))
       from facts
       left join reporting_periods rp
         on rp.tenant_id = facts.tenant_id and rp.plan_id = ${planId} and rp.starts_on = j.starts_on
       left join assignment_period_facts pf on pf.tenant_id = facts.tenant_id
         and pf.assignment_id = facts.assignment_id and pf.period_id = rp.id and pf.first_submitted_on <= ${asOf}::date
       where facts.deadline_kind = 'recurring' and j.starts_on <= ${asOf}::date
         and (facts.due is null or facts.due >= j.starts_on)) as recurring
    from judged j
    order by j.starts_on`);
  return rowsOf<Omit<PeriodRollupRow, "label"> & { kind: PeriodKind }>(result).map(({ kind, ...row }) => ({
    ...row,
    label: periodContaining(row.startsOn, kind, 1).label,
    recurring: row.recurring ?? { onTime: 0, late: 0, missing: 0, open: 0 },
  }));
}

/** Names of the groups, in one query for the whole list. */
export async function rollupLabels(
  db: Executor,
  tenantId: string,
  by: RollupDimension,
  keys: (string | null)[],
): Promise<Map<string, string>> {
  const ids = keys.filter((k): k is string => k !== null);
  if (ids.length === 0 || by === "tenant") return new Map();
  if (by === "plan") {
    const rows = await db
      .select({ id: plans.id, label: plans.name })
      .from(plans)
      .where(inTenant(plans, tenantId, inArray(plans.id, ids)));
    return new Map(rows.map((r) => [r.id, r.label]));
  }
  if (by === "section") {
    const rows = await db
      .select({ id: planSections.id, numeral: planSections.numeral, title: planSections.title })
      .from(planSections)
      .where(inTenant(planSections, tenantId, inArray(planSections.id, ids)));
    return new Map(rows.map((r) => [r.id, `${r.numeral}. ${r.title}`]));
  }
  const rows = await db
    .select({ id: agencies.id, label: agencies.name })
    .from(agencies)
    .where(inTenant(agencies, tenantId, inArray(agencies.id, ids)));
  return new Map(rows.map((r) => [r.id, r.label]));
}
