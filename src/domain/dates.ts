/**
 * Calendar arithmetic on ISO dates ("2026-04-30"). Deadlines are whole days in Vietnam's time
 * zone; doing the arithmetic on date strings in UTC avoids any drift from the server's zone.
 */
export type IsoDate = string;

const DAY_MS = 86_400_000;

const toUtc = (date: IsoDate) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: IsoDate, days: number): IsoDate => fromUtc(toUtc(date) + days * DAY_MS);

/** Whole days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: IsoDate, to: IsoDate): number =>
  Math.round((toUtc(to) - toUtc(from)) / DAY_MS);

export const lastDayOfMonth = (year: number, month: number): IsoDate => fromUtc(Date.UTC(year, month, 0));

export const firstDayOfMonth = (year: number, month: number): IsoDate =>
  `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;

/** Day `day` of the given month, clamped to the month's last day. */
export function dayOfMonth(year: number, month: number, day: number): IsoDate {
  const last = lastDayOfMonth(year, month);
  return Number(last.slice(8, 10)) < day ? last : `${last.slice(0, 8)}${String(day).padStart(2, "0")}`;
}

/** The calendar date of an instant in Vietnam (UTC+7, no daylight saving). */
export const vietnamDate = (instant: Date): IsoDate => fromUtc(instant.getTime() + 7 * 3_600_000);

/** Today in Vietnam: the default "as of" day of every status and report. Reads the clock. */
export const today = (): IsoDate => vietnamDate(new Date());

export const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

/** dd/mm/yyyy, as Vietnamese documents and screens write dates. */
export const formatVietnameseDate = (date: IsoDate) =>
  `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
