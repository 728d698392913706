import type { Abilities } from "../../../src/policies/index.ts";
// Shapes of the API responses the web app reads (see /api/openapi.json).

export type Role = "admin" | "coordinator" | "leader" | "agency_officer" | "agency_head";

export interface Me {
  userId: string;
  username: string;
  displayName: string;
  agencyId: string | null;
  agencyName: string | null;
  roles: string[];
  /** Computed by the server's policies (src/policies): the same type on both sides. */
  abilities: Abilities;
}

export interface PlanSummary {
  id: string;
  name: string;
  year: number | null;
  reportingFrequency: string;
  documentNumber: string | null;
  documentType: string | null;
  issuer: string | null;
  /** yyyy-mm-dd */
  issuedOn: string | null;
  title: string | null;
  taskCount: number;
}

export interface PlanSection {
  id: string;
  numeral: string;
  title: string;
}

export interface PlanDetail extends Omit<PlanSummary, "taskCount"> {
  cutoffDay: number;
  sections: PlanSection[];
  leadAgencies: { id: string; name: string }[];
}

export const DEADLINE_KINDS = ["date", "month", "quarter", "year", "recurring", "unspecified"] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const ASSIGNMENT_STATUSES = [
  "not_started",
  "in_progress",
  "overdue",
  "done_on_time",
  "done_late",
  "recurring",
  "no_deadline",
] as const;
/** An assignment's status, computed by the server from dates and approved reports (PRODUCT.md §3). */
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export interface TaskFields {
  id: string;
  planId: string;
  ref: string;
  number: string;
  section: string | null;
  title: string;
  responsible: string;
  leads: string[];
  coordinators: string[];
  output: string;
  note: string;
  sources: string[];
  deadlineText: string;
  deadlineKind: DeadlineKind;
  /** yyyy-mm-dd */
  dueOn: string | null;
}

/** A row of the task table: the task and its status as of the day asked (from its lead agencies). */
export interface TaskRow extends TaskFields {
  status: AssignmentStatus;
  /** Sắp đến hạn: an overlay on not_started / in_progress. */
  dueSoon: boolean;
  daysOverdue: number | null;
  /** How many lead agencies are in each status (a task can have many leads). */
  leadStatusCounts: Partial<Record<AssignmentStatus, number>>;
  /** For agency staff: their own agency's assignment on the task (role, status, due date). */
  ownAssignment: {
    assignmentId: string;
    role: "lead" | "coordinator";
    status: AssignmentStatus;
    due: string | null;
    daysOverdue: number | null;
    dueSoon: boolean;
  } | null;
}

export interface TaskQuery {
  planId?: string;
  section?: string;
  leadAgencyId?: string;
  /** Tasks an agency holds in any role (lead or coordinator). */
  agencyId?: string;
  deadlineKind?: DeadlineKind;
  q?: string;
  status?: AssignmentStatus;
  dueSoon?: boolean;
  /** yyyy-mm-dd: statuses as of that day (default today). */
  asOf?: string;
  limit: number;
  offset: number;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface TaskPage extends Page<TaskRow> {
  asOf: string;
}

export interface StatusTotals {
  total: number;
  byStatus: Record<AssignmentStatus, number>;
  dueSoFar: number;
  done: number;
  /** done / dueSoFar (0–1), null when nothing is due yet. */
  completionRate: number | null;
  /** done_on_time / done (0–1), null when nothing is done. */
  onTimeRate: number | null;
}

export interface PlanStatusSummary {
  asOf: string;
  totals: StatusTotals;
  bySection: (StatusTotals & { numeral: string | null; title: string | null })[];
  byAgency: (StatusTotals & { agencyId: string; agencyName: string })[];
}
