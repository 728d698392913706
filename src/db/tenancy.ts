import { and, type Column, eq, getTableName, type SQL, type Table } from "drizzle-orm";

/**
 * Every table of a province's data carries tenant_id, and a join between two of them must match
 * it as well as the key (src/db/schema/columns.ts). Written by hand a hundred times, the tenant
 * half is easy to forget or to pair with the wrong table; here it is derived from the key columns
 * themselves, so a join names only what it joins on.
 */

/** A table, or an alias of one, that holds a province's data. */
export interface TenantTable {
  tenantId: Column;
}

/** `a.tenant_id = b.tenant_id`: two rows of the same province. */
export const sameTenant = (a: TenantTable, b: TenantTable): SQL => eq(a.tenantId, b.tenantId);

/**
 * The condition joining the row `left` belongs to with the row `right` belongs to, inside one
 * province: `tenantJoin(tasks.id, assignments.taskId)` is
 * `tasks.tenant_id = assignments.tenant_id and tasks.id = assignments.task_id`, and `more`
 * conditions are added to it (a left join that keeps only live rows).
 */
export function tenantJoin(left: Column, right: Column, ...more: (SQL | undefined)[]): SQL {
  return and(sameTenant(tableOf(left), tableOf(right)), eq(left, right), ...more) as SQL;
}

/** `table.tenant_id = tenantId`, and the other conditions: a WHERE that starts with the province. */
export function inTenant(table: TenantTable, tenantId: string, ...more: (SQL | undefined)[]): SQL {
  return and(eq(table.tenantId, tenantId), ...more) as SQL;
}

// A column's table is the table, or the alias it was read from (drizzle proxies the alias), so
// the tenant column found on it is the one of the same row.
function tableOf(column: Column): TenantTable {
  const table = column.table as Table & Partial<TenantTable>;
  if (!table.tenantId) throw new Error(`${getTableName(table)} has no tenant_id to join on`);
  return table as TenantTable;
}
