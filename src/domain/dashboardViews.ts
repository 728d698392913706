/**
 * The panels of a dashboard a saved view may choose among, and the stored shape of a saved view
 * (issue 12); the scope kinds are the dashboard's own (`dashboard.ts`).
 */
import type { DashboardScopeKind } from "./dashboard.ts";

export const dashboardPanels = [
  "totals",
  "overdueAge",
  "dueSoon",
  "trend",
  "agencyBoard",
  "atRisk",
  "upstream",
  "reviewWaiting",
] as const;
export type DashboardPanel = (typeof dashboardPanels)[number];

export const dashboardPanelLabels: Record<DashboardPanel, string> = {
  totals: "Kết quả thực hiện theo trạng thái",
  overdueAge: "Nhiệm vụ quá hạn theo số ngày",
  dueSoon: "Nhiệm vụ sắp đến hạn",
  trend: "Diễn biến theo tháng, quý",
  agencyBoard: "Bảng theo cơ quan, đơn vị",
  atRisk: "Cảnh báo sớm",
  upstream: "Theo dõi nhiệm vụ của Trung ương",
  reviewWaiting: "Báo cáo chờ duyệt",
};

/** Which scope kinds name a row (a plan, a section, an agency) and which stand alone. */
export const scopeNeedsId = (kind: DashboardScopeKind) => kind !== "province";

/** How the trend groups its figures. */
export const dashboardTrendKinds = ["month", "quarter"] as const;
export type DashboardTrendKind = (typeof dashboardTrendKinds)[number];

/** A saved view's choice, as stored (validated on the way in by src/commands/inputs/dashboardView.ts). */
export interface DashboardViewConfig {
  scope: DashboardScopeKind;
  scopeId?: string;
  asOf?: string;
  trend: DashboardTrendKind;
  panels: DashboardPanel[];
}
