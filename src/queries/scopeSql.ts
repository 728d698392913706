import { type Column, type SQL, sql } from "drizzle-orm";
import { uuidList } from "../db/sqlLists.ts";
import type { AssignmentRole } from "../domain/assignments.ts";
import type { TaskScope } from "../policies/task.ts";

/**
 * A TaskScope (src/policies/task.ts) as SQL, in one place for every read. It has two senses:
 * which tasks the principal may see (a task one of their agencies holds, in any role), and which
 * rows are their agency's own (its deadline changes, its assignments' counts). The whole province
 * is `true`; an agency scope without an agency matches nothing.
 */

/** Where a task's tenant and id are read from: a table's columns, or an alias in raw SQL. */
export interface TaskRef {
  tenantId: Column | SQL;
  id: Column | SQL;
}

/** The task is held by one of these agencies, in this role or in any. */
export function heldBy(task: TaskRef, agencyIds: string[], role?: AssignmentRole): SQL {
  return sql`exists (select 1 from assignments held
    where held.tenant_id = ${task.tenantId} and held.task_id = ${task.id}
      and held.agency_id in ${uuidList(agencyIds)}${role ? sql` and held.role = ${role}` : sql``})`;
}

/** The tasks the scope may see. */
export const taskInScope = (scope: TaskScope, task: TaskRef): SQL =>
  scope.kind === "all" ? sql`true` : heldBy(task, scope.agencyIds);

/** The rows of the scope's own agencies, by the row's agency column. */
export const agencyInScope = (scope: TaskScope, agencyId: Column | SQL): SQL =>
  scope.kind === "all" ? sql`true` : sql`${agencyId} in ${uuidList(scope.agencyIds)}`;
