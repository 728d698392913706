import { describe, expect, it } from "vitest";
import { reportLock } from "./reportLock.ts";

describe("reportLock", () => {
  const period = { cutoffOn: "2026-05-10", closedAt: null };
  const report = { state: "submitted", reopenedAt: null, submittedAt: new Date("2026-05-03T03:00:00Z") };
  it("locks approved reports and reports of a period past its cut-off", () => {
    expect(reportLock({ ...report, state: "approved" }, period, "2026-05-04")).toBe("approved");
    expect(reportLock(report, period, "2026-05-10")).toBeNull();
    expect(reportLock(report, period, "2026-05-11")).toBe("period_closed");
    expect(reportLock(report, { ...period, closedAt: new Date() }, "2026-05-04")).toBe("period_closed");
  });
  it("lifts the period lock after a reopen, and for a report let in after the cut-off", () => {
    expect(reportLock({ ...report, reopenedAt: new Date() }, period, "2026-06-01")).toBeNull();
    expect(
      reportLock({ ...report, submittedAt: new Date("2026-05-20T03:00:00Z") }, period, "2026-06-01"),
    ).toBeNull();
    // The cut-off is a Vietnamese calendar day: 18:00 UTC on the 10th is already the 11th in Vietnam.
    expect(
      reportLock({ ...report, submittedAt: new Date("2026-05-10T18:00:00Z") }, period, "2026-06-01"),
    ).toBeNull();
  });
});
