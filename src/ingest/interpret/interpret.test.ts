import { describe, expect, it } from "vitest";
import { readTextDocument } from "../extract.ts";
import { withoutDoubts } from "../testing/doubts.ts";
import { doc, interpret, mergedRow, para, row, table } from "../testing/rawDocument.ts";
import { interpretDocument } from "./index.ts";

describe("headers in other words, orders and subsets", () => {
  it("maps columns by meaning, not by position", () => {
    const out = interpret(
      doc(
        table(
          row(
            "TT",
            "Nội dung nhiệm vụ",
            "Thời gian hoàn thành",
            "Cơ quan thực hiện/phối hợp",
            "Đơn vị chủ trì",
            "Mô tả sản phẩm đầu ra",
            "Ghi chú",
          ),
          row(
            "1",
            "Xây dựng cơ sở dữ liệu",
            "Quý III/2026",
            "Sở Tài chính, Sở Nội vụ",
            "Sở Khoa học và Công nghệ",
            "Cơ sở dữ liệu",
            "Theo Kế hoạch số 12/KH-UBND",
          ),
        ),
      ),
    );
    expect(out.tasks.map(withoutDoubts)).toEqual([
      {
        ref: "1",
        section: null,
        sectionTitle: null,
        number: "1",
        title: "Xây dựng cơ sở dữ liệu",
        sources: ["12/KH-UBND"],
        responsible: "",
        leads: ["Sở Khoa học và Công nghệ"],
        coordinators: ["Sở Tài chính", "Sở Nội vụ"],
        output: "Cơ sở dữ liệu",
        note: "Theo Kế hoạch số 12/KH-UBND",
        deadline: { text: "Quý III/2026", kind: "quarter", due: "2026-09-30" },
      },
    ]);
  });

  it("reads a header over two rows and skips the column-number row", () => {
    const out = interpret(
      doc(
        table(
          row("STT", "Nhiệm vụ", "Cơ quan thực hiện", "Cơ quan thực hiện", "Hạn hoàn thành"),
          row("", "", "Chủ trì", "Phối hợp", ""),
          row("(1)", "(2)", "(3)", "(4)", "(5)"),
          row("1", "Tập huấn", "Sở Nội vụ", "UBND cấp xã", "30/6/2026"),
        ),
      ),
    );
    expect(out.tasks).toHaveLength(1);
    expect(out.tasks[0]).toMatchObject({
      leads: ["Sở Nội vụ"],
      coordinators: ["UBND cấp xã"],
      deadline: { kind: "date", due: "2026-06-30" },
    });
  });
});

describe("sections, numbering and continuations", () => {
  const header = row("STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời hạn");

  it("reads sections merged across the row and numbering that runs on", () => {
    const merged = "I. NHIỆM VỤ CHUNG";
    const out = interpret(
      doc(
        table(
          header,
          row(merged, merged, merged, merged),
          row("1", "Việc một", "Sở Tài chính", "2026"),
          row("2", "Việc hai", "Sở Nội vụ", "Thường xuyên"),
          row("II", "Nhiệm vụ cụ thể", "", ""),
          row("3", "Việc ba", "Công an tỉnh", "Quý I/2027"),
          row("5", "Việc năm", "Công an tỉnh", "Theo tiến độ"),
        ),
      ),
    );
    expect(out.tasks.map((t) => [t.ref, t.section, t.sectionTitle])).toEqual([
      ["I.1", "I", "NHIỆM VỤ CHUNG"],
      ["I.2", "I", "NHIỆM VỤ CHUNG"],
      ["II.3", "II", "Nhiệm vụ cụ thể"],
      ["II.5", "II", "Nhiệm vụ cụ thể"],
    ]);
    expect(out.warnings).toEqual([expect.objectContaining({ ref: "II.4", code: "numbering_gap" })]);
  });

  it("joins a row cut by a page break, whether the header repeats or the table is split", () => {
    const out = interpret(
      doc(
        table(header, row("1", "Tổ chức tập huấn kỹ năng số và phát", "Sở Khoa học và", "6/2026")),
        para("2"),
        table(header, row("", "huy vai trò Tổ công nghệ số", "Công nghệ", "")),
        table(row("", "", "", ""), row("2", "Việc hai", "Sở Nội vụ", "7/2026")),
      ),
    );
    expect(out.tasks.map((t) => [t.ref, t.title, t.leads])).toEqual([
      ["1", "Tổ chức tập huấn kỹ năng số và phát huy vai trò Tổ công nghệ số", ["Sở Khoa học và Công nghệ"]],
      ["2", "Việc hai", ["Sở Nội vụ"]],
    ]);
  });

  it("merges Word's vertically merged rows into one task", () => {
    const out = interpret(
      doc(
        table(
          header,
          row("1", "Việc có hai cơ quan", "Sở Tài chính", "6/2026"),
          row({ text: "", mergedFromAbove: true }, { text: "", mergedFromAbove: true }, "Sở Nội vụ", ""),
        ),
      ),
    );
    expect(out.tasks).toHaveLength(1);
    expect(out.tasks[0]!.leads).toEqual(["Sở Tài chính", "Sở Nội vụ"]);
  });

  it("keeps sub-numbers and drops a numbered group heading with no data", () => {
    const out = interpret(
      doc(
        table(
          header,
          row("1", "Nhóm nhiệm vụ về thể chế", "", ""),
          row("1.1", "Rà soát văn bản", "Sở Tư pháp", "6/2026"),
          row("1.2", "Ban hành quy chế", "Sở Nội vụ", "9/2026"),
          row("2", "Việc hai", "Sở Tài chính", "2026"),
        ),
      ),
    );
    expect(out.tasks.map((t) => t.ref)).toEqual(["1.1", "1.2", "2"]);
    expect(out.warnings).toEqual([]);
  });

  it("reads lettered parts, Word cells merged down over several tasks, and lettered sub-items", () => {
    const out = interpret(
      doc(
        table(
          header,
          row("A", "NHIỆM VỤ TRỌNG TÂM", "", ""),
          row("1", "Việc một", "Sở Tài chính", "6/2026"),
          row("2", "Việc hai", { text: "", mergedFromAbove: true }, "7/2026"),
          row("3", "Nhóm việc ba", "", ""),
          row("a", "Việc ba a", "Sở Nội vụ", "8/2026"),
        ),
      ),
    );
    expect(out.tasks.map((t) => [t.ref, t.leads, t.sectionTitle])).toEqual([
      ["A.1", ["Sở Tài chính"], "NHIỆM VỤ TRỌNG TÂM"],
      ["A.2", ["Sở Tài chính"], "NHIỆM VỤ TRỌNG TÂM"],
      ["A.a", ["Sở Nội vụ"], "NHIỆM VỤ TRỌNG TÂM"],
    ]);
  });

  it("keeps Roman sections apart when lettered parts restart them", () => {
    const out = interpret(
      doc(
        table(
          header,
          row("A", "NHIỆM VỤ CHUNG", "", ""),
          row("I", "Thể chế", "", ""),
          row("1", "Việc một", "Sở Tư pháp", "2026"),
          row("B", "NHIỆM VỤ CỤ THỂ", "", ""),
          row("I", "Hạ tầng", "", ""),
          row("1", "Việc hai", "Sở Xây dựng", "2027"),
          row("C", "TỔ CHỨC THỰC HIỆN", "", ""),
          row("1", "Việc ba", "Sở Nội vụ", "2027"),
        ),
      ),
    );
    expect(out.tasks.map((t) => [t.ref, t.sectionTitle])).toEqual([
      ["A.I.1", "Thể chế"],
      ["B.I.1", "Hạ tầng"],
      ["C.1", "TỔ CHỨC THỰC HIỆN"],
    ]);
  });

  it("takes the number from the name when the table has no STT column", () => {
    const out = interpret(
      doc(
        table(
          row(
            "Nhiệm vụ, giải pháp",
            "Đơn vị chủ trì",
            "Đơn vị phối hợp",
            "Tiến độ thực hiện",
            "Nguồn kinh phí",
          ),
          row("I. NHIỆM VỤ CHUNG", "", "", "", ""),
          row(
            "1. Rà soát thủ tục hành chính",
            "Văn phòng UBND tỉnh",
            "Các Sở, Ban, Ngành",
            "Hằng năm",
            "Ngân sách tỉnh",
          ),
          row("2. Số hóa hồ sơ", "Sở Nội vụ", "", "Năm 2026", "Nghị định số 73/2019/NĐ-CP"),
        ),
      ),
    );
    expect(out.tasks.map((t) => [t.ref, t.title, t.coordinators, t.sources, t.deadline.kind])).toEqual([
      ["I.1", "Rà soát thủ tục hành chính", ["Các Sở, Ban, Ngành"], [], "recurring"],
      ["I.2", "Số hóa hồ sơ", [], [], "year"],
    ]);
  });

  it("finds the row numbers under a blank header cell", () => {
    const out = interpret(
      doc(
        table(
          row("", "Nhiệm vụ", "Chủ trì", "Thời hạn"),
          row("I", "Thể chế", "", ""),
          row("1", "Việc một", "Sở Tư pháp", "2026"),
          row("2", "Việc hai", "Sở Nội vụ", "2027"),
        ),
      ),
    );
    expect(out.tasks.map((t) => t.ref)).toEqual(["I.1", "I.2"]);
  });

  it("finds the header under a sheet's long title block", () => {
    const title = [
      "ỦY BAN NHÂN DÂN TỈNH",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "",
      "DANH MỤC NHIỆM VỤ",
      "Triển khai chuyển đổi số năm 2026",
      "(Kèm theo Kế hoạch số 15/KH-UBND ngày 10/01/2026 của UBND tỉnh)",
      "",
      "Cập nhật đến ngày 30/6/2026",
      "Đơn vị tổng hợp: Sở Khoa học và Công nghệ",
      "Người lập: Phòng Chuyển đổi số",
      "Điện thoại: 0263 123 456",
      "Ghi chú: các nhiệm vụ tô màu là nhiệm vụ trọng tâm",
      "",
    ].map((line) => (line ? mergedRow(line, 5) : row("", "", "", "", "")));
    const out = interpret(
      doc(
        table(
          row("ỦY BAN NHÂN DÂN TỈNH", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", ""),
          ...title,
          row("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"),
          row("1", "Số hóa hồ sơ đất đai", "Sở Nông nghiệp và Môi trường", "Sở Tài chính", "30/9/2026"),
          row("2", "Vận hành trung tâm điều hành thông minh", "Sở Khoa học và Công nghệ", "", "Quý IV/2026"),
        ),
      ),
    );
    expect(out.tasks.map((t) => [t.ref, t.leads, t.deadline.due])).toEqual([
      ["1", ["Sở Nông nghiệp và Môi trường"], "2026-09-30"],
      ["2", ["Sở Khoa học và Công nghệ"], "2026-12-31"],
    ]);
  });

  it("does not take a list of documents for a task table", () => {
    const list = table(row("STT", "Nội dung", "Ghi chú"), row("1", "Báo cáo quý I", "Đã gửi"));
    expect(interpretDocument(doc(list)).tasks).toEqual([]);
  });

  it("numbers an unnumbered row by position and says so", () => {
    const out = interpret(
      doc(
        table(
          header,
          row("1", "Việc một", "Sở Tài chính", "2026"),
          row("", "Việc không số", "Sở Nội vụ", "2027"),
        ),
      ),
    );
    expect(out.tasks.map((t) => t.ref)).toEqual(["1", "2"]);
    expect(out.warnings.map((w) => w.code)).toContain("missing_number");
  });
});

describe("cells", () => {
  it("takes sources from footnotes and a deadline hidden in the output column", () => {
    const out = interpret(
      doc(
        table(
          row("STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Sản phẩm", "Thời hạn"),
          row(
            "1",
            {
              text: "Triển khai mô hình an toàn thông tin 4 lớp",
              footnotes: ["Kết luận số 17-TB/CCTTBCĐ ngày 29/12/2025"],
            },
            "Công an tỉnh",
            "- Báo cáo kết quả\n- Hoàn thành trước ngày 30/4/2026",
            "",
          ),
        ),
      ),
    );
    expect(out.tasks[0]).toMatchObject({
      sources: ["17-TB/CCTTBCĐ"],
      output: "- Báo cáo kết quả - Hoàn thành trước ngày 30/4/2026",
      deadline: { kind: "date", due: "2026-04-30" },
    });
  });

  it("completes a deadline without a year from the plan's date", () => {
    const out = interpret(
      doc(
        para("Lâm Đồng, ngày 10 tháng 01 năm 2026"),
        table(
          row("STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"),
          row("1", "Việc", "Sở Nội vụ", "Quý II"),
        ),
      ),
    );
    expect(out.tasks[0]!.deadline).toEqual({ text: "Quý II", kind: "quarter", due: "2026-06-30" });
  });
});

describe("rows that are not tasks", () => {
  const header = row(
    "STT",
    "Nội dung công việc",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời gian hoàn thành",
  );
  const note =
    "Các nhiệm vụ dưới đây do Ủy ban nhân dân cấp xã chủ trì thực hiện, cụ thể: số thứ tự từ 2 đến 3";
  const across = row(note, note, note, note, note);

  it("keeps a note merged across the table as a warning, not a task", () => {
    const out = interpret(
      doc(
        table(
          header,
          row("1", "Rà soát quy chế làm việc", "Sở Nội vụ", "", "Quý II/2026"),
          across,
          row("2", "Kiện toàn bộ phận một cửa", "Ủy ban nhân dân cấp xã", "", "Tháng 5/2026"),
          row("3", "Công khai thủ tục hành chính", "Ủy ban nhân dân cấp xã", "", "Thường xuyên"),
        ),
      ),
    );
    expect(out.tasks.map((t) => [t.ref, t.deadline.text])).toEqual([
      ["1", "Quý II/2026"],
      ["2", "Tháng 5/2026"],
      ["3", "Thường xuyên"],
    ]);
    expect(out.warnings).toEqual([
      { ref: null, code: "table_note", message: `Dòng ghi chú trong bảng, không phải nhiệm vụ: “${note}”` },
    ]);
  });

  it("does not glue a note that opens a page to the task before it", () => {
    const out = interpret(
      doc(
        table(header, row("1", "Rà soát quy chế làm việc", "Sở Nội vụ", "Sở Tư pháp", "Quý II/2026")),
        table(across, row("2", "Kiện toàn bộ phận một cửa", "Ủy ban nhân dân cấp xã", "", "Tháng 5/2026")),
      ),
    );
    expect(out.tasks).toHaveLength(2);
    expect(out.tasks[0]).toMatchObject({
      title: "Rà soát quy chế làm việc",
      leads: ["Sở Nội vụ"],
      coordinators: ["Sở Tư pháp"],
      deadline: { text: "Quý II/2026" },
    });
    expect(out.warnings.map((w) => w.code)).toEqual(["table_note"]);
  });

  it("reads a row with no number, no agency and no time as a note", () => {
    const out = interpret(
      doc(
        table(
          header,
          row("1", "Rà soát quy chế làm việc", "Sở Nội vụ", "", "Quý II/2026"),
          row(
            "",
            "Sản phẩm gửi về Sở Nội vụ để tổng hợp; không tính vào kết quả cải cách hành chính.",
            "",
            "",
            "",
          ),
          row("2", "Kiện toàn bộ phận một cửa", "Ủy ban nhân dân cấp xã", "", "Tháng 5/2026"),
        ),
      ),
    );
    expect(out.tasks.map((t) => t.ref)).toEqual(["1", "2"]);
    expect(out.warnings.map((w) => w.code)).toEqual(["table_note"]);
  });

  it("lets no deadline leak from a note into the merged cells below it", () => {
    const merged = { text: "", mergedFromAbove: true };
    const out = interpret(
      doc(
        table(
          header,
          row("1", "Rà soát quy chế làm việc", "Sở Nội vụ", "", "Quý II/2026"),
          across,
          row("2", "Kiện toàn bộ phận một cửa", "Ủy ban nhân dân cấp xã", "", merged),
        ),
      ),
    );
    expect(out.tasks[1]!.deadline).toMatchObject({ text: "Quý II/2026", kind: "quarter" });
  });

  it("counts a group heading's number: letters under it leave no gap", () => {
    const out = interpret(
      doc(
        table(
          header,
          row("1", "Số hóa hồ sơ thủ tục hành chính", "", "", ""),
          row("a", "Số hóa kết quả cấp tỉnh", "Các sở, ban, ngành", "", "31/10/2026"),
          row("b", "Số hóa kết quả cấp xã", "Ủy ban nhân dân cấp xã", "", "31/12/2026"),
          row("2", "Tích hợp Cổng dịch vụ công với VNeID", "Sở Khoa học và Công nghệ", "", "Quý III/2026"),
        ),
      ),
    );
    expect(out.tasks.map((t) => t.ref)).toEqual(["a", "b", "2"]);
    expect(out.warnings).toEqual([]);
  });
});

describe("a body in prose with its task list in an appendix", () => {
  it("takes the appendix table, pasted one cell per line, as the task list, not the body's duties", () => {
    const text = [
      "KẾ HOẠCH",
      "Cải cách hành chính năm 2026",
      "III. TỔ CHỨC THỰC HIỆN",
      "1. Sở Nội vụ: theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch; báo cáo Ủy ban nhân dân tỉnh.",
      "2. Sở Tài chính: tham mưu bố trí kinh phí thực hiện Kế hoạch.",
      "Phụ lục",
      "TT",
      "Nội dung công việc",
      "Đơn vị chủ trì",
      "Đơn vị phối hợp",
      "Thời gian thực hiện",
      "Kết quả/sản phẩm",
      "1",
      "Rà soát quy chế làm việc",
      "Sở Nội vụ",
      "Sở Tư pháp",
      "Quý II/2026",
      "Quy chế được sửa đổi",
      "2",
      "Kiện toàn bộ phận một cửa",
      "Văn phòng UBND tỉnh",
      "Các sở, ban, ngành",
      "Tháng 5/2026",
      "Quyết định kiện toàn",
    ].join("\n");
    const out = interpret(readTextDocument(text));
    expect(out.tasks.map((t) => [t.ref, t.leads, t.deadline.text, t.output])).toEqual([
      ["1", ["Sở Nội vụ"], "Quý II/2026", "Quy chế được sửa đổi"],
      ["2", ["Văn phòng UBND tỉnh"], "Tháng 5/2026", "Quyết định kiện toàn"],
    ]);
  });
});

describe("group rows merged across the table", () => {
  it("takes a group row merged across the table above 1.1, 1.2 for a heading, not a task", () => {
    const out = interpret(
      doc(
        table(
          row("STT", "Tên nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian thực hiện"),
          row("1", ...Array<string>(4).fill("Hạ tầng số")),
          row("1.1", "Phủ sóng 5G tại trung tâm các xã", "Sở Khoa học và Công nghệ", "", "Quý III/2026"),
          row("1.2", "Nâng cấp mạng diện rộng của tỉnh", "Văn phòng UBND tỉnh", "", "Năm 2026"),
          row("2", ...Array<string>(4).fill("Dữ liệu số")),
          row(
            "2.1",
            "Xây dựng kho dữ liệu dùng chung",
            "Sở Khoa học và Công nghệ",
            "Các sở, ngành",
            "30/6/2026",
          ),
        ),
      ),
    );
    expect(out.tasks.map((t) => t.ref)).toEqual(["1.1", "1.2", "2.1"]);
  });
});
