import type { IsoDate } from "../domain/dates.ts";
import { type PeriodKind, periodsBetween } from "../domain/periods.ts";

/**
 * Days as integers (days since 1970-01-01) while generating, because millions of reports do
 * date arithmetic; converted to ISO dates and instants only when a row is written.
 */
export type Day = number;

const DAY_MS = 86_400_000;
/** Vietnam is UTC+7 all year. */
const VN_OFFSET_MS = 7 * 3_600_000;

export const dayOf = (date: IsoDate): Day =>
  Math.round(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS,
  );

export const isoOf = (day: Day): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Epoch milliseconds of a minute of a day in Vietnam. */
export const instantOf = (day: Day, minuteOfDay: number): number =>
  day * DAY_MS + minuteOfDay * 60_000 - VN_OFFSET_MS;

/** The Vietnamese calendar day of an instant (what `vietnamDate` gives for it). */
export const dayOfInstant = (ms: number): Day => Math.floor((ms + VN_OFFSET_MS) / DAY_MS);

export function endOfMonth(day: Day): Day {
  const d = new Date(day * DAY_MS);
  return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / DAY_MS);
}

export function endOfQuarter(day: Day): Day {
  const d = new Date(day * DAY_MS);
  const lastMonth = Math.floor(d.getUTCMonth() / 3) * 3 + 3;
  return Math.round(Date.UTC(d.getUTCFullYear(), lastMonth, 0) / DAY_MS);
}

export const yearOf = (day: Day): number => new Date(day * DAY_MS).getUTCFullYear();
export const monthOf = (day: Day): number => new Date(day * DAY_MS).getUTCMonth() + 1;
export const endOfYear = (day: Day): Day => dayOf(`${yearOf(day)}-12-31`);

/** A day `months` calendar months later, at the end of that month. */
export function monthEndAfter(day: Day, months: number): Day {
  const d = new Date(day * DAY_MS);
  return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0) / DAY_MS);
}

export interface Period {
  index: number;
  start: Day;
  end: Day;
  cutoff: Day;
  startsOn: IsoDate;
  endsOn: IsoDate;
  cutoffOn: IsoDate;
}

/** The plan's reporting periods from its first day to the one containing `lastDay`. */
export function planPeriods(first: Day, lastDay: Day, kind: PeriodKind, cutoffDay: number): Period[] {
  if (lastDay < first) return [];
  return periodsBetween(isoOf(first), isoOf(lastDay), kind, cutoffDay).map((p, index) => ({
    index,
    start: dayOf(p.startsOn),
    end: dayOf(p.endsOn),
    cutoff: dayOf(p.cutoffOn),
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    cutoffOn: p.cutoffOn,
  }));
}

/** The index of the period containing a day (periods are contiguous and sorted). */
export function periodIndexOf(periods: Period[], day: Day): number {
  let lo = 0;
  let hi = periods.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (periods[mid]!.start <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** dd/mm/yyyy without leading zeros in day and month, as deadline cells are written ("6/2026"). */
export const monthText = (day: Day) => `${monthOf(day)}/${yearOf(day)}`;
export const dateText = (day: Day) => {
  const iso = isoOf(day);
  return `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}`;
};
export const quarterText = (day: Day) =>
  `Quý ${["I", "II", "III", "IV"][Math.floor((monthOf(day) - 1) / 3)]}/${yearOf(day)}`;
