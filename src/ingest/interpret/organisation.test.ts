import { describe, expect, it } from "vitest";
import { doc, interpret, para, row, table } from "../testing/rawDocument.ts";
import { organisationText } from "./organisation.ts";

const taskTable = table(
  row("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"),
  row(
    "1",
    "Xây dựng cơ sở dữ liệu dùng chung của tỉnh",
    "Sở Khoa học và Công nghệ",
    "Các sở, ngành",
    "Quý III/2026",
  ),
);

describe("the body's 'Tổ chức thực hiện' section", () => {
  const body = [
    para("I. MỤC ĐÍCH, YÊU CẦU"),
    para("1. Mục đích"),
    para("Cụ thể hóa các nhiệm vụ được giao."),
    para("III. TỔ CHỨC THỰC HIỆN"),
    para("1. Sở Khoa học và Công nghệ: theo dõi, đôn đốc việc triển khai Kế hoạch."),
    para("2. Sở Tài chính: tham mưu bố trí kinh phí thực hiện."),
    para("c) Các sở, ngành báo cáo định kỳ."),
    para("IV. CHẾ ĐỘ BÁO CÁO"),
    para("Các cơ quan báo cáo hằng quý."),
  ];

  it("is kept as the plan's organisation text, its paragraphs not taken for tasks, when a task table lists the tasks", () => {
    const out = interpret(
      doc(para("KẾ HOẠCH"), para("Chuyển đổi số năm 2026"), ...body, para("Phụ lục"), taskTable),
    );
    expect(out.tasks.map((t) => t.title)).toEqual(["Xây dựng cơ sở dữ liệu dùng chung của tỉnh"]);
    expect(out.organisation).toBe(
      "1. Sở Khoa học và Công nghệ: theo dõi, đôn đốc việc triển khai Kế hoạch.\n2. Sở Tài chính: tham mưu bố trí kinh phí thực hiện.\nc) Các sở, ngành báo cáo định kỳ.",
    );
  });

  it("ends at the recipients, an appendix or a table when no heading of its kind follows", () => {
    expect(
      organisationText(
        doc(
          para("4. TỔ CHỨC THỰC HIỆN"),
          para("4.1. Sở Nội vụ: tổng hợp."),
          para("Nơi nhận:"),
          para("- Như trên;"),
        ),
      ),
    ).toBe("4.1. Sở Nội vụ: tổng hợp.");
    expect(
      organisationText(doc(para("Tổ chức thực hiện"), para("Giao Sở Nội vụ theo dõi."), taskTable)),
    ).toBe("Giao Sở Nội vụ theo dõi.");
  });

  it("is null where the document has no such section, or reads its tasks from prose", () => {
    expect(organisationText(doc(...body.slice(0, 3)))).toBeNull();
    const prose = interpret(
      doc(
        para("THÔNG BÁO"),
        para("III. TỔ CHỨC THỰC HIỆN"),
        para("Giao Sở Nội vụ chủ trì tổng hợp, báo cáo trước ngày 30/6/2026."),
      ),
    );
    expect(prose.organisation).toBeNull();
  });

  it("is no task in a plan whose only tables are indicator tables; the body's other directives still are", () => {
    const indicatorTable = table(
      row("STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2030", "Cơ quan theo dõi"),
      row("1", "Tỷ lệ hồ sơ giải quyết trực tuyến", "%", "≥ 80", "Sở Nội vụ"),
    );
    const out = interpret(
      doc(
        para("KẾ HOẠCH"),
        para("Chuyển đổi số năm 2026"),
        para("II. NHIỆM VỤ"),
        para(
          "Giao Sở Khoa học và Công nghệ xây dựng nền tảng dữ liệu dùng chung, hoàn thành trước ngày 30/9/2026.",
        ),
        para("III. TỔ CHỨC THỰC HIỆN"),
        para("Các cơ quan được giao theo dõi chỉ tiêu có trách nhiệm tổng hợp, báo cáo định kỳ hằng quý."),
        para("Phụ lục"),
        indicatorTable,
      ),
    );
    expect(out.indicators).toHaveLength(1);
    expect(out.tasks.map((t) => t.leads)).toEqual([["Sở Khoa học và Công nghệ"]]);
    expect(out.organisation).toBe(
      "Các cơ quan được giao theo dõi chỉ tiêu có trách nhiệm tổng hợp, báo cáo định kỳ hằng quý.",
    );
  });
});
