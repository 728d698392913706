import { daysBetween, type IsoDate } from "./dates.ts";
import type { DeadlineKind } from "./deadline.ts";

/**
 * Assignment status (PRODUCT.md §3), computed from dates and approved reports for any day
 * (`asOf`), never typed by hand. The vocabulary is the one the Government Office uses.
 */
export const assignmentStatuses = [
  "not_started",
  "in_progress",
  "overdue",
  "done_on_time",
  "done_late",
  "recurring",
  "no_deadline",
] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];

export const statusLabels: Record<AssignmentStatus, string> = {
  not_started: "Chưa thực hiện",
  in_progress: "Đang thực hiện trong hạn",
  overdue: "Đang thực hiện quá hạn",
  done_on_time: "Hoàn thành đúng hạn",
  done_late: "Hoàn thành quá hạn",
  recurring: "Thường xuyên",
  no_deadline: "Chưa xác định thời hạn",
};

/** "Quá hạn, chưa báo cáo": the overdue case where nothing was ever reported (PRODUCT.md §3). */
export const UNREPORTED_OVERDUE_LABEL = "Quá hạn, chưa báo cáo";

/** A status as users read it, with the no-report case of overdue named apart. */
export function statusText(status: AssignmentStatus, unreported = false): string {
  return status === "overdue" && unreported ? UNREPORTED_OVERDUE_LABEL : statusLabels[status];
}

/**
 * The days past due as a phrase: still overdue counts until today ("quá hạn 120 ngày"); done
 * late counts until the completion report was submitted ("hoàn thành chậm 12 ngày"), never
 * since the due date until today.
 */
export function latenessText(
  status: AssignmentStatus,
  daysOverdue: number | null | undefined,
): string | null {
  if (!daysOverdue || daysOverdue <= 0) return null;
  const days = daysOverdue.toLocaleString("vi-VN");
  if (status === "overdue") return `quá hạn ${days} ngày`;
  if (status === "done_late") return `hoàn thành chậm ${days} ngày so với hạn`;
  return null;
}

/** The colours users know: green on time, blue in progress, orange late, red overdue, grey not started. */
export const statusColors: Record<AssignmentStatus, string> = {
  not_started: "default",
  in_progress: "blue",
  overdue: "red",
  done_on_time: "green",
  done_late: "orange",
  recurring: "cyan",
  no_deadline: "purple",
};

export interface AssignmentFacts {
  deadlineKind: DeadlineKind;
  /** Due date as the plan first set it (null when recurring or unspecified without a final date). */
  originalDue: IsoDate | null;
  /** Approved deadline changes, each effective from the day it was approved. */
  deadlineChanges: { newDue: IsoDate; approvedOn: IsoDate }[];
  /** Submitted reports that were not returned: the day each was submitted. */
  activeReportDates: IsoDate[];
  /** The approved completion claim: when the agency submitted it and when it was approved. */
  completion: { submittedOn: IsoDate; approvedOn: IsoDate } | null;
}

export interface StatusResult {
  status: AssignmentStatus;
  /** The due date in force on asOf (after approved changes). */
  due: IsoDate | null;
  /** Days past due, for overdue and done_late ("quá hạn hơn 120 ngày"). */
  daysOverdue: number | null;
  /** Sắp đến hạn: an overlay on not_started / in_progress, not a status of its own. */
  dueSoon: boolean;
  /** Days until due (0 = due today), while not done. */
  daysLeft: number | null;
  /**
   * Overdue with no report at all by asOf (none submitted, or every one returned): a qualifier
   * of `overdue`, read "Quá hạn, chưa báo cáo", not a status of its own, so that the counts of
   * PRODUCT.md §3 stay the seven statuses the Government Office's reports use.
   */
  unreported: boolean;
}

/** The due date in force on a day: the latest change approved by then, else the original. */
export function dueOn(
  facts: Pick<AssignmentFacts, "originalDue" | "deadlineChanges">,
  asOf: IsoDate,
): IsoDate | null {
  let due = facts.originalDue;
  let latestApproval = "";
  for (const change of facts.deadlineChanges) {
    if (change.approvedOn <= asOf && change.approvedOn >= latestApproval) {
      due = change.newDue;
      latestApproval = change.approvedOn;
    }
  }
  return due;
}

/** "Sắp đến hạn": due within this many days, unless a caller asks for another window. */
export const DUE_SOON_DAYS = 7;

export function assignmentStatus(
  facts: AssignmentFacts,
  asOf: IsoDate,
  options: { dueSoonDays?: number } = {},
): StatusResult {
  const dueSoonDays = options.dueSoonDays ?? DUE_SOON_DAYS;
  const due = dueOn(facts, asOf);
  const completion = facts.completion && facts.completion.approvedOn <= asOf ? facts.completion : null;

  if (completion) {
    // The submission date counts, not the approval date: a slow reviewer must not make an agency late.
    const late = due !== null && completion.submittedOn > due;
    return {
      status: late ? "done_late" : "done_on_time",
      due,
      daysOverdue: late ? daysBetween(due, completion.submittedOn) : null,
      dueSoon: false,
      daysLeft: null,
      unreported: false,
    };
  }

  if (due === null) {
    return {
      status: facts.deadlineKind === "recurring" ? "recurring" : "no_deadline",
      due,
      daysOverdue: null,
      dueSoon: false,
      daysLeft: null,
      unreported: false,
    };
  }

  const daysLeft = daysBetween(asOf, due);
  const reported = facts.activeReportDates.some((date) => date <= asOf);
  if (daysLeft < 0) {
    return {
      status: "overdue",
      due,
      daysOverdue: -daysLeft,
      dueSoon: false,
      daysLeft,
      unreported: !reported,
    };
  }
  if (facts.deadlineKind === "recurring") {
    // A recurring task with a final date is judged period by period until then.
    return {
      status: "recurring",
      due,
      daysOverdue: null,
      dueSoon: daysLeft <= dueSoonDays,
      daysLeft,
      unreported: false,
    };
  }
  return {
    status: reported ? "in_progress" : "not_started",
    due,
    daysOverdue: null,
    dueSoon: daysLeft <= dueSoonDays,
    daysLeft,
    unreported: false,
  };
}

/**
 * One status for a task row from the statuses of its lead assignments: done only when every
 * lead is done (late if any was late); otherwise the most urgent state among the leads.
 */
export function taskStatus(leadStatuses: AssignmentStatus[], fallback: AssignmentStatus): AssignmentStatus {
  if (leadStatuses.length === 0) return fallback;
  const done = leadStatuses.every((s) => s === "done_on_time" || s === "done_late");
  if (done) return leadStatuses.includes("done_late") ? "done_late" : "done_on_time";
  for (const status of ["overdue", "in_progress", "not_started", "recurring", "no_deadline"] as const) {
    if (leadStatuses.includes(status)) return status;
  }
  return fallback;
}

export interface StatusTotals {
  total: number;
  byStatus: Record<AssignmentStatus, number>;
  /** Assignments whose due date has come (done, or due on or before asOf). */
  dueSoFar: number;
  done: number;
  /** done / dueSoFar, null when nothing is due yet. */
  completionRate: number | null;
  /** done_on_time / done, null when nothing is done. */
  onTimeRate: number | null;
}

/** Completion rate = done / tasks due so far; on-time rate = done_on_time / done (PRODUCT.md §3). */
export function statusTotals(results: Pick<StatusResult, "status" | "due">[], asOf: IsoDate): StatusTotals {
  const byStatus = emptyStatusCounts();
  let dueSoFar = 0;
  for (const result of results) {
    byStatus[result.status]++;
    const done = result.status === "done_on_time" || result.status === "done_late";
    if (done || (result.due !== null && result.due <= asOf)) dueSoFar++;
  }
  return totalsFromCounts(byStatus, dueSoFar);
}

export const emptyStatusCounts = (): Record<AssignmentStatus, number> =>
  Object.fromEntries(assignmentStatuses.map((s) => [s, 0])) as Record<AssignmentStatus, number>;

/** The totals and rates from counts by status that the database already grouped. */
export function totalsFromCounts(byStatus: Record<AssignmentStatus, number>, dueSoFar: number): StatusTotals {
  const done = byStatus.done_on_time + byStatus.done_late;
  const total = assignmentStatuses.reduce((sum, s) => sum + byStatus[s], 0);
  return {
    total,
    byStatus,
    dueSoFar,
    done,
    completionRate: dueSoFar ? done / dueSoFar : null,
    onTimeRate: done ? byStatus.done_on_time / done : null,
  };
}
