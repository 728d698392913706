import { decide } from "./decision.ts";
import { hasRole, type Principal } from "./principal.ts";
import { taskPolicy } from "./task.ts";

/**
 * Ý kiến chỉ đạo: leaders write directive comments on tasks, and so does the standing office;
 * whoever may see the task reads them.
 */
export const commentPolicy = {
  add: (p: Principal) =>
    decide(hasRole(p, "leader", "coordinator"), "Chỉ lãnh đạo và cơ quan thường trực cho ý kiến chỉ đạo."),

  /** Which of these tasks the principal may comment on (both roles see the whole province). */
  commentableTaskIds(p: Principal, taskIds: Iterable<string>): Set<string> {
    return commentPolicy.add(p).allowed ? new Set(taskIds) : new Set();
  },

  read: (p: Principal, holderAgencyIds: Iterable<string>) => taskPolicy.read(p, holderAgencyIds),
};
