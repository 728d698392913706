import { hasRole, type Principal } from "./principal.ts";

/** Accounts are issued by administrators only (no sign-up). */
export const userPolicy = {
  create: (p: Principal) => hasRole(p, "admin"),
  list: (p: Principal) => hasRole(p, "admin"),
};
