import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { dashboardViews, users } from "../db/schema/index.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";
import type { DashboardViewConfig } from "../domain/dashboardViews.ts";
import type { Role } from "../domain/roles.ts";

export interface DashboardViewItem {
  id: string;
  name: string;
  config: DashboardViewConfig;
  sharedWithRoles: Role[];
  ownerName: string;
  updatedAt: string;
}

/**
 * The saved dashboards a user sees: those shared with a role they hold, and, for the standing
 * office and administrators (who arrange them), every one of the province.
 */
export async function listDashboardViews(
  db: Executor,
  tenantId: string,
  viewer: { roles: Role[]; managesViews: boolean },
): Promise<DashboardViewItem[]> {
  // The parameters are sent as text: cast to the column's enum array for `&&`.
  const heldRoles = sql`array[${sql.join(
    viewer.roles.map((role) => sql`${role}`),
    sql`, `,
  )}]::role_name[]`;
  const visible = viewer.managesViews
    ? undefined
    : viewer.roles.length === 0
      ? sql`false`
      : sql`${dashboardViews.sharedWithRoles} && ${heldRoles}`;
  const rows = await db
    .select({
      id: dashboardViews.id,
      name: dashboardViews.name,
      config: dashboardViews.config,
      sharedWithRoles: dashboardViews.sharedWithRoles,
      ownerName: users.displayName,
      updatedAt: dashboardViews.updatedAt,
    })
    .from(dashboardViews)
    .innerJoin(users, tenantJoin(dashboardViews.ownerId, users.id))
    .where(inTenant(dashboardViews, tenantId, visible))
    .orderBy(asc(dashboardViews.name), asc(dashboardViews.id));
  return rows.map((row) => ({
    ...row,
    config: row.config as DashboardViewConfig,
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** One saved dashboard of the province, or null. */
export async function findDashboardView(db: Executor, tenantId: string, viewId: string) {
  const [row] = await db
    .select()
    .from(dashboardViews)
    .where(inTenant(dashboardViews, tenantId, eq(dashboardViews.id, viewId)));
  return row ?? null;
}
