import { describe, expect, it } from "vitest";
import { horizonYear, parseTarget, periodHeadingYear } from "./indicatorTarget.ts";

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
    expect(parseTarget("Hoàn thành", 2030)).toMatchObject({ op: "=", value: true });
    expect(parseTarget("Đạt", 2030)).toMatchObject({ op: "=", value: true });
    expect(parseTarget("Hoàn thành 100%", 2030)).toMatchObject({ op: "=", value: 100 });
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

describe("horizonYear", () => {
  it.each([
    ["Đến năm 2030", 2030],
    ["TẦM NHÌN ĐẾN NĂM 2045", 2045],
    ["Giai đoạn 2026 - 2030", 2030],
    ["giai đoạn 2026–2030", 2030],
    ["Từ năm 2026 đến năm 2030", 2030],
    ["2030", 2030],
    ["Kết quả đạt được năm 2026", 2026],
    ["Phát triển kinh tế số đến năm 2030, tầm nhìn đến năm 2045", 2030],
    ["Phấn đấu đến năm 2030 (so với năm 2020)", 2030],
    ["Triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị năm 2026", 2026],
    ["Thực hiện Kết luận số 14-KL/TU ngày 05 tháng 3 năm 2025 giai đoạn 2026 - 2030", 2030],
  ])("%s → %s", (text, year) => {
    expect(horizonYear(text)).toBe(year);
  });

  it("finds none in dates, document numbers or text without a year", () => {
    for (const text of [
      "Kết quả",
      "ngày 22/12/2024",
      "Nghị quyết số 193/2025/NQ-QH15",
      "Mục tiêu (năm 2020)",
    ]) {
      expect(horizonYear(text), text).toBeNull();
    }
  });
});

describe("periodHeadingYear", () => {
  it("reads headings that name only a period", () => {
    expect(periodHeadingYear("b) Tầm nhìn đến năm 2045:")).toBe(2045);
    expect(periodHeadingYear("II. CHỈ TIÊU GIAI ĐOẠN 2026 - 2030")).toBe(2030);
    expect(periodHeadingYear("Đến năm 2025")).toBe(2025);
  });

  it("leaves any other text", () => {
    expect(periodHeadingYear("Tỷ lệ hộ nghèo năm 2030")).toBeNull();
    expect(periodHeadingYear("Kế hoạch số 57/KH-UBND năm 2026")).toBeNull();
    expect(periodHeadingYear("Giai đoạn tới")).toBeNull();
  });
});
