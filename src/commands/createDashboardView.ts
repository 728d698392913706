import { dashboardViews } from "../db/schema/index.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { type DashboardViewInput, dashboardViewInput } from "./inputs/dashboardView.ts";

/** The standing office saves a dashboard (scope, date, panels) and shares it with roles. */
export async function createDashboardView(ctx: CommandContext, ownerId: string, raw: DashboardViewInput) {
  const input = dashboardViewInput.parse(raw);
  const [row] = await ctx.tx
    .insert(dashboardViews)
    .values({ tenantId: ctx.tenantId, ownerId, ...input })
    .returning({ id: dashboardViews.id });
  await recordAudit(ctx, {
    action: "dashboard_view.create",
    entityType: "dashboard_view",
    entityId: row!.id,
    after: input,
  });
  return { id: row!.id };
}
