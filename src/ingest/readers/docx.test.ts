import { readFileSync } from "node:fs";
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { IngestError } from "../errors.ts";
import type { RawBlock, RawDocument } from "../model.ts";
import { readDoc, readDocx } from "./docx.ts";
import { convertWithSoffice, findSoffice } from "./soffice.ts";

const fixture = (path: string) =>
  new Uint8Array(readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url)));
const tables = (doc: RawDocument) =>
  doc.blocks.filter((b): b is Extract<RawBlock, { kind: "table" }> => b.kind === "table");
const paragraphs = (doc: RawDocument) =>
  doc.blocks.filter((b): b is Extract<RawBlock, { kind: "paragraph" }> => b.kind === "paragraph");
const texts = (row: { cells: { text: string }[] } | undefined) => row?.cells.map((c) => c.text);

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A minimal package around a hand-written body, for constructs the docx library cannot write. */
async function rawDocx(body: string, parts: Record<string, string> = {}, rels = true): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  if (rels) {
    zip.file(
      "_rels/.rels",
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    );
  }
  zip.file(
    "word/document.xml",
    `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  );
  for (const [path, xml] of Object.entries(parts)) zip.file(path, xml);
  return zip.generateAsync({ type: "uint8array" });
}

const p = (text: string, props = "") =>
  `<w:p>${props}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (inner: string, props = "") => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ""}${inner}</w:tc>`;

describe("readDocx on the real lam-dong-1535-cv-tu.docx", () => {
  it("gives the task table with its 8 header names and task 2's two list items", async () => {
    const doc = await readDocx(fixture("plans/lam-dong-1535-cv-tu.docx"));
    expect(doc.format).toBe("docx");
    const [table] = tables(doc);
    expect(texts(table?.rows[0])).toEqual([
      "STT",
      "Tên nhiệm vụ",
      "Văn bản giao",
      "Người đứng đầu chịu trách nhiệm",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
      "Sản phẩm, kết quả yêu cầu",
      "Thời hạn",
    ]);
    expect(table?.rows).toHaveLength(31);
    const task2 = table?.rows.find((r) => r.cells[0]?.text === "2");
    const output = task2?.cells[6]?.text.split("\n");
    expect(output).toHaveLength(2);
    expect(output?.[0]).toMatch(/^- Đối với hạ tầng và các hệ thống thông tin đang xây dựng/);
    expect(output?.[1]).toMatch(/^- Đối với các hệ thống thông tin và hạ tầng hiện đang sử dụng/);
    expect(task2?.cells[7]?.text).toBe("4/2026");
  });

  it("keeps the letter's paragraphs in document order before the appendix", async () => {
    const doc = await readDocx(fixture("plans/lam-dong-1535-cv-tu.docx"));
    const lines = paragraphs(doc).map((b) => b.text);
    expect(lines.slice(0, 3)).toEqual(["TỈNH ỦY LÂM ĐỒNG", "*", "Số 1535-CV/TU"]);
    expect(doc.blocks.findIndex((b) => b.kind === "table")).toBeGreaterThan(
      lines.indexOf("Phụ lục: DANH MỤC CÁC NHIỆM VỤ"),
    );
  });
});

describe("readDocx on the generated fixtures", () => {
  it("reads Word bullets, the footnote and a row that breaks across pages as one row", async () => {
    const doc = await readDocx(fixture("generated/lam-dong-1535-cv-tu.docx"));
    const [table] = tables(doc);
    expect(table?.rows).toHaveLength(31);
    const row = (n: string) => table?.rows.find((r) => r.cells[0]?.text === n);
    expect(row("1")?.cells[2]?.footnotes).toEqual(["Nguồn: Kế hoạch số 04-KH/BCĐTW, ngày 05/01/2026."]);
    expect(row("10")?.cells[6]?.text.split("\n")).toHaveLength(4);
    expect(row("20")?.cells[1]?.text).toBe(
      "Tổ chức tập huấn kỹ năng số cho cán bộ, người dân và phát huy vai trò Tổ công nghệ số cộng đồng.",
    );
    expect(row("20")?.cells[2]?.text).toBe("Thông báo số 17-TB/CQTTBCĐ ngày 29/12/2025");
  });

  it("repeats a merged section title across the columns it spans", async () => {
    const doc = await readDocx(fixture("generated/lam-dong-3450-kh-ubnd.docx"));
    const [indicators, tasks] = tables(doc);
    expect(texts(indicators?.rows[1])).toEqual(["I", ...Array(6).fill("Phát triển hạ tầng")]);
    expect(tasks?.rows[0]?.cells).toHaveLength(8);
    expect(tasks?.rows.filter((r) => /^[IVX]+$/.test(r.cells[0]?.text ?? ""))).toHaveLength(8);
  });
});

describe("readDocx structure", () => {
  it("handles merges, lists, numbering, footnotes, breaks and bold paragraphs", async () => {
    const cell = (children: Paragraph[], opts: { columnSpan?: number; rowSpan?: number } = {}) =>
      new TableCell({ children, ...opts });
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: "dots",
            levels: [{ level: 0, format: LevelFormat.BULLET, text: "•", alignment: AlignmentType.LEFT }],
          },
          {
            reference: "stt",
            levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT }],
          },
        ],
      },
      footnotes: { 1: { children: [new Paragraph("Kế hoạch số 5039/KH-UBND ngày 10/10/2025")] } },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun({ text: "KẾ HOẠCH", bold: true })] }),
            new Paragraph({
              children: [new TextRun("Dòng một"), new TextRun({ text: "Dòng hai", break: 1 })],
            }),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    cell([new Paragraph("STT")]),
                    cell([new Paragraph("Nội dung")], { columnSpan: 2 }),
                    cell([new Paragraph("Chủ trì")]),
                  ],
                }),
                new TableRow({
                  children: [
                    cell([new Paragraph({ numbering: { reference: "stt", level: 0 } })]),
                    cell([
                      new Paragraph({ children: [new TextRun("Việc A"), new FootnoteReferenceRun(1)] }),
                      new Paragraph({ text: "ý một", numbering: { reference: "dots", level: 0 } }),
                      new Paragraph({ text: "ý hai", numbering: { reference: "dots", level: 0 } }),
                    ]),
                    cell([
                      new Paragraph({ children: [new TextRun("x"), new TextRun({ text: "y", break: 1 })] }),
                    ]),
                    cell([new Paragraph("Công an tỉnh")], { rowSpan: 2 }),
                  ],
                }),
                new TableRow({
                  children: [
                    cell([new Paragraph({ numbering: { reference: "stt", level: 0 } })]),
                    cell([new Paragraph("Việc B")], { columnSpan: 2 }),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    const raw = await readDocx(new Uint8Array(await Packer.toBuffer(doc)));
    expect(paragraphs(raw).map((b) => [b.text, !!b.bold])).toEqual([
      ["KẾ HOẠCH", true],
      ["Dòng một", false],
      ["Dòng hai", false],
    ]);
    const rows = tables(raw)[0]?.rows ?? [];
    expect(texts(rows[0])).toEqual(["STT", "Nội dung", "Nội dung", "Chủ trì"]);
    expect(texts(rows[1])).toEqual(["1.", "Việc A\n- ý một\n- ý hai", "x\ny", "Công an tỉnh"]);
    expect(rows[1]?.cells[1]?.footnotes).toEqual(["Kế hoạch số 5039/KH-UBND ngày 10/10/2025"]);
    expect(rows[2]?.cells.map((c) => [c.text, !!c.mergedFromAbove])).toEqual([
      ["2.", false],
      ["Việc B", false],
      ["Việc B", false],
      ["", true],
    ]);
  });

  it("reads tracked changes as shown, skips fallbacks, honours gridBefore and legacy hMerge", async () => {
    const body =
      `<w:p><w:r><w:t>Giữ </w:t></w:r><w:del><w:r><w:delText>xóa</w:delText></w:r></w:del>` +
      `<w:ins><w:r><w:t>thêm</w:t></w:r></w:ins></w:p>` +
      `<w:p xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:r><mc:AlternateContent>` +
      `<mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p("Hộp chữ")}</w:txbxContent></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><w:txbxContent>${p("Hộp chữ")}</w:txbxContent></w:pict></mc:Fallback>` +
      `</mc:AlternateContent></w:r><w:r><w:t>Neo</w:t><w:sym w:font="Symbol" w:char="F0B3"/><w:t> 70</w:t></w:r></w:p>` +
      `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
      `<w:tr>${tc(p("a"))}${tc(p("b"), '<w:hMerge w:val="restart"/>')}${tc(p(""), "<w:hMerge/>")}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p("c"))}${tc(p("d"))}</w:tr>` +
      `<w:tr>${tc(`<w:tbl><w:tr>${tc(p("n1"))}${tc(p("n2"))}</w:tr></w:tbl><w:p/>`)}</w:tr></w:tbl>`;
    const raw = await readDocx(await rawDocx(body, {}, false));
    expect(paragraphs(raw).map((b) => b.text)).toEqual(["Giữ thêm", "Hộp chữ", "Neo≥ 70"]);
    const rows = tables(raw)[0]?.rows ?? [];
    expect(texts(rows[0])).toEqual(["a", "b", "b"]);
    expect(texts(rows[1])).toEqual(["", "c", "d"]);
    expect(texts(rows[2])).toEqual(["n1\nn2", "", ""]);
  });

  it("renders Word's own list labels from numbering.xml (Roman sections, restarts per level)", async () => {
    const numbering =
      `<?xml version="1.0"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0">` +
      `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>` +
      `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>` +
      `</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const np = (text: string, ilvl: number) =>
      p(text, `<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>`);
    const body = np("QUAN ĐIỂM", 0) + np("a", 1) + np("b", 1) + np("MỤC TIÊU", 0) + np("c", 1);
    const raw = await readDocx(await rawDocx(body, { "word/numbering.xml": numbering }));
    expect(paragraphs(raw).map((b) => b.text)).toEqual([
      "I. QUAN ĐIỂM",
      "I.1. a",
      "I.2. b",
      "II. MỤC TIÊU",
      "II.1. c",
    ]);
  });

  it("follows a list style link and a paragraph style's list to find bullets", async () => {
    const numbering =
      `<?xml version="1.0"?><w:numbering ${W}>` +
      `<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="DashList"/></w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
      `</w:numbering>`;
    const styles =
      `<?xml version="1.0"?><w:styles ${W}>` +
      `<w:style w:type="numbering" w:styleId="DashList"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Gach"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
      `</w:styles>`;
    const body =
      p("một", '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>') +
      p("hai", '<w:pPr><w:pStyle w:val="Gach"/></w:pPr>');
    const raw = await readDocx(
      await rawDocx(body, { "word/numbering.xml": numbering, "word/styles.xml": styles }),
    );
    expect(paragraphs(raw).map((b) => [b.text, !!b.bullet, !!b.bold])).toEqual([
      ["- một", true, false],
      ["- hai", true, true],
    ]);
  });
});

describe("readDocx errors", () => {
  const code = async (bytes: Uint8Array) => {
    try {
      await readDocx(bytes);
    } catch (err) {
      return err instanceof IngestError ? err.code : String(err);
    }
    return "no error";
  };

  it("says a password-protected file is encrypted", async () => {
    const cfb = new Uint8Array(4096);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    cfb.set(Buffer.from("EncryptedPackage", "utf16le"), 1024);
    expect(await code(cfb)).toBe("encrypted_file");
  });

  it("says a broken or foreign zip is corrupt", async () => {
    const real = fixture("plans/lam-dong-1535-cv-tu.docx");
    expect(await code(real.slice(0, real.length / 2))).toBe("corrupt_file");
    expect(await code(new TextEncoder().encode("not a word file"))).toBe("corrupt_file");
    const other = new JSZip();
    other.file("hello.txt", "hi");
    expect(await code(await other.generateAsync({ type: "uint8array" }))).toBe("corrupt_file");
    expect(await code(await rawDocx("<w:p><w:r><w:t>unclosed</w:r></w:p>"))).toBe("corrupt_file");
  });

  it("reads a .docx named .doc without converting it", async () => {
    const raw = await readDoc(fixture("plans/lam-dong-1535-cv-tu.docx"));
    expect(raw.format).toBe("docx");
    expect(tables(raw)[0]?.rows).toHaveLength(31);
  });

  it("says LibreOffice is missing when a .doc cannot be converted", async () => {
    const saved = { path: process.env.PATH, soffice: process.env.DONDOC_SOFFICE };
    process.env.PATH = "";
    delete process.env.DONDOC_SOFFICE;
    try {
      await expect(readDoc(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).rejects.toMatchObject({
        code: "converter_missing",
      });
    } finally {
      process.env.PATH = saved.path;
      if (saved.soffice !== undefined) process.env.DONDOC_SOFFICE = saved.soffice;
    }
  });
});

// CI installs LibreOffice (.ci/run): a machine without it fails here, saying so, rather than skip.
describe("readDoc with LibreOffice", () => {
  it("reads a Word 97-2003 file, also when it is named .docx", async () => {
    expect(
      findSoffice(),
      "LibreOffice (soffice) is needed for .doc: apt-get install libreoffice-writer-nogui",
    ).toBeTruthy();
    const doc = await convertWithSoffice(fixture("plans/lam-dong-1535-cv-tu.docx"), "docx", "doc", "Word");
    for (const read of [readDoc, readDocx]) {
      const raw = await read(doc);
      expect(raw.format).toBe("doc");
      const [table] = tables(raw);
      expect(texts(table?.rows[0])?.[0]).toBe("STT");
      expect(table?.rows.find((r) => r.cells[0]?.text === "30")?.cells[4]?.text).toBe("Đảng ủy cấp xã");
    }
    // The same file with the FIB's fEncrypted flag set is what Word writes for a password.
    const locked = doc.slice();
    let fib = 512;
    while (fib < locked.length && !(locked[fib] === 0xec && locked[fib + 1] === 0xa5)) fib += 512;
    locked[fib + 11]! |= 0x01;
    await expect(readDoc(locked)).rejects.toMatchObject({ code: "encrypted_file" });
  }, 120_000);
});
