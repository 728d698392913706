import { isAgencyStaff } from "../domain/agencyStaff.ts";
import { decide } from "./decision.ts";
import { hasRole, type Principal } from "./principal.ts";
import type { AssignmentRef } from "./report.ts";
import { type TaskScope, taskScope } from "./task.ts";

/**
 * Deadline changes (gia hạn): the lead agency (officer or head) asks with a reason; the standing
 * office (and administrators) approve or refuse. Agencies see their own requests; the office all.
 */
export const deadlineChangePolicy = {
  /** Which of these assignments the principal may ask to move: lead assignments of their agency. */
  requestableAssignmentIds(p: Principal, assignments: Iterable<AssignmentRef>): Set<string> {
    const ids = new Set<string>();
    for (const a of assignments) if (a.role === "lead" && isAgencyStaff(p, a.agencyId)) ids.add(a.id);
    return ids;
  },

  canRequest: (p: Principal, a: AssignmentRef) =>
    decide(
      deadlineChangePolicy.requestableAssignmentIds(p, [a]).has(a.id),
      "Chỉ cơ quan chủ trì nhiệm vụ được đề nghị điều chỉnh thời hạn.",
    ),

  decide: (p: Principal) =>
    decide(
      hasRole(p, "admin", "coordinator"),
      "Chỉ cơ quan thường trực được quyết định điều chỉnh thời hạn.",
    ),

  /** The requests a principal may list: all (province-wide roles) or their agency's. */
  listScope: (p: Principal): TaskScope => taskScope(p),
};
