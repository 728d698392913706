import { describe, expect, it } from "vitest";
import { isCutAgencyName, opensWithKnownAgency, runsPastKnownAgency } from "./provincialAgencies.ts";

describe("provincial agency names", () => {
  it("tells a name cut short from a whole one", () => {
    expect(isCutAgencyName("Ủy ban Mặt trận")).toBe(true);
    expect(isCutAgencyName("Sở Nông nghiệp và")).toBe(true);
    expect(isCutAgencyName("Ban Quản lý các khu")).toBe(true);
    expect(isCutAgencyName("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")).toBe(false);
    expect(isCutAgencyName("Bộ Chỉ huy Quân sự tỉnh")).toBe(false);
    expect(isCutAgencyName("Sở")).toBe(false);
    expect(isCutAgencyName("Phòng Kinh tế")).toBe(false);
  });

  it("knows a name that opens with a known one", () => {
    expect(opensWithKnownAgency("Báo và Phát thanh, Truyền hình Khánh Hòa")).toBe(true);
    expect(opensWithKnownAgency("Công ty Điện lực")).toBe(false);
  });

  it("sees a whole name run on into the next cell's words", () => {
    expect(runsPastKnownAgency("Sở Xây dựng kinh phí")).toBe(true);
    expect(runsPastKnownAgency("Công an tỉnh chính quyền các cơ quan")).toBe(true);
    expect(runsPastKnownAgency("Ủy ban nhân dân các xã, phường")).toBe(false);
    expect(runsPastKnownAgency("Bộ Chỉ huy Quân sự tỉnh")).toBe(false);
    expect(runsPastKnownAgency("Tỉnh Đoàn Quảng Ngãi")).toBe(false);
  });
});
