import { type SQL, sql } from "drizzle-orm";
import { liveTaskSql } from "../db/liveRows.ts";
import { uuidList } from "../db/sqlLists.ts";
import type { IsoDate } from "../domain/dates.ts";
import type { AssignmentStatus } from "../domain/status.ts";
import type { TaskScope } from "../policies/task.ts";
import {
  daysLeftSql,
  daysOverdueSql,
  dueAsOfSql,
  ownTaskStatusSql,
  statusSql,
  taskStatusAggregateSql,
} from "./statusSql.ts";

/**
 * The tasks of a dashboard's scope, one row per task with its status as of a day, as SQL shared
 * by the dashboard (src/queries/dashboard.ts) and the task list its numbers link to
 * (src/queries/tasks.ts): both count the same rows with the same conditions, so a number and
 * the length of the list behind it cannot differ.
 *
 * A task's status in the scope is the domain's taskStatus over the scope's lead assignments:
 * every lead for the province, a plan or a section; only the agency's (or its subtree's) for an
 * agency. A task no agency leads counts by its own deadline, and only where no agency narrows.
 */
export interface LeadScope {
  planId?: string;
  sectionId?: string;
  /** Only this agency's lead assignments, with its subtree's when `subtree`. */
  agencyId?: string;
  subtree?: boolean;
  /** The viewer may only see these agencies' part (agency staff); undefined: the province. */
  viewerAgencyIds?: string[];
}

/** Ids of an agency and every agency below it, as a subquery. */
export const agencySubtreeSql = (tenantId: string, agencyId: string): SQL => sql`(
  with recursive subtree(id) as (
    select ${agencyId}::uuid
    union all
    select child.id from agencies child join subtree on child.parent_id = subtree.id
    where child.tenant_id = ${tenantId}
  ) select id from subtree)`;

const f = sql`assignment_status_facts`;

/** Conditions on assignment_status_facts: the scope's live lead assignments. */
export function leadFactsWhere(tenantId: string, scope: LeadScope): SQL {
  const where: SQL[] = [sql`${f}.tenant_id = ${tenantId}`, sql`${f}.live`, sql`${f}.role = 'lead'`];
  if (scope.planId) where.push(sql`${f}.plan_id = ${scope.planId}`);
  if (scope.sectionId) where.push(sql`${f}.section_id = ${scope.sectionId}`);
  if (scope.agencyId) {
    where.push(
      scope.subtree
        ? sql`${f}.agency_id in ${agencySubtreeSql(tenantId, scope.agencyId)}`
        : sql`${f}.agency_id = ${scope.agencyId}`,
    );
  }
  if (scope.viewerAgencyIds) where.push(sql`${f}.agency_id in ${uuidList(scope.viewerAgencyIds)}`);
  return sql.join(where, sql` and `);
}

/** Tasks no agency leads count only where the scope is not narrowed to agencies. */
const includesUnled = (scope: LeadScope) => !scope.agencyId && !scope.viewerAgencyIds;

/**
 * One row per task of the scope: task_id, status, overdue_days (the longest among overdue
 * leads), days_left (the nearest due date among leads not done), due_so_far (done, or a lead's
 * due date has come).
 */
export function scopedTasksSql(tenantId: string, scope: LeadScope, asOf: IsoDate): SQL {
  const led = sql`
    select y.task_id,
           ${taskStatusAggregateSql(sql`y.status`)} as status,
           max(y.days_overdue) filter (where y.status = 'overdue') as overdue_days,
           min(y.days_left) as days_left,
           bool_or(y.status in ('done_on_time', 'done_late') or y.due <= ${asOf}::date) as due_so_far
    from (
      select ${f}.task_id, ${statusSql(asOf)} as status, ${daysOverdueSql(asOf)} as days_overdue,
             ${daysLeftSql(asOf)} as days_left, ${dueAsOfSql(asOf)} as due
      from assignment_status_facts
      where ${leadFactsWhere(tenantId, scope)}
      -- offset 0 keeps the planner from copying the status expression into every aggregate.
      offset 0
    ) y
    group by y.task_id`;
  if (!includesUnled(scope)) return led;
  const unled: SQL[] = [sql`t.tenant_id = ${tenantId}`, liveTaskSql("t")];
  if (scope.planId) unled.push(sql`t.plan_id = ${scope.planId}`);
  if (scope.sectionId) unled.push(sql`t.section_id = ${scope.sectionId}`);
  return sql`${led}
    union all
    select t.id, ${ownTaskStatusSql(asOf, sql`t.deadline_kind`, sql`t.due_on`)},
           case when t.due_on < ${asOf}::date then ${asOf}::date - t.due_on end,
           case when t.due_on >= ${asOf}::date then t.due_on - ${asOf}::date end,
           coalesce(t.due_on <= ${asOf}::date, false)
    from tasks t
    where ${sql.join(unled, sql` and `)}
      and not exists (select 1 from assignment_status_facts lead where lead.tenant_id = t.tenant_id
        and lead.task_id = t.id and lead.role = 'lead')`;
}

/** What a dashboard number counts among the scope's tasks, and the list filters it links with. */
export interface ScopedCondition {
  status?: AssignmentStatus;
  /** Done on time, late, or either. */
  completed?: "any" | "onTime" | "late";
  overdueMinDays?: number;
  overdueMaxDays?: number;
  /** Not done, not overdue, due within this many days. */
  dueWithinDays?: number;
}

/** The condition on a row `d` of scopedTasksSql. */
export function scopedConditionSql(c: ScopedCondition): SQL {
  const where: SQL[] = [sql`true`];
  if (c.status) where.push(sql`d.status = ${c.status}`);
  if (c.completed === "any") where.push(sql`d.status in ('done_on_time', 'done_late')`);
  if (c.completed === "onTime") where.push(sql`d.status = 'done_on_time'`);
  if (c.completed === "late") where.push(sql`d.status = 'done_late'`);
  if (c.overdueMinDays !== undefined || c.overdueMaxDays !== undefined) {
    where.push(sql`d.status = 'overdue'`);
    if (c.overdueMinDays !== undefined) where.push(sql`d.overdue_days >= ${c.overdueMinDays}::int`);
    if (c.overdueMaxDays !== undefined) where.push(sql`d.overdue_days <= ${c.overdueMaxDays}::int`);
  }
  if (c.dueWithinDays !== undefined) {
    where.push(sql`d.status not in ('done_on_time', 'done_late', 'overdue')
      and d.days_left between 0 and ${c.dueWithinDays}::int`);
  }
  return sql.join(where, sql` and `);
}

/**
 * The rows behind a dashboard figure, as a condition on `t`: the dashboard's scoped tasks
 * (src/queries/dashboardScope.ts) that meet the figure's condition; null for an ordinary list.
 */
export function dashboardRows(
  tenantId: string,
  scope: TaskScope,
  filters: ScopedCondition & {
    planId?: string;
    sectionId?: string;
    leadAgencyId?: string;
    agencyTree?: boolean;
    leadStatus?: boolean;
  },
  asOf: IsoDate,
): SQL | null {
  const figure = {
    status: filters.status,
    completed: filters.completed,
    overdueMinDays: filters.overdueMinDays,
    overdueMaxDays: filters.overdueMaxDays,
    dueWithinDays: filters.dueWithinDays,
  };
  // A status alone is the ordinary list's filter (the task's status over every lead).
  const onlyStatus = Object.entries(figure).every(([key, value]) => key === "status" || value === undefined);
  if (!filters.leadStatus && onlyStatus) return null;
  const lead: LeadScope = {
    planId: filters.planId,
    sectionId: filters.sectionId,
    agencyId: filters.leadAgencyId,
    subtree: filters.agencyTree,
    viewerAgencyIds: scope.kind === "agencies" ? scope.agencyIds : undefined,
  };
  return sql`t.id in (select d.task_id from (${scopedTasksSql(tenantId, lead, asOf)}) d
    where ${scopedConditionSql(figure)})`;
}
