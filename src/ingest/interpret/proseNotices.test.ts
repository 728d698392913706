import { describe, expect, it } from "vitest";
import type { ExtractedTask } from "../extraction.ts";
import type { RawDocument } from "../model.ts";
import { interpretProse } from "./prose.ts";
import { isClosingCourtesy, isRequestToEveryone } from "./proseClosing.ts";
import { findDeadline } from "./proseDeadline.ts";

/**
 * The constructions of real conclusion notices and letters that issue 9 measured: party committee
 * headings, agencies that override a heading, coordinators named by "chỉ đạo Y" and "Y phối hợp",
 * items holding several actions with their own deadlines, and explanations that are no tasks.
 */

/** One paragraph block per line, as a text reader gives them. */
function tasksOf(...lines: string[]): ExtractedTask[] {
  const doc: RawDocument = { format: "text", blocks: lines.map((text) => ({ kind: "paragraph", text })) };
  return interpretProse(doc).tasks;
}

function only(...lines: string[]): ExtractedTask {
  const tasks = tasksOf(...lines);
  expect(tasks).toHaveLength(1);
  return tasks[0]!;
}

describe("conclusion notices: who leads, who supports, how many tasks", () => {
  it("gives the work under 'Đảng ủy X lãnh đạo, chỉ đạo X:' to X, abbreviations and 'Ban cán sự đảng' included", () => {
    const tasks = tasksOf(
      "2.1. Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo UBND tỉnh:",
      "- Bố trí kinh phí chuyển đổi số cấp xã, hoàn thành trong Quý III/2026.",
      "2.2. Ban cán sự đảng Tòa án nhân dân tỉnh lãnh đạo, chỉ đạo Tòa án nhân dân tỉnh triển khai hệ thống khởi kiện trực tuyến; hoàn thành trong tháng 8/2026.",
      "2.3. Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo, chỉ đạo:",
      "- Rà soát quy chế phối hợp, hoàn thành trong tháng 9/2026.",
      "2.4. Đảng ủy Công an tỉnh:",
      "- Lãnh đạo, chỉ đạo Công an tỉnh diễn tập an toàn thông tin mạng, hoàn thành trước ngày 30/9/2026.",
    );
    expect(tasks.map((t) => [t.ref, t.leads.join("; ")])).toEqual([
      ["2.1.a", "UBND tỉnh"],
      ["2.2", "Tòa án nhân dân tỉnh"],
      ["2.3.a", "Ủy ban nhân dân tỉnh"],
      ["2.4.a", "Công an tỉnh"],
    ]);
    expect(tasks[1]!.title).toBe("Triển khai hệ thống khởi kiện trực tuyến.");
    expect(tasks[3]!.title).toBe("Diễn tập an toàn thông tin mạng.");
  });

  it.each([
    [
      "Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo UBND tỉnh giao Sở Tài chính chủ trì bố trí kinh phí",
      "Sở Tài chính",
    ],
    ["Đảng ủy UBND tỉnh: lãnh đạo, chỉ đạo UBND tỉnh ban hành kế hoạch số hóa", "UBND tỉnh"],
    ["Đảng ủy Công an tỉnh lãnh đạo Công an tỉnh triển khai diễn tập an toàn thông tin", "Công an tỉnh"],
    ["Đề nghị Đảng ủy UBND tỉnh chỉ đạo UBND tỉnh sớm ban hành quy chế", "UBND tỉnh"],
    ["Thường trực Tỉnh ủy giao Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo rà soát quy hoạch", "UBND tỉnh"],
  ])("follows the chain of command in %j", (sentence, lead) => {
    const task = only(`1. ${sentence}, hoàn thành trong tháng 9/2026.`);
    expect(task.leads).toEqual([lead]);
    expect(task.title).not.toMatch(/lãnh đạo|chỉ đạo|giao/i);
  });

  it("reads 'Giao Đảng ủy X lãnh đạo, chỉ đạo <group> …' as X's work, supported by the group", () => {
    const task = only(
      "3. Giao Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo các cơ quan, đơn vị liên quan khẩn trương hoàn thành các nhiệm vụ chậm tiến độ, báo cáo trước ngày 15/6/2026.",
    );
    expect(task.leads).toEqual(["UBND tỉnh"]);
    expect(task.coordinators).toEqual(["Các cơ quan, đơn vị liên quan"]);
    expect(task.title).toBe("Khẩn trương hoàn thành các nhiệm vụ chậm tiến độ, báo cáo.");
  });

  it("keeps 'Các đảng ủy trực thuộc …' as the lead: no body stands behind a group of committees", () => {
    const task = only(
      "6. Các đảng ủy trực thuộc Tỉnh ủy:",
      "a) Lãnh đạo, chỉ đạo rà soát, kiện toàn Ban Chỉ đạo cấp xã; hoàn thành trước ngày 15/7/2026.",
    );
    expect(task.leads).toEqual(["Các đảng ủy trực thuộc Tỉnh ủy"]);
    expect(task.coordinators).toEqual([]);
    expect(task.title).toBe("Lãnh đạo, chỉ đạo rà soát, kiện toàn Ban Chỉ đạo cấp xã.");
  });

  it("lets 'Giao X …', 'Đề nghị X …' and a bullet's own subject override the heading's agency", () => {
    const tasks = tasksOf(
      "2.1. Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo UBND tỉnh:",
      "- Giao Sở Tài chính chủ trì, phối hợp với Sở Khoa học và Công nghệ bố trí kinh phí; hoàn thành trước ngày 31/7/2026.",
      "- Sở Nội vụ tham mưu bố trí biên chế chuyên trách chuyển đổi số trong Quý III/2026.",
      "- Đề nghị Bảo hiểm xã hội tỉnh kết nối dữ liệu trong tháng 9/2026.",
      "- Số hóa hồ sơ tồn đọng, hoàn thành trong tháng 10/2026.",
    );
    expect(tasks.map((t) => [t.ref, t.leads.join("; "), t.coordinators.join("; ")])).toEqual([
      ["2.1.a", "Sở Tài chính", "Sở Khoa học và Công nghệ"],
      ["2.1.b", "Sở Nội vụ", ""],
      ["2.1.c", "Bảo hiểm xã hội tỉnh", ""],
      ["2.1.d", "UBND tỉnh", ""],
    ]);
  });

  it("names the agencies the lead is to direct ('chỉ đạo Y …') as coordinators, but not 'Ban Chỉ đạo'", () => {
    const tasks = tasksOf(
      "2.1. Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo UBND tỉnh:",
      "- Chỉ đạo các sở, ngành, Ủy ban nhân dân các xã, phường số hóa hồ sơ; hoàn thành trong tháng 9/2026.",
      "- Kiện toàn Ban Chỉ đạo tỉnh theo chỉ đạo của Ban Chỉ đạo Trung ương, hoàn thành trong tháng 7/2026.",
    );
    expect(tasks[0]!.leads).toEqual(["UBND tỉnh"]);
    expect(tasks[0]!.coordinators).toEqual(["Các sở, ngành", "Ủy ban nhân dân các xã, phường"]);
    expect(tasks[0]!.title).toBe("Chỉ đạo các sở, ngành, Ủy ban nhân dân các xã, phường số hóa hồ sơ.");
    expect(tasks[1]!.coordinators).toEqual([]);
    const both = only(
      "2.1. Sở Khoa học và Công nghệ",
      "- Chỉ đạo, hướng dẫn Ủy ban nhân dân các xã, phường vận hành hệ thống, hoàn thành trong tháng 9/2026.",
    );
    expect(both.coordinators).toEqual(["Ủy ban nhân dân các xã, phường"]);
  });

  it("reads '…; Y phối hợp thực hiện' and a paragraph saying only that as coordinators", () => {
    const tasks = tasksOf(
      "1. Giao Sở Khoa học và Công nghệ chủ trì tham mưu ban hành Kế hoạch chuyển đổi số năm 2027; các sở, ngành liên quan phối hợp thực hiện; hoàn thành trong Quý IV/2026.",
      "2. Văn phòng Tỉnh ủy",
      "- Nâng cấp hệ thống điều hành tác nghiệp, hoàn thành trong tháng 8/2026.",
      "Sở Khoa học và Công nghệ phối hợp thực hiện.",
    );
    expect(tasks.map((t) => [t.ref, t.leads.join("; "), t.coordinators.join("; "), t.title])).toEqual([
      [
        "1",
        "Sở Khoa học và Công nghệ",
        "Các sở, ngành liên quan",
        "Tham mưu ban hành Kế hoạch chuyển đổi số năm 2027.",
      ],
      ["2.a", "Văn phòng Tỉnh ủy", "Sở Khoa học và Công nghệ", "Nâng cấp hệ thống điều hành tác nghiệp."],
    ]);
  });

  it("distributes 'các Sở: A, B và C' and 'các Ban: A, B Tỉnh ủy' over their members", () => {
    const [a, b] = tasksOf(
      "1. Giao các Sở: Văn hóa, Thể thao và Du lịch, Nội vụ, Khoa học và Công nghệ rà soát kinh phí, hoàn thành trong tháng 7/2026.",
      "2. Yêu cầu các Ban: Tổ chức, Tuyên giáo và Dân vận Tỉnh ủy tham mưu sơ kết, hoàn thành trong tháng 8/2026.",
    );
    expect(a!.leads).toEqual(["Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ", "Sở Khoa học và Công nghệ"]);
    expect(a!.title).toBe("Rà soát kinh phí.");
    expect(b!.leads).toEqual(["Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy"]);
  });

  it("reads the addressee of 'Đề nghị …' even when no head noun names its kind", () => {
    const task = only(
      "d) Đề nghị Viễn thông Thanh Hóa, Viettel Thanh Hóa phối hợp với Sở Khoa học và Công nghệ xóa các vùng lõm sóng, hoàn thành trong Quý IV/2026.",
    );
    expect(task.leads).toEqual(["Viễn thông Thanh Hóa", "Viettel Thanh Hóa"]);
    expect(task.coordinators).toEqual(["Sở Khoa học và Công nghệ"]);
    // Without "chủ trì" the agency only supports: the role stays in the title.
    expect(task.title).toBe("Phối hợp với Sở Khoa học và Công nghệ xóa các vùng lõm sóng.");
  });

  it("reads 'X cần …', 'X phải …', 'X được giao chủ trì …' as X's work, and 'X được giao … đã …' as a report", () => {
    const tasks = tasksOf(
      "II. NHIỆM VỤ",
      "1. Sở Tài chính cần sớm bố trí kinh phí trong Quý III/2026.",
      "2. UBND các xã, phường phải bố trí công chức chuyên trách trong Quý III/2026.",
      "3. Sở Giáo dục và Đào tạo được giao chủ trì triển khai học bạ số trong năm 2026.",
      "4. Sở Nội vụ được giao nhiệm vụ tại Kế hoạch số 12/KH-UBND đã hoàn thành trong tháng 4/2026.",
    );
    expect(tasks.map((t) => [t.ref, t.leads.join("; "), t.title])).toEqual([
      ["II.1", "Sở Tài chính", "Cần sớm bố trí kinh phí."],
      ["II.2", "UBND các xã, phường", "Phải bố trí công chức chuyên trách."],
      ["II.3", "Sở Giáo dục và Đào tạo", "Triển khai học bạ số."],
    ]);
  });

  it("splits a paragraph where a new sentence's subject is another agency doing its own work", () => {
    const tasks = tasksOf(
      "3. Sở Tài chính bố trí kinh phí trong Quý III/2026. Sở Nội vụ tham mưu bố trí biên chế trong tháng 8/2026.",
      "4. Văn phòng Tỉnh ủy nâng cấp hệ thống, hoàn thành trong tháng 8/2026. Sở Khoa học và Công nghệ phối hợp thực hiện.",
    );
    expect(tasks.map((t) => [t.ref, t.leads.join("; "), t.coordinators.join("; ")])).toEqual([
      ["3.a", "Sở Tài chính", ""],
      ["3.b", "Sở Nội vụ", ""],
      ["4", "Văn phòng Tỉnh ủy", "Sở Khoa học và Công nghệ"],
    ]);
  });

  it("names the agency without its role ('- Cơ quan thường trực …') or the person's name", () => {
    const [a, b] = tasksOf(
      "1. Giao Sở Khoa học và Công nghệ - Cơ quan thường trực Ban Chỉ đạo chủ trì tổng hợp báo cáo trước ngày 10/12/2026.",
      "2. Giao đồng chí Nguyễn Văn Hùng, Phó Chủ tịch UBND tỉnh chỉ đạo các sở, ngành rà soát, hoàn thành trong tháng 9/2026.",
    );
    expect(a!.leads).toEqual(["Sở Khoa học và Công nghệ"]);
    expect(b!.leads).toEqual(["UBND tỉnh"]);
    expect(b!.coordinators).toEqual(["Các sở, ngành"]);
  });

  it("reads a group of kinds of bodies whole: 'Các cấp ủy, tổ chức đảng, cơ quan, đơn vị'", () => {
    const task = only(
      "1. Các cấp ủy, tổ chức đảng, cơ quan, đơn vị tiếp tục quán triệt Nghị quyết số 57-NQ/TW; thực hiện thường xuyên.",
    );
    expect(task.leads).toEqual(["Các cấp ủy, tổ chức đảng, cơ quan, đơn vị"]);
    expect(task.title).toBe("Tiếp tục quán triệt Nghị quyết số 57-NQ/TW.");
  });
});

describe("one item, several actions with their own deadlines", () => {
  it("makes a bullet with two deadlines two consecutive items of its list", () => {
    const tasks = tasksOf(
      "2.1. Ủy ban nhân dân tỉnh",
      "- Hoàn thiện Hệ thống thông tin giải quyết thủ tục hành chính (hoàn thành trước ngày 30/6/2026); báo cáo kết quả trước ngày 15/12/2026.",
      "- Bố trí kinh phí năm 2026, hoàn thành trong Quý III/2026.",
    );
    expect(tasks.map((t) => [t.ref, t.title, t.deadline.text, t.deadline.due])).toEqual([
      [
        "2.1.a",
        "Hoàn thiện Hệ thống thông tin giải quyết thủ tục hành chính.",
        "hoàn thành trước ngày 30/6/2026",
        "2026-06-30",
      ],
      ["2.1.b", "Báo cáo kết quả.", "trước ngày 15/12/2026", "2026-12-15"],
      ["2.1.c", "Bố trí kinh phí năm 2026.", "hoàn thành trong Quý III/2026", "2026-09-30"],
    ]);
    expect(tasks.every((t) => t.leads[0] === "Ủy ban nhân dân tỉnh")).toBe(true);
  });

  it("numbers the actions of a numbered item with letters, and gives each the sentence's agency", () => {
    const tasks = tasksOf(
      "8. Yêu cầu các cơ quan, đơn vị có nhiệm vụ chậm tiến độ khẩn trương hoàn thành, báo cáo giải trình trước ngày 30/6/2026; định kỳ hằng tháng cập nhật tiến độ lên Hệ thống theo dõi nhiệm vụ.",
    );
    expect(tasks.map((t) => [t.ref, t.deadline.kind, t.leads[0]])).toEqual([
      ["8.a", "date", "Các cơ quan, đơn vị có nhiệm vụ chậm tiến độ"],
      ["8.b", "recurring", "Các cơ quan, đơn vị có nhiệm vụ chậm tiến độ"],
    ]);
  });

  it.each([
    // A recurrence and its final date in one clause are one deadline.
    "1. Văn phòng Ủy ban nhân dân tỉnh chỉ đạo nâng cao tỷ lệ số hóa; thực hiện thường xuyên, hoàn thành chỉ tiêu trước ngày 31/12/2026.",
    // A clause that is nothing but the deadline belongs to the work before it.
    "1. Sở Tài chính bố trí kinh phí theo Kế hoạch số 04-KH/BCĐTW ngày 05/01/2026. Hoàn thành trước ngày 30/6/2026.",
    // Work after the last deadline has none of its own.
    "1. Sở Nội vụ rà soát biên chế, hoàn thành trong tháng 6/2026; tổ chức tập huấn cho công chức chuyên trách.",
    // An explanation belongs to the action it explains.
    "1. Sở Khoa học và Công nghệ nâng cấp hệ thống, hoàn thành trong tháng 8/2026. Qua đó, bảo đảm gửi nhận văn bản điện tử trước ngày 30/9/2026.",
  ])("keeps %j one task", (line) => {
    expect(tasksOf(line)).toHaveLength(1);
  });
});

describe("explanations", () => {
  it("takes no task and no position from 'Qua đó …', 'Trong đó …', 'Việc … phải …' paragraphs", () => {
    const tasks = tasksOf(
      "2.3. Đảng ủy Công an tỉnh lãnh đạo, chỉ đạo Công an tỉnh",
      "- Số hóa hồ sơ, hoàn thành trong tháng 9/2026.",
      "Qua đó, nâng tỷ lệ hồ sơ được số hóa đạt trên 80%.",
      "- Triển khai mô hình an toàn thông tin 4 lớp. Hoàn thành trước ngày 30/9/2026.",
      "Việc triển khai phải bảo đảm đúng quy định của pháp luật về an toàn thông tin mạng.",
      "- Kiểm tra an toàn thông tin; thực hiện thường xuyên.",
      "Trong đó, tập trung vào các hệ thống thông tin cấp độ 3.",
    );
    expect(tasks.map((t) => t.ref)).toEqual(["2.3.a", "2.3.b", "2.3.c"]);
    expect(tasks.every((t) => t.leads[0] === "Công an tỉnh")).toBe(true);
  });

  it("reads 'Trong đó, X …' and 'Đồng thời, giao X …' as assignments when X is an agency with work of its own", () => {
    const tasks = tasksOf(
      "2.1. Sở Nội vụ",
      "- Rà soát biên chế, hoàn thành trong tháng 8/2026.",
      "Trong đó, Sở Tài chính bố trí kinh phí trước ngày 30/6/2026.",
      "Trong đó, tập trung vào các xã miền núi.",
      "Qua đó, các cơ quan, đơn vị bảo đảm đủ nhân lực.",
      "- Đồng thời, giao Sở Y tế triển khai bệnh án điện tử trong năm 2026.",
    );
    expect(tasks.map((t) => [t.ref, t.leads.join("; ")])).toEqual([
      ["2.1.a", "Sở Nội vụ"],
      ["2.1.b", "Sở Tài chính"],
      ["2.1.c", "Sở Y tế"],
    ]);
  });

  it("still reads 'Theo đó, giao X …' as an assignment", () => {
    const tasks = tasksOf(
      "2. Nhiệm vụ cụ thể",
      "Theo đó, giao Sở Tài chính bố trí kinh phí trong Quý III/2026.",
    );
    expect(tasks.map((t) => t.leads[0])).toEqual(["Sở Tài chính"]);
  });

  it("takes no task from a bare responsibility or from the issuer's approval", () => {
    const tasks = tasksOf(
      "3. Đối với các xã, phường",
      "Ủy ban nhân dân các xã, phường bố trí nhân lực, hoàn thành trước ngày 31/7/2026; Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh về kết quả thực hiện.",
      "4. Các nội dung khác",
      "Ban Chỉ đạo thống nhất chủ trương xây dựng Đề án thành phố thông minh; giao Sở Xây dựng chủ trì xây dựng Đề án, trình trong Quý IV/2026.",
    );
    expect(tasks.map((t) => [t.ref, t.leads.join("; "), t.title])).toEqual([
      ["3.a", "Ủy ban nhân dân các xã, phường", "Bố trí nhân lực."],
      ["4.a", "Sở Xây dựng", "Xây dựng Đề án, trình."],
    ]);
  });

  it("drops the closing formula a PDF runs into the last item", () => {
    const task = only(
      "2. Giao Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc, báo cáo trước ngày 20/12/2026. Văn phòng Ủy ban nhân dân tỉnh thông báo để các sở, ban, ngành, địa phương biết, thực hiện./.",
    );
    expect(task.title).toBe("Theo dõi, đôn đốc, báo cáo.");
  });

  it("reads nothing in a closing 'Đánh giá kết quả thực hiện …' item", () => {
    const tasks = tasksOf(
      "Ban Thường vụ Tỉnh ủy yêu cầu các cơ quan, đơn vị thực hiện các nội dung sau:",
      "1. Rà soát các nhiệm vụ chậm tiến độ, hoàn thành trước ngày 30/6/2026.",
      "2. Đánh giá kết quả thực hiện Công văn số 1874-CV/TU",
      "Đến ngày 31/5/2026, các cơ quan, đơn vị đã hoàn thành 31/38 nhiệm vụ.",
      "- Một số xã chưa bố trí công chức phụ trách chuyển đổi số.",
    );
    expect(tasks.map((t) => t.ref)).toEqual(["1"]);
  });
});

describe("deadline clauses of notices", () => {
  it.each([
    ["Bố trí kinh phí chậm nhất trong tháng 6/2026.", "chậm nhất trong tháng 6/2026", "month", "2026-06-30"],
    ["Rà soát biên chế xong trước ngày 30/6/2026.", "xong trước ngày 30/6/2026", "date", "2026-06-30"],
    [
      "Triển khai bệnh án điện tử trong năm 2026 và những năm tiếp theo.",
      "trong năm 2026 và những năm tiếp theo",
      "recurring",
      "2026-12-31",
    ],
  ])("finds the clause in %j", (sentence, text, kind, due) => {
    expect(findDeadline(sentence, 2026)?.deadline).toEqual({ text, kind, due });
  });
});

describe("the closing courtesy of letters and notices", () => {
  it("takes no task from the difficulty clause after the last item, nor its deadline", () => {
    const tasks = tasksOf(
      "Sở Nội vụ đề nghị các cơ quan, đơn vị triển khai một số nội dung sau:",
      "1. Các sở, ban, ngành rà soát vị trí việc làm, gửi về Sở Nội vụ trước ngày 15/9/2026.",
      "2. Giao Phòng Tổ chức biên chế theo dõi, tổng hợp kết quả; thực hiện hằng quý.",
      "Quá trình thực hiện, trường hợp phát sinh vướng mắc, các đơn vị liên hệ Sở Nội vụ (qua Phòng Tổ chức biên chế) để được hướng dẫn./.",
    );
    expect(tasks.map((t) => t.ref)).toEqual(["1", "2"]);
    expect(tasks[1]!.title).toBe("Theo dõi, tổng hợp kết quả.");
  });

  it("takes no task from a request to everyone addressed ending the letter", () => {
    const tasks = tasksOf(
      "1. Đề nghị Sở Tài chính:",
      "a) Rà soát nhu cầu kinh phí của các đơn vị; hoàn thành trong Quý IV/2026.",
      "b) Tham mưu phân bổ trước ngày 30/11/2026.",
      "Ủy ban nhân dân huyện đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./.",
    );
    expect(tasks.map((t) => t.ref)).toEqual(["1.a", "1.b"]);
  });

  it.each([
    [
      "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh về Sở Y tế để tổng hợp./.",
      true,
    ],
    ["Kính đề nghị các cơ quan, đơn vị, địa phương quan tâm phối hợp thực hiện./.", true],
    ["Đề nghị các sở, ban, ngành nghiêm túc triển khai thực hiện./.", true],
    ["Đề nghị Sở Tài chính tham mưu bố trí kinh phí, thực hiện./.", false],
    ["Đề nghị các cơ quan, đơn vị báo cáo kết quả trước ngày 15/12/2026 để tổng hợp, thực hiện./.", false],
    ["Giao Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc thực hiện./.", false],
  ])("tells courtesy from work in %j", (text, closing) => {
    expect(isClosingCourtesy(text, 2026)).toBe(closing);
  });

  it("takes no task from a numbered closing item asking everyone to carry out the notice", () => {
    const tasks = tasksOf(
      "1. Giao Sở Tư pháp rà soát các quy định, hoàn thành trước ngày 30/9/2026.",
      "2. Ban Thường vụ Huyện ủy đề nghị các chi bộ, cơ quan, đơn vị quán triệt, thực hiện nghiêm Kết luận này; định kỳ báo cáo kết quả về Văn phòng Huyện ủy.",
      "Thông báo để các cơ quan, đơn vị biết, thực hiện.",
    );
    expect(tasks.map((t) => t.ref)).toEqual(["1"]);
  });

  it.each([
    ["3. Thường trực Tỉnh ủy đề nghị các cấp ủy, cơ quan, đơn vị triển khai thực hiện Thông báo này.", true],
    // A date of its own, a body by name, no word of the notice itself: work.
    [
      "3. Đề nghị các cơ quan, đơn vị căn cứ Thông báo này xây dựng kế hoạch, hoàn thành trước ngày 10/6/2026.",
      false,
    ],
    ["3. Đề nghị Sở Tài chính triển khai thực hiện Thông báo này.", false],
    ["3. Đề nghị các cơ quan, đơn vị rà soát thủ tục hành chính nội bộ.", false],
  ])("tells a closing request from work in %j", (text, closing) => {
    expect(isRequestToEveryone(text, 2026)).toBe(closing);
  });

  it("keeps a last unnumbered paragraph that gives a named agency work", () => {
    const tasks = tasksOf(
      "1. Sở Xây dựng rà soát quy hoạch, hoàn thành trong tháng 10/2026.",
      "Giao Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện./.",
    );
    expect(tasks.map((t) => t.leads.join("; "))).toContain("Văn phòng Ủy ban nhân dân tỉnh");
  });
});

describe("rhythms and bodies named by a party committee", () => {
  it("keeps a duty paced by rhythms ('thường xuyên …; … hằng quý') as one task", () => {
    const task = only(
      "2.4. Giao Văn phòng Tỉnh ủy thường xuyên theo dõi, đôn đốc việc thực hiện Kết luận; tổng hợp, báo cáo Ban Thường vụ Tỉnh ủy hằng quý.",
    );
    expect(task.leads).toEqual(["Văn phòng Tỉnh ủy"]);
    expect(task.title).toMatch(/tổng hợp, báo cáo Ban Thường vụ Tỉnh ủy hằng quý/);
    expect(task.deadline.kind).toBe("recurring");
  });

  it("still splits a dated action from the paced one after it", () => {
    const tasks = tasksOf(
      "1. Giao Sở Nội vụ hoàn thiện quy chế phối hợp, hoàn thành trước ngày 30/6/2026; định kỳ hằng tháng cập nhật tiến độ lên Hệ thống theo dõi.",
    );
    expect(tasks.map((t) => t.deadline.kind)).toEqual(["date", "recurring"]);
  });

  it("gives the work to the body a party committee names before its colon, group names included", () => {
    const tasks = tasksOf(
      "2.5. Đảng ủy các xã, phường lãnh đạo, chỉ đạo UBND các xã, phường:",
      "- Bố trí công chức phụ trách chuyển đổi số; hoàn thành trước ngày 31/8/2026.",
    );
    expect(tasks.map((t) => t.leads)).toEqual([["UBND các xã, phường"]]);
  });
});
