import { hasRole, type Principal } from "./principal.ts";

/** Everyone reads the directory; administrators keep it; the standing office maps names while importing. */
export const agencyPolicy = {
  list: (_p: Principal) => true,
  manage: (p: Principal) => hasRole(p, "admin"),
  addAlias: (p: Principal) => hasRole(p, "admin", "coordinator"),
  /** The importer creates an agency a document names that the directory lacks (PRODUCT.md: "map or create"). */
  createWhileImporting: (p: Principal) => hasRole(p, "admin", "coordinator"),
};
