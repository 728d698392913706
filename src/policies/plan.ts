import { allow, decide } from "./decision.ts";
import { hasRole, type Principal } from "./principal.ts";

/** Plans are read by every account of the province; the standing office imports, edits and deletes them (and their tasks). */
export const planPolicy = {
  list: (_p: Principal) => allow,
  read: (_p: Principal) => allow,
  import: (p: Principal) =>
    decide(
      hasRole(p, "admin", "coordinator"),
      "Chỉ cơ quan thường trực và quản trị viên được nhập kế hoạch.",
    ),
  edit: (p: Principal) =>
    decide(
      hasRole(p, "admin", "coordinator"),
      "Chỉ cơ quan thường trực và quản trị viên được thêm, sửa, xóa kế hoạch và nhiệm vụ.",
    ),
};
