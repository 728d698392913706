import { describe, expect, it } from "vitest";
import {
  type ExtractedIndicator,
  type ExtractedTask,
  type Extraction,
  extractionSchema,
} from "../extraction.ts";
import { doc, interpret, row, table } from "../testing/rawDocument.ts";
import {
  confidenceOf,
  DOUBT_WEIGHTS,
  indicatorDoubts,
  refreshDoubts,
  tableRowDoubts,
  taskDoubts,
  withExtraDoubts,
} from "./doubts.ts";

const task = (over: Partial<ExtractedTask> = {}): ExtractedTask => ({
  ref: "1",
  section: null,
  sectionTitle: null,
  number: "1",
  title: "Xây dựng cơ sở dữ liệu dân cư của tỉnh",
  sources: [],
  responsible: "",
  leads: ["Công an tỉnh"],
  coordinators: ["Sở Tài chính"],
  output: "",
  note: "",
  deadline: { text: "Quý III/2026", kind: "quarter", due: "2026-09-30" },
  ...over,
});

const indicator = (over: Partial<ExtractedIndicator> = {}): ExtractedIndicator => ({
  ref: "1",
  section: null,
  number: "1",
  name: "Tỷ lệ hồ sơ trực tuyến toàn trình",
  unit: "%",
  targets: [{ year: 2026, text: "≥ 80", op: ">=", value: 80 }],
  monitors: ["Sở Khoa học và Công nghệ"],
  sources: [],
  ...over,
});

const codes = (doubts: { field: string; code: string }[]) => doubts.map((d) => `${d.field}:${d.code}`);

describe("doubts a task shows by itself", () => {
  it("finds nothing in a clean row", () => {
    expect(taskDoubts(task())).toEqual([]);
  });

  it("doubts a title that starts in lower case or ends mid-phrase", () => {
    expect(codes(taskDoubts(task({ title: "và các cơ sở dữ liệu chuyên ngành" })))).toEqual([
      "title:title_continuation",
    ]);
    expect(codes(taskDoubts(task({ title: "Triển khai hệ thống giám sát của" })))).toEqual([
      "title:title_unfinished",
    ]);
    expect(codes(taskDoubts(task({ title: "Rà soát thủ tục hành chính (giai đoạn" })))).toEqual([
      "title:title_unfinished",
    ]);
    expect(codes(taskDoubts(task({ title: "Rà soát thủ tục hành chính, đối với" })))).toEqual([
      "title:title_unfinished",
    ]);
    expect(codes(taskDoubts(task({ title: "" })))).toEqual(["title:title_empty"]);
  });

  it("doubts an empty lead, a lead that reads like work, and a name too long for an agency", () => {
    expect(codes(taskDoubts(task({ leads: [] })))).toEqual(["leads:lead_missing"]);
    expect(codes(taskDoubts(task({ leads: ["triển khai thực hiện kế hoạch"] })))).toEqual([
      "leads:agency_verb_phrase",
    ]);
    expect(codes(taskDoubts(task({ coordinators: ["Hướng dẫn các địa phương thực hiện"] })))).toEqual([
      "coordinators:agency_verb_phrase",
    ]);
    expect(codes(taskDoubts(task({ coordinators: ["quan, đơn vị trong tỉnh", "các sở, ngành"] })))).toEqual([
      "coordinators:agency_fragment",
    ]);
    const long =
      "Sở Tài chính chủ trì cùng các cơ quan liên quan rà soát toàn bộ danh mục dự án đầu tư công trung hạn và đề xuất điều chỉnh";
    expect(codes(taskDoubts(task({ leads: [long] })))).toEqual(["leads:agency_too_long"]);
  });

  it("does not take an agency whose name opens with a verb-like head noun for work", () => {
    expect(taskDoubts(task({ leads: ["Ban Chỉ đạo chuyển đổi số tỉnh", "Tổ công tác 06"] }))).toEqual([]);
  });

  it("doubts a deadline text no rule can date, but not a phrase that says there is none", () => {
    const odd = task({
      deadline: { text: "Khi có chủ trương của cấp trên về việc", kind: "unspecified", due: null },
    });
    expect(codes(taskDoubts(odd))).toEqual(["deadline:deadline_unrecognised"]);
    const recurring = task({ deadline: { text: "Thường xuyên", kind: "recurring", due: null } });
    expect(taskDoubts(recurring)).toEqual([]);
    const none = task({ deadline: { text: "", kind: "unspecified", due: null } });
    expect(taskDoubts(none)).toEqual([]);
  });

  it("doubts a source that is not a document number", () => {
    expect(codes(taskDoubts(task({ sources: ["5039/KH-UBND", "Luật Ngân sách"] })))).toEqual([
      "sources:source_not_number",
    ]);
  });
});

describe("doubts an indicator shows by itself", () => {
  it("doubts a target whose value cannot be read, not a dash", () => {
    const targets = [
      { year: 2026, text: "Cơ bản hoàn thành", op: null, value: null },
      { year: 2030, text: "-", op: null, value: null },
    ];
    expect(codes(indicatorDoubts(indicator({ targets })))).toEqual(["targets:target_unreadable"]);
  });

  it("doubts an indicator nobody monitors", () => {
    expect(codes(indicatorDoubts(indicator({ monitors: [] })))).toEqual(["monitors:monitor_missing"]);
  });
});

describe("what only the reader of a table row knows", () => {
  it("says when the deadline came from another column", () => {
    const doubts = tableRowDoubts({ title: "Lập hồ sơ", output: "Hoàn thành trong tháng 4/2026" }, 2026);
    expect(codes(doubts)).toEqual(["deadline:deadline_other_column"]);
    expect(doubts[0]!.message).toContain("sản phẩm");
    expect(
      tableRowDoubts({ title: "Lập hồ sơ", deadline: "4/2026", output: "Hoàn thành trong tháng 4/2026" }),
    ).toEqual([]);
  });

  it("says when the source column held no document number", () => {
    expect(codes(tableRowDoubts({ title: "Lập hồ sơ", source: "Đề xuất mới của Bộ" }))).toEqual([
      "sources:source_unparsed",
    ]);
    expect(tableRowDoubts({ title: "Lập hồ sơ", source: "Kế hoạch số 12/KH-UBND" })).toEqual([]);
  });

  it("is put on the tasks of a table by the interpreter", () => {
    const out = interpret(
      doc(
        table(
          row("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Sản phẩm", "Thời hạn"),
          row("1", "Lập hồ sơ số hóa", "Sở Nội vụ", "Hoàn thành trong tháng 4/2026", ""),
          row("2", "Triển khai cổng dữ liệu", "", "Cổng dữ liệu", "Quý II/2026"),
        ),
      ),
    );
    expect(codes(out.tasks[0]!.doubts ?? [])).toEqual(["deadline:deadline_other_column"]);
    expect(codes(out.tasks[1]!.doubts ?? [])).toEqual(["leads:lead_missing"]);
    expect(out.tasks[1]!.confidence).toBe(1 - DOUBT_WEIGHTS.lead_missing);
  });
});

describe("refreshing the doubts of an extraction", () => {
  const extraction = (tasks: ExtractedTask[]): Extraction => ({
    document: { number: null, type: null, issuer: null, date: null, title: null },
    tasks,
    indicators: [],
    warnings: [],
  });

  it("marks rows sharing a ref and rows numbered by position", () => {
    const out = refreshDoubts({
      ...extraction([task(), task(), task({ ref: "2", number: "2" })]),
      warnings: [{ ref: "2", code: "missing_number", message: "…" }],
    });
    expect(out.tasks.map((t) => codes(t.doubts ?? []))).toEqual([
      ["ref:duplicate_ref"],
      ["ref:duplicate_ref"],
      ["ref:number_missing"],
    ]);
  });

  it("derives again what the row shows, keeps the interpreter's doubts, and drops the server's on request", () => {
    const stale = task({
      doubts: [
        { field: "title", code: "title_continuation", message: "…" },
        { field: "deadline", code: "deadline_other_column", message: "…" },
        { field: "leads", code: "agency_unknown", message: "…" },
      ],
    });
    expect(codes(refreshDoubts(extraction([stale])).tasks[0]!.doubts ?? [])).toEqual([
      "deadline:deadline_other_column",
      "leads:agency_unknown",
    ]);
    expect(codes(refreshDoubts(extraction([stale]), { dropServer: true }).tasks[0]!.doubts ?? [])).toEqual([
      "deadline:deadline_other_column",
    ]);
  });

  it("computes the confidence from the declared weights, and adds the server's doubts once", () => {
    const out = withExtraDoubts(refreshDoubts(extraction([task({ leads: [] })])), {
      tasks: [[{ field: "coordinators", code: "agency_unknown", message: "…" }]],
      indicators: [],
    });
    const expected =
      Math.round((1 - DOUBT_WEIGHTS.lead_missing) * (1 - DOUBT_WEIGHTS.agency_unknown) * 100) / 100;
    expect(out.tasks[0]!.confidence).toBe(expected);
    expect(confidenceOf([])).toBe(1);
    expect(confidenceOf([{ field: "x", code: "made_up_by_an_interpreter", message: "" }])).toBe(0.8);
  });

  it("parses rows stored before confidence and doubts existed", () => {
    const parsed = extractionSchema.parse(extraction([task()]));
    expect(parsed.tasks[0]).toMatchObject({ confidence: 1, doubts: [] });
  });
});
