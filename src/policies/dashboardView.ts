import { allow, decide } from "./decision.ts";
import { hasRole, type Principal } from "./principal.ts";

const OFFICE_ONLY = "Chỉ cơ quan thường trực và quản trị viên được lưu, sửa, xóa trang tổng quan dùng chung.";

/**
 * Saved dashboards: the standing office arranges them and shares them with roles (the leaders);
 * anyone reads those shared with a role they hold. Which ones a user sees is the query's filter
 * (`listDashboardViews`), as for every list.
 */
export const dashboardViewPolicy = {
  list: (_p: Principal) => allow,
  manage: (p: Principal) => decide(hasRole(p, "admin", "coordinator"), OFFICE_ONLY),
};
