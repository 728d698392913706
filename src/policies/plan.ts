import { hasRole, type Principal } from "./principal.ts";

/** Plans are read by every account of the province; the standing office imports and edits them. */
export const planPolicy = {
  list: (_p: Principal) => true,
  read: (_p: Principal) => true,
  import: (p: Principal) => hasRole(p, "admin", "coordinator"),
  edit: (p: Principal) => hasRole(p, "admin", "coordinator"),
};
