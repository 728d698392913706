import { decide } from "./decision.ts";
import { hasRole, type Principal } from "./principal.ts";

const ADMIN_ONLY = "Chỉ quản trị viên được quản lý tài khoản.";

/** Accounts are issued by administrators only (no sign-up). */
export const userPolicy = {
  create: (p: Principal) => decide(hasRole(p, "admin"), ADMIN_ONLY),
  list: (p: Principal) => decide(hasRole(p, "admin"), ADMIN_ONLY),
};
