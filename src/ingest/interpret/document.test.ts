import { describe, expect, it } from "vitest";
import { readTextDocument } from "../extract.ts";
import { doc, interpret, para, row, table } from "../testing/rawDocument.ts";

describe("document details", () => {
  it("reads a state plan's first page", () => {
    const out = interpret(
      doc(
        table(
          row(
            "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 3450/KH-UBND",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLâm Đồng, ngày 17 tháng 3 năm 2026",
          ),
        ),
        para("KẾ HOẠCH"),
        para("Triển khai thực hiện Nghị quyết số 57-NQ/TW"),
        para("trên địa bàn tỉnh năm 2026"),
        para("Căn cứ Luật Tổ chức chính quyền địa phương;"),
        table(
          row("STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"),
          row("1", "Việc", "Sở Nội vụ", "2026"),
        ),
      ),
    );
    expect(out.document).toEqual({
      number: "3450/KH-UBND",
      type: "Kế hoạch",
      issuer: "Ủy ban nhân dân tỉnh Lâm Đồng",
      date: "2026-03-17",
      title: "Triển khai thực hiện Nghị quyết số 57-NQ/TW trên địa bàn tỉnh năm 2026",
    });
  });

  it("takes the body under its parent as the issuer and a letter's V/v as its title", () => {
    const out = interpret(
      doc(
        para("UBND TỈNH LÂM ĐỒNG"),
        para("SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
        para("Số: 120/SKHCN-VP"),
        para("V/v triển khai nhiệm vụ chuyển đổi số"),
        para("Lâm Đồng, ngày 05 tháng 6 năm 2026"),
        table(
          row("STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"),
          row("1", "Việc", "Sở Nội vụ", "2026"),
        ),
      ),
    );
    expect(out.document).toEqual({
      number: "120/SKHCN-VP",
      type: "Công văn",
      issuer: "Sở Khoa học và Công nghệ tỉnh Lâm Đồng",
      date: "2026-06-05",
      title: "V/v triển khai nhiệm vụ chuyển đổi số",
    });
  });

  it("says null for what a document does not say", () => {
    const out = interpret(
      doc(
        table(
          row("STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"),
          row("1", "Việc", "Sở Nội vụ", "2026"),
        ),
      ),
    );
    expect(out.document).toEqual({ number: null, type: null, issuer: null, date: null, title: null });
  });
});

describe("text renderings end to end", () => {
  it("reads a Markdown pipe table", () => {
    const out = interpret(
      readTextDocument(
        "| STT | Nội dung | Chủ trì | Phối hợp | Thời hạn |\n|---|---|---|---|---|\n| I | **Thể chế** | | | |\n| 1 | Rà soát <i>quy định</i> | Sở Tư pháp | Các sở, ban, ngành | Quý IV/2026 |",
      ),
    );
    expect(out.tasks).toEqual([
      expect.objectContaining({
        ref: "I.1",
        sectionTitle: "Thể chế",
        title: "Rà soát quy định",
        leads: ["Sở Tư pháp"],
        coordinators: ["Các sở, ban, ngành"],
        deadline: { text: "Quý IV/2026", kind: "quarter", due: "2026-12-31" },
      }),
    ]);
  });

  it("reads prose directives when there is no task table", () => {
    const out = interpret(
      readTextDocument(
        "THÔNG BÁO KẾT LUẬN\n1. Giao Sở Tài chính chủ trì bố trí kinh phí, hoàn thành trong Quý II/2026.",
      ),
    );
    expect(out.document.type).toBe("Thông báo kết luận");
    expect(Array.isArray(out.tasks)).toBe(true);
  });
});
