import { describe, expect, it } from "vitest";
import { readTextDocument } from "../extract.ts";
import type { RawBlock } from "../model.ts";
import { readText } from "./text.ts";

const tables = (blocks: RawBlock[]) =>
  blocks
    .filter((b) => b.kind === "table")
    .map((b) => (b.kind === "table" ? b.rows.map((r) => r.cells.map((c) => c.text)) : []));
const paragraphs = (blocks: RawBlock[]) => blocks.filter((b) => b.kind === "paragraph").map((b) => b.text);

describe("readText: tab-separated tables", () => {
  it("reads rows, pads short ones, and ends a table at a blank line", () => {
    const doc = readText("Tiêu đề\nSTT\tTên\tThời hạn\n1\tViệc A\t4/2026\n2\tViệc B\n\nSau bảng");
    expect(doc.format).toBe("text");
    expect(paragraphs(doc.blocks)).toEqual(["Tiêu đề", "Sau bảng"]);
    expect(tables(doc.blocks)).toEqual([
      [
        ["STT", "Tên", "Thời hạn"],
        ["1", "Việc A", "4/2026"],
        ["2", "Việc B", ""],
      ],
    ]);
  });

  it("reads Excel's quoted cells with line breaks and quotes", () => {
    const doc = readText('1\t"Sở Tài chính\nSở Nội vụ"\t"Nói ""có"""\n2\tb\tc');
    expect(tables(doc.blocks)).toEqual([
      [
        ["1", "Sở Tài chính\nSở Nội vụ", 'Nói "có"'],
        ["2", "b", "c"],
      ],
    ]);
  });

  it("keeps a stray quote as text", () => {
    const doc = readText('1\t"Make in Vietnam" là\tx');
    expect(tables(doc.blocks)[0]![0]).toEqual(["1", '"Make in Vietnam" là', "x"]);
  });
});

describe("readText: markup in cells and paragraphs", () => {
  it("turns inline HTML lists and emphasis into plain lines", () => {
    const doc = readText(
      "1\t<ul><li>Báo cáo A.</li><li>Quyết định <i>B</i></li></ul>\tx<br>y\t**đậm** ~~gạch~~ *nghiêng* &amp; &nbsp;z",
    );
    expect(tables(doc.blocks)[0]![0]).toEqual([
      "1",
      "- Báo cáo A.\n- Quyết định B",
      "x\ny",
      "đậm gạch nghiêng & z",
    ]);
  });

  it("cleans paragraphs, keeps a lone star and marks bullets and headings", () => {
    const doc = readText("## Phụ lục\n*\nSố ~~1535~~-CV/TU\n- Sở Tài chính;\n**KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**");
    expect(doc.blocks).toEqual([
      { kind: "paragraph", text: "Phụ lục", bold: true },
      { kind: "paragraph", text: "*" },
      { kind: "paragraph", text: "Số 1535-CV/TU" },
      { kind: "paragraph", text: "- Sở Tài chính;", bullet: true },
      { kind: "paragraph", text: "KT. CHỦ TỊCH" },
      { kind: "paragraph", text: "PHÓ CHỦ TỊCH" },
    ]);
  });

  it("normalises to NFC and handles CRLF and a byte order mark", () => {
    const doc = readText("\uFEFFCo\u0302ng an ti\u0309nh\r\nDòng 2\r\n");
    expect(paragraphs(doc.blocks)).toEqual(["Công an tỉnh", "Dòng 2"]);
  });
});

describe("readText: Markdown pipe tables", () => {
  it("reads cells, skips the rule row, keeps escaped pipes and <br>", () => {
    const doc = readText(
      "| STT | Tên nhiệm vụ | Thời hạn |\n|---|:---|---:|\n| 1 | Việc A \\| B | 4/2026 |\n| 2 | Dòng 1<br>Dòng 2 | Quý II/2026 |",
    );
    expect(tables(doc.blocks)).toEqual([
      [
        ["STT", "Tên nhiệm vụ", "Thời hạn"],
        ["1", "Việc A | B", "4/2026"],
        ["2", "Dòng 1\nDòng 2", "Quý II/2026"],
      ],
    ]);
  });
});

describe("readText: one cell per line", () => {
  const header = ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"];

  it("rebuilds rows of a Word table saved as text", () => {
    const text = [
      "Phụ lục",
      ...header,
      "1",
      "Xây dựng kế hoạch chuyển đổi số",
      "Sở Khoa học và Công nghệ",
      "Các sở, ban, ngành",
      "6/2026",
      "2",
      "Tập huấn kỹ năng số",
      "Sở Nội vụ",
      "UBND cấp xã",
      "Thường xuyên",
    ].join("\n");
    const rows = tables(readTextDocument(text).blocks)[0]!;
    expect(rows).toEqual([
      header,
      ["1", "Xây dựng kế hoạch chuyển đổi số", "Sở Khoa học và Công nghệ", "Các sở, ban, ngành", "6/2026"],
      ["2", "Tập huấn kỹ năng số", "Sở Nội vụ", "UBND cấp xã", "Thường xuyên"],
    ]);
  });

  it("skips the column numbers written one per line under the header", () => {
    const text = [
      ...header,
      "(1)",
      "(2)",
      "(3)",
      "(4)",
      "(5)",
      "1",
      "Tập huấn kỹ năng số",
      "Sở Nội vụ",
      "UBND cấp xã",
      "Quý II/2026",
    ].join("\n");
    const rows = tables(readTextDocument(text).blocks)[0]!;
    expect(rows.slice(1)).toEqual([["1", "Tập huấn kỹ năng số", "Sở Nội vụ", "UBND cấp xã", "Quý II/2026"]]);
  });

  it("reads lettered parts, a group heading with numbered or lettered rows under it", () => {
    const text = [
      ...header,
      "A",
      "NHIỆM VỤ CHUNG",
      "1",
      "Quán triệt Kế hoạch",
      "Sở Nội vụ",
      "Các sở, ban, ngành",
      "Tháng 4/2026",
      "B",
      "NHIỆM VỤ CỤ THỂ",
      "I",
      "Cải cách thủ tục hành chính",
      "1",
      "Đơn giản hóa thủ tục hành chính nội bộ",
      "1.1",
      "Rà soát thủ tục nội bộ",
      "Văn phòng UBND tỉnh",
      "Các sở, ban, ngành",
      "Quý III/2026",
      "2",
      "Số hóa kết quả giải quyết thủ tục",
      "a",
      "Số hóa kết quả cấp tỉnh",
      "Các sở, ban, ngành",
      "Văn phòng UBND tỉnh",
      "31/10/2026",
      "b",
      "Số hóa kết quả cấp xã",
      "UBND cấp xã",
      "Sở Khoa học và Công nghệ",
      "31/12/2026",
    ].join("\n");
    const rows = tables(readTextDocument(text).blocks)[0]!;
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ["A", "NHIỆM VỤ CHUNG", ""],
      ["1", "Quán triệt Kế hoạch", "Sở Nội vụ"],
      ["B", "NHIỆM VỤ CỤ THỂ", ""],
      ["I", "Cải cách thủ tục hành chính", ""],
      ["1", "Đơn giản hóa thủ tục hành chính nội bộ", ""],
      ["1.1", "Rà soát thủ tục nội bộ", "Văn phòng UBND tỉnh"],
      ["2", "Số hóa kết quả giải quyết thủ tục", ""],
      ["a", "Số hóa kết quả cấp tỉnh", "Các sở, ban, ngành"],
      ["b", "Số hóa kết quả cấp xã", "UBND cấp xã"],
    ]);
  });

  it("does not take a place named with a capital letter for a lettered part", () => {
    const text = [
      ...header,
      "1",
      "Rà soát trạm phát sóng",
      "UBND xã",
      "A",
      "Lưới",
      "6/2026",
      "2",
      "Tập huấn",
      "Sở Nội vụ",
      "A Lưới",
      "Quý II/2026",
    ].join("\n");
    const rows = tables(readTextDocument(text).blocks)[0]!;
    expect(rows.slice(1).map((r) => r[0])).toEqual(["1", "2"]);
  });

  it("reads a table without an STT column, its rows numbered in their names", () => {
    const text = [
      "Nhiệm vụ, giải pháp",
      "Cơ quan, đơn vị chủ trì",
      "Cơ quan, đơn vị phối hợp",
      "Thời hạn hoàn thành",
      "I. TUYÊN TRUYỀN",
      "1. Xây dựng chuyên trang trên Cổng thông tin điện tử tỉnh",
      "Sở Khoa học và Công nghệ",
      "Văn phòng UBND tỉnh",
      "Tháng 5/2026",
      "2. Tuyên truyền trên hệ thống truyền thanh cơ sở",
      "UBND cấp xã",
      "",
      "Hằng quý",
    ].join("\n");
    const rows = tables(readTextDocument(text).blocks)[0]!;
    expect(rows.slice(1)).toEqual([
      ["I. TUYÊN TRUYỀN", "I. TUYÊN TRUYỀN", "I. TUYÊN TRUYỀN", "I. TUYÊN TRUYỀN"],
      [
        "1. Xây dựng chuyên trang trên Cổng thông tin điện tử tỉnh",
        "Sở Khoa học và Công nghệ",
        "Văn phòng UBND tỉnh",
        "Tháng 5/2026",
      ],
      ["2. Tuyên truyền trên hệ thống truyền thanh cơ sở", "UBND cấp xã", "", "Hằng quý"],
    ]);
  });

  it("rebuilds rows of PDF text where cells wrap over several lines and words are cut", () => {
    const text = [
      "ST",
      "T",
      "Tên nhiệm vụ Cơ quan",
      "chủ trì",
      "Cơ quan phối",
      "hợp",
      "Thời hạn",
      "1 Xây dựng kế hoạch chuyển",
      "đổi số của tỉnh năm 2026",
      "Sở Khoa học và",
      "Công nghệ",
      "Các sở, ban,",
      "ngành",
      "6/2026",
      "2 Tập huấn kỹ năng số cho cán",
      "bộ, công chức",
      "Sở Nội vụ",
      "UBND cấp xã",
      "Thường xuyên",
    ].join("\n");
    const rows = tables(readTextDocument(text).blocks)[0]!;
    expect(rows.slice(1)).toEqual([
      [
        "1",
        "Xây dựng kế hoạch chuyển đổi số của tỉnh năm 2026",
        "Sở Khoa học và Công nghệ",
        "Các sở, ban, ngành",
        "6/2026",
      ],
      ["2", "Tập huấn kỹ năng số cho cán bộ, công chức", "Sở Nội vụ", "UBND cấp xã", "Thường xuyên"],
    ]);
  });

  it("reads a blank line as an empty cell when each cell has one line", () => {
    const text = [
      ...header,
      "1",
      "Xây dựng kế hoạch",
      "Sở Tài chính",
      "",
      "6/2026",
      "2",
      "Tập huấn",
      "Sở Nội vụ",
      "",
      "7/2026",
    ].join("\n");
    const rows = tables(readTextDocument(text).blocks)[0]!;
    expect(rows.slice(1)).toEqual([
      ["1", "Xây dựng kế hoạch", "Sở Tài chính", "", "6/2026"],
      ["2", "Tập huấn", "Sở Nội vụ", "", "7/2026"],
    ]);
  });

  it("marks a page break where the header repeats and keeps the cut row's rest", () => {
    const text = [
      ...header,
      "1",
      "Xây dựng kế hoạch",
      "Sở Tài chính",
      "Sở Nội vụ",
      "6/2026",
      "",
      ...header,
      "2",
      "Tập huấn",
      "Sở Nội vụ",
      "UBND cấp xã",
      "Thường xuyên",
    ].join("\n");
    const rows = tables(readTextDocument(text).blocks)[0]!;
    expect(rows.map((r) => r[0])).toEqual(["STT", "1", "STT", "2"]);
  });

  it("reads such lines as paragraphs when not given the interpreter's table finder", () => {
    const doc = readText(
      [...header, "1", "Xây dựng kế hoạch", "Sở Tài chính", "Sở Nội vụ", "6/2026"].join("\n"),
    );
    expect(tables(doc.blocks)).toEqual([]);
    expect(paragraphs(doc.blocks)[0]).toBe("STT");
  });

  it("leaves prose that only mentions STT alone", () => {
    const doc = readTextDocument("STT là số thứ tự của nhiệm vụ trong bảng.\nKhông có bảng.");
    expect(tables(doc.blocks)).toEqual([]);
  });
});

describe("readText: robustness", () => {
  it("reads empty and odd input without throwing", () => {
    expect(readText("").blocks).toEqual([]);
    expect(readText("\t\t\n\t").blocks).toEqual([]);
    expect(() => readText('"\t"\n"\t')).not.toThrow();
    expect(() => readText(undefined as unknown as string)).not.toThrow();
  });
});
