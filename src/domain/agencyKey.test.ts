import { describe, expect, it } from "vitest";
import { agencyKey } from "./agencyKey.ts";

describe("agencyKey", () => {
  it("treats abbreviations, case, diacritics and spacing as the same name", () => {
    expect(agencyKey("UBND tỉnh")).toBe(agencyKey("Ủy ban nhân dân tỉnh"));
    expect(agencyKey("Sở KH&CN")).toBe(agencyKey("Sở Khoa học và Công nghệ"));
    expect(agencyKey("  CÔNG AN   TỈNH ")).toBe(agencyKey("Công an tỉnh"));
    expect(agencyKey("Sở Văn hóa, Thể thao và Du lịch")).toBe(agencyKey("Sở Văn hoá - Thể thao và Du lịch"));
  });
  it("keeps different agencies apart", () => {
    expect(agencyKey("Sở Tài chính")).not.toBe(agencyKey("Sở Tư pháp"));
  });
});
