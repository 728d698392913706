import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFile } from "../extract.ts";
import type { ExtractedTask, Extraction } from "../extraction.ts";
import type { RawDocument } from "../model.ts";
import { withoutDoubts } from "../testing/doubts.ts";
import { interpretProse } from "./prose.ts";
import { readLeadIn } from "./proseAgency.ts";
import { findDeadline, withoutDeadline } from "./proseDeadline.ts";

/** One paragraph block per non-empty line, as a text reader gives them. */
function docOf(text: string): RawDocument {
  const blocks = text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => ({ kind: "paragraph" as const, text: line }));
  return { format: "text", blocks };
}

function tasksOf(...lines: string[]): ExtractedTask[] {
  return interpretProse(docOf(lines.join("\n"))).tasks;
}

function only(...lines: string[]): ExtractedTask {
  const tasks = tasksOf(...lines);
  expect(tasks).toHaveLength(1);
  return tasks[0]!;
}

describe("assignment sentences", () => {
  it("reads 'Giao X: …' with the deadline clause at the end", () => {
    const task = only(
      "1. Giao Ban Tổ chức Tỉnh ủy: nghiên cứu, tham mưu quy định đánh giá cán bộ gắn với kết quả chuyển đổi số, hoàn thành trong Quý II/2026.",
    );
    expect(task.leads).toEqual(["Ban Tổ chức Tỉnh ủy"]);
    expect(task.title).toBe("Nghiên cứu, tham mưu quy định đánh giá cán bộ gắn với kết quả chuyển đổi số.");
    expect(task.deadline).toEqual({
      text: "hoàn thành trong Quý II/2026",
      kind: "quarter",
      due: "2026-06-30",
    });
    expect(task.responsible).toBe("");
  });

  it("reads 'X chủ trì, phối hợp với A, B …' into lead and coordinators", () => {
    const task = only(
      "2. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ, Sở Khoa học và Công nghệ tham mưu bố trí kinh phí chuyển đổi số; hoàn thành trước ngày 15/6/2026.",
    );
    expect(task.leads).toEqual(["Sở Tài chính"]);
    expect(task.coordinators).toEqual(["Sở Nội vụ", "Sở Khoa học và Công nghệ"]);
    expect(task.title).toBe("Tham mưu bố trí kinh phí chuyển đổi số.");
    expect(task.deadline.due).toBe("2026-06-15");
  });

  it("ends the partners at a whole known name followed by the work in lower case", () => {
    // "kiểm toán" is no verb the reader knows: the directory's name "Sở Y tế" ends the list.
    const task = only(
      "4. Giao Công an tỉnh chủ trì, phối hợp với Sở Y tế kiểm toán việc mua sắm, sử dụng trang thiết bị tại các bệnh viện, thực hiện trong Quý IV/2026.",
    );
    expect(task.coordinators).toEqual(["Sở Y tế"]);
    expect(task.title).toBe("Kiểm toán việc mua sắm, sử dụng trang thiết bị tại các bệnh viện.");
    expect(task.deadline).toMatchObject({ kind: "quarter", due: "2026-12-31" });
  });

  it("cuts 'trước ngày N hằng tháng' out of the title as a recurring limit", () => {
    const task = only("5. Sở Nội vụ tổng hợp số liệu biên chế trước ngày 10 hằng tháng để báo cáo.");
    expect(task.title).toBe("Tổng hợp số liệu biên chế để báo cáo.");
    expect(task.deadline).toEqual({ text: "trước ngày 10 hằng tháng", kind: "recurring", due: null });
  });

  it("reads 'Đề nghị X …' and 'Yêu cầu X …', several agencies joined by 'và'", () => {
    const [a, b] = tasksOf(
      "1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh tuyên truyền phong trào “Bình dân học vụ số” trong tháng 6/2026.",
      "2. Yêu cầu Công an tỉnh và Sở Khoa học và Công nghệ rà soát an toàn thông tin các hệ thống dùng chung trước ngày 30/5/2026.",
    );
    expect(a!.leads).toEqual([
      "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
      "Các tổ chức chính trị - xã hội tỉnh",
    ]);
    expect(a!.title).toBe("Tuyên truyền phong trào “Bình dân học vụ số”.");
    expect(b!.leads).toEqual(["Công an tỉnh", "Sở Khoa học và Công nghệ"]);
  });

  it("names the responsible person when the assignment names a title", () => {
    const task = only(
      "3. Giao Giám đốc Sở Nội vụ chủ trì rà soát biên chế công chức chuyển đổi số trong tháng 7/2026.",
    );
    expect(task.responsible).toBe("Giám đốc Sở Nội vụ");
    expect(task.leads).toEqual(["Sở Nội vụ"]);
    const office = only(
      "4. Giao Chánh Văn phòng Tỉnh ủy theo dõi việc thực hiện, hoàn thành trước ngày 10/6/2026.",
    );
    expect(office.responsible).toBe("Chánh Văn phòng Tỉnh ủy");
    expect(office.leads).toEqual(["Văn phòng Tỉnh ủy"]);
  });

  it("reads a person named with 'đồng chí' as responsible, and their body as lead", () => {
    const task = only(
      "- Giao đồng chí Phó Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Văn An trực tiếp chỉ đạo đưa Trung tâm dữ liệu vào vận hành trong Quý III/2026.",
    );
    expect(task.responsible).toBe("Phó Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Văn An");
    expect(task.leads).toEqual(["Ủy ban nhân dân tỉnh"]);
  });

  it("keeps 'Phối hợp với …' in the title when the agency only supports", () => {
    const [task] = tasksOf(
      "2.5. Văn phòng Tỉnh ủy",
      "- Phối hợp với Sở Khoa học và Công nghệ triển khai hệ thống theo dõi nhiệm vụ trong tháng 5/2026.",
    );
    expect(task!.title).toBe("Phối hợp với Sở Khoa học và Công nghệ triển khai hệ thống theo dõi nhiệm vụ.");
    expect(task!.leads).toEqual(["Văn phòng Tỉnh ủy"]);
    expect(task!.coordinators).toEqual(["Sở Khoa học và Công nghệ"]);
  });

  it("splits a paragraph with two assignment sentences into two tasks", () => {
    const tasks = tasksOf(
      "3. Về kinh phí",
      "Giao Sở Tài chính tổng hợp nhu cầu kinh phí, trình Ủy ban nhân dân tỉnh trước ngày 25/5/2026. Giao Sở Khoa học và Công nghệ hướng dẫn lập dự toán thuê dịch vụ công nghệ thông tin.",
    );
    expect(tasks.map((t) => [t.ref, t.leads[0]])).toEqual([
      ["3.a", "Sở Tài chính"],
      ["3.b", "Sở Khoa học và Công nghệ"],
    ]);
    expect(tasks[0]!.section).toBe("3");
    expect(tasks[0]!.sectionTitle).toBe("Về kinh phí");
  });

  it("splits at a semicolon only where another agency takes its own work", () => {
    const tasks = tasksOf(
      "1. Giao Sở Tài chính bố trí kinh phí trong Quý II/2026; Sở Nội vụ chủ trì bố trí biên chế trong tháng 7/2026.",
      "2. Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm về tiến độ, hoàn thành trước ngày 31/5/2026.",
    );
    expect(tasks.map((t) => [t.ref, t.leads.join("; "), t.deadline.due])).toEqual([
      ["1.a", "Sở Tài chính", "2026-06-30"],
      ["1.b", "Sở Nội vụ", "2026-07-31"],
      ["2", "Các sở, ban, ngành; Ủy ban nhân dân các xã, phường", "2026-05-31"],
    ]);
    expect(tasks[2]!.responsible).toBe(
      "Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã, phường",
    );
  });

  it("cites the documents a task names as sources, not the document's own number", () => {
    const doc = [
      "ỦY BAN NHÂN DÂN TỈNH GIA LAI",
      "Số: 2187/UBND-KGVX",
      "Gia Lai, ngày 12 tháng 5 năm 2026",
      "Kính gửi: Công an tỉnh.",
      "1. Công an tỉnh chủ trì rà soát cấp độ an toàn hệ thống thông tin theo Kế hoạch số 04-KH/BCĐTW ngày 05/01/2026 và Công văn số 2187/UBND-KGVX; báo cáo trước ngày 15/6/2026.",
    ];
    const task = only(...doc);
    expect(task.sources).toEqual(["04-KH/BCĐTW"]);
    expect(task.deadline.text).toBe("trước ngày 15/6/2026");
  });
});

describe("agency headings of bullet groups", () => {
  it("gives the heading's agency to each bullet and numbers the bullets 2.4.a, 2.4.b", () => {
    const tasks = tasksOf(
      "II. NHIỆM VỤ TRỌNG TÂM",
      "2. Nhiệm vụ cụ thể",
      "2.4. Đảng ủy Công an tỉnh chỉ đạo Công an tỉnh",
      "+ Triển khai mô hình bảo đảm an toàn thông tin 4 lớp. Hoàn thành trước ngày 30/4/2026.",
      "+ Kiểm tra, đánh giá an toàn thông tin, an ninh mạng; thực hiện thường xuyên.",
    );
    expect(tasks.map((t) => t.ref)).toEqual(["II.2.4.a", "II.2.4.b"]);
    const [first, second] = tasks;
    expect(first!.number).toBe("2.4.a");
    expect(first!.section).toBe("II");
    expect(first!.sectionTitle).toBe("NHIỆM VỤ TRỌNG TÂM");
    expect(first!.leads).toEqual(["Công an tỉnh"]);
    expect(first!.title).toBe("Triển khai mô hình bảo đảm an toàn thông tin 4 lớp.");
    expect(first!.deadline).toEqual({
      text: "Hoàn thành trước ngày 30/4/2026",
      kind: "date",
      due: "2026-04-30",
    });
    expect(second!.deadline).toEqual({ text: "thực hiện thường xuyên", kind: "recurring", due: null });
    expect(second!.title).toBe("Kiểm tra, đánh giá an toàn thông tin, an ninh mạng.");
  });

  it("follows 'Đảng ủy A lãnh đạo, chỉ đạo B:' to B, and 'Chỉ đạo C chủ trì …' to C", () => {
    const tasks = tasksOf(
      "2.3. Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo, chỉ đạo Ủy ban nhân dân tỉnh:",
      "+ Chỉ đạo Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính nâng cấp Trung tâm dữ liệu tỉnh, hoàn thành trước ngày 15/6/2026.",
      "+ Chỉ đạo các sở, ngành rà soát, chuẩn hóa dữ liệu thủ tục hành chính; hoàn thành trong tháng 6/2026.",
    );
    expect(tasks[0]!.leads).toEqual(["Sở Khoa học và Công nghệ"]);
    expect(tasks[0]!.coordinators).toEqual(["Sở Tài chính"]);
    expect(tasks[0]!.title).toBe("Nâng cấp Trung tâm dữ liệu tỉnh.");
    // A whole group under "chỉ đạo" does not take the work: the body that directs it answers for it.
    expect(tasks[1]!.leads).toEqual(["Ủy ban nhân dân tỉnh"]);
    expect(tasks[1]!.title).toBe("Chỉ đạo các sở, ngành rà soát, chuẩn hóa dữ liệu thủ tục hành chính.");
  });

  it("keeps the work with an agency that directs a body it does not name as lead", () => {
    const task = only(
      "1. Giao Sở Giáo dục và Đào tạo chỉ đạo Trường Cao đẳng Kỹ thuật tổ chức tập huấn kỹ năng số trong Quý III/2026.",
    );
    expect(task.leads).toEqual(["Sở Giáo dục và Đào tạo"]);
    expect(task.title).toBe("Chỉ đạo Trường Cao đẳng Kỹ thuật tổ chức tập huấn kỹ năng số.");
    // The body it directs carries the work out under it.
    expect(task.coordinators).toEqual(["Trường Cao đẳng Kỹ thuật"]);
  });

  it("reads 'X:' bullets, letter items and an agency heading with a colon", () => {
    const tasks = tasksOf(
      "1. Giao Sở Khoa học và Công nghệ:",
      "a) Chủ trì, phối hợp với Sở Tài chính và các cơ quan liên quan tham mưu ban hành danh mục dữ liệu mở; hoàn thành trước ngày 30/6/2026.",
      "b) Hướng dẫn các xã, phường triển khai mô hình chuyển đổi số cấp xã.",
      "2. Ủy ban nhân dân tỉnh giao:",
      "- Sở Tài chính: cân đối, bố trí kinh phí; thời gian thực hiện: Quý II/2026.",
      "- Các sở, ban, ngành, Ủy ban nhân dân các xã, phường: chủ động triển khai các nhiệm vụ chuyển đổi số của đơn vị.",
    );
    expect(tasks.map((t) => t.ref)).toEqual(["1.a", "1.b", "2.a", "2.b"]);
    expect(tasks[0]!.coordinators).toEqual(["Sở Tài chính", "Các cơ quan liên quan"]);
    expect(tasks[1]!.leads).toEqual(["Sở Khoa học và Công nghệ"]);
    expect(tasks[2]!.leads).toEqual(["Sở Tài chính"]);
    expect(tasks[2]!.title).toBe("Cân đối, bố trí kinh phí.");
    expect(tasks[2]!.deadline).toEqual({ text: "Quý II/2026", kind: "quarter", due: "2026-06-30" });
    expect(tasks[3]!.leads).toEqual(["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"]);
  });

  it("reads the work paragraphs under an agency heading of a plan's 'Tổ chức thực hiện'", () => {
    const tasks = tasksOf(
      "IV. TỔ CHỨC THỰC HIỆN",
      "1. Công an tỉnh; Bộ Chỉ huy Quân sự tỉnh; các sở, ban, ngành; Báo và Phát thanh, Truyền hình tỉnh; Ủy ban nhân dân cấp xã và các Trường Đại học trên địa bàn tỉnh",
      "- Xây dựng kế hoạch thực hiện và gửi về Ủy ban nhân dân tỉnh (qua Sở Khoa học và Công nghệ) trước ngày 31/3/2026.",
      "2. Sở Khoa học và Công nghệ",
      "Là cơ quan đầu mối theo dõi, đôn đốc việc thực hiện Kế hoạch này; định kỳ tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
    );
    expect(tasks.map((t) => t.ref)).toEqual(["IV.1.a", "IV.2.a"]);
    expect(tasks[0]!.leads).toEqual([
      "Công an tỉnh",
      "Bộ Chỉ huy Quân sự tỉnh",
      "Các sở, ban, ngành",
      "Báo và Phát thanh, Truyền hình tỉnh",
      "Ủy ban nhân dân cấp xã",
      "Các Trường Đại học trên địa bàn tỉnh",
    ]);
    expect(tasks[0]!.deadline.due).toBe("2026-03-31");
    expect(tasks[1]!.leads).toEqual(["Sở Khoa học và Công nghệ"]);
    expect(tasks[1]!.deadline.kind).toBe("recurring");
  });

  it("takes an unnumbered line naming only an agency (a bold line in Word) as the lead of the bullets after it", () => {
    const tasks = tasksOf(
      "II. NHIỆM VỤ CỤ THỂ",
      "1. Các cơ quan cấp tỉnh",
      "Sở Tài chính",
      "- Bố trí kinh phí chuyển đổi số, hoàn thành trong Quý II/2026.",
      "Sở Nội vụ:",
      "- Tham mưu kiện toàn Ban Chỉ đạo trước ngày 15/5/2026.",
    );
    expect(tasks.map((t) => [t.ref, t.leads[0]])).toEqual([
      ["II.1.a", "Sở Tài chính"],
      ["II.1.b", "Sở Nội vụ"],
    ]);
  });

  it("reads labelled lines under an item as its fields", () => {
    const task = only(
      "3. Tổ chức Ngày hội chuyển đổi số tỉnh năm 2026",
      "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.",
      "- Cơ quan phối hợp: Sở Văn hóa, Thể thao và Du lịch; Ủy ban nhân dân các xã, phường.",
      "- Thời gian hoàn thành: Quý III/2026.",
      "- Sản phẩm: Báo cáo kết quả tổ chức Ngày hội.",
    );
    expect(task.ref).toBe("3");
    expect(task.title).toBe("Tổ chức Ngày hội chuyển đổi số tỉnh năm 2026");
    expect(task.leads).toEqual(["Sở Khoa học và Công nghệ"]);
    expect(task.coordinators).toEqual(["Sở Văn hóa, Thể thao và Du lịch", "Ủy ban nhân dân các xã, phường"]);
    expect(task.deadline.due).toBe("2026-09-30");
    expect(task.output).toBe("Báo cáo kết quả tổ chức Ngày hội");
  });
});

describe("numbering", () => {
  it("keeps written numbers, gaps included, and numbers unnumbered paragraphs in order", () => {
    const tasks = tasksOf(
      "II. NHIỆM VỤ",
      "Giao Sở Tài chính bố trí kinh phí trong Quý II/2026.",
      "Giao Sở Nội vụ bố trí biên chế trong Quý III/2026.",
      "III. TỔ CHỨC THỰC HIỆN",
      "1. Sở Khoa học và Công nghệ theo dõi, đôn đốc việc thực hiện, báo cáo trước ngày 30/6/2026.",
      "3. Văn phòng Ủy ban nhân dân tỉnh tổng hợp kết quả trong tháng 7/2026.",
      "3.1. Sở Tư pháp thẩm định quy chế trong tháng 8/2026.",
    );
    expect(tasks.map((t) => [t.ref, t.number, t.section])).toEqual([
      ["II.1", "1", "II"],
      ["II.2", "2", "II"],
      ["III.1", "1", "III"],
      ["III.3", "3", "III"],
      ["III.3.1", "3.1", "III"],
    ]);
  });

  it("numbers bullets under a letter with digits: 1.a.1", () => {
    const tasks = tasksOf(
      "1. Nhiệm vụ trong thời gian tới",
      "a) Văn phòng Ủy ban nhân dân tỉnh:",
      "- Nâng cao tỷ lệ số hóa hồ sơ thủ tục hành chính; hoàn thành trước ngày 31/12/2026.",
      "- Tham mưu ban hành quy chế phối hợp trong tháng 6/2026.",
    );
    expect(tasks.map((t) => t.ref)).toEqual(["1.a.1", "1.a.2"]);
    expect(tasks[0]!.section).toBe("1");
    expect(tasks[0]!.sectionTitle).toBe("Nhiệm vụ trong thời gian tới");
  });

  it("gives the leads of an unnumbered lead-in paragraph to the items after it", () => {
    const tasks = tasksOf(
      "Thực hiện Công văn số 2039-CV/VPTW ngày 28/4/2026 của Văn phòng Trung ương Đảng; Ban Thường vụ Tỉnh ủy yêu cầu các cơ quan, đơn vị, địa phương triển khai thực hiện các nội dung sau:",
      "1. Tiếp tục thực hiện nghiêm các nhiệm vụ được giao tại Công văn số 1373-CV/TU, ngày 16/4/2026 của Ban Thường vụ Tỉnh ủy.",
    );
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.leads).toEqual(["Các cơ quan, đơn vị, địa phương"]);
    expect(tasks[0]!.sources).toEqual(["1373-CV/TU"]);
  });
});

describe("deadline clauses", () => {
  const clause = (sentence: string) => findDeadline(sentence, 2026)?.deadline ?? null;

  it.each([
    [
      "Triển khai mô hình 4 lớp. Hoàn thành trước ngày 30/4/2026.",
      "Hoàn thành trước ngày 30/4/2026",
      "date",
      "2026-04-30",
    ],
    [
      "Nghiên cứu quy định, hoàn thành trong Quý II/2026.",
      "hoàn thành trong Quý II/2026",
      "quarter",
      "2026-06-30",
    ],
    [
      "Báo cáo kết quả gửi về Thường trực Tỉnh ủy trước ngày 12/5/2026.",
      "trước ngày 12/5/2026",
      "date",
      "2026-05-12",
    ],
    ["Triển khai hệ thống trong tháng 5/2026.", "trong tháng 5/2026", "month", "2026-05-31"],
    ["Kiểm tra an toàn thông tin; thực hiện thường xuyên.", "thực hiện thường xuyên", "recurring", null],
    ["Báo cáo chậm nhất ngày 20/5/2026.", "chậm nhất ngày 20/5/2026", "date", "2026-05-20"],
    [
      "Tập huấn kỹ năng số (thời gian hoàn thành: trước ngày 30/6/2026).",
      "trước ngày 30/6/2026",
      "date",
      "2026-06-30",
    ],
    ["Bảo đảm an toàn thông tin, thời hạn: thường xuyên.", "thường xuyên", "recurring", null],
    ["Tổ chức hội nghị tập huấn (tháng 6/2026).", "tháng 6/2026", "month", "2026-06-30"],
    ["Trình Ủy ban nhân dân tỉnh trước ngày 15/6.", "trước ngày 15/6", "date", "2026-06-15"],
    ["Số hóa hồ sơ trong 6 tháng đầu năm 2026.", "trong 6 tháng đầu năm 2026", "quarter", "2026-06-30"],
  ])("finds the clause in %j", (sentence, text, kind, due) => {
    expect(clause(sentence)).toEqual({ text, kind, due });
  });

  it("prefers a completion limit over a period the sentence only mentions", () => {
    const found = clause(
      "Báo cáo kết quả các nhiệm vụ có thời hạn trong tháng 4/2026 trước ngày 12/5/2026; khẩn trương hoàn thành các nhiệm vụ có thời hạn trong tháng 5,6/2026.",
    );
    expect(found).toEqual({ text: "trước ngày 12/5/2026", kind: "date", due: "2026-05-12" });
  });

  it("does not read a cited document's date, or a period 'có thời hạn trong …', as a deadline", () => {
    expect(
      clause("Thực hiện Kế hoạch số 04-KH/BCĐTW ngày 05/01/2026 của Ban Chỉ đạo Trung ương."),
    ).toBeNull();
    expect(clause("Rà soát các nhiệm vụ có thời hạn trong tháng 4/2026.")).toBeNull();
  });

  it("reads a recurring task with a final date as recurring with that due date", () => {
    expect(
      clause("Số hóa hồ sơ; thực hiện thường xuyên, hoàn thành chỉ tiêu trước ngày 31/12/2026."),
    ).toEqual({
      text: "thực hiện thường xuyên; trước ngày 31/12/2026",
      kind: "recurring",
      due: "2026-12-31",
    });
  });

  it("cuts the clause out of the title, keeping the verb when the work goes on after it", () => {
    const cut = (s: string) => withoutDeadline(s, findDeadline(s, 2026));
    expect(cut("Rà soát quy chế, hoàn thành trong Quý II/2026.")).toBe("Rà soát quy chế.");
    expect(cut("Sở Nội vụ hoàn thành trước ngày 30/6/2026 việc sắp xếp bộ máy.")).toBe(
      "Sở Nội vụ hoàn thành việc sắp xếp bộ máy.",
    );
  });

  it("reads a deadline placed before the agency", () => {
    const task = only(
      "2. Nhiệm vụ cụ thể",
      "Trong tháng 6/2026, Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tham mưu bố trí biên chế chuyên trách chuyển đổi số.",
    );
    expect(task.leads).toEqual(["Sở Nội vụ"]);
    expect(task.title).toBe("Tham mưu bố trí biên chế chuyên trách chuyển đổi số.");
    expect(task.deadline).toEqual({ text: "Trong tháng 6/2026", kind: "month", due: "2026-06-30" });
  });
});

describe("what is not a task", () => {
  const notice = [
    "TỈNH ỦY KHÁNH HÒA",
    "*",
    "Số 27-TB/BCĐ",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Khánh Hòa, ngày 21 tháng 4 năm 2026",
    "THÔNG BÁO",
    "KẾT LUẬN CỦA ĐỒNG CHÍ TRƯỞNG BAN CHỈ ĐẠO",
    "Kính gửi:",
    "- Các sở, ban, ngành;",
    "- Ủy ban nhân dân các xã, phường.",
    "Căn cứ Quy chế làm việc của Ban Chỉ đạo; ngày 15/4/2026, đồng chí Trưởng Ban Chỉ đạo chủ trì phiên họp. Sau khi nghe báo cáo, đồng chí Trưởng Ban Chỉ đạo kết luận như sau:",
    "I. ĐÁNH GIÁ CHUNG",
    "- Sở Khoa học và Công nghệ đã tham mưu ban hành Kế hoạch số 1180/KH-UBND.",
    "- Công an tỉnh hoàn thành làm sạch dữ liệu dân cư trong tháng 02/2026.",
    "Ban Chỉ đạo đánh giá cao sự vào cuộc của các cơ quan, đơn vị.",
    "II. NHIỆM VỤ THỜI GIAN TỚI",
    "1. Ghi nhận, biểu dương những kết quả các cơ quan đạt được trong năm 2025.",
    "2. Giao Sở Khoa học và Công nghệ tham mưu sơ kết 6 tháng, hoàn thành trong tháng 7/2026.",
    "Trên đây là kết luận của đồng chí Trưởng Ban Chỉ đạo, đề nghị các cơ quan, đơn vị triển khai thực hiện.",
    "Cơ quan Thường trực Ban Chỉ đạo thông báo để các cơ quan, đơn vị biết, thực hiện./.",
    "Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị, địa phương khẩn trương triển khai thực hiện./.",
    "Nơi nhận:",
    "- Ban Chỉ đạo Trung ương (để báo cáo),",
    "- Giao Văn phòng lưu hồ sơ trước ngày 30/4/2026,",
    "T/M BAN CHỈ ĐẠO",
    "TRƯỞNG BAN",
    "Nguyễn Hải Ninh",
  ];

  it("skips the header, recipients, preamble, assessment, closing lines and signature", () => {
    const tasks = tasksOf(...notice);
    expect(tasks.map((t) => t.ref)).toEqual(["II.2"]);
    expect(tasks[0]!.leads).toEqual(["Sở Khoa học và Công nghệ"]);
  });

  it("finds nothing in a report that assigns nothing", () => {
    const report = [
      "UBND TỈNH LÂM ĐỒNG",
      "Số 12/BC-UBND",
      "BÁO CÁO",
      "Tình hình kinh tế - xã hội tháng 4 năm 2026",
      "Tháng 4, tình hình kinh tế của tỉnh tiếp tục ổn định; thu ngân sách đạt kế hoạch đề ra.",
    ];
    expect(interpretProse(docOf(report.join("\n")))).toEqual({ tasks: [], warnings: [] });
  });

  it("ignores table rows flattened into tab-separated lines", () => {
    const tasks = tasksOf(
      "1. Giao Văn phòng Tỉnh ủy theo dõi việc thực hiện, hoàn thành trước ngày 30/6/2026.",
      "STT\tTên nhiệm vụ\tCơ quan chủ trì\tThời hạn",
      "1\tGiao Sở Tài chính bố trí kinh phí\tSở Tài chính\t6/2026",
    );
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.title).toBe("Theo dõi việc thực hiện.");
  });
});

describe("warnings", () => {
  it("keeps a numbered assignment without a deadline, as unspecified with a no_deadline warning", () => {
    const result = interpretProse(
      docOf("6. Giao Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc các cơ quan triển khai Công văn này."),
    );
    expect(result.tasks).toHaveLength(1);
    expect(result.tasks[0]!.deadline).toEqual({ text: "", kind: "unspecified", due: null });
    expect(result.warnings.map((w) => [w.ref, w.code])).toEqual([["6", "no_deadline"]]);
  });

  it("warns when a task with a firm deadline names no agency", () => {
    const result = interpretProse(
      docOf("II. NHIỆM VỤ\n1. Hoàn thành kết nối hệ thống trước ngày 30/6/2026."),
    );
    expect(result.tasks).toHaveLength(1);
    expect(result.warnings.map((w) => w.code)).toEqual(["no_lead"]);
  });
});

describe("input as readers give it", () => {
  it("reads NFD text, Markdown emphasis and a sentence broken across lines", () => {
    const task = only(
      "1. Giao Sở Khoa học và Công nghệ chủ trì xây dựng kế hoạch phát triển hạ tầng số của tỉnh giai đoạn".normalize(
        "NFD",
      ),
      "2026 - 2030, trình Ủy ban nhân dân tỉnh **trước ngày 20/6/2026**.",
    );
    expect(task.title).toBe(
      "Xây dựng kế hoạch phát triển hạ tầng số của tỉnh giai đoạn 2026 - 2030, trình Ủy ban nhân dân tỉnh.",
    );
    expect(task.deadline.due).toBe("2026-06-20");
    expect(task.leads).toEqual(["Sở Khoa học và Công nghệ"]);
  });

  it("reads Word bullets that carry no marker in their text", () => {
    const doc: RawDocument = {
      format: "docx",
      blocks: [
        { kind: "paragraph", text: "2.5. Văn phòng Tỉnh ủy" },
        {
          kind: "paragraph",
          text: "Theo dõi, đôn đốc việc cập nhật kết quả lên hệ thống trong tháng 5/2026.",
          bullet: true,
        },
      ],
    };
    const { tasks } = interpretProse(doc);
    expect(tasks.map((t) => [t.ref, t.leads[0]])).toEqual([["2.5.a", "Văn phòng Tỉnh ủy"]]);
  });
});

describe("readLeadIn", () => {
  it("reads a short opening phrase before the assignment verb", () => {
    const lead = readLeadIn(
      "Thời gian tới, đề nghị Đảng ủy Sở Khoa học và Công nghệ lãnh đạo, chỉ đạo Sở tập trung:",
    );
    expect(lead.explicit).toBe(true);
    expect(lead.leads).toEqual(["Sở Khoa học và Công nghệ"]);
  });

  it("treats a report of past work as descriptive", () => {
    expect(readLeadIn("Sở Tài chính đã bố trí kinh phí năm 2026.").descriptive).toBe(true);
    expect(readLeadIn("Ban Chỉ đạo đánh giá cao sự vào cuộc của các cơ quan.").descriptive).toBe(true);
  });

  it("does not read verbs that begin with an agency noun as agencies", () => {
    expect(readLeadIn("Ban hành quy chế vận hành Trung tâm dữ liệu.").leads).toEqual([]);
    expect(readLeadIn("Tổ chức hội nghị sơ kết.").leads).toEqual([]);
    expect(readLeadIn("Báo cáo kết quả về Sở Tài chính.").leads).toEqual([]);
  });
});

const PROSE_DIR = join(import.meta.dirname, "../../../fixtures/prose");
const FIXTURES = readdirSync(PROSE_DIR)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => f.replace(/\.txt$/, ""));

describe("prose fixtures", () => {
  it("has at least two fixtures", () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(2);
  });

  for (const name of FIXTURES) {
    const text = readFileSync(join(PROSE_DIR, `${name}.txt`), "utf8");
    const expected = JSON.parse(readFileSync(join(PROSE_DIR, `${name}.expected.json`), "utf8")) as Extraction;

    it(`${name}: interpretProse gives exactly the expected tasks`, () => {
      const result = interpretProse(docOf(text));
      expect(result.tasks).toEqual(expected.tasks);
      expect(result.warnings.map((w) => [w.ref, w.code])).toEqual(
        expected.warnings.map((w) => [w.ref, w.code]),
      );
    });

    it(`${name}: extractFile gives the expected tasks`, async () => {
      const result = await extractFile(new TextEncoder().encode(text), "x.txt");
      expect(result.tasks.map(withoutDoubts)).toEqual(expected.tasks);
    });
  }
});
