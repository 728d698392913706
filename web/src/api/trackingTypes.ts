// Shapes of the tracking workflow's API responses: a task's assignments, reports and their
// reviews, deadline changes, directive comments, the review queue and notifications
// (see /api/openapi.json: getTask, listTaskReports, listReviewQueue, listDeadlineChanges…).
import type { AssignmentStatus, TaskFields } from "./types.ts";

export interface Person {
  id: string;
  displayName: string;
}

export interface AssignmentStatusRow {
  assignmentId: string;
  agencyId: string;
  agencyName: string;
  role: "lead" | "coordinator";
  /** Set when the assignment comes from a group named in the document ("Các sở, ban, ngành"). */
  viaGroupId: string | null;
  status: AssignmentStatus;
  /** The due date in force (after approved changes). */
  due: string | null;
  /** The due date the plan first set. */
  originalDue: string | null;
  daysOverdue: number | null;
  dueSoon: boolean;
  daysLeft: number | null;
}

export type DeadlineChangeState = "pending" | "approved" | "refused";

export interface TaskDetail extends TaskFields {
  planName: string;
  documentNumber: string | null;
  sectionTitle: string | null;
  removedAt: string | null;
  asOf: string;
  assignments: AssignmentStatusRow[];
  links: { kind: string; upstreamDocumentNumber: string; upstreamTaskId: string | null }[];
  deadlineChanges: {
    id: string;
    assignmentId: string;
    previousDueOn: string | null;
    requestedDueOn: string;
    reason: string;
    state: string;
    requestedAt: string;
    decidedAt: string | null;
    decisionComment: string | null;
  }[];
}

export type ReportState = "draft" | "awaiting_head" | "submitted" | "approved" | "returned";

export interface Evidence {
  id: string;
  kind: "file" | "link" | "document_number";
  fileName: string | null;
  size: number | null;
  mimeType: string | null;
  url: string | null;
  documentNumber: string | null;
  downloadUrl: string | null;
}

export interface Report {
  id: string;
  assignmentId: string;
  agencyId: string;
  agencyName: string;
  period: { id: string; kind: "month" | "quarter"; startsOn: string; endsOn: string; label: string } | null;
  percent: number | null;
  narrative: string;
  difficulties: string;
  proposals: string;
  nothingToReport: boolean;
  claimsCompletion: boolean;
  state: ReportState;
  version: number;
  submittedBy: Person | null;
  submittedAt: string | null;
  headApprovedBy: Person | null;
  headApprovedAt: string | null;
  headReturnedBy: Person | null;
  headReturnedAt: string | null;
  headComment: string;
  review: { decision: "approve" | "return"; comment: string; reviewer: Person; at: string } | null;
  reopenedBy: Person | null;
  reopenedAt: string | null;
  reopenReason: string | null;
  lock: "approved" | "period_closed" | null;
  evidence: Evidence[];
  can: { headDecide: boolean; review: boolean; reopen: boolean };
}

export interface ReportAssignment {
  assignmentId: string;
  agencyId: string;
  agencyName: string;
  role: "lead" | "coordinator";
  dueOn: string | null;
  completedOn: string | null;
  canReport: boolean;
  canRequestDeadlineChange: boolean;
}

export interface TaskReports {
  assignments: ReportAssignment[];
  reports: Report[];
}

export interface DirectiveComment {
  id: string;
  body: string;
  createdAt: string;
  author: { id: string; displayName: string; agencyName: string | null; roles: string[] };
}

export interface QueueItem {
  id: string;
  state: string;
  version: number;
  percent: number | null;
  nothingToReport: boolean;
  claimsCompletion: boolean;
  narrative: string;
  submittedBy: Person | null;
  submittedAt: string | null;
  assignmentId: string;
  agencyId: string;
  agencyName: string;
  dueOn: string | null;
  taskId: string;
  taskRef: string;
  taskTitle: string;
  planId: string;
  planName: string;
  periodLabel: string | null;
  evidenceCount: number;
}

export interface DeadlineChange {
  id: string;
  assignmentId: string;
  agencyId: string;
  agencyName: string;
  taskId: string;
  taskRef: string;
  taskTitle: string;
  planName: string;
  currentDueOn: string | null;
  previousDueOn: string | null;
  requestedDueOn: string;
  reason: string;
  state: DeadlineChangeState;
  requestedBy: Person | null;
  requestedAt: string;
  decidedBy: Person | null;
  decidedAt: string | null;
  decisionComment: string | null;
}

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** A path inside the app ("/nhiem-vu/…"), or null. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** What the progress report form sends (submitReport, multipart). */
export interface ReportInput {
  percent?: number;
  narrative: string;
  difficulties: string;
  proposals: string;
  nothingToReport: boolean;
  claimsCompletion: boolean;
  links: string[];
  documentNumbers: string[];
  files: File[];
}
