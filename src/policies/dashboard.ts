import type { DashboardScopeKind } from "../domain/dashboard.ts";
import { allow, decide, deny } from "./decision.ts";
import { type Principal, seesWholeProvince } from "./principal.ts";

export const DASHBOARD_PROVINCE_REFUSED =
  "Cán bộ cơ quan, đơn vị chỉ xem được tổng quan phần việc của cơ quan, đơn vị mình; hãy chọn phạm vi là cơ quan của bạn.";
export const DASHBOARD_AGENCY_REFUSED = "Bạn chỉ xem được tổng quan của cơ quan, đơn vị mình.";

/**
 * Who may open a dashboard of a scope (issue 12). Leaders, the standing office and
 * administrators see any scope of the province. Agency staff see their own agency, and a plan
 * or a section counted over their agency's part only (the query narrows it); not the province's
 * figures nor another agency's.
 */
export const dashboardPolicy = {
  read: (p: Principal, target: { kind: DashboardScopeKind; agencyId: string | null }) => {
    if (seesWholeProvince(p)) return allow;
    if (target.kind === "province") return deny(DASHBOARD_PROVINCE_REFUSED);
    if (target.kind === "plan" || target.kind === "section") return allow;
    return decide(p.agencyId !== null && target.agencyId === p.agencyId, DASHBOARD_AGENCY_REFUSED);
  },
};
