import { isAgencyHead, isAgencyStaff } from "../domain/agencyStaff.ts";
import type { AssignmentRole } from "../domain/assignments.ts";
import { decide } from "./decision.ts";
import { hasRole, type Principal } from "./principal.ts";
import { scopeAllows, taskPolicy, taskScope } from "./task.ts";

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
  submit: (p: Principal) => decide(isAgencyStaff(p), "Chỉ cán bộ của cơ quan, đơn vị được giao mới báo cáo."),

  /** Which of these assignments the principal may report on: those of their own agency. */
  reportableAssignmentIds(p: Principal, assignments: Iterable<AssignmentRef>): Set<string> {
    const ids = new Set<string>();
    for (const a of assignments) if (isAgencyStaff(p, a.agencyId)) ids.add(a.id);
    return ids;
  },

  canReportOn: (p: Principal, a: AssignmentRef) =>
    decide(
      reportPolicy.reportableAssignmentIds(p, [a]).has(a.id),
      "Nhiệm vụ này không được giao cho cơ quan, đơn vị của bạn; bạn không thể báo cáo.",
    ),

  /** The head of the agency whose report it is. */
  approveAsHead: (p: Principal, reportAgencyId: string) =>
    decide(
      isAgencyHead(p, reportAgencyId),
      "Chỉ lãnh đạo của cơ quan, đơn vị báo cáo được duyệt báo cáo này.",
    ),

  /** The standing office (and administrators) approve or return submitted reports. */
  review: (p: Principal) =>
    decide(hasRole(p, "admin", "coordinator"), "Chỉ cơ quan thường trực được duyệt báo cáo."),

  /** Only a reviewer lifts a lock. */
  reopen: (p: Principal) =>
    decide(hasRole(p, "admin", "coordinator"), "Chỉ cơ quan thường trực được mở lại báo cáo."),

  /** Reports and evidence follow the task: visible to whoever may see a task held by these agencies. */
  read: (p: Principal, holderAgencyIds: Iterable<string>) => taskPolicy.read(p, holderAgencyIds),

  /** Evidence files follow their report's task. */
  downloadEvidence: (p: Principal, holderAgencyIds: Iterable<string>) =>
    decide(
      scopeAllows(taskScope(p), holderAgencyIds),
      "Minh chứng này thuộc nhiệm vụ không được giao cho cơ quan, đơn vị của bạn.",
    ),

  /** Heads see their agency's reports waiting for them; reviewers see the submitted ones. */
  reviewQueue: (p: Principal) =>
    decide(reportPolicy.review(p).allowed || isAgencyHead(p), "Bạn không duyệt báo cáo."),
};
