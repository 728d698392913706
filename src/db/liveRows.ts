import { and, type Column, isNull, type SQL, sql } from "drizzle-orm";
import { plans, tasks } from "./schema/index.ts";

/** The tasks table or an alias of it. */
interface TaskColumns {
  tenantId: Column;
  planId: Column;
  removedAt: Column;
  deletedAt: Column;
}

/**
 * What "a task still followed" means, in one place: not removed by a re-import, not deleted from
 * the interface, and its plan not deleted either. Every read of tasks (lists, the plan page, the
 * review queue, roll-ups through the status facts' `live`) takes its condition from here, so a
 * deleted row cannot survive in a read that forgot one of the three.
 */
export function liveTask(t: TaskColumns = tasks): SQL {
  return and(
    isNull(t.removedAt),
    isNull(t.deletedAt),
    sql`not exists (select 1 from plans deleted_plan where deleted_plan.tenant_id = ${t.tenantId}
      and deleted_plan.id = ${t.planId} and deleted_plan.deleted_at is not null)`,
  ) as SQL;
}

/** The same condition for raw SQL over `tasks` read under the alias `alias`. */
export function liveTaskSql(alias: string): SQL {
  const t = sql.raw(alias);
  return sql`(${t}.removed_at is null and ${t}.deleted_at is null
    and not exists (select 1 from plans deleted_plan where deleted_plan.tenant_id = ${t}.tenant_id
      and deleted_plan.id = ${t}.plan_id and deleted_plan.deleted_at is not null))`;
}

/** A plan not deleted from the interface. */
export const livePlan = (p: typeof plans = plans): SQL => isNull(p.deletedAt);
