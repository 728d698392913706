import type { StatusTotals } from "./status.ts";

/**
 * What a dashboard is about (issue 12): the whole province, one plan, one section of a plan, one
 * agency's own assignments, or an agency with its whole subtree (a department with its units).
 */
export const dashboardScopeKinds = ["province", "plan", "section", "agency", "agencyTree"] as const;
export type DashboardScopeKind = (typeof dashboardScopeKinds)[number];

export const dashboardScopeLabels: Record<DashboardScopeKind, string> = {
  province: "Toàn tỉnh",
  plan: "Kế hoạch",
  section: "Phần của kế hoạch",
  agency: "Cơ quan, đơn vị",
  agencyTree: "Cơ quan và đơn vị trực thuộc",
};

/**
 * The ages officials count overdue tasks by: "quá hạn trên 30 ngày", "trên 60", "trên 120". The
 * dashboard shows each threshold as a cumulative count and the ranges between them as buckets.
 */
export const OVERDUE_AGE_THRESHOLDS = [30, 60, 120] as const;

/** "Sắp đến hạn trong 7 ngày / 30 ngày tới". */
export const DUE_WITHIN_WINDOWS = [7, 30] as const;

/** How far back the trend goes. */
export const TREND_MONTHS = 24;

export interface AgeBucket {
  /** Days overdue, inclusive; maxDays null = no upper bound. */
  minDays: number;
  maxDays: number | null;
}

/** 1–30, 31–60, 61–120, over 120 days overdue: the ranges between the thresholds. */
export function overdueAgeBuckets(thresholds: readonly number[] = OVERDUE_AGE_THRESHOLDS): AgeBucket[] {
  const buckets: AgeBucket[] = [];
  let from = 1;
  for (const limit of thresholds) {
    buckets.push({ minDays: from, maxDays: limit });
    from = limit + 1;
  }
  buckets.push({ minDays: from, maxDays: null });
  return buckets;
}

/** "Quá hạn 31–60 ngày", "Quá hạn trên 120 ngày", "Quá hạn đến 30 ngày". */
export function ageBucketLabel(bucket: AgeBucket): string {
  if (bucket.maxDays === null) return `Quá hạn trên ${bucket.minDays - 1} ngày`;
  if (bucket.minDays <= 1) return `Quá hạn đến ${bucket.maxDays} ngày`;
  return `Quá hạn ${bucket.minDays}–${bucket.maxDays} ngày`;
}

const n = (value: number) => value.toLocaleString("vi-VN");

/**
 * The sentence officials write in reports: "hoàn thành 137/240 nhiệm vụ, trong đó 120 đúng hạn;
 * 18 nhiệm vụ quá hạn". The overdue clause is left out when nothing is overdue, and an empty
 * scope says so instead of "0/0".
 */
export function completionSentence(totals: Pick<StatusTotals, "total" | "done" | "byStatus">): string {
  if (totals.total === 0) return "chưa có nhiệm vụ nào";
  const parts = [`hoàn thành ${n(totals.done)}/${n(totals.total)} nhiệm vụ`];
  if (totals.done > 0) parts[0] += `, trong đó ${n(totals.byStatus.done_on_time)} đúng hạn`;
  const overdue = totals.byStatus.overdue;
  if (overdue > 0) parts.push(`${n(overdue)} nhiệm vụ quá hạn`);
  return parts.join("; ");
}

/** "tỷ lệ hoàn thành 57,1%, đúng hạn 87,6%" style percentages; null stays "—". */
export function percentText(rate: number | null): string {
  if (rate === null) return "—";
  return `${(Math.round(rate * 1000) / 10).toLocaleString("vi-VN")}%`;
}

/** The rates as a clause: "tỷ lệ hoàn thành 57,1% số nhiệm vụ đến hạn, đúng hạn 87,6%". */
export function ratesSentence(totals: Pick<StatusTotals, "completionRate" | "onTimeRate">): string | null {
  if (totals.completionRate === null) return null;
  const clause = `tỷ lệ hoàn thành ${percentText(totals.completionRate)} số nhiệm vụ đã đến hạn`;
  return totals.onTimeRate === null ? clause : `${clause}, tỷ lệ đúng hạn ${percentText(totals.onTimeRate)}`;
}

/** "quá hạn trên 30 ngày: 12; trên 60 ngày: 7; trên 120 ngày: 3", only the thresholds reached. */
export function overdueAgeSentence(over: { days: number; count: number }[]): string | null {
  const reached = over.filter((o) => o.count > 0);
  if (reached.length === 0) return null;
  return `trong số quá hạn: ${reached.map((o) => `${n(o.count)} nhiệm vụ quá hạn trên ${o.days} ngày`).join(", ")}`;
}
