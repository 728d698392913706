import { allow, decide } from "./decision.ts";
import { hasRole, type Principal } from "./principal.ts";

/** Everyone reads the directory; administrators keep it; the standing office maps names while importing. */
export const agencyPolicy = {
  list: (_p: Principal) => allow,
  manage: (p: Principal) =>
    decide(hasRole(p, "admin"), "Chỉ quản trị viên được sửa danh mục cơ quan, đơn vị."),
  addAlias: (p: Principal) =>
    decide(hasRole(p, "admin", "coordinator"), "Bạn không có quyền ghi nhận tên gọi khác của cơ quan."),
  /** The importer creates an agency a document names that the directory lacks (PRODUCT.md: "map or create"). */
  createWhileImporting: (p: Principal) =>
    decide(
      hasRole(p, "admin", "coordinator"),
      "Bạn không có quyền thêm cơ quan mới vào danh mục; hãy chọn một cơ quan có sẵn.",
    ),
};
