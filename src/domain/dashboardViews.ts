/**
 * What a dashboard shows and for which part of the province: the scope kinds the dashboard reads
 * and the panels a saved view may choose among (issue 12). Declared once here: the API's schemas,
 * the saved views and the web page all take them from this file.
 */
export const dashboardScopeKinds = ["province", "plan", "section", "agency", "agencyTree"] as const;
export type DashboardScopeKind = (typeof dashboardScopeKinds)[number];

export const dashboardScopeLabels: Record<DashboardScopeKind, string> = {
  province: "Toàn tỉnh",
  plan: "Kế hoạch",
  section: "Phần, mục của kế hoạch",
  agency: "Cơ quan, đơn vị",
  agencyTree: "Cơ quan và các đơn vị trực thuộc",
};

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
