import { decide } from "./decision.ts";
import { hasRole, type Principal } from "./principal.ts";

/** The audit log says who did what across the province: administrators read it, no one writes it. */
export const auditPolicy = {
  read: (p: Principal) => decide(hasRole(p, "admin"), "Chỉ quản trị viên được xem nhật ký hệ thống."),
};
