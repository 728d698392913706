import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../db/client.ts";
import { liveTaskSql } from "../db/liveRows.ts";
import { rowsOf } from "../db/migrate.ts";
import { uuidList } from "../db/sqlLists.ts";
import type { AssignmentRole } from "../domain/assignments.ts";
import { type IsoDate, vietnamDate } from "../domain/dates.ts";
import { INT4_MAX } from "../domain/inputSafety.ts";
import { type AssignmentStatus, assignmentStatuses, DUE_SOON_DAYS } from "../domain/status.ts";
import { foldForSearch } from "../domain/text.ts";
import { deadlineKindSchema } from "../ingest/extraction.ts";
import type { TaskScope } from "../policies/task.ts";
import { normalizeStatusRow } from "./assignmentStatus.ts";
import { agencySubtreeSql, dashboardRows } from "./dashboardScope.ts";
import { decodeCursor, encodeCursor, invalidCursorMessage } from "./keyset.ts";
import { heldBy, taskInScope } from "./scopeSql.ts";
import {
  daysOverdueSql,
  dueAsOfSql,
  dueSoonSql,
  mayBeDueSoonSql,
  mayBeOverdueSql,
  ownTaskStatusSql,
  statusSql,
  taskStatusAggregateSql,
  unreportedSql,
} from "./statusSql.ts";

/** Days a status can be asked about: wide enough for any plan, narrow enough to catch typos. */
export const asOfDate = z.iso
  .date()
  .refine(
    (d) => d >= "2000-01-01" && d <= "2100-12-31",
    "Ngày xem trạng thái phải trong khoảng năm 2000–2100",
  );

export const taskSorts = ["position", "overdue"] as const;

/** Filters of the plan's task table; shared by the API and the web form. */
export const taskFilters = z
  .object({
    planId: z.uuid().optional(),
    section: z.string().max(10).optional(),
    leadAgencyId: z.uuid().optional(),
    /** Tasks an agency holds in any role (lead or coordinator). */
    agencyId: z.uuid().optional(),
    deadlineKind: deadlineKindSchema.optional(),
    q: z.string().max(200).optional(),
    status: z.enum(assignmentStatuses).optional(),
    dueSoon: z.stringbool().optional(),
    /** The dashboard's filters (src/queries/dashboardScope.ts): a section by id. */
    sectionId: z.uuid().optional(),
    /** leadAgencyId / agencyId with every agency below it. */
    agencyTree: z.stringbool().optional(),
    /**
     * Statuses are those of the lead agencies filtered (leadAgencyId, its subtree with
     * agencyTree), not of every lead: the task list behind an agency's dashboard figure.
     */
    leadStatus: z.stringbool().optional(),
    completed: z.enum(["any", "onTime", "late"]).optional(),
    overdueMinDays: z.coerce.number().int().min(0).max(36_500).optional(),
    overdueMaxDays: z.coerce.number().int().min(0).max(36_500).optional(),
    /** Not done, not overdue, due within this many days. */
    dueWithinDays: z.coerce.number().int().min(0).max(3_650).optional(),
    asOf: asOfDate.optional(),
    /** position: the plan's order; overdue: "quá hạn lâu nhất" first. */
    sort: z.enum(taskSorts).default("position"),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(INT4_MAX).default(0),
    /** Keyset pagination: the `nextCursor` of the previous page (then `offset` is ignored). */
    after: z.string().max(200).optional(),
  })
  .superRefine((filters, issue) => {
    if (filters.after && !readTaskCursor(filters.after, filters.sort)) {
      issue.addIssue({
        code: "custom",
        path: ["after"],
        message: invalidCursorMessage,
      });
    }
  });
export type TaskFilters = z.infer<typeof taskFilters>;

/** Escapes LIKE wildcards typed by the user, so "%" searches for a percent sign. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface TaskStatusSummary {
  status: AssignmentStatus;
  dueSoon: boolean;
  daysOverdue: number | null;
  /** Overdue and nothing reported: "Quá hạn, chưa báo cáo". */
  unreported: boolean;
  /** How many lead agencies are in each status ("3/26 đơn vị hoàn thành"). */
  leadStatusCounts: Partial<Record<AssignmentStatus, number>>;
  /** The viewer's agency's own assignment, for agency staff ("Nhiệm vụ của tôi"). */
  ownAssignment: {
    assignmentId: string;
    role: AssignmentRole;
    status: AssignmentStatus;
    due: string | null;
    daysOverdue: number | null;
    dueSoon: boolean;
    unreported: boolean;
  } | null;
}

/**
 * The task table with each task's status as of a day. A task's status comes from its lead
 * assignments' facts (src/queries/statusSql.ts), so the status filter is a WHERE, the sort by
 * days overdue an ORDER BY, and a page is read with a keyset: the work does not grow with the
 * number of tasks before the page.
 */
export async function listTasks(db: Executor, tenantId: string, scope: TaskScope, given: TaskFilters) {
  const asOf = given.asOf ?? vietnamDate(new Date());
  // A dashboard's figure: its rows are found by the dashboard's own SQL, the status included.
  const scoped = dashboardRows(tenantId, scope, given, asOf);
  const filters = scoped ? { ...given, status: undefined } : given;
  const where = statusWhere(filters);
  const cursor = readTaskCursor(filters.after, filters.sort);
  const order =
    filters.sort === "overdue"
      ? sql`coalesce(x."daysOverdue", -1) desc, x.id`
      : sql`x."planId", x.position, x.id`;
  const keyset = cursor ? keysetCondition(filters.sort, cursor) : sql`true`;
  const page = sql`limit ${filters.limit} offset ${cursor ? 0 : filters.offset}`;

  let countResult: unknown;
  let pageResult: unknown;
  if (needsStatus(filters)) {
    // Every task's status is needed: computed once, grouped, and counted in the same statement,
    // for the tasks a necessary condition leaves when there is one.
    const base = taskRowsSql(
      tenantId,
      scope,
      filters,
      asOf,
      "grouped",
      statusCandidates(tenantId, filters, asOf),
      scoped,
    );
    pageResult = await db.execute(sql`
      select x.* from (
        select x.*, count(*) over ()::int as "totalMatching" from (${base}) x where ${where}
      ) x
      where ${keyset} order by ${order} ${page}`);
    const first = rowsOf<{ totalMatching: number }>(pageResult)[0];
    countResult = first
      ? { rows: [{ total: first.totalMatching }] }
      : await db.execute(sql`select count(*)::int as total from (${base}) x where ${where}`);
  } else {
    // A page of tasks in the plan's order: statuses only for that page; the count needs none.
    const base = taskRowsSql(tenantId, scope, filters, asOf, "perTask", null, scoped);
    countResult = await db.execute(sql`select count(*)::int as total from tasks t
      left join plan_sections s on s.tenant_id = t.tenant_id and s.id = t.section_id
      where ${taskConditions(tenantId, scope, filters, scoped ?? undefined)}`);
    pageResult = await db.execute(sql`select * from (${base}) x where ${keyset} order by ${order} ${page}`);
  }
  const total = Number(rowsOf<{ total: number }>(countResult)[0]?.total ?? 0);
  const rows = rowsOf<RawTaskRow>(pageResult);
  const last = rows.at(-1);
  const nextCursor = last && rows.length === filters.limit ? taskCursor(filters.sort, last) : null;
  const items = rows.map(presentTaskRow);
  return { total, asOf, nextCursor, items };
}

/** The task row of the queries below, `tasks t`. */
const task = { tenantId: sql`t.tenant_id`, id: sql`t.id` };

/** Conditions that do not need the status: they narrow the tasks before statuses are computed. */
function taskConditions(
  tenantId: string,
  scope: TaskScope,
  filters: TaskFilters,
  ...extra: (SQL | undefined)[]
): SQL {
  const where: SQL[] = [sql`t.tenant_id = ${tenantId}`, liveTaskSql("t")];
  for (const condition of extra) if (condition) where.push(condition);
  if (filters.planId) where.push(sql`t.plan_id = ${filters.planId}`);
  if (filters.sectionId) where.push(sql`t.section_id = ${filters.sectionId}`);
  if (filters.deadlineKind) where.push(sql`t.deadline_kind = ${filters.deadlineKind}`);
  if (filters.section) where.push(sql`s.numeral = ${filters.section}`);
  // The folded query is matched as a phrase: "cong an" must find "Công an", not every task
  // that has "công" somewhere and "an" somewhere else ("an toàn").
  const phrase = foldForSearch(filters.q ?? "");
  if (phrase) where.push(sql`t.search_key like ${likePattern(phrase)}`);
  if (filters.leadAgencyId)
    where.push(heldByAgency(tenantId, filters.leadAgencyId, filters.agencyTree, "lead"));
  if (filters.agencyId) where.push(heldByAgency(tenantId, filters.agencyId, filters.agencyTree));
  where.push(taskInScope(scope, task));
  return sql.join(where, sql` and `);
}

/** Held by the agency, or with `subtree` by it or any agency below it. */
function heldByAgency(
  tenantId: string,
  agencyId: string,
  subtree: boolean | undefined,
  role?: AssignmentRole,
): SQL {
  if (!subtree) return heldBy(task, [agencyId], role);
  return sql`exists (select 1 from assignments held
    where held.tenant_id = t.tenant_id and held.task_id = t.id
      and held.agency_id in ${agencySubtreeSql(tenantId, agencyId)}${role ? sql` and held.role = ${role}` : sql``})`;
}

/**
 * Tasks in scope with their status columns. Each task's lead statuses are aggregated either per
 * task (a lateral join: cheapest when only a page of tasks is read) or for all tasks at once (a
 * GROUP BY over the facts: cheapest when a status filter or sort needs every task's status).
 */
function taskRowsSql(
  tenantId: string,
  scope: TaskScope,
  filters: TaskFilters,
  asOf: IsoDate,
  aggregate: "perTask" | "grouped",
  candidates: Candidates | null = null,
  scoped: SQL | null = null,
): SQL {
  // An agency's staff also see their own agency's part in each task.
  const viewer = scope.kind === "agencies" ? scope.agencyIds : [];
  const leadFacts = (where: SQL) => sql`
    select assignment_status_facts.task_id, ${statusSql(asOf)} as status,
           ${dueSoonSql(asOf, DUE_SOON_DAYS)} as due_soon, ${daysOverdueSql(asOf)} as days_overdue,
           ${unreportedSql(asOf)} as unreported
    from assignment_status_facts
    where ${where} and assignment_status_facts.role = 'lead'
    -- offset 0 keeps the planner from copying the status expression into every use below.
    offset 0`;
  const aggregates = sql`count(*)::int as n,
    ${taskStatusAggregateSql(sql`y.status`)} as status,
    bool_or(y.due_soon) as due_soon,
    nullif(max(coalesce(y.days_overdue, 0)), 0) as days_overdue,
    coalesce(bool_and(y.unreported) filter (where y.status = 'overdue'), false) as unreported,
    ${statusCountsJson(sql`y.status`)} as counts`;
  const leads =
    aggregate === "perTask"
      ? sql`left join lateral (
          select ${aggregates}
          from (${leadFacts(sql`assignment_status_facts.tenant_id = t.tenant_id
            and assignment_status_facts.task_id = t.id`)}) y
        ) leads on true`
      : sql`left join (
          select y.task_id, ${aggregates}
          from (${leadFacts(sql`assignment_status_facts.tenant_id = ${tenantId} and assignment_status_facts.live
            ${filters.planId ? sql`and assignment_status_facts.plan_id = ${filters.planId}` : sql``}
            ${candidates ? sql`and ${candidates.leads}` : sql``}`)}) y
          group by y.task_id
        ) leads on leads.task_id = t.id`;
  return sql`
    select t.id, t.plan_id as "planId", t.ref, t.number, s.numeral as section, t.title,
           t.responsible, t.leads_text as leads, t.coordinators_text as coordinators, t.output,
           t.note, t.sources, t.deadline_text as "deadlineText", t.deadline_kind as "deadlineKind",
           t.due_on::text as "dueOn", t.position,
           coalesce(leads.status, ${ownTaskStatusSql(asOf, sql`t.deadline_kind`, sql`t.due_on`)}) as status,
           case when leads.n > 0 then leads.due_soon else ${ownDueSoon(asOf)} end as "dueSoon",
           case when leads.n > 0 then leads.days_overdue
                when t.due_on < ${asOf}::date then ${asOf}::date - t.due_on end as "daysOverdue",
           -- Overdue with nothing reported by any overdue lead; a task no agency leads has no report.
           case when leads.n > 0 then leads.unreported
                else coalesce(t.due_on < ${asOf}::date, false) end as "unreported",
           leads.counts as "leadStatusCounts",
           ${viewer.length ? sql`own.assignment` : sql`null::jsonb`} as "ownAssignment"
    from tasks t
    left join plan_sections s on s.tenant_id = t.tenant_id and s.id = t.section_id
    ${leads}
    ${viewer.length ? ownAssignmentJoin(asOf, viewer) : sql``}
    where ${taskConditions(tenantId, scope, filters, candidates?.tasks, scoped ?? undefined)}`;
}

interface Candidates {
  /** On the task (t): a lead that may have the status, or no lead and the task's own date. */
  tasks: SQL;
  /** On the facts: every lead of a task with such a lead, for the task's aggregate status. */
  leads: SQL;
}

/**
 * Tasks that may be overdue or due soon, from the necessary conditions of statusSql.ts; null
 * when the filter has none. The exact status is then computed for these tasks only.
 */
function statusCandidates(tenantId: string, filters: TaskFilters, asOf: IsoDate): Candidates | null {
  const tasks: SQL[] = [];
  const leads: SQL[] = [];
  const mayBe = (lead: SQL, own: SQL) => {
    const taskIds = sql`(select assignment_status_facts.task_id from assignment_status_facts
      where assignment_status_facts.tenant_id = ${tenantId} and assignment_status_facts.role = 'lead'
        and ${lead})`;
    leads.push(sql`assignment_status_facts.task_id in ${taskIds}`);
    tasks.push(sql`(t.id in ${taskIds}
      or (${own} and not exists (select 1 from assignment_status_facts
        where assignment_status_facts.tenant_id = t.tenant_id and assignment_status_facts.task_id = t.id
          and assignment_status_facts.role = 'lead')))`);
  };
  if (filters.status === "overdue") mayBe(mayBeOverdueSql(asOf), sql`t.due_on < ${asOf}::date`);
  if (filters.dueSoon === true) mayBe(mayBeDueSoonSql(asOf, DUE_SOON_DAYS), ownDueSoon(asOf));
  if (tasks.length === 0) return null;
  return { tasks: sql.join(tasks, sql` and `), leads: sql.join(leads, sql` and `) };
}

/** The viewer's agency's own assignment in the task, its lead role first. */
const ownAssignmentJoin = (asOf: IsoDate, viewer: string[]) => sql`
    left join lateral (
      select jsonb_build_object(
               'assignmentId', assignment_status_facts.assignment_id,
               'role', assignment_status_facts.role,
               'status', ${statusSql(asOf)},
               'due', ${dueAsOfSql(asOf)},
               'daysOverdue', ${daysOverdueSql(asOf)},
               'dueSoon', ${dueSoonSql(asOf, DUE_SOON_DAYS)},
               'unreported', ${unreportedSql(asOf)}) as assignment
      from assignment_status_facts
      where assignment_status_facts.tenant_id = t.tenant_id and assignment_status_facts.task_id = t.id
        and assignment_status_facts.agency_id in ${uuidList(viewer)}
      order by assignment_status_facts.role = 'lead' desc
      limit 1
    ) own on true`;

/** {"overdue": 3, "done_on_time": 20}: how many lead agencies are in each status. */
const statusCountsJson = (status: SQL) =>
  sql`jsonb_strip_nulls(jsonb_build_object(${sql.join(
    assignmentStatuses.map((s) => sql`${s}::text, nullif(count(*) filter (where ${status} = ${s}), 0)`),
    sql`, `,
  )}))`;

const ownDueSoon = (asOf: IsoDate) =>
  sql`coalesce(t.due_on - ${asOf}::date between 0 and ${DUE_SOON_DAYS}::int, false)`;

const needsStatus = (filters: TaskFilters) =>
  filters.status !== undefined || filters.dueSoon !== undefined || filters.sort === "overdue";

function statusWhere(filters: TaskFilters): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filters.status) conditions.push(sql`x.status = ${filters.status}`);
  if (filters.dueSoon !== undefined) conditions.push(sql`x."dueSoon" = ${filters.dueSoon}`);
  return sql.join(conditions, sql` and `);
}

interface RawTaskRow {
  totalMatching?: number;
  id: string;
  planId: string;
  position: number;
  status: AssignmentStatus;
  dueSoon: unknown;
  daysOverdue: unknown;
  daysLeft?: unknown;
  leadStatusCounts: Partial<Record<AssignmentStatus, number>> | null;
  ownAssignment: (TaskStatusSummary["ownAssignment"] & { daysLeft?: unknown }) | null;
  [column: string]: unknown;
}

function presentTaskRow(row: RawTaskRow) {
  const {
    position: _position,
    daysLeft: _daysLeft,
    totalMatching: _totalMatching,
    ...rest
  } = normalizeStatusRow({ ...row, daysLeft: null });
  return {
    ...rest,
    leadStatusCounts: row.leadStatusCounts ?? {},
    ownAssignment: row.ownAssignment
      ? { ...row.ownAssignment, daysOverdue: numberOrNull(row.ownAssignment.daysOverdue) }
      : null,
  } as unknown as TaskListItem;
}

const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

export interface TaskListItem extends TaskStatusSummary {
  id: string;
  planId: string;
  ref: string;
  number: string;
  section: string | null;
  title: string;
  responsible: string;
  leads: string[];
  coordinators: string[];
  output: string;
  note: string;
  sources: string[];
  deadlineText: string;
  deadlineKind: z.infer<typeof deadlineKindSchema>;
  dueOn: string | null;
}

type Cursor = (string | number)[];

const cursorShapes = {
  // Compared with integer columns in SQL: a larger number would fail the statement.
  overdue: z.tuple([z.number().int().min(-INT4_MAX).max(INT4_MAX), z.uuid()]),
  position: z.tuple([z.uuid(), z.number().int().min(-INT4_MAX).max(INT4_MAX), z.uuid()]),
};

function taskCursor(sort: TaskFilters["sort"], row: RawTaskRow): string {
  return encodeCursor(
    sort === "overdue" ? [numberOrNull(row.daysOverdue) ?? -1, row.id] : [row.planId, row.position, row.id],
  );
}

const readTaskCursor = (after: string | undefined, sort: TaskFilters["sort"]): Cursor | null =>
  decodeCursor(after, sort === "overdue" ? cursorShapes.overdue : cursorShapes.position);

function keysetCondition(sort: TaskFilters["sort"], cursor: Cursor): SQL {
  if (sort === "overdue") {
    const [days, id] = cursor as [number, string];
    return sql`(coalesce(x."daysOverdue", -1) < ${days}
      or (coalesce(x."daysOverdue", -1) = ${days} and x.id > ${id}::uuid))`;
  }
  const [planId, position, id] = cursor as [string, number, string];
  return sql`(x."planId", x.position, x.id) > (${planId}::uuid, ${position}::int, ${id}::uuid)`;
}

/** Agencies that lead at least one task of the plan, for the filter list. */
export async function leadAgenciesOfPlan(db: Executor, tenantId: string, planId: string) {
  const result = await db.execute(sql`
    select distinct g.id, g.name
    from assignment_status_facts f
    join agencies g on g.tenant_id = f.tenant_id and g.id = f.agency_id
    where f.tenant_id = ${tenantId} and f.plan_id = ${planId} and f.role = 'lead'
    order by g.name`);
  return rowsOf<{ id: string; name: string }>(result);
}
