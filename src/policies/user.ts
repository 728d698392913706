import { allOf, allow, decide } from "./decision.ts";
import { hasRole, type Principal } from "./principal.ts";

const ADMIN_ONLY = "Chỉ quản trị viên được quản lý tài khoản.";

/** Accounts are issued by administrators only (no sign-up). */
export const userPolicy = {
  create: (p: Principal) => decide(hasRole(p, "admin"), ADMIN_ONLY),
  list: (p: Principal) => decide(hasRole(p, "admin"), ADMIN_ONLY),
  update: (p: Principal) => decide(hasRole(p, "admin"), ADMIN_ONLY),
  /** Deleting one's own account would leave the session acting for no one. */
  remove: (p: Principal, target: { id: string }) =>
    allOf(
      decide(hasRole(p, "admin"), ADMIN_ONLY),
      decide(target.id !== p.userId, "Không thể tự xóa tài khoản của chính mình."),
    ),
  /** Everyone signed in changes their own password, knowing the current one. */
  changeOwnPassword: (_p: Principal) => allow,
  /**
   * An administrator of the account's province (the load finds it only there) resets anyone's
   * password but their own: their own goes through the change, which asks for the current one,
   * so a borrowed administrator session cannot take the account over. A locked account may be
   * reset: resetting before unlocking is the safe order after a compromise.
   */
  resetPassword: (p: Principal, target: { id: string }) =>
    allOf(
      decide(hasRole(p, "admin"), ADMIN_ONLY),
      decide(
        target.id !== p.userId,
        "Không tự đặt lại mật khẩu của chính mình: hãy dùng chức năng Đổi mật khẩu.",
      ),
    ),
};
