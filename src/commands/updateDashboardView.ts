import { eq } from "drizzle-orm";
import { dashboardViews } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { found } from "../errors.ts";
import { findDashboardView } from "../queries/dashboardViews.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { type DashboardViewInput, dashboardViewInput } from "./inputs/dashboardView.ts";

/** Renames a saved dashboard, changes what it shows or whom it is shared with. */
export async function updateDashboardView(ctx: CommandContext, viewId: string, raw: DashboardViewInput) {
  const input = dashboardViewInput.parse(raw);
  const before = found(await findDashboardView(ctx.tx, ctx.tenantId, viewId), "trang tổng quan đã lưu");
  await ctx.tx
    .update(dashboardViews)
    .set({ ...input, updatedAt: new Date() })
    .where(inTenant(dashboardViews, ctx.tenantId, eq(dashboardViews.id, viewId)));
  await recordAudit(ctx, {
    action: "dashboard_view.update",
    entityType: "dashboard_view",
    entityId: viewId,
    before: { name: before.name, config: before.config, sharedWithRoles: before.sharedWithRoles },
    after: input,
  });
  return { id: viewId };
}
