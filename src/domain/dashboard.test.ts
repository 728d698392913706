import { describe, expect, it } from "vitest";
import {
  ageBucketLabel,
  completionSentence,
  OVERDUE_AGE_THRESHOLDS,
  overdueAgeBuckets,
  overdueAgeSentence,
  percentText,
  ratesSentence,
} from "./dashboard.ts";
import { emptyStatusCounts, totalsFromCounts } from "./status.ts";

const totals = (counts: Partial<ReturnType<typeof emptyStatusCounts>>, dueSoFar = 0) =>
  totalsFromCounts({ ...emptyStatusCounts(), ...counts }, dueSoFar);

describe("completionSentence", () => {
  it("writes the officials' sentence", () => {
    const t = totals({ done_on_time: 120, done_late: 17, overdue: 18, not_started: 85 });
    expect(completionSentence(t)).toBe(
      "hoàn thành 137/240 nhiệm vụ, trong đó 120 đúng hạn; 18 nhiệm vụ quá hạn",
    );
  });
  it("leaves out what is zero", () => {
    expect(completionSentence(totals({ not_started: 5 }))).toBe("hoàn thành 0/5 nhiệm vụ");
    expect(completionSentence(totals({ done_late: 2, in_progress: 1 }))).toBe(
      "hoàn thành 2/3 nhiệm vụ, trong đó 0 đúng hạn",
    );
  });
  it("says an empty scope is empty, not 0/0", () => {
    expect(completionSentence(totals({}))).toBe("chưa có nhiệm vụ nào");
  });
  it("groups thousands the Vietnamese way", () => {
    expect(completionSentence(totals({ done_on_time: 1500, not_started: 1000 }))).toBe(
      "hoàn thành 1.500/2.500 nhiệm vụ, trong đó 1.500 đúng hạn",
    );
  });
});

describe("rates and ages", () => {
  it("formats rates with a decimal comma", () => {
    expect(percentText(0.5714)).toBe("57,1%");
    expect(percentText(null)).toBe("—");
    expect(ratesSentence(totals({ done_on_time: 3, done_late: 1, overdue: 4 }, 8))).toBe(
      "tỷ lệ hoàn thành 50% số nhiệm vụ đã đến hạn, tỷ lệ đúng hạn 75%",
    );
    expect(ratesSentence(totals({ not_started: 2 }))).toBeNull();
  });
  it("derives contiguous buckets from the thresholds", () => {
    const buckets = overdueAgeBuckets();
    expect(buckets).toEqual([
      { minDays: 1, maxDays: 30 },
      { minDays: 31, maxDays: 60 },
      { minDays: 61, maxDays: 120 },
      { minDays: 121, maxDays: null },
    ]);
    expect(buckets.map(ageBucketLabel)).toEqual([
      "Quá hạn đến 30 ngày",
      "Quá hạn 31–60 ngày",
      "Quá hạn 61–120 ngày",
      "Quá hạn trên 120 ngày",
    ]);
    expect(OVERDUE_AGE_THRESHOLDS).toEqual([30, 60, 120]);
  });
  it("names only the thresholds reached", () => {
    expect(
      overdueAgeSentence([
        { days: 30, count: 12 },
        { days: 60, count: 0 },
      ]),
    ).toBe("trong số quá hạn: 12 nhiệm vụ quá hạn trên 30 ngày");
    expect(overdueAgeSentence([{ days: 30, count: 0 }])).toBeNull();
  });
});
