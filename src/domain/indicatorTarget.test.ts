import { describe, expect, it } from "vitest";
import { parseTarget } from "./indicatorTarget.ts";

describe("parseTarget", () => {
  it.each([
    ["≥ 70", ">=", 70],
    [">= 70", ">=", 70],
    ["100", "=", 100],
    ["≥ 0,65", ">=", 0.65],
    ["$\\geq 0,65$", ">=", 0.65],
    ["$\\leq 5$", "<=", 5],
    ["≥ 14,5", ">=", 14.5],
    ["≥ 01", ">=", 1],
    ["05", "=", 5],
    ["Đạt 2% GRDP", "=", 2],
    ["Đạt ≥ 80%", ">=", 80],
    ["≤ 5", "<=", 5],
    ["> 50%", ">", 50],
    ["< 3", "<", 3],
    ["Tối thiểu 80%", ">=", 80],
    ["Không quá 10", "<=", 10],
    ["Trên 50", ">", 50],
    ["Dưới 3", "<", 3],
    ["1.000", "=", 1000],
    ["12.500,5", "=", 12500.5],
    ["1.5", "=", 1.5],
  ])("%s → %s %s", (text, op, value) => {
    expect(parseTarget(text, 2026)).toEqual({ year: 2026, text, op, value });
  });

  it("reads yes/no indicators", () => {
    expect(parseTarget("Có", 2030)).toEqual({ year: 2030, text: "Có", op: "=", value: true });
    expect(parseTarget("Không", 2030)).toEqual({ year: 2030, text: "Không", op: "=", value: false });
    expect(parseTarget("Có (01 trung tâm)", 2030)).toMatchObject({ op: "=", value: true });
  });

  it("leaves text targets, ranges and blanks without a number", () => {
    for (const text of [
      "-",
      "",
      "≤ 3 Đông Nam Á",
      "70 - 80%",
      "Từ 70 đến 80",
      "Theo kế hoạch",
      "Top 50",
      "Tăng 10%",
    ]) {
      expect(parseTarget(text, 2026), text).toMatchObject({ op: null, value: null, text });
    }
  });

  it("keeps the text as written", () => {
    expect(parseTarget("  ≥\u00A070 ", 2026).text).toBe("≥ 70");
  });
});
