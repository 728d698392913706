import { hasRole, type Principal } from "./principal.ts";
import { scopeAllows, taskScope } from "./task.ts";

/**
 * Ý kiến chỉ đạo: leaders write directive comments on tasks, and so does the standing office;
 * whoever may see the task reads them.
 */
export const commentPolicy = {
  add: (p: Principal) => hasRole(p, "leader", "coordinator"),

  /** Which of these tasks the principal may comment on (both roles see the whole province). */
  commentableTaskIds(p: Principal, taskIds: Iterable<string>): Set<string> {
    return commentPolicy.add(p) ? new Set(taskIds) : new Set();
  },

  read: (p: Principal, holderAgencyIds: Iterable<string>) => scopeAllows(taskScope(p), holderAgencyIds),
};
