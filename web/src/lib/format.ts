// Vietnamese formatting: dates dd/mm/yyyy, numbers with a decimal comma and dot thousands. Text
// folding and collation are the server's own (src/domain/text.ts): a search or a sort in the
// browser agrees with the same search or sort done by the API.
import { matchesSearch } from "../../../src/domain/text.ts";

export { compareVietnamese, foldForSearch } from "../../../src/domain/text.ts";

const numberFormat = new Intl.NumberFormat("vi-VN");

/** "2026-03-17" → "17/03/2026"; read as a calendar date, never shifted by the time zone. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return "";
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** 1234.5 → "1.234,5" */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** Select filter that ignores diacritics and case: "so tai chinh" finds "Sở Tài chính". */
export const matchesFolded = (input: string, label: unknown): boolean =>
  matchesSearch(String(label ?? ""), input);

const percentFormat = new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 });

/** 0.6667 → "66,7%"; null (nothing to divide by) → "—". */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return "—";
  return percentFormat.format(rate);
}

const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";
const dateTimeParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: VIETNAM_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function vietnamParts(date: Date) {
  const parts = Object.fromEntries(dateTimeParts.formatToParts(date).map((p) => [p.type, p.value]));
  return parts as Record<"year" | "month" | "day" | "hour" | "minute", string>;
}

/** A timestamp as read in Việt Nam: "24/11/2026 12:35". */
export function formatDateTime(timestamp: string | null | undefined): string {
  if (!timestamp) return "";
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const p = vietnamParts(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** 1536 → "1,5 KB" */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return "";
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
}
