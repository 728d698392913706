import { type IsoDate, vietnamDate } from "./dates.ts";

export type ReportLock = "approved" | "period_closed" | null;

/**
 * A report is locked once approved or once its period's cut-off has passed (PRODUCT.md §3);
 * a reviewer's reopen lifts the lock. A report that a reopen let into a closed period (it was
 * submitted after the cut-off) stays open until it is decided.
 */
export function reportLock(
  report: { state: string; reopenedAt: Date | null; submittedAt: Date | null },
  period: { cutoffOn: IsoDate; closedAt: Date | null } | null,
  today: IsoDate,
): ReportLock {
  if (report.state === "approved") return "approved";
  if (report.reopenedAt || !period) return null;
  if (!isPeriodClosed(period, today)) return null;
  if (report.submittedAt && vietnamDate(report.submittedAt) > period.cutoffOn) return null;
  return "period_closed";
}

/** A period closes at the end of its cut-off day, or earlier when the standing office closes it. */
export const isPeriodClosed = (period: { cutoffOn: IsoDate; closedAt: Date | null }, today: IsoDate) =>
  period.closedAt !== null || today > period.cutoffOn;

/** The state a report waits in for each decision: its agency head's, then the standing office's. */
export const awaitingDecisionBy = { head: "awaiting_head", office: "submitted" } as const;

/**
 * What a report's state and lock allow, whoever asks (the policies say who may): its head decides
 * it while it awaits them and its period is open; the office reviews it once submitted (a closed
 * period does not stop a review); only a locked report is reopened. The commands refuse on these
 * and the task's report list shows them as the `can` flags, so the two cannot drift apart.
 */
export function reportActions(report: { state: string }, lock: ReportLock) {
  return {
    headDecide: report.state === awaitingDecisionBy.head && lock === null,
    review: report.state === awaitingDecisionBy.office,
    reopen: lock !== null,
  };
}
