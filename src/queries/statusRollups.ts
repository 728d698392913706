import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../db/client.ts";
import { rowsOf } from "../db/migrate.ts";
import type { IsoDate } from "../domain/dates.ts";
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
  role?: "lead" | "coordinator";
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
    where ${sql.join(where, sql` and `)}`;
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
  role: z.enum(["lead", "coordinator"]).default("lead"),
});

const NONE = "00000000-0000-0000-0000-000000000000";
const uuidList = (ids: string[]) =>
  sql`(${sql.join(
    (ids.length ? ids : [NONE]).map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
