import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizeText } from "../../domain/text.ts";
import { IngestError } from "../errors.ts";
import type { RawBlock, RawDocument, RawRow } from "../model.ts";
import { readPdf } from "./pdf.ts";

const plans = new URL("../../../fixtures/plans/", import.meta.url);
const generated = new URL("../../../fixtures/generated/", import.meta.url);

/** Cell text as the text rendering of the fixture shows it: markup and list dashes aside. */
const canonical = (text: string): string =>
  normalizeText(text.replace(/<[^>]+>/g, " ").replace(/(^|\s)[-–•]\s/g, " "));

/** The text rendering's task table: its header line and the rows under it, tab-separated. */
function textTable(name: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(new URL(`${name}.txt`, plans), "utf8").split("\n");
  const headerLine = lines.find((line) => /^STT\t.*nhiệm vụ/i.test(line))!;
  const header = headerLine.split("\t").map(canonical);
  const start = lines.indexOf(headerLine);
  const rows = lines
    .slice(start)
    .filter((line) => line.includes("\t") && line !== headerLine)
    .map((line) => line.split("\t").map(canonical));
  return { header, rows };
}

const tables = (doc: RawDocument): Extract<RawBlock, { kind: "table" }>[] =>
  doc.blocks.filter((block): block is Extract<RawBlock, { kind: "table" }> => block.kind === "table");

const texts = (row: RawRow): string[] => row.cells.map((cell) => canonical(cell.text));

/** The same structural checks for any PDF rendering of a plan whose text rendering is a fixture. */
function checkTaskTable(doc: RawDocument, name: string, expectedTasks: number): void {
  const truth = textTable(name);
  const table = tables(doc).find((t) => t.rows[0] && texts(t.rows[0]).join("|") === truth.header.join("|"));
  expect(table, "a table whose first row is the task header").toBeDefined();
  const rows = table!.rows;
  expect(rows[0]!.cells).toHaveLength(truth.header.length);
  const numbered = rows.filter((row) => /^\d+(\.\d+)*\.?$/.test(row.cells[0]!.text.trim()));
  expect(numbered).toHaveLength(expectedTasks);
  // Rows are whole where they do not cross a page: task 3 reads as in the text rendering.
  const task3 = numbered.find((row) => row.cells[0]!.text.trim() === "3")!;
  const truth3 = truth.rows.find((row) => row[0] === "3")!;
  expect(texts(task3)).toEqual(truth3.slice(0, truth.header.length));
  for (const row of rows) expect(row.page).toBeGreaterThan(0);
}

describe("readPdf on the real 1535-CV/TU (LibreOffice, 12 landscape pages)", async () => {
  const doc = await readPdf(new Uint8Array(readFileSync(new URL("lam-dong-1535-cv-tu.pdf", plans))));

  it("reads the task table: header, 30 task rows, task 3 cell by cell", () => {
    expect(doc.format).toBe("pdf");
    expect(doc.pageCount).toBe(12);
    checkTaskTable(doc, "lam-dong-1535-cv-tu", 30);
    const [table] = tables(doc);
    expect(table!.rows[0]!.cells.map((cell) => cell.text)).toEqual([
      "STT",
      "Tên nhiệm vụ",
      "Văn bản giao",
      "Người đứng đầu chịu trách nhiệm",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
      "Sản phẩm, kết quả yêu cầu",
      "Thời hạn",
    ]);
    const task3 = table!.rows.find((row) => row.cells[0]!.text === "3")!;
    expect(task3.cells.map((cell) => cell.text)).toEqual([
      "3",
      "Thực hiện thiết lập kênh kết nối trao đổi thông tin, dữ liệu phục vụ giám sát, điều phối ứng cứu, khắc phục sự cố an toàn thông tin, an ninh mạng theo hướng dẫn của lực lượng chuyên trách bảo vệ an ninh mạng Bộ Công an theo quy định (trừ các hệ thống thông tin trong lĩnh vực quân sự, quốc phòng và cơ yếu).",
      "Kế hoạch số 04-KH/BCĐTW, ngày 05/01/2026",
      "Giám đốc Công an tỉnh",
      "Công an tỉnh",
      "Các cơ quan và đơn vị có liên quan",
      "Hoàn thành trong tháng 4/2026",
      "4/2026",
    ]);
    expect(task3.page).toBe(3);
  });

  it("keeps one table across pages, with the repeated headers and the continuation rows", () => {
    expect(tables(doc)).toHaveLength(1);
    const rows = tables(doc)[0]!.rows;
    const headers = rows.filter((row) => row.cells[0]!.text === "STT");
    expect(headers.map((row) => row.page)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // Task 2's output runs from page 2 onto page 3: the rest is a row with an empty STT.
    const afterHeader = rows[rows.indexOf(headers[1]!) + 1]!;
    expect(afterHeader.cells[0]!.text).toBe("");
    expect(afterHeader.cells[6]!.text).toMatch(/^đang sử dụng, cần khẩn trương rà soát/);
    // Words cut inside a document number are joined back.
    const sources = rows.map((row) => row.cells[2]!.text).join(" ");
    expect(sources).toContain("Thông báo số 17-TB/CQTTBCĐ ngày 29/12/2025");
    expect(sources).not.toMatch(/BCĐ TW|VP TW/);
  });

  it("keeps list items as lines starting with '- '", () => {
    const task27 = tables(doc)[0]!.rows.find((row) => row.cells[0]!.text === "27")!;
    const items = task27.cells[6]!.text.split("\n");
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const item of items) expect(item.startsWith("- ")).toBe(true);
  });

  it("reads the letter around the table as paragraphs with their pages", () => {
    const paragraphs = doc.blocks.filter((block) => block.kind === "paragraph");
    expect(paragraphs.find((p) => p.text === "Số 1535-CV/TU")?.page).toBe(1);
    expect(paragraphs.find((p) => p.text === "ĐẢNG CỘNG SẢN VIỆT NAM")).toBeDefined();
    expect(paragraphs.find((p) => p.text.startsWith("Thực hiện Công văn số 2039-CV/VPTW"))?.text).toMatch(
      /các nội dung sau:$/,
    );
    const tableIndex = doc.blocks.findIndex((block) => block.kind === "table");
    const before = doc.blocks[tableIndex - 1];
    expect(before?.kind === "paragraph" && before.text).toMatch(
      /^\(Ban hành kèm theo Công văn số 1535-CV\/TU/,
    );
  });
});

describe("readPdf without ruling lines (tables from text alignment alone)", () => {
  it("finds the same task table in 1535-CV/TU", async () => {
    const bytes = new Uint8Array(readFileSync(new URL("lam-dong-1535-cv-tu.pdf", plans)));
    const doc = await readPdf(bytes, { ignoreRulings: true });
    checkTaskTable(doc, "lam-dong-1535-cv-tu", 30);
    expect(tables(doc)).toHaveLength(1);
  });
});

const generated3450 = new URL("lam-dong-3450-kh-ubnd.pdf", generated);
describe("readPdf on 3450/KH-UBND converted from .docx", () => {
  it("reads the task table like the text rendering", async () => {
    const doc = await readPdf(new Uint8Array(readFileSync(generated3450)));
    const expected = JSON.parse(readFileSync(new URL("lam-dong-3450-kh-ubnd.expected.json", plans), "utf8"));
    checkTaskTable(doc, "lam-dong-3450-kh-ubnd", expected.tasks.length);
    const aligned = await readPdf(new Uint8Array(readFileSync(generated3450)), { ignoreRulings: true });
    checkTaskTable(aligned, "lam-dong-3450-kh-ubnd", expected.tasks.length);
  });
});

describe("readPdf on bad input", () => {
  const code = async (bytes: Uint8Array): Promise<string> => {
    try {
      await readPdf(bytes);
      return "none";
    } catch (error) {
      expect(error).toBeInstanceOf(IngestError);
      expect((error as Error).message).not.toMatch(/\n/);
      return (error as IngestError).code;
    }
  };

  it("calls a truncated or garbled file corrupt", async () => {
    const real = readFileSync(new URL("lam-dong-1535-cv-tu.pdf", plans));
    expect(await code(new TextEncoder().encode("%PDF-1.7\n garbage"))).toBe("corrupt_file");
    expect(await code(new Uint8Array(real.subarray(0, 600)))).toMatch(/corrupt_file|scanned_pdf/);
  });
});
