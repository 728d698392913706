// A saved dashboard (createDashboardView, updateDashboardView). It imports nothing of the server:
// the web form validates with this same schema and shows the same Vietnamese messages.
import { z } from "zod";
import { dashboardScopeKinds } from "../../domain/dashboard.ts";
import { dashboardPanels, dashboardTrendKinds, scopeNeedsId } from "../../domain/dashboardViews.ts";
import { roles } from "../../domain/roles.ts";

/** What a view stores, as it is read back (no defaults or transforms: the API's response). */
export const dashboardViewConfigShape = z.object({
  scope: z.enum(dashboardScopeKinds),
  /** The plan, section or agency the scope names; absent for the whole province. */
  scopeId: z.uuid("Phạm vi đã chọn không hợp lệ").optional(),
  /** A fixed day to see the figures as of; absent: the day the view is opened. */
  asOf: z.iso.date("Ngày xem phải là một ngày dạng YYYY-MM-DD").optional(),
  trend: z.enum(dashboardTrendKinds),
  panels: z.array(z.enum(dashboardPanels)),
});

export const dashboardViewConfig = dashboardViewConfigShape
  .extend({
    trend: dashboardViewConfigShape.shape.trend.default("month"),
    panels: dashboardViewConfigShape.shape.panels
      .min(1, "Cần chọn ít nhất một nội dung hiển thị")
      .max(dashboardPanels.length * 2, "Chọn tối đa mỗi nội dung một lần")
      .transform((chosen) => dashboardPanels.filter((panel) => chosen.includes(panel))),
  })
  .refine((c) => !scopeNeedsId(c.scope) || c.scopeId !== undefined, {
    message: "Cần chọn kế hoạch, phần hoặc cơ quan của phạm vi",
    path: ["scopeId"],
  })
  .transform((c) => (scopeNeedsId(c.scope) ? c : { ...c, scopeId: undefined }));

export const dashboardViewInput = z.object({
  name: z.string().trim().min(1, "Cần đặt tên cho trang tổng quan").max(120, "Tên tối đa 120 ký tự"),
  config: dashboardViewConfig,
  /** Roles that see the view besides the standing office (the leaders, say). */
  sharedWithRoles: z
    .array(z.enum(roles))
    .max(roles.length * 2, "Chọn tối đa mỗi vai trò một lần")
    .default([])
    .transform((chosen) => roles.filter((role) => chosen.includes(role))),
});
export type DashboardViewInput = z.input<typeof dashboardViewInput>;
