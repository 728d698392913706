import { describe, expect, it } from "vitest";
import {
  defaultEarlyWarningThresholds,
  elapsedFraction,
  isBehindSchedule,
  isMissingPeriod,
  isRefusedNearDue,
  isReturnedOften,
  lastClosedPeriod,
  type RiskFacts,
  riskReasonExplanations,
  riskReasonLabels,
  riskReasons,
  riskReasonsOf,
} from "./earlyWarning.ts";

const quiet: RiskFacts = {
  start: "2026-01-01",
  due: "2026-12-31",
  progressPercent: null,
  refusedChange: false,
  returns: 0,
  lastClosedPeriod: null,
  reportedForPeriodOn: null,
};

describe("early warning", () => {
  it("declares a label and an explanation for every reason", () => {
    for (const reason of riskReasons) {
      expect(riskReasonLabels[reason].length).toBeGreaterThan(5);
      expect(riskReasonExplanations[reason]).toMatch(/\.$/);
    }
  });

  it("measures elapsed time from start to due", () => {
    expect(elapsedFraction("2026-01-01", "2026-01-11", "2026-01-09")).toBeCloseTo(0.8);
    expect(elapsedFraction(null, "2026-01-11", "2026-01-09")).toBeNull();
    expect(elapsedFraction("2026-01-11", "2026-01-11", "2026-01-09")).toBeNull();
  });

  it("(b) flags 30% done at 80% of the time, not 60% nor before half the time", () => {
    expect(isBehindSchedule(30, 0.8)).toBe(true);
    expect(isBehindSchedule(50, 0.8)).toBe(false); // exactly elapsed − gap
    expect(isBehindSchedule(60, 0.8)).toBe(false);
    expect(isBehindSchedule(0, 0.45)).toBe(false); // before minElapsed
    expect(isBehindSchedule(10, 1.2)).toBe(false); // past due: overdue, not a warning
    expect(isBehindSchedule(null, 0.9)).toBe(false);
    expect(isBehindSchedule(30, 0.55, { ...defaultEarlyWarningThresholds, progressGap: 0.2 })).toBe(true);
  });

  it("(c) flags a refused change when the due date is within N days, not after it passed", () => {
    expect(isRefusedNearDue(true, "2026-03-10", "2026-03-01")).toBe(true);
    expect(isRefusedNearDue(true, "2026-03-15", "2026-03-01")).toBe(true); // 14 days
    expect(isRefusedNearDue(true, "2026-03-16", "2026-03-01")).toBe(false);
    expect(isRefusedNearDue(true, "2026-02-28", "2026-03-01")).toBe(false);
    expect(isRefusedNearDue(false, "2026-03-05", "2026-03-01")).toBe(false);
  });

  it("(d) flags reports returned twice or more", () => {
    expect(isReturnedOften(1)).toBe(false);
    expect(isReturnedOften(2)).toBe(true);
    expect(isReturnedOften(2, { ...defaultEarlyWarningThresholds, returnsAtLeast: 3 })).toBe(false);
  });

  it("(a) takes the last period whose cut-off has passed", () => {
    expect(lastClosedPeriod("2026-03-10", "month", 10).label).toBe("Tháng 1/2026");
    expect(lastClosedPeriod("2026-03-11", "month", 10).label).toBe("Tháng 2/2026");
    expect(lastClosedPeriod("2026-04-11", "quarter", 10).label).toBe("Quý I/2026");
    expect(lastClosedPeriod("2026-04-10", "quarter", 10).label).toBe("Quý IV/2025");
  });

  it("(a) flags a closed period without a report, unless the assignment started after it", () => {
    const period = { startsOn: "2026-02-01", endsOn: "2026-02-28", cutoffOn: "2026-03-10" };
    const asOf = "2026-03-20";
    expect(isMissingPeriod({ start: "2026-01-01", period, reportedForPeriodOn: null, asOf })).toBe(true);
    expect(isMissingPeriod({ start: "2026-01-01", period, reportedForPeriodOn: "2026-03-15", asOf })).toBe(
      false,
    );
    expect(isMissingPeriod({ start: "2026-03-01", period, reportedForPeriodOn: null, asOf })).toBe(false);
    expect(
      isMissingPeriod({ start: "2026-01-01", period, reportedForPeriodOn: null, asOf: "2026-03-10" }),
    ).toBe(false);
  });

  it("lists every reason that holds, in the declared order", () => {
    const asOf = "2026-03-20";
    expect(riskReasonsOf(quiet, asOf)).toEqual([]);
    expect(
      riskReasonsOf(
        {
          start: "2026-01-01",
          due: "2026-03-25",
          progressPercent: 20,
          refusedChange: true,
          returns: 2,
          lastClosedPeriod: { startsOn: "2026-02-01", endsOn: "2026-02-28", cutoffOn: "2026-03-10" },
          reportedForPeriodOn: null,
        },
        asOf,
      ),
    ).toEqual([...riskReasons]);
  });
});
