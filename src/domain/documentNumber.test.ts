import { describe, expect, it } from "vitest";
import {
  documentTypeFromNumber,
  findDocumentNumbers,
  normalizeDocumentNumber,
  sameDocumentNumber,
} from "./documentNumber.ts";

describe("findDocumentNumbers", () => {
  it.each([
    ["Kế hoạch số 04-KH/BCĐTW, ngày 05/01/2026", ["04-KH/BCĐTW"]],
    ["Thông báo số 06 - TB/CQTTBCĐ ngày 27/9/2025", ["06-TB/CQTTBCĐ"]],
    ["Thông báo số 46 -TB/TGV ngày 30/09/2025", ["46-TB/TGV"]],
    ["Kế hoạch số 3450 /KH-UBND ngày 18 tháng 3 năm 2026", ["3450/KH-UBND"]],
    ["Thông báo số 17-\nTB/CQTTBCĐ ngày 29/12/2025", ["17-TB/CQTTBCĐ"]],
    ["Thông báo số 17-TB/CQT/BCĐ ngày 29/12/2025", ["17-TB/CQT/BCĐ"]],
    ["Chương trình số 02-CTr/BCĐTW, 02/02/2026", ["02-CTr/BCĐTW"]],
    ["Quyết định số 125/QĐ-TTg ngày 16/01/2026", ["125/QĐ-TTg"]],
    ["Nghị định số 107/2021/NĐ-CP của Chính phủ", ["107/2021/NĐ-CP"]],
    ["Nghị quyết số 193/2025/NQ-QH15 của Quốc hội", ["193/2025/NQ-QH15"]],
    ["Văn bản số 773/VPCP-CĐS ngày 23/01/2026", ["773/VPCP-CĐS"]],
    ["Tờ trình số 843/TTr-SKH-CN ngày 13/03/2026", ["843/TTr-SKH-CN"]],
    ["Kế hoạch số 04-KH/BCĐTƯ, ngày 05/01/2026", ["04-KH/BCĐTƯ"]],
  ])("%s", (text, expected) => {
    expect(findDocumentNumbers(text)).toEqual(expected);
  });

  it("finds every number of a list once, in order", () => {
    const text =
      "Quyết định số 125/QĐ-TTg ngày 16/01/2026; Quyết định 2835/QĐ-TTg ngày 31/12/2025, Nghị quyết số 71/NQ-CP, " +
      "Nghị quyết số 11/NQ-CP ngày 14/01/2026; Nghị quyết số 01/NQ-CP ngày 08/01/2026; lại 71/NQ-CP";
    expect(findDocumentNumbers(text)).toEqual([
      "125/QĐ-TTg",
      "2835/QĐ-TTg",
      "71/NQ-CP",
      "11/NQ-CP",
      "01/NQ-CP",
    ]);
  });

  it("ignores dates, ratios, ranges and words", () => {
    expect(
      findDocumentNumbers("ngày 05/01/2026, 24/7, giai đoạn 2021 - 2030, 01 Gbps/s, mục 3/ Phụ lục"),
    ).toEqual([]);
    expect(findDocumentNumbers("Luật Ngân sách nhà nước (Điều 51, Khoản 3 Điều 7)")).toEqual([]);
    expect(findDocumentNumbers("")).toEqual([]);
  });
});

describe("normalizeDocumentNumber", () => {
  it("removes spaces and plain-dashes", () => {
    expect(normalizeDocumentNumber("06 – TB/CQTTBCĐ")).toBe("06-TB/CQTTBCĐ");
    expect(normalizeDocumentNumber(" 3450 /KH-UBND ")).toBe("3450/KH-UBND");
  });
});

describe("sameDocumentNumber", () => {
  it("recognises the typos real plans carry", () => {
    expect(sameDocumentNumber("17-TB/CCTTBCĐ", "17-TB/CQTTBCĐ")).toBe(true);
    expect(sameDocumentNumber("04-KH/BCĐTƯ", "04-KH/BCĐTW")).toBe(true);
    expect(sameDocumentNumber("06 - TB/CQTTBCĐ", "06-TB/CQTTBCĐ")).toBe(true);
    expect(sameDocumentNumber("17-TB/CQT/BCĐ", "17-TB/CQTTBCĐ")).toBe(true);
    expect(sameDocumentNumber("07-TB/CQTTBCEĐ", "07-TB/CQTTBCĐ")).toBe(true);
    expect(sameDocumentNumber("3450/KH-UBND", "3450 /KH-UBND")).toBe(true);
  });

  it("keeps different documents apart", () => {
    expect(sameDocumentNumber("17-TB/CQTTBCĐ", "17-KH/CQTTBCĐ")).toBe(false);
    expect(sameDocumentNumber("17-TB/CQTTBCĐ", "18-TB/CQTTBCĐ")).toBe(false);
    expect(sameDocumentNumber("22-KH/TU", "22-KH/TW")).toBe(false);
    expect(sameDocumentNumber("11/NQ-CP", "11-NQ/CP")).toBe(false);
    expect(sameDocumentNumber("04/2025/NQ-CP", "04/2024/NQ-CP")).toBe(false);
  });
});

describe("documentTypeFromNumber", () => {
  it("names the type a code stands for", () => {
    expect(documentTypeFromNumber("1535-CV/TU")).toBe("Công văn");
    expect(documentTypeFromNumber("3450/KH-UBND")).toBe("Kế hoạch");
    expect(documentTypeFromNumber("02-CTr/BCĐTW")).toBe("Chương trình");
    expect(documentTypeFromNumber("11/QĐ-BCĐCP")).toBe("Quyết định");
    expect(documentTypeFromNumber("773/VPCP-CĐS")).toBe("Công văn");
    expect(documentTypeFromNumber("abc")).toBeNull();
  });
});
