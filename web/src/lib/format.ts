// Vietnamese formatting: dates dd/mm/yyyy, numbers with a decimal comma and dot thousands.

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

/** Lower case without diacritics (đ → d), as the server folds text for search. */
export function foldForSearch(input: string): string {
  return input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** Select filter that ignores diacritics and case: "so tai chinh" finds "Sở Tài chính". */
export function matchesFolded(input: string, label: unknown): boolean {
  return foldForSearch(String(label ?? "")).includes(foldForSearch(input));
}

const vietnameseCollator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
export const compareVietnamese = (a: string, b: string) => vietnameseCollator.compare(a, b);
