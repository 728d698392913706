import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { liveTaskSql } from "../db/liveRows.ts";
import { rowsOf } from "../db/migrate.ts";
import type { AssignmentRole } from "../domain/assignments.ts";
import type { IsoDate } from "../domain/dates.ts";
import type { AssignmentStatus } from "../domain/status.ts";
import type { TaskScope } from "../policies/task.ts";
import { agencySubtreeSql, type LeadScope } from "./dashboardScope.ts";
import { taskInScope } from "./scopeSql.ts";
import { ownTaskStatusSql, statusSql, taskStatusAggregateSql } from "./statusSql.ts";

export interface UpstreamAgency {
  agencyId: string;
  name: string;
  role: AssignmentRole;
  status: AssignmentStatus;
}

export interface RestatingTask {
  id: string;
  planId: string;
  planName: string;
  ref: string;
  title: string;
  dueOn: string | null;
  deadlineText: string;
  status: AssignmentStatus;
  /** Another plan restates the same upstream task with a different due date (listTaskConflicts' deadline_conflict). */
  deadlineConflict: boolean;
  agencies: UpstreamAgency[];
}

export interface UpstreamTask {
  id: string;
  ref: string;
  title: string;
  dueOn: string | null;
  deadlineText: string;
  planName: string;
  documentNumber: string | null;
  restatedBy: RestatingTask[];
  conflicts: number;
}

/** At most this many upstream tasks, those with conflicts first. */
export const UPSTREAM_LIMIT = 100;

/**
 * The upstream view: each upstream (central) task kept in the system, followed down to every
 * provincial task that restates it (task_links kind "restates", src/commands/linkUpstreamTasks.ts)
 * and every agency assigned, with statuses as of a day. A restating task whose due date differs
 * from that of another plan's task restating the same upstream task is a deadline conflict, as
 * listTaskConflicts (src/queries/conflicts.ts) names it. The restating tasks are those of the
 * dashboard's scope that the viewer may see.
 */
export async function listUpstreamTasks(
  db: Executor,
  tenantId: string,
  lead: LeadScope,
  viewer: TaskScope,
  asOf: IsoDate,
): Promise<UpstreamTask[]> {
  const t = { tenantId: sql`t.tenant_id`, id: sql`t.id` };
  const t2 = { tenantId: sql`t2.tenant_id`, id: sql`t2.id` };
  const where = [
    sql`l.tenant_id = ${tenantId}`,
    sql`l.kind = 'restates'`,
    sql`l.upstream_tenant_id = ${tenantId}`,
    sql`l.upstream_task_id is not null`,
    liveTaskSql("t"),
    taskInScope(viewer, t),
  ];
  if (lead.planId) where.push(sql`t.plan_id = ${lead.planId}`);
  if (lead.sectionId) where.push(sql`t.section_id = ${lead.sectionId}`);
  if (lead.agencyId) {
    const agencies = lead.subtree ? agencySubtreeSql(tenantId, lead.agencyId) : sql`(${lead.agencyId}::uuid)`;
    where.push(sql`exists (select 1 from assignments held where held.tenant_id = t.tenant_id
      and held.task_id = t.id and held.agency_id in ${agencies})`);
  }
  const result = await db.execute(sql`
    with r as (
      select distinct l.upstream_task_id as up_id, t.id, t.plan_id, t.ref, t.title, t.due_on,
             t.deadline_text, t.deadline_kind, t.position
      from task_links l join tasks t on t.tenant_id = l.tenant_id and t.id = l.task_id
      where ${sql.join(where, sql` and `)}
    ),
    restating as (
      select r.*, p.name as plan_name,
             exists (select 1 from task_links l2 join tasks t2 on t2.tenant_id = l2.tenant_id and t2.id = l2.task_id
               where l2.tenant_id = ${tenantId} and l2.kind = 'restates' and l2.upstream_task_id = r.up_id
                 and t2.plan_id <> r.plan_id and t2.due_on is distinct from r.due_on
                 and ${liveTaskSql("t2")} and ${taskInScope(viewer, t2)}) as conflict,
             held.status, held.agencies
      from r
      join plans p on p.tenant_id = ${tenantId} and p.id = r.plan_id
      left join lateral (
        select -- Coordinators' statuses are null here: the aggregates skip them, as the task's status does.
               ${taskStatusAggregateSql(sql`(case when x.role = 'lead' then x.status end)`)} as status,
               jsonb_agg(jsonb_build_object('agencyId', x.agency_id, 'name', x.name, 'role', x.role,
                 'status', x.status) order by x.role = 'lead' desc, x.name) as agencies
        from (
          select assignment_status_facts.agency_id, assignment_status_facts.role, g.name,
                 ${statusSql(asOf)} as status
          from assignment_status_facts
          join agencies g on g.tenant_id = assignment_status_facts.tenant_id and g.id = assignment_status_facts.agency_id
          where assignment_status_facts.tenant_id = ${tenantId} and assignment_status_facts.task_id = r.id
        ) x
      ) held on true
    )
    select up.id, up.ref, up.title, up.due_on::text as "dueOn", up.deadline_text as "deadlineText",
           up_plan.name as "planName", doc.number as "documentNumber",
           count(*) filter (where restating.conflict)::int as conflicts,
           jsonb_agg(jsonb_build_object(
             'id', restating.id, 'planId', restating.plan_id, 'planName', restating.plan_name,
             'ref', restating.ref, 'title', restating.title, 'dueOn', restating.due_on::text,
             'deadlineText', restating.deadline_text,
             'status', coalesce(restating.status,
               ${ownTaskStatusSql(asOf, sql`restating.deadline_kind`, sql`restating.due_on`)}),
             'deadlineConflict', restating.conflict, 'agencies', coalesce(restating.agencies, '[]'::jsonb))
             order by restating.plan_name, restating.position) as "restatedBy"
    from restating
    join tasks up on up.tenant_id = ${tenantId} and up.id = restating.up_id
    join plans up_plan on up_plan.tenant_id = up.tenant_id and up_plan.id = up.plan_id
    left join documents doc on doc.tenant_id = up_plan.tenant_id and doc.id = up_plan.document_id
    where ${liveTaskSql("up")}
    group by up.id, up.ref, up.title, up.due_on, up.deadline_text, up_plan.name, doc.number, up.position
    order by count(*) filter (where restating.conflict) > 0 desc, up_plan.name, up.position
    limit ${UPSTREAM_LIMIT}`);
  return rowsOf<UpstreamTask>(result).map((row) => ({ ...row, conflicts: Number(row.conflicts) }));
}
