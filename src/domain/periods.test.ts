import { describe, expect, it } from "vitest";
import { periodContaining, periodInSentence, periodReportStatus, periodsBetween } from "./periods.ts";

describe("reporting periods", () => {
  it("builds months and quarters with a cut-off in the next month", () => {
    expect(periodContaining("2026-04-15", "month", 10)).toEqual({
      kind: "month",
      startsOn: "2026-04-01",
      endsOn: "2026-04-30",
      cutoffOn: "2026-05-10",
      label: "Tháng 4/2026",
    });
    expect(periodContaining("2026-11-02", "quarter", 10)).toMatchObject({
      startsOn: "2026-10-01",
      endsOn: "2026-12-31",
      cutoffOn: "2027-01-10",
      label: "Quý IV/2026",
    });
    expect(periodContaining("2026-01-31", "month", 31).cutoffOn).toBe("2026-02-28");
  });

  it("lists every period of a year", () => {
    expect(periodsBetween("2026-01-01", "2026-12-31", "month", 10)).toHaveLength(12);
    expect(periodsBetween("2026-01-01", "2026-12-31", "quarter", 10).map((p) => p.label)).toEqual([
      "Quý I/2026",
      "Quý II/2026",
      "Quý III/2026",
      "Quý IV/2026",
    ]);
  });

  it("judges each period of a recurring task: on time, late, missing, open", () => {
    const april = periodContaining("2026-04-01", "month", 10);
    expect(periodReportStatus(april, ["2026-05-10"], "2026-06-01")).toBe("on_time");
    expect(periodReportStatus(april, ["2026-05-11"], "2026-06-01")).toBe("late");
    expect(periodReportStatus(april, [], "2026-05-11")).toBe("missing");
    expect(periodReportStatus(april, [], "2026-05-10")).toBe("open");
    expect(periodReportStatus(april, ["2026-05-11"], "2026-05-10")).toBe("open");
  });
});

describe("periodInSentence", () => {
  it("writes a period's label in lower case inside a sentence, leaving the label alone", () => {
    const month = periodContaining("2026-12-03", "month", 10);
    expect(month.label).toBe("Tháng 12/2026");
    expect(`kỳ ${periodInSentence(month.label)}`).toBe("kỳ tháng 12/2026");
    expect(periodInSentence(periodContaining("2026-12-03", "quarter", 10).label)).toBe("quý IV/2026");
  });
});
