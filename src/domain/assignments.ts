/**
 * An agency holds a task as its lead (chủ trì: it reports, and the task's status is its status)
 * or as a coordinator (phối hợp). Stored as the assignment_role enum.
 */
export const assignmentRoles = ["lead", "coordinator"] as const;
export type AssignmentRole = (typeof assignmentRoles)[number];

/** A request to move an assignment's due date, decided once by the standing office (decision_state). */
export const deadlineChangeStates = ["pending", "approved", "refused"] as const;
export type DeadlineChangeState = (typeof deadlineChangeStates)[number];

export const deadlineChangeDecisions = ["approve", "refuse"] as const;
export type DeadlineChangeDecision = (typeof deadlineChangeDecisions)[number];
