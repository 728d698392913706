import { describe, expect, it } from "vitest";
import { withoutDoubts } from "../testing/doubts.ts";
import { doc, interpret, mergedRow, para, planHeading, row, table } from "../testing/rawDocument.ts";
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

describe("target columns without a year", () => {
  const header = row("STT", "Tên chỉ tiêu", "ĐVT", "Kết quả", "Cơ quan theo dõi");

  it("take the year of the section heading above the rows", () => {
    const out = interpret(
      doc(
        ...planHeading("Nghệ An, ngày 20 tháng 11 năm 2025", "Chuyển đổi số tỉnh Nghệ An"),
        table(
          header,
          row("I", "CHỈ TIÊU ĐẾN NĂM 2030", "", "", ""),
          row("1", "Tỷ trọng kinh tế số trong GRDP", "%", "≥ 20", "Thống kê tỉnh"),
          row("2", "Chỉ số chuyển đổi số cấp tỉnh", "Thứ hạng", "Top 10 cả nước", "Sở Khoa học và Công nghệ"),
          row("II", "TẦM NHÌN ĐẾN NĂM 2045", "", "", ""),
          row("1", "Tỷ trọng kinh tế số trong GRDP", "%", "≥ 35", "Thống kê tỉnh"),
        ),
      ),
    );
    expect(out.indicators.map((i) => [i.ref, i.targets])).toEqual([
      ["I.1", [{ year: 2030, text: "≥ 20", op: ">=", value: 20 }]],
      ["I.2", [{ year: 2030, text: "Top 10 cả nước", op: null, value: null }]],
      ["II.1", [{ year: 2045, text: "≥ 35", op: ">=", value: 35 }]],
    ]);
  });

  it("take the year of a heading row without a number, which is no indicator", () => {
    const out = interpret(
      doc(
        table(
          header,
          mergedRow("Giai đoạn 2026 - 2030", 5),
          row("1", "Tỷ lệ hộ dùng nước sạch", "%", "Tối thiểu 70", "Sở Nông nghiệp và Môi trường"),
          row("", "Tầm nhìn đến năm 2045", "", "", ""),
          row("2", "Tỷ lệ hộ dùng nước sạch", "%", "100", "Sở Nông nghiệp và Môi trường"),
        ),
      ),
    );
    expect(out.indicators.map((i) => [i.ref, i.targets.map((t) => t.year)])).toEqual([
      ["1", [2030]],
      ["2", [2045]],
    ]);
    expect(out.warnings).toEqual([]);
  });

  it("take the year of a line between two parts of the table that names only a period", () => {
    const out = interpret(
      doc(
        para("a) Đến năm 2030:"),
        table(
          header,
          row("1", "Tỷ lệ hộ dùng nước sạch", "%", "Tối thiểu 70", "Sở Nông nghiệp và Môi trường"),
        ),
        para("b) Tầm nhìn đến năm 2045:"),
        table(header, row("1", "Tỷ lệ hộ dùng nước sạch", "%", "100", "Sở Nông nghiệp và Môi trường")),
      ),
    );
    expect(out.indicators.map((i) => i.targets.map((t) => t.year))).toEqual([[2030], [2045]]);
  });

  it("take the year of a numbered row that names nothing but a period, which is no indicator", () => {
    const out = interpret(
      doc(
        table(
          header,
          row("1", "Mục tiêu đến năm 2030", "", "", ""),
          row("1.1", "Tỷ lệ trạm y tế có bác sĩ", "%", "100", "Sở Y tế"),
          row("2", "Tỷ lệ hồ sơ sức khỏe điện tử năm 2030", "", "", ""),
          row("2.1", "Cấp tỉnh", "%", "≥ 90", "Sở Y tế"),
          row("", "a) Tầm nhìn đến năm 2045", "", "", ""),
          row("2.2", "Cấp xã", "%", "≥ 95", "Sở Y tế"),
        ),
      ),
    );
    expect(out.indicators.map((i) => [i.ref, i.targets.map((t) => t.year)])).toEqual([
      ["1.1", [2030]],
      ["2", []],
      ["2.1", [2030]],
      ["2.2", [2045]],
    ]);
  });

  it("take the year the title aims at before the year the plan was signed", () => {
    const rows = [
      header,
      row("1", "Tỷ lệ xã đạt chuẩn nông thôn mới", "%", "100", "Sở Nông nghiệp và Môi trường"),
    ];
    const dated = "Quảng Ngãi, ngày 26 tháng 12 năm 2025";
    const period = interpret(
      doc(...planHeading(dated, "Phát triển kinh tế - xã hội giai đoạn 2026 – 2030"), table(...rows)),
    );
    expect(period.indicators[0]!.targets[0]!.year).toBe(2030);
    const horizon = interpret(
      doc(
        ...planHeading(dated, "Phát triển nông nghiệp đến năm 2030, tầm nhìn đến năm 2045"),
        table(...rows),
      ),
    );
    expect(horizon.indicators[0]!.targets[0]!.year).toBe(2030);
    const none = interpret(doc(...planHeading(dated, "Phát triển nông nghiệp bền vững"), table(...rows)));
    expect(none.indicators[0]!.targets[0]!.year).toBe(2025);
  });

  it("take the year of the appendix caption above the table before the title's", () => {
    const rows = [
      header,
      row("1", "Tỷ lệ xã đạt chuẩn nông thôn mới", "%", "100", "Sở Nông nghiệp và Môi trường"),
    ];
    const out = interpret(
      doc(
        ...planHeading("Hà Tĩnh, ngày 23 tháng 01 năm 2026", "Phát triển nông nghiệp năm 2026"),
        para("Phụ lục II\nCHỈ TIÊU CHỦ YẾU ĐẾN NĂM 2030"),
        para("(Kèm theo Kế hoạch số 57/KH-UBND ngày 23 tháng 01\nnăm 2026 của Ủy ban nhân dân tỉnh)"),
        table(...rows),
        para("Phụ lục III: CHỈ TIÊU KHÁC"),
        para("(Kèm theo Kế hoạch số 57/KH-UBND ngày 23 tháng 01\nnăm 2026 của Ủy ban nhân dân tỉnh)"),
        table(
          row("TT", "Tên chỉ tiêu", "Mục tiêu", "Đơn vị chủ trì"),
          row("1", "Số hợp tác xã", "120", "Sở Tài chính"),
        ),
      ),
    );
    expect(out.indicators.map((i) => i.targets[0]!.year)).toEqual([2030, 2026]);
  });

  it("yield to a year the column names", () => {
    const out = interpret(
      doc(
        table(
          row("STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Năm 2030", "Cơ quan chủ trì theo dõi"),
          row("A", "Tầm nhìn đến năm 2045", "", "", "", ""),
          row("1", "Tỷ lệ lao động qua đào tạo", "%", "70", "≥ 75", "Sở Nội vụ"),
        ),
      ),
    );
    expect(out.indicators[0]!.targets.map((t) => t.year)).toEqual([2025, 2030]);
  });
});

describe("indicator columns named variously", () => {
  it("reads 'Mục tiêu', 'Chỉ tiêu đến năm 2030' and a bare year as targets", () => {
    for (const [heading, year] of [
      ["Mục tiêu", 2026],
      ["Kết quả cần đạt", 2026],
      ["Chỉ tiêu đến năm 2030", 2030],
      ["2030", 2030],
      ["Giai đoạn 2026 - 2030", 2030],
    ] as const) {
      const out = interpret(
        doc(
          para("Hà Tĩnh, ngày 23 tháng 01 năm 2026"),
          table(
            row("STT", "Tên chỉ tiêu", heading, "Đơn vị chủ trì"),
            row("1", "Tỷ lệ dân số tham gia bảo hiểm y tế", "Trên 95", "Bảo hiểm xã hội tỉnh"),
          ),
        ),
      );
      expect(out.indicators[0]!.targets, heading).toEqual([{ year, text: "Trên 95", op: ">", value: 95 }]);
      expect(out.indicators[0]!.monitors, heading).toEqual(["Bảo hiểm xã hội tỉnh"]);
    }
  });

  it("reads a table that measures as indicators even when its header never says 'chỉ tiêu'", () => {
    const out = interpret(
      doc(
        para("Hà Tĩnh, ngày 23 tháng 01 năm 2026"),
        table(
          row("STT", "Nội dung", "Đơn vị tính", "Mục tiêu đến năm 2030", "Cơ quan theo dõi"),
          row("1", "Tỷ lệ trạm y tế có bác sĩ", "%", "100", "Sở Y tế"),
        ),
      ),
    );
    expect(out.indicators.map((i) => [i.name, i.unit, i.targets[0]?.year])).toEqual([
      ["Tỷ lệ trạm y tế có bác sĩ", "%", 2030],
    ]);
  });

  it("takes the agency that carries the figure out as monitor, not the ones that help", () => {
    const out = interpret(
      doc(
        table(
          row("TT", "Nội dung chỉ tiêu", "Năm 2030", "Cơ quan chủ trì thực hiện", "Cơ quan phối hợp"),
          row("1", "Tỷ lệ trạm y tế có bác sĩ", "100", "Sở Y tế", "Sở Nội vụ"),
        ),
      ),
    );
    expect(out.indicators[0]!.monitors).toEqual(["Sở Y tế"]);
  });

  it("reads 'Mục tiêu, chỉ tiêu' as the name and a joint agency column as the monitor", () => {
    const out = interpret(
      doc(
        table(
          row("STT", "Mục tiêu, chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Cơ quan chủ trì, phối hợp"),
          row("1", "Tỷ lệ hồ sơ trực tuyến", "%", "≥ 80", "Văn phòng UBND tỉnh"),
        ),
      ),
    );
    expect(out.indicators[0]).toMatchObject({
      name: "Tỷ lệ hồ sơ trực tuyến",
      targets: [{ year: 2026, text: "≥ 80", op: ">=", value: 80 }],
      monitors: ["Văn phòng UBND tỉnh"],
    });
  });

  it("reads a unit written after the name when there is no unit beside it", () => {
    const out = interpret(
      doc(
        table(
          row("TT", "Chỉ tiêu", "Năm 2030", "Cơ quan theo dõi"),
          row("1", "Tốc độ tăng trưởng GRDP bình quân (%/năm)", "Tối thiểu 8", "Sở Tài chính"),
          row("2", "GRDP bình quân đầu người (triệu đồng/người)", "Trên 120", "Thống kê tỉnh"),
          row("3", "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "Top 20", "Sở Tài chính"),
        ),
      ),
    );
    expect(out.indicators.map((i) => [i.name, i.unit])).toEqual([
      ["Tốc độ tăng trưởng GRDP bình quân", "%/năm"],
      ["GRDP bình quân đầu người", "triệu đồng/người"],
      ["Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", ""],
    ]);
  });
});

describe("sub-rows that name only a period", () => {
  it("are the targets of the indicator above them, year by year", () => {
    const out = interpret(
      doc(
        para("Hà Nội, ngày 02 tháng 3 năm 2026"),
        table(
          row("STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Cơ quan theo dõi"),
          row("1", "Tỷ lệ hộ nghèo đa chiều", "%", "", "Sở Nội vụ"),
          row("-", "Đến năm 2025", "", "Dưới 3", ""),
          row("-", "Đến năm 2030", "", "Dưới 1,5", ""),
          row("2", "Tỷ lệ che phủ rừng", "%", "Tối thiểu 58", "Sở Nông nghiệp và Môi trường"),
          row("2.1", "Rừng phòng hộ", "%", "≥ 20", "Sở Nông nghiệp và Môi trường"),
        ),
      ),
    );
    expect(out.indicators.map((i) => [i.ref, i.unit, i.targets.map((t) => [t.year, t.text])])).toEqual([
      [
        "1",
        "%",
        [
          [2025, "Dưới 3"],
          [2030, "Dưới 1,5"],
        ],
      ],
      ["2", "%", [[2026, "Tối thiểu 58"]]],
      ["2.1", "%", [[2026, "≥ 20"]]],
    ]);
    expect(out.warnings).toEqual([]);
  });
});

describe("group rows naming a period under a header with two 'chỉ tiêu' columns", () => {
  it("gives each group's year to its rows and reads the qualified column as the target", () => {
    const out = interpret(
      doc(
        para("Đà Nẵng, ngày 10 tháng 02 năm 2026"),
        table(
          row("TT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu cần đạt", "Đơn vị theo dõi"),
          row("", "Giai đoạn đến năm 2027", "", "", ""),
          row("1", "Số xã đạt chuẩn nông thôn mới nâng cao", "Xã", "≥ 12", "Sở Nông nghiệp và Môi trường"),
          row("", "Giai đoạn đến năm 2030", "", "", ""),
          row("2", "Số xã đạt chuẩn nông thôn mới nâng cao", "Xã", "≥ 20", "Sở Nông nghiệp và Môi trường"),
        ),
      ),
    );
    expect(out.tasks).toEqual([]);
    expect(out.indicators.map((i) => [i.ref, i.name, i.targets.map((t) => [t.year, t.text])])).toEqual([
      ["1", "Số xã đạt chuẩn nông thôn mới nâng cao", [[2027, "≥ 12"]]],
      ["2", "Số xã đạt chuẩn nông thôn mới nâng cao", [[2030, "≥ 20"]]],
    ]);
  });

  it("starts a new table where a header of the same columns names another year, so its period rows count", () => {
    const out = interpret(
      doc(
        ...planHeading("Cần Thơ, ngày 02 tháng 7 năm 2026", "Kế hoạch phát triển đô thị thông minh"),
        para("1. Chỉ tiêu đến năm 2027"),
        table(
          row("TT", "Chỉ tiêu", "Đơn vị tính", "2027", "Cơ quan theo dõi"),
          row("1", "Tỷ lệ hồ sơ trực tuyến", "%", "≥ 80", "Văn phòng UBND tỉnh"),
        ),
        para("2. Chỉ tiêu đến năm 2030 và tầm nhìn đến năm 2045"),
        table(
          row("TT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Cơ quan chủ trì theo dõi"),
          mergedRow("Đến năm 2030", 5),
          row("2", "Tỷ lệ hộ có cáp quang", "%", "≥ 95", "Sở Khoa học và Công nghệ"),
          mergedRow("Tầm nhìn 2045", 5),
          row("3", "Tỷ lệ dân số có kỹ năng số", "%", "100", "Sở Khoa học và Công nghệ"),
        ),
      ),
    );
    expect(out.indicators.map((i) => [i.ref, i.targets.map((t) => t.year)])).toEqual([
      ["1", [2027]],
      ["2", [2030]],
      ["3", [2045]],
    ]);
  });
});
