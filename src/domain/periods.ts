import { addDays, dayOfMonth, firstDayOfMonth, type IsoDate, lastDayOfMonth } from "./dates.ts";

/**
 * Reporting periods of a plan (months or quarters) and how each period's report is judged:
 * on time, late, or missing. Reports close on a cut-off day of the following month.
 */
/** A plan's reporting frequency is the kind of its periods. */
export const periodKinds = ["month", "quarter"] as const;
export type PeriodKind = (typeof periodKinds)[number];

export interface ReportingPeriod {
  kind: PeriodKind;
  startsOn: IsoDate;
  endsOn: IsoDate;
  /** Last day a report for this period is on time (e.g. day 10 of the next month). */
  cutoffOn: IsoDate;
  /** "Tháng 4/2026", "Quý II/2026". */
  label: string;
}

const ROMAN = ["I", "II", "III", "IV"];

export function periodContaining(date: IsoDate, kind: PeriodKind, cutoffDay: number): ReportingPeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const firstMonth = kind === "month" ? month : Math.floor((month - 1) / 3) * 3 + 1;
  const lastMonth = kind === "month" ? month : firstMonth + 2;
  const endsOn = lastDayOfMonth(year, lastMonth);
  const next = addDays(endsOn, 1);
  return {
    kind,
    startsOn: firstDayOfMonth(year, firstMonth),
    endsOn,
    cutoffOn: dayOfMonth(Number(next.slice(0, 4)), Number(next.slice(5, 7)), cutoffDay),
    label: kind === "month" ? `Tháng ${month}/${year}` : `Quý ${ROMAN[(firstMonth - 1) / 3]}/${year}`,
  };
}

/**
 * A period's label inside a sentence: "kỳ tháng 12/2026", "kỳ quý IV/2026". The label itself
 * ("Tháng 12/2026") stays capitalised where it stands alone (a column, a tag, a heading).
 */
export const periodInSentence = (label: string) => label.charAt(0).toLocaleLowerCase("vi") + label.slice(1);

/** Every period overlapping [from, to], in order. */
export function periodsBetween(
  from: IsoDate,
  to: IsoDate,
  kind: PeriodKind,
  cutoffDay: number,
): ReportingPeriod[] {
  const periods: ReportingPeriod[] = [];
  for (let cursor = from; cursor <= to; ) {
    const period = periodContaining(cursor, kind, cutoffDay);
    periods.push(period);
    cursor = addDays(period.endsOn, 1);
  }
  return periods;
}

export type PeriodReportStatus = "on_time" | "late" | "missing" | "open";

/**
 * One period of a recurring task: a non-returned report (including "không phát sinh") submitted
 * by the cut-off is on time; after it, late; none by the cut-off, missing; before the cut-off
 * with none yet, still open. Returned reports do not count until fixed and resubmitted.
 */
export function periodReportStatus(
  period: ReportingPeriod,
  activeReportDates: IsoDate[],
  asOf: IsoDate,
): PeriodReportStatus {
  const submitted = activeReportDates.filter((date) => date <= asOf && date >= period.startsOn).sort();
  const first = submitted[0];
  if (first) return first <= period.cutoffOn ? "on_time" : "late";
  return asOf > period.cutoffOn ? "missing" : "open";
}
