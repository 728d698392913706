import { addDays, daysBetween, type IsoDate } from "./dates.ts";
import { type PeriodKind, periodContaining, type ReportingPeriod } from "./periods.ts";

/**
 * Early warning (cảnh báo sớm, issue 12 part 2; docs/EVALUATION.md): a lead assignment not yet
 * done is "at risk" for one or more declared reasons, each judged on a day. The rules here are
 * the definition; src/queries/atRisk.ts writes the same rules as one SQL statement and its test
 * checks them on a real database.
 */
export const riskReasons = [
  "missing_period",
  "behind_schedule",
  "refused_near_due",
  "returned_often",
] as const;
export type RiskReason = (typeof riskReasons)[number];

export const riskReasonLabels: Record<RiskReason, string> = {
  missing_period: "Không báo cáo cả kỳ",
  behind_schedule: "Tiến độ chậm so với thời gian",
  refused_near_due: "Bị từ chối gia hạn, sắp đến hạn",
  returned_often: "Báo cáo bị trả lại nhiều lần",
};

/** One sentence per reason, as the at-risk list and the documentation explain it. */
export const riskReasonExplanations: Record<RiskReason, string> = {
  missing_period:
    "Nhiệm vụ đang thực hiện (hoặc thường xuyên) không có báo cáo nào cho một kỳ báo cáo đã qua hạn chốt.",
  behind_schedule:
    "Tiến độ báo cáo gần nhất thấp hơn nhiều so với phần thời gian đã trôi qua từ khi giao đến hạn hoàn thành.",
  refused_near_due: "Đề nghị gia hạn đã bị từ chối và hạn hoàn thành đang đến gần.",
  returned_often: "Báo cáo của nhiệm vụ đã bị cơ quan thường trực trả lại từ hai lần trở lên.",
};

/**
 * The thresholds of the rules, with their defaults. Fractions are of the time from the
 * assignment's start (the plan document's date, else the day it was assigned) to its due date.
 */
export interface EarlyWarningThresholds {
  /** (b) judge progress only once at least this fraction of the time has passed (0.5 = half). */
  minElapsed: number;
  /** (b) at risk when progress (as a fraction) < elapsed − gap: 30% at 80% time, gap 0.3. */
  progressGap: number;
  /** (c) a refused deadline change counts when the due date is at most this many days away. */
  refusedWithinDays: number;
  /** (d) at risk once this many reports of the assignment were returned. */
  returnsAtLeast: number;
}

export const defaultEarlyWarningThresholds: EarlyWarningThresholds = {
  minElapsed: 0.5,
  progressGap: 0.3,
  refusedWithinDays: 14,
  returnsAtLeast: 2,
};

/** The fraction of the time from start to due that has passed on asOf (may exceed 1), or null. */
export function elapsedFraction(start: IsoDate | null, due: IsoDate | null, asOf: IsoDate): number | null {
  if (!start || !due) return null;
  const span = daysBetween(start, due);
  if (span <= 0) return null;
  return daysBetween(start, asOf) / span;
}

/** (b) Reported progress (percent) far behind the time elapsed, before the due date passed. */
export function isBehindSchedule(
  progressPercent: number | null,
  elapsed: number | null,
  t: EarlyWarningThresholds = defaultEarlyWarningThresholds,
): boolean {
  if (progressPercent === null || elapsed === null) return false;
  if (elapsed < t.minElapsed || elapsed > 1) return false;
  return progressPercent / 100 < elapsed - t.progressGap;
}

/** (c) A refused change and a due date between today and N days ahead. */
export function isRefusedNearDue(
  refusedChange: boolean,
  due: IsoDate | null,
  asOf: IsoDate,
  t: EarlyWarningThresholds = defaultEarlyWarningThresholds,
): boolean {
  if (!refusedChange || !due) return false;
  const left = daysBetween(asOf, due);
  return left >= 0 && left <= t.refusedWithinDays;
}

/** (d) Returned at least N times. */
export const isReturnedOften = (returns: number, t: EarlyWarningThresholds = defaultEarlyWarningThresholds) =>
  returns >= t.returnsAtLeast;

/**
 * (a) No report for a whole period: the last period whose cut-off passed by asOf, for an
 * assignment still open that had started by the period's end and was not completed before it
 * began; "reported" is any report not returned, submitted by asOf (late ones count as reports).
 */
export function isMissingPeriod(input: {
  start: IsoDate | null;
  period: { startsOn: IsoDate; endsOn: IsoDate; cutoffOn: IsoDate } | null;
  reportedForPeriodOn: IsoDate | null;
  asOf: IsoDate;
}): boolean {
  const { start, period, reportedForPeriodOn, asOf } = input;
  if (!period || period.cutoffOn >= asOf) return false;
  if (start && start > period.endsOn) return false;
  return !(reportedForPeriodOn && reportedForPeriodOn <= asOf);
}

/** The latest period of a plan whose cut-off is before asOf (the one rule (a) judges). */
export function lastClosedPeriod(asOf: IsoDate, kind: PeriodKind, cutoffDay: number): ReportingPeriod {
  let period = periodContaining(asOf, kind, cutoffDay);
  while (period.cutoffOn >= asOf) period = periodContaining(addDays(period.startsOn, -1), kind, cutoffDay);
  return period;
}

export interface RiskFacts {
  start: IsoDate | null;
  due: IsoDate | null;
  progressPercent: number | null;
  refusedChange: boolean;
  returns: number;
  lastClosedPeriod: { startsOn: IsoDate; endsOn: IsoDate; cutoffOn: IsoDate } | null;
  reportedForPeriodOn: IsoDate | null;
}

/** Every reason an open assignment is at risk on asOf, in the declared order. */
export function riskReasonsOf(
  facts: RiskFacts,
  asOf: IsoDate,
  t: EarlyWarningThresholds = defaultEarlyWarningThresholds,
): RiskReason[] {
  const reasons: RiskReason[] = [];
  if (
    isMissingPeriod({
      start: facts.start,
      period: facts.lastClosedPeriod,
      reportedForPeriodOn: facts.reportedForPeriodOn,
      asOf,
    })
  )
    reasons.push("missing_period");
  if (isBehindSchedule(facts.progressPercent, elapsedFraction(facts.start, facts.due, asOf), t))
    reasons.push("behind_schedule");
  if (isRefusedNearDue(facts.refusedChange, facts.due, asOf, t)) reasons.push("refused_near_due");
  if (isReturnedOften(facts.returns, t)) reasons.push("returned_often");
  return reasons;
}
