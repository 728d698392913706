import { allow, decide } from "./decision.ts";
import { hasRole, type Principal } from "./principal.ts";

const ADMIN_ONLY = "Chỉ quản trị viên được thay đổi cài đặt bảo mật.";

/** Who may change what protects the logins of the province. */
export const securityPolicy = {
  /** Which roles must use TOTP. */
  manageSettings: (p: Principal) => decide(hasRole(p, "admin"), ADMIN_ONLY),
  /** Removing another user's authenticator. */
  resetTotp: (p: Principal) =>
    decide(hasRole(p, "admin"), "Chỉ quản trị viên được đặt lại xác thực hai lớp."),
  /** Everyone sets up and turns off their own authenticator. */
  manageOwnTotp: (_p: Principal) => allow,
};
