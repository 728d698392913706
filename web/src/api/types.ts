// Shapes of the API responses the web app reads (see /api/openapi.json).

export type Role = "admin" | "coordinator" | "leader" | "agency_officer" | "agency_head";

export interface Me {
  userId: string;
  username: string;
  displayName: string;
  agencyId: string | null;
  agencyName: string | null;
  roles: string[];
  abilities: {
    plan?: { list?: boolean; import?: boolean; edit?: boolean };
    agency?: { list?: boolean; manage?: boolean; addAlias?: boolean };
    /** "all", or "agencies": only tasks the user's agency leads or supports. */
    task?: { scope?: string };
    user?: { create?: boolean; list?: boolean };
  };
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

export interface TaskRow {
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

export interface TaskQuery {
  planId?: string;
  section?: string;
  leadAgencyId?: string;
  deadlineKind?: DeadlineKind;
  q?: string;
  limit: number;
  offset: number;
}

export interface Page<T> {
  total: number;
  items: T[];
}
