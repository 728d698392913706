import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { IngestError } from "../errors.ts";
import type { RawBlock, RawDocument } from "../model.ts";
import { convertWithSoffice, findSoffice } from "./soffice.ts";
import { readXlsx } from "./xlsx.ts";

const fixture = (path: string) =>
  new Uint8Array(readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url)));
const tables = (doc: RawDocument) =>
  doc.blocks.filter((b): b is Extract<RawBlock, { kind: "table" }> => b.kind === "table");
const texts = (row: { cells: { text: string }[] } | undefined) => row?.cells.map((c) => c.text);

async function book(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe("readXlsx", () => {
  it("keeps a title block, trims empty columns and repeats merged cells as the contract says", async () => {
    const bytes = await book((wb) => {
      const ws = wb.addWorksheet("Nhiệm vụ");
      ws.getCell("B1").value = "DANH MỤC NHIỆM VỤ";
      ws.mergeCells("B1:D1");
      ws.getRow(3).values = [undefined, "STT", "Tên nhiệm vụ", "Chủ trì"];
      ws.getRow(4).values = [undefined, 1, "Việc A", "Sở Tài chính"];
      ws.getRow(5).values = [undefined, 2, "Việc B"];
      ws.mergeCells("D4:D5");
      ws.getRow(6).values = [undefined, "II", "Nhóm việc"];
      ws.mergeCells("C6:D6");
    });
    const rows = tables(await readXlsx(bytes))[0]?.rows ?? [];
    expect(rows.map(texts)).toEqual([
      ["DANH MỤC NHIỆM VỤ", "DANH MỤC NHIỆM VỤ", "DANH MỤC NHIỆM VỤ"],
      ["STT", "Tên nhiệm vụ", "Chủ trì"],
      ["1", "Việc A", "Sở Tài chính"],
      ["2", "Việc B", ""],
      ["II", "Nhóm việc", "Nhóm việc"],
    ]);
    expect(rows[3]?.cells[2]?.mergedFromAbove).toBe(true);
    expect(rows[2]?.cells[2]?.mergedFromAbove).toBeUndefined();
  });

  it("formats values the way a Vietnamese user types them", async () => {
    const bytes = await book((wb) => {
      const ws = wb.addWorksheet("Giá trị");
      const set = (addr: string, value: ExcelJS.CellValue, numFmt?: string) => {
        ws.getCell(addr).value = value;
        if (numFmt) ws.getCell(addr).numFmt = numFmt;
      };
      set("A1", utc(2026, 5, 31), "d/m/yyyy");
      set("A2", utc(2026, 4, 1), "m/yyyy");
      set("A3", utc(2026, 4, 1), "mmm-yy");
      set("A4", utc(2026, 6, 15), "[$-42A]dd/mm/yyyy");
      set("A5", 0.65);
      set("A6", 0.7, "0%");
      set("A7", 5, "00");
      set("A8", 100);
      set("A9", {
        richText: [{ text: "Số đơn (" }, { text: "sáng chế", font: { italic: true } }, { text: ")" }],
      });
      set("A10", "- Ý một\r\n- Ý hai");
      set("A11", { formula: "1+1", result: 2 });
      set("A12", { text: "Cổng thông tin", hyperlink: "https://example.org" });
      set("A13", 0.1 + 0.2);
      set("A14", "• Ý ba");
    });
    const rows = tables(await readXlsx(bytes))[0]?.rows ?? [];
    expect(rows.map((r) => r.cells[0]?.text)).toEqual([
      "31/5/2026",
      "4/2026",
      "4/2026",
      "15/6/2026",
      "0,65",
      "70%",
      "05",
      "100",
      "Số đơn (sáng chế)",
      "- Ý một\n- Ý hai",
      "2",
      "Cổng thông tin",
      "0,3",
      "- Ý ba",
    ]);
  });

  it("gives one table per visible sheet and skips hidden ones", async () => {
    const bytes = await book((wb) => {
      wb.addWorksheet("Một").getCell("A1").value = "một";
      const hidden = wb.addWorksheet("Ẩn");
      hidden.getCell("A1").value = "ẩn";
      hidden.state = "hidden";
      wb.addWorksheet("Trống");
      wb.addWorksheet("Hai").getCell("C3").value = "hai";
    });
    const doc = await readXlsx(bytes);
    expect(doc.format).toBe("xlsx");
    expect(tables(doc).map((t) => t.rows.map(texts))).toEqual([[["một"]], [["hai"]]]);
  });

  it("reads the generated fixture: title block, header, month deadlines typed as dates", async () => {
    const doc = await readXlsx(fixture("generated/lam-dong-1535-cv-tu.xlsx"));
    const rows = tables(doc)[0]?.rows ?? [];
    expect(rows[0]?.cells[0]?.text).toBe("TỈNH ỦY LÂM ĐỒNG");
    const header = rows.findIndex((r) => r.cells[0]?.text === "STT");
    expect(texts(rows[header])).toHaveLength(8);
    const tasks = rows.slice(header + 1);
    expect(tasks).toHaveLength(30);
    expect(tasks.map((r) => r.cells[7]?.text)).toContain("31/5/2026");
    expect(tasks[0]?.cells[7]?.text).toBe("4/2026");
    expect(tasks[1]?.cells[6]?.text.split("\n")).toHaveLength(2);
  });
});

describe("readXlsx errors", () => {
  const code = async (bytes: Uint8Array) => {
    try {
      await readXlsx(bytes);
    } catch (err) {
      return err instanceof IngestError ? err.code : String(err);
    }
    return "no error";
  };

  it("says a password-protected workbook is encrypted", async () => {
    const cfb = new Uint8Array(2048);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    cfb.set(Buffer.from("EncryptedPackage", "utf16le"), 700);
    expect(await code(cfb)).toBe("encrypted_file");
  });

  it("says a broken file or a Word file is not a workbook", async () => {
    const real = fixture("generated/lam-dong-1535-cv-tu.xlsx");
    expect(await code(real.slice(0, 3000))).toBe("corrupt_file");
    expect(await code(new TextEncoder().encode("STT;Tên nhiệm vụ"))).toBe("corrupt_file");
    expect(await code(fixture("plans/lam-dong-1535-cv-tu.docx"))).toBe("corrupt_file");
  });
});

// CI installs LibreOffice Calc (.ci/run): a machine without it fails here, saying so, rather than skip.
describe("readXlsx with LibreOffice", () => {
  it("reads an Excel 97-2003 workbook by converting it", async () => {
    expect(
      findSoffice(),
      "LibreOffice (soffice) with Calc is needed for .xls: apt-get install libreoffice-calc-nogui",
    ).toBeTruthy();
    const xls = await convertWithSoffice(
      fixture("generated/lam-dong-1535-cv-tu.xlsx"),
      "xlsx",
      "xls",
      "Excel",
    );
    const rows = tables(await readXlsx(xls))[0]?.rows ?? [];
    const header = rows.findIndex((r) => r.cells[0]?.text === "STT");
    expect(rows.slice(header + 1).map((r) => r.cells[0]?.text)).toEqual(
      Array.from({ length: 30 }, (_, i) => String(i + 1)),
    );
  }, 120_000);
});
