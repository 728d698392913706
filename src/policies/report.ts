import { isAgencyHead, isAgencyStaff } from "../domain/agencyStaff.ts";
import type { AssignmentRole } from "../domain/assignments.ts";
import { hasRole, type Principal } from "./principal.ts";
import { scopeAllows, taskScope } from "./task.ts";

/** An assignment as the report policies need it: whose it is and in which role. */
export interface AssignmentRef {
  id: string;
  agencyId: string;
  role: AssignmentRole;
}

/**
 * Progress reports (PRODUCT.md §2–3): the agency holding an assignment reports on it; with the
 * plan's head approval on, its head forwards or returns its officers' reports; the standing
 * office reviews them and alone may reopen a locked one. Whoever may see the task may read its
 * reports and download their evidence.
 */
export const reportPolicy = {
  /** Whether the principal reports for an agency at all (to show the form). */
  submit: (p: Principal) => isAgencyStaff(p),

  /** Which of these assignments the principal may report on: those of their own agency. */
  reportableAssignmentIds(p: Principal, assignments: Iterable<AssignmentRef>): Set<string> {
    const ids = new Set<string>();
    for (const a of assignments) if (isAgencyStaff(p, a.agencyId)) ids.add(a.id);
    return ids;
  },

  canReportOn: (p: Principal, a: AssignmentRef) => reportPolicy.reportableAssignmentIds(p, [a]).has(a.id),

  /** The head of the agency whose report it is. */
  approveAsHead: (p: Principal, reportAgencyId: string) => isAgencyHead(p, reportAgencyId),

  /** The standing office (and administrators) approve or return submitted reports. */
  review: (p: Principal) => hasRole(p, "admin", "coordinator"),

  /** Only a reviewer lifts a lock. */
  reopen: (p: Principal) => hasRole(p, "admin", "coordinator"),

  /** Reports and evidence follow the task: visible to whoever may see a task held by these agencies. */
  read: (p: Principal, holderAgencyIds: Iterable<string>) => scopeAllows(taskScope(p), holderAgencyIds),

  /** Heads see their agency's reports waiting for them; reviewers see the submitted ones. */
  reviewQueue: (p: Principal) => reportPolicy.review(p) || isAgencyHead(p),
};
