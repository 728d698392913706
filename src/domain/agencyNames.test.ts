import { describe, expect, it } from "vitest";
import { isAgencyGroup, splitAgencies, startsLikeAgency } from "./agencyNames.ts";

describe("splitAgencies", () => {
  it.each([
    ["Công an tỉnh", ["Công an tỉnh"]],
    ["Sở Khoa học và Công nghệ; Công an tỉnh", ["Sở Khoa học và Công nghệ", "Công an tỉnh"]],
    [
      "Sở Tài chính, Sở Công thương, Sở Khoa học và Công nghệ",
      ["Sở Tài chính", "Sở Công thương", "Sở Khoa học và Công nghệ"],
    ],
    ["Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]],
    ["Báo và Phát thanh, Truyền hình tỉnh", ["Báo và Phát thanh, Truyền hình tỉnh"]],
    [
      "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh",
      ["Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh"],
    ],
    ["Các sở, ban, ngành", ["Các sở, ban, ngành"]],
    ["Các sở, ban, ngành; UBND cấp xã", ["Các sở, ban, ngành", "UBND cấp xã"]],
    ["Các xã, phường, đặc khu", ["Các xã, phường, đặc khu"]],
    [
      "Các sở, ban, ngành; UBND các xã, phường, đặc khu",
      ["Các sở, ban, ngành", "UBND các xã, phường, đặc khu"],
    ],
    ["Các cơ quan, đơn vị trong tỉnh", ["Các cơ quan, đơn vị trong tỉnh"]],
    ["Các sở, ban, ngành, địa phương", ["Các sở, ban, ngành, địa phương"]],
    ["Các sở, ban, ngành liên quan và UBND cấp xã", ["Các sở, ban, ngành liên quan và UBND cấp xã"]],
    ["Sở Tài chính; các sở, ban, ngành liên quan", ["Sở Tài chính", "các sở, ban, ngành liên quan"]],
    ["Sở Tài chính, các sở, ban, ngành liên quan", ["Sở Tài chính", "các sở, ban, ngành liên quan"]],
    [
      "Các sở, ban, ngành; UBND cấp xã; các trường đại học, cao đẳng",
      ["Các sở, ban, ngành", "UBND cấp xã", "các trường đại học, cao đẳng"],
    ],
    ["Sở Xây dựng; các địa phương có sân bay", ["Sở Xây dựng", "các địa phương có sân bay"]],
    [
      "chính quyền các cơ quan, đơn vị có hệ thống thông tin",
      ["chính quyền các cơ quan, đơn vị có hệ thống thông tin"],
    ],
    [
      "Công an tỉnh, Sở Khoa học và Công nghệ,\nSở Tài chính.",
      ["Công an tỉnh", "Sở Khoa học và Công nghệ", "Sở Tài chính"],
    ],
    ["- Sở Nội vụ\n- Sở Tài chính\n+ UBND cấp xã", ["Sở Nội vụ", "Sở Tài chính", "UBND cấp xã"]],
    ["Các cơ quan, đơn\nvị trong tỉnh", ["Các cơ quan, đơn vị trong tỉnh"]],
    ["Sở Văn hóa, Thể thao và Du lịch, Sở Tài chính", ["Sở Văn hóa, Thể thao và Du lịch", "Sở Tài chính"]],
    ["Sở Tài chính, VNPT Lâm Đồng", ["Sở Tài chính", "VNPT Lâm Đồng"]],
    ["Các Sở, Ban, Ngành", ["Các Sở, Ban, Ngành"]],
    ["UBND các huyện, thị xã, thành phố", ["UBND các huyện, thị xã, thành phố"]],
    ["UBND tỉnh, HĐND tỉnh", ["UBND tỉnh", "HĐND tỉnh"]],
    ["", []],
    ["-", []],
  ])("%s", (cell, expected) => {
    expect(splitAgencies(cell)).toEqual(expected);
  });

  it("never splits on 'và'", () => {
    expect(splitAgencies("Sở Nông nghiệp và Môi trường")).toEqual(["Sở Nông nghiệp và Môi trường"]);
  });
});

describe("startsLikeAgency", () => {
  it("knows head nouns only when capitalised", () => {
    expect(startsLikeAgency("Ban Dân tộc")).toBe(true);
    expect(startsLikeAgency("ban, ngành")).toBe(false);
    expect(startsLikeAgency("Thể thao và Du lịch")).toBe(false);
    expect(startsLikeAgency("UBND cấp xã")).toBe(true);
    expect(startsLikeAgency("các doanh nghiệp")).toBe(true);
  });

  it("reads a one-word head noun with its marks", () => {
    expect(startsLikeAgency("Sở Y tế")).toBe(true);
    expect(startsLikeAgency("Số liệu thống kê")).toBe(false);
    expect(startsLikeAgency("Nhà xuất bản Chính trị")).toBe(true);
    expect(startsLikeAgency("Nha Trang")).toBe(false);
    expect(startsLikeAgency("Tổ công tác")).toBe(true);
    expect(startsLikeAgency("Tổ quốc Việt Nam tỉnh")).toBe(false);
    expect(startsLikeAgency("Khu vực 10")).toBe(false);
    expect(startsLikeAgency("Hiệp hội Doanh nghiệp tỉnh")).toBe(true);
    // Typed without marks, the text is taken as it comes.
    expect(startsLikeAgency("So Tai chinh")).toBe(true);
  });
});

describe("isAgencyGroup", () => {
  it.each([
    ["Các sở, ban, ngành", true],
    ["UBND cấp xã", true],
    ["Các xã, phường, đặc khu", true],
    ["Các cơ quan, đơn vị trong tỉnh", true],
    ["Các cơ quan, đơn vị có hệ thống thông tin", true],
    ["Các Trường Đại học trên địa bàn tỉnh", true],
    ["Đảng ủy cấp xã", true],
    ["Các đơn vị có liên quan", true],
    ["Công an tỉnh", false],
    ["Sở Khoa học và Công nghệ", false],
    ["Ủy ban nhân dân tỉnh", false],
    ["Văn phòng Ủy ban nhân dân tỉnh", false],
  ])("%s → %s", (name, expected) => {
    expect(isAgencyGroup(name)).toBe(expected);
  });
});
