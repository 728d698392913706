import { describe, expect, it } from "vitest";
import { withoutDoubts } from "../testing/doubts.ts";
import { doc, interpret, para, row, table } from "../testing/rawDocument.ts";
import { interpretDocument } from "./index.ts";

describe("indicator tables", () => {
  it("reads targets per year from a two-row header and a plan year for yearless targets", () => {
    const out = interpret(
      doc(
        para("Hà Nội, ngày 02 tháng 3 năm 2026"),
        table(
          row("STT", "Tên chỉ tiêu", "ĐVT", "Mục tiêu", "Mục tiêu", "Cơ quan theo dõi", "Nguồn"),
          row("", "", "", "Năm 2026", "Năm 2030", "", ""),
          row("I", "Hạ tầng số", "", "", "", "", ""),
          row(
            "1",
            "Tỷ lệ phủ sóng 5G",
            "%",
            "≥ 70",
            "100",
            "Sở Khoa học và Công nghệ",
            "Kế hoạch số 5039/KH-UBND",
          ),
          row("2", "Có trung tâm SOC", "-", "Có", "-", "Công an tỉnh", ""),
        ),
      ),
    );
    expect(out.tasks).toEqual([]);
    expect(out.indicators.map(withoutDoubts)).toEqual([
      {
        ref: "I.1",
        section: "I",
        number: "1",
        name: "Tỷ lệ phủ sóng 5G",
        unit: "%",
        targets: [
          { year: 2026, text: "≥ 70", op: ">=", value: 70 },
          { year: 2030, text: "100", op: "=", value: 100 },
        ],
        monitors: ["Sở Khoa học và Công nghệ"],
        sources: ["5039/KH-UBND"],
      },
      {
        ref: "I.2",
        section: "I",
        number: "2",
        name: "Có trung tâm SOC",
        unit: "-",
        targets: [
          { year: 2026, text: "Có", op: "=", value: true },
          { year: 2030, text: "-", op: null, value: null },
        ],
        monitors: ["Công an tỉnh"],
        sources: [],
      },
    ]);
  });
});

describe("indicator tables with results beside targets", () => {
  it("reads only the target columns", () => {
    const out = interpret(
      doc(
        table(
          row("STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2025", "Kế hoạch năm 2026", "Cơ quan chủ trì"),
          row("1", "Tỷ lệ hồ sơ trực tuyến", "%", "62", "≥ 80", "Văn phòng UBND tỉnh"),
        ),
      ),
    );
    expect(out.indicators[0]!.targets).toEqual([{ year: 2026, text: "≥ 80", op: ">=", value: 80 }]);
  });
});

describe("indicator rows bulleted under a numbered one", () => {
  it("numbers them under it and says so", () => {
    const out = interpretDocument(
      doc(
        table(
          row("STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2026"),
          row("11", "Tỷ lệ hồ sơ trực tuyến", "", ""),
          row("-", "Cấp tỉnh", "%", "≥ 90"),
          row("-", "Cấp xã", "%", "≥ 70"),
          row("12", "Số doanh nghiệp số", "DN", "120"),
        ),
      ),
    );
    expect(out.indicators.map((i) => i.ref)).toEqual(["11", "11.1", "11.2", "12"]);
    expect(out.warnings.filter((w) => w.code === "missing_number").map((w) => w.ref)).toEqual([
      "11.1",
      "11.2",
    ]);
  });
});
