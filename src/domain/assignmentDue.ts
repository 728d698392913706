import type { AssignmentRole } from "./assignments.ts";

/**
 * Whether an assignment's due date follows its task's when the task's deadline changes (the
 * office edits it, or a re-import brings a new one): a lead assignment does, unless an approved
 * deadline change already moved it, since the office granted that date to that agency; a
 * coordinating assignment keeps its own.
 */
export const followsTaskDueDate = (assignment: { role: AssignmentRole }, movedByApprovedChange: boolean) =>
  assignment.role === "lead" && !movedByApprovedChange;
