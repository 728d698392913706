import { eq } from "drizzle-orm";
import { dashboardViews } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { found } from "../errors.ts";
import { findDashboardView } from "../queries/dashboardViews.ts";
import { type CommandContext, recordAudit } from "./context.ts";

/**
 * Removes a saved dashboard for good: it holds no one's work (only a choice of figures), and the
 * audit row keeps what it was.
 */
export async function deleteDashboardView(ctx: CommandContext, viewId: string) {
  const before = found(await findDashboardView(ctx.tx, ctx.tenantId, viewId), "trang tổng quan đã lưu");
  await ctx.tx
    .delete(dashboardViews)
    .where(inTenant(dashboardViews, ctx.tenantId, eq(dashboardViews.id, viewId)));
  await recordAudit(ctx, {
    action: "dashboard_view.delete",
    entityType: "dashboard_view",
    entityId: viewId,
    before: { name: before.name, config: before.config, sharedWithRoles: before.sharedWithRoles },
  });
  return { ok: true as const };
}
