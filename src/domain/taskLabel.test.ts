import { describe, expect, it } from "vitest";
import { excerpt, sentenceStart, taskLabel, taskShortLabel } from "./taskLabel.ts";

const naming = {
  ref: "II.9",
  title: "Tăng cường công tác bảo đảm an ninh mạng, an toàn thông tin trong các cơ quan nhà nước của tỉnh",
  planNumber: "3450/KH-UBND",
  planName: "Kế hoạch chuyển đổi số năm 2026",
};

describe("taskLabel", () => {
  it("names the plan by its document number and quotes the title's start", () => {
    expect(taskShortLabel(naming)).toBe("nhiệm vụ II.9 (số 3450/KH-UBND)");
    expect(taskLabel(naming)).toBe(
      "nhiệm vụ II.9 (số 3450/KH-UBND) “Tăng cường công tác bảo đảm an ninh mạng, an toàn thông tin…”",
    );
  });

  it("falls back on the plan's name when its document has no number", () => {
    expect(taskShortLabel({ ...naming, planNumber: null })).toBe(
      "nhiệm vụ II.9 (Kế hoạch chuyển đổi số năm 2026)",
    );
    expect(taskShortLabel({ ...naming, planNumber: "  " })).toContain("Kế hoạch chuyển đổi số");
  });

  it("keeps a short title whole and flattens its line breaks", () => {
    expect(taskLabel({ ...naming, title: "Rà soát\nthủ tục" })).toBe(
      "nhiệm vụ II.9 (số 3450/KH-UBND) “Rà soát thủ tục”",
    );
    expect(taskLabel({ ...naming, title: "" })).toBe("nhiệm vụ II.9 (số 3450/KH-UBND)");
    expect(taskLabel({ ...naming, title: "Rà soát." })).toBe("nhiệm vụ II.9 (số 3450/KH-UBND) “Rà soát”");
    expect(sentenceStart(taskShortLabel(naming))).toBe("Nhiệm vụ II.9 (số 3450/KH-UBND)");
  });
});

describe("excerpt", () => {
  it("cuts at a word boundary, never past the limit", () => {
    const cut = excerpt("một hai ba bốn năm sáu bảy tám chín mười", 20);
    expect(cut).toBe("một hai ba bốn năm…");
    expect(cut.length).toBeLessThanOrEqual(21);
  });

  it("cuts inside a word that is longer than half the limit", () => {
    expect(excerpt("a".repeat(30), 10)).toBe(`${"a".repeat(10)}…`);
  });
});
