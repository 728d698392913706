import { describe, expect, it } from "vitest";
import { fromCapitals, learnCasing } from "./casing.ts";

describe("fromCapitals", () => {
  const body = [
    "Ngày 15/4/2026, Ban Chỉ đạo tỉnh tổ chức phiên họp đánh giá kết quả thực hiện nhiệm vụ Quý I năm 2026.",
    "Đồng chí Bí thư Tỉnh ủy, Trưởng Ban Chỉ đạo kết luận; UBND tỉnh và Sở Khoa học và Công nghệ thực hiện.",
    "Các sở, ban, ngành triển khai Nghị quyết số 57-NQ/TW trên địa bàn tỉnh Khánh Hòa.",
  ];
  const casing = learnCasing(body);

  it("writes names the way the document's body writes them", () => {
    expect(
      fromCapitals("KẾT LUẬN CỦA ĐỒNG CHÍ TRƯỞNG BAN CHỈ ĐẠO TẠI PHIÊN HỌP QUÝ II NĂM 2026", casing),
    ).toBe("Kết luận của đồng chí Trưởng Ban Chỉ đạo tại phiên họp Quý II năm 2026");
    expect(fromCapitals("TRIỂN KHAI NGHỊ QUYẾT SỐ 57-NQ/TW TRÊN ĐỊA BÀN TỈNH KHÁNH HÒA", casing)).toBe(
      "Triển khai Nghị quyết số 57-NQ/TW trên địa bàn tỉnh Khánh Hòa",
    );
    expect(fromCapitals("GIAO UBND TỈNH VÀ CÁC SỞ, BAN, NGÀNH", casing)).toBe(
      "Giao UBND tỉnh và các sở, ban, ngành",
    );
  });

  it("falls back on convention for names the body does not use", () => {
    expect(fromCapitals("BÁO CÁO CHÍNH PHỦ VÀ ỦY BAN NHÂN DÂN TỈNH", new Map())).toBe(
      "Báo cáo Chính phủ và Ủy ban nhân dân tỉnh",
    );
  });
});
