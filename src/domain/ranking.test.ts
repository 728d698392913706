import { describe, expect, it } from "vitest";
import {
  bandOf,
  componentScores,
  defaultRankingSettings,
  overdueWeight,
  peerGroupOf,
  positionPhrase,
  positionsOf,
  type RankingCounts,
  rankingComponentLabels,
  rankingComponents,
  rankingScore,
} from "./ranking.ts";

const none: RankingCounts = {
  judged: 0,
  doneOnTime: 0,
  dueSoFar: 0,
  overdue: 0,
  overdueWeight: 0,
  periodsDue: 0,
  periodsOnTime: 0,
  periodsReported: 0,
  reviewed: 0,
  returned: 0,
};

describe("ranking score", () => {
  it("declares a label and a default weight for every component, summing to 100", () => {
    let sum = 0;
    for (const c of rankingComponents) {
      expect(rankingComponentLabels[c]).toBeTruthy();
      sum += defaultRankingSettings.weights[c];
    }
    expect(sum).toBe(100);
  });

  it("on-time completion: done on time over judged", () => {
    expect(componentScores({ ...none, judged: 4, doneOnTime: 3 }).onTime).toBe(75);
    expect(componentScores(none).onTime).toBeNull();
  });

  it("overdue: weighs ½ on the first day, 1 from the cap on", () => {
    expect(overdueWeight(0, 120)).toBe(0.5);
    expect(overdueWeight(60, 120)).toBe(0.75);
    expect(overdueWeight(400, 120)).toBe(1);
    // Two overdue (30 and 120+ days) among 10 due: 1 − (0.625 + 1)/10.
    expect(componentScores({ ...none, dueSoFar: 10, overdue: 2, overdueWeight: 1.625 }).overdue).toBeCloseTo(
      83.75,
    );
    expect(componentScores({ ...none, dueSoFar: 1, overdue: 1, overdueWeight: 3 }).overdue).toBe(0);
  });

  it("timeliness and completeness of periodic reports", () => {
    const s = componentScores({ ...none, periodsDue: 8, periodsOnTime: 4, periodsReported: 6 });
    expect(s.timeliness).toBe(50);
    expect(s.completeness).toBe(75);
  });

  it("returned reports: the share not returned", () => {
    expect(componentScores({ ...none, reviewed: 5, returned: 1 }).returns).toBe(80);
    expect(componentScores(none).returns).toBeNull();
  });

  it("is the weighted mean of the components that have a score (the worked example)", () => {
    const scores = { onTime: 75, overdue: 83.75, timeliness: 50, completeness: 75, returns: null };
    // (75·35 + 83.75·25 + 50·15 + 75·15) / 90 = 6593.75 / 90 = 73.26…
    expect(rankingScore(scores, defaultRankingSettings.weights)).toBe(73.3);
    expect(
      rankingScore(
        { onTime: null, overdue: null, timeliness: null, completeness: null, returns: null },
        defaultRankingSettings.weights,
      ),
    ).toBeNull();
  });

  it("bands by thresholds", () => {
    const bands = defaultRankingSettings.bands;
    expect([95, 80, 70, 50, 10, null].map((s) => bandOf(s, bands))).toEqual([
      "excellent",
      "good",
      "fair",
      "average",
      "weak",
      null,
    ]);
  });

  it("ranks peers by kind and shares positions on ties", () => {
    expect(peerGroupOf("department")).toBe("departments");
    expect(peerGroupOf("commune")).toBe("communes");
    expect(peerGroupOf("province")).toBe("others");
    expect(positionsOf([70, 90, 70, null, 40])).toEqual([2, 1, 2, null, 4]);
  });

  it("writes the position phrase", () => {
    expect(positionPhrase(4, 58)).toBe("đứng thứ 4/58");
    expect(positionPhrase(2, 58, true)).toBe("đồng hạng 2/58");
    expect(positionPhrase(null, 58)).toBe("chưa xếp hạng");
  });
});
