import { describe, expect, it } from "vitest";
import { compareVietnamese, foldForSearch, matchesSearch, normalizeLines, normalizeText } from "./text.ts";

describe("normalizeText", () => {
  it("turns NFD into NFC and folds odd spaces", () => {
    const nfd = "Co\u0302ng an\u00A0ti\u0309nh \u200B ";
    expect(normalizeText(nfd)).toBe("Công an tỉnh");
  });
  it("keeps lines apart in normalizeLines", () => {
    expect(normalizeLines("  a \n\n b\u00A0 c ")).toBe("a\nb c");
  });
});

describe("search folding", () => {
  it("finds Công an by typing cong an", () => {
    expect(matchesSearch("Công an tỉnh Lâm Đồng", "cong an")).toBe(true);
    expect(matchesSearch("Công an tỉnh Lâm Đồng", "lam dong")).toBe(true);
    expect(matchesSearch("Sở Tài chính", "cong an")).toBe(false);
    expect(matchesSearch("bảo đảm an toàn, công nghệ", "cong an")).toBe(false);
    expect(foldForSearch("ĐỔI MỚI")).toBe("doi moi");
  });
  it("sorts in Vietnamese order", () => {
    const names = ["Sở Y tế", "Sở Công Thương", "Sở Đào tạo", "Sở Dân tộc"];
    expect([...names].sort(compareVietnamese)).toEqual([
      "Sở Công Thương",
      "Sở Dân tộc",
      "Sở Đào tạo",
      "Sở Y tế",
    ]);
  });
});
