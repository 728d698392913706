import { describe, expect, it } from "vitest";
import {
  daysInMonth,
  findHiddenDeadline,
  isDeadlineWording,
  isoDate,
  looksLikeDeadline,
  parseDeadline,
} from "./deadline.ts";

const due = (text: string, contextYear?: number) => parseDeadline(text, { contextYear });

describe("parseDeadline: the table in PRODUCT.md", () => {
  it.each([
    ["4/2026", "month", "2026-04-30"],
    ["03/2026", "month", "2026-03-31"],
    ["Trong tháng 02 năm 2026", "month", "2026-02-28"],
    ["6/2028", "month", "2028-06-30"],
    ["12/2026", "month", "2026-12-31"],
    ["tháng 5,6/2026", "month", "2026-06-30"],
    ["Tháng 6 - 8/2026", "month", "2026-08-31"],
    ["31/5/2026", "date", "2026-05-31"],
    ["15/6/2026", "date", "2026-06-15"],
    ["Trước ngày 30/11/2026", "date", "2026-11-30"],
    ["trước ngày 12/5/2026", "date", "2026-05-12"],
    ["ngày 30 tháng 11 năm 2026", "date", "2026-11-30"],
    ["30.6.2026", "date", "2026-06-30"],
    ["Quý IV/2026", "quarter", "2026-12-31"],
    ["Trong Quý I năm 2026", "quarter", "2026-03-31"],
    ["Quý II/2026", "quarter", "2026-06-30"],
    ["Quý III/2026", "quarter", "2026-09-30"],
    ["quý 3 năm 2026", "quarter", "2026-09-30"],
    ["Quý I, II/2026", "quarter", "2026-06-30"],
    ["Q2/2026", "quarter", "2026-06-30"],
    ["T6/2026", "month", "2026-06-30"],
    ["6 tháng đầu năm 2026", "quarter", "2026-06-30"],
    ["năm 2026", "year", "2026-12-31"],
    ["Trong năm 2026", "year", "2026-12-31"],
    ["2025", "year", "2025-12-31"],
    ["2025 - 2026", "year", "2026-12-31"],
    ["Giai đoạn 2026 - 2030", "year", "2030-12-31"],
  ])("%s → %s %s", (text, kind, expected) => {
    const parsed = due(text);
    expect(parsed.kind).toBe(kind);
    expect(parsed.due).toBe(expected);
    expect(parsed.text).toBe(text);
  });

  it("reads yearly work as recurring, first due at the end of the named year", () => {
    expect(due("2025 và những năm tiếp theo")).toEqual({
      text: "2025 và những năm tiếp theo",
      kind: "recurring",
      due: "2025-12-31",
    });
    expect(due("Hằng năm")).toMatchObject({ kind: "recurring", due: null });
    expect(due("Hằng năm", 2026)).toMatchObject({ kind: "recurring", due: "2026-12-31" });
    expect(due("Hàng năm")).toMatchObject({ kind: "recurring" });
  });

  it("reads standing work as recurring with no due date", () => {
    for (const text of [
      "Thường xuyên",
      "Thường xuyên và định kỳ",
      "(nhiệm vụ thường xuyên)",
      "THƯỜNG XUYÊN",
    ]) {
      expect(due(text)).toMatchObject({ kind: "recurring", due: null });
    }
  });

  it("keeps a final date on recurring work", () => {
    expect(due("Thường xuyên; hoàn thành trước ngày 31/12/2026")).toMatchObject({
      kind: "recurring",
      due: "2026-12-31",
    });
  });

  it("separates an 'already done' note from the date", () => {
    expect(due("30/9/2025 (Đã hoàn thành; tiếp tục triển khai thực hiện)")).toEqual({
      text: "30/9/2025 (Đã hoàn thành; tiếp tục triển khai thực hiện)",
      kind: "date",
      due: "2025-09-30",
      note: "Đã hoàn thành; tiếp tục triển khai thực hiện",
    });
  });

  it("leaves roadmaps and progress without a due date", () => {
    for (const text of ["Theo lộ trình của Trung ương", "Theo lộ trình được phê duyệt", "Theo tiến độ", ""]) {
      expect(due(text)).toMatchObject({ kind: "unspecified", due: null });
    }
  });

  it("takes the year from context when the text names none", () => {
    expect(due("Quý II", 2026)).toMatchObject({ kind: "quarter", due: "2026-06-30" });
    expect(due("Tháng 7", 2026)).toMatchObject({ kind: "month", due: "2026-07-31" });
    expect(due("Quý II")).toMatchObject({ kind: "unspecified", due: null });
  });

  it("normalises NFD text and odd spaces but keeps the words", () => {
    const nfd = "Qu\u0079\u0301\u00A0IV/2026";
    expect(due(nfd)).toMatchObject({ text: "Quý IV/2026", kind: "quarter", due: "2026-12-31" });
  });
});

describe("parseDeadline: calendars", () => {
  it("knows leap years", () => {
    expect(due("29/02/2028")).toMatchObject({ kind: "date", due: "2028-02-29" });
    expect(due("02/2028")).toMatchObject({ kind: "month", due: "2028-02-29" });
    expect(due("02/2100")).toMatchObject({ kind: "month", due: "2100-02-28" });
    expect(due("02/2000")).toMatchObject({ kind: "month", due: "2000-02-29" });
    expect(daysInMonth(2026, 2)).toBe(28);
  });

  it("never invents a due date for a day that does not exist", () => {
    for (const text of [
      "31/2/2026",
      "29/02/2026",
      "31/4/2026",
      "0/5/2026",
      "12/13/2026",
      "13/2026",
      "00/2026",
    ]) {
      const parsed = due(text);
      expect(parsed.due, text).toBeNull();
      expect(parsed.kind, text).toBe("unspecified");
    }
    expect(isoDate(2026, 2, 31)).toBeNull();
    expect(isoDate(2026, 2, 28)).toBe("2026-02-28");
  });

  it("lets a finer point refine the period around it", () => {
    expect(due("Năm 2026 (trước ngày 30/11/2026)")).toMatchObject({ kind: "date", due: "2026-11-30" });
    expect(due("Tháng 6/2026 (Quý II)", 2026)).toMatchObject({ kind: "month", due: "2026-06-30" });
    expect(due("Quý IV/2026, trước 15/12/2026")).toMatchObject({ kind: "date", due: "2026-12-15" });
    expect(due("Tháng 12/2026; Quý I/2027")).toMatchObject({ kind: "quarter", due: "2027-03-31" });
  });

  it("reads spreadsheet dates", () => {
    expect(due("2026-06-15")).toMatchObject({ kind: "date", due: "2026-06-15" });
    expect(due("2026-02-30")).toMatchObject({ kind: "unspecified", due: null });
  });

  it("reads the last point of several", () => {
    expect(due("Trước 15/6/2026 (đợt 1); trước 30/11/2026 (đợt 2)")).toMatchObject({ due: "2026-11-30" });
    expect(due("Từ 01/3/2026 đến 30/6/2026")).toMatchObject({ kind: "date", due: "2026-06-30" });
  });
});

describe("findHiddenDeadline", () => {
  it("finds a completion time written in the output column", () => {
    expect(findHiddenDeadline("Hoàn thành trong tháng 4/2026")).toEqual({
      text: "Hoàn thành trong tháng 4/2026",
      kind: "month",
      due: "2026-04-30",
    });
    expect(findHiddenDeadline("Báo cáo UBND tỉnh, hoàn thành trước ngày 30/4/2026.")).toMatchObject({
      kind: "date",
      due: "2026-04-30",
    });
  });

  it("ignores years that only describe the work", () => {
    expect(findHiddenDeadline("Báo cáo kết quả năm 2025")).toBeNull();
    expect(findHiddenDeadline("Báo cáo tình hình, kết quả thực hiện")).toBeNull();
    expect(findHiddenDeadline("")).toBeNull();
  });
});

describe("looksLikeDeadline", () => {
  it("recognises deadline cells", () => {
    for (const text of [
      "4/2026",
      "Thường xuyên",
      "Quý IV/2026",
      "Theo lộ trình được phê duyệt",
      "Trước ngày 30/11/2026",
      "30/9/2025 (Đã hoàn thành; tiếp tục triển khai thực hiện)",
    ]) {
      expect(looksLikeDeadline(text), text).toBe(true);
    }
  });

  it("rejects sentences that mention a time", () => {
    for (const text of [
      "Báo cáo tình hình năm 2026",
      "Kế hoạch số 04-KH/BCĐTW, ngày 05/01/2026",
      "Sở Tài chính",
      "",
    ]) {
      expect(looksLikeDeadline(text), text).toBe(false);
    }
  });
});

describe("isDeadlineWording", () => {
  it("takes a line of a wrapped deadline cell, and no other text", () => {
    for (const text of ["Trước", "ngày", "15/9/2026", "Thường", "xuyên", "Quý III/2026", "2026 -"]) {
      expect(isDeadlineWording(text), text).toBe(true);
    }
    for (const text of ["", "hội Năm 2026", "Sở Tư pháp", "Kế hoạch"]) {
      expect(isDeadlineWording(text), text).toBe(false);
    }
  });
});
