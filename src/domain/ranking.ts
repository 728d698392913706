import type { AgencyLevel } from "./agencyLevels.ts";

/**
 * The ranking of agencies (xếp hạng, issue 12 part 3; docs/EVALUATION.md): each agency's lead
 * assignments give five components, each a score from 0 to 100; the score is their weighted
 * mean over the components that have something to judge. Weights and the overdue age cap are
 * set per province (ranking_settings); these are the defaults and the definition. The SQL of
 * src/queries/ranking.ts computes the same numbers, checked by its test against these functions.
 */
export const rankingComponents = ["onTime", "overdue", "timeliness", "completeness", "returns"] as const;
export type RankingComponent = (typeof rankingComponents)[number];

export const rankingComponentLabels: Record<RankingComponent, string> = {
  onTime: "Hoàn thành đúng hạn",
  overdue: "Quá hạn (số lượng và thời gian)",
  timeliness: "Báo cáo định kỳ đúng hạn",
  completeness: "Đầy đủ báo cáo định kỳ",
  returns: "Báo cáo bị trả lại",
};

export const rankingComponentExplanations: Record<RankingComponent, string> = {
  onTime: "Số nhiệm vụ hoàn thành đúng hạn trên số nhiệm vụ đến hạn trong kỳ (hoặc hoàn thành trong kỳ).",
  overdue:
    "Trừ điểm theo số nhiệm vụ đang quá hạn, mỗi nhiệm vụ nặng dần theo số ngày quá hạn, trên số nhiệm vụ đã đến hạn.",
  timeliness: "Số kỳ báo cáo đã gửi trước hạn chốt trên số kỳ phải báo cáo.",
  completeness: "Số kỳ đã có báo cáo (kể cả gửi muộn) trên số kỳ phải báo cáo.",
  returns: "Số báo cáo không bị trả lại trên số báo cáo đã được cơ quan thường trực xem xét trong kỳ.",
};

export type RankingWeights = Record<RankingComponent, number>;

export const rankingBands = ["excellent", "good", "fair", "average", "weak"] as const;
export type RankingBand = (typeof rankingBands)[number];
export const rankingBandLabels: Record<RankingBand, string> = {
  excellent: "Xuất sắc",
  good: "Tốt",
  fair: "Khá",
  average: "Trung bình",
  weak: "Yếu",
};

export interface RankingSettings {
  weights: RankingWeights;
  /** An overdue assignment weighs ½ on its first day and 1 from this many days on. */
  overdueAgeCapDays: number;
  /** Lowest score of each band but the last ("weak" is below `average`). */
  bands: { excellent: number; good: number; fair: number; average: number };
}

export const defaultRankingSettings: RankingSettings = {
  weights: { onTime: 35, overdue: 25, timeliness: 15, completeness: 15, returns: 10 },
  overdueAgeCapDays: 120,
  bands: { excellent: 90, good: 80, fair: 65, average: 50 },
};

/** What the database counts for one agency (src/queries/ranking.ts). */
export interface RankingCounts {
  /** Lead assignments due in the period (or completed in it), and of those done on time. */
  judged: number;
  doneOnTime: number;
  /** Lead assignments due by asOf (done or not), overdue ones, and their weights summed. */
  dueSoFar: number;
  overdue: number;
  overdueWeight: number;
  /** (assignment, closed period) pairs a report was due for; reported by the cut-off; at all. */
  periodsDue: number;
  periodsOnTime: number;
  periodsReported: number;
  /** Reports the office decided in the period; of those returned. */
  reviewed: number;
  returned: number;
}

/** The weight an overdue assignment of this age takes in the overdue component: ½ to 1. */
export const overdueWeight = (ageDays: number, capDays: number) =>
  0.5 + (0.5 * Math.min(Math.max(ageDays, 0), capDays)) / capDays;

const ratio = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : null);

/** Each component's score (0–100), or null when the agency has nothing it could be judged on. */
export function componentScores(c: RankingCounts): Record<RankingComponent, number | null> {
  return {
    onTime: ratio(c.doneOnTime, c.judged),
    overdue: c.dueSoFar > 0 ? 100 * Math.max(0, 1 - c.overdueWeight / c.dueSoFar) : null,
    timeliness: ratio(c.periodsOnTime, c.periodsDue),
    completeness: ratio(c.periodsReported, c.periodsDue),
    returns: c.reviewed > 0 ? 100 * (1 - c.returned / c.reviewed) : null,
  };
}

/** The weighted mean of the components that have a score, to one decimal; null when none has. */
export function rankingScore(
  scores: Record<RankingComponent, number | null>,
  weights: RankingWeights,
): number | null {
  let sum = 0;
  let weight = 0;
  for (const component of rankingComponents) {
    const score = scores[component];
    if (score === null || weights[component] <= 0) continue;
    sum += score * weights[component];
    weight += weights[component];
  }
  return weight > 0 ? Math.round((10 * sum) / weight) / 10 : null;
}

export function bandOf(score: number | null, bands: RankingSettings["bands"]): RankingBand | null {
  if (score === null) return null;
  if (score >= bands.excellent) return "excellent";
  if (score >= bands.good) return "good";
  if (score >= bands.fair) return "fair";
  if (score >= bands.average) return "average";
  return "weak";
}

/** Peers are ranked separately: departments (sở, ban, ngành), communes, and the others. */
export const peerGroups = ["departments", "communes", "others"] as const;
export type PeerGroup = (typeof peerGroups)[number];
export const peerGroupLabels: Record<PeerGroup, string> = {
  departments: "Sở, ban, ngành",
  communes: "Xã, phường, đặc khu",
  others: "Cơ quan, đơn vị khác",
};

export function peerGroupOf(level: AgencyLevel): PeerGroup {
  if (level === "department") return "departments";
  if (level === "commune") return "communes";
  return "others";
}

/**
 * Positions by score, highest first, ties sharing a position (1, 2, 2, 4): the standard
 * competition ranking, as SQL's rank() gives. Agencies without a score get no position.
 */
export function positionsOf(scores: (number | null)[]): (number | null)[] {
  return scores.map((score) =>
    score === null ? null : 1 + scores.filter((other) => other !== null && other > score).length,
  );
}

/** "đứng thứ 4/58"; "đồng hạng 2/58" when shared; "chưa xếp hạng" without a position. */
export function positionPhrase(position: number | null, ranked: number, shared = false): string {
  if (position === null || ranked <= 0) return "chưa xếp hạng";
  return `${shared ? "đồng hạng" : "đứng thứ"} ${position}/${ranked}`;
}
