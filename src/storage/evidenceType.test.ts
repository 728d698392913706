import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { samples } from "../testing/tracking.ts";
import { checkEvidenceFile, cleanFileName } from "./evidenceType.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dondoc-type-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function check(fileName: string, bytes: Buffer, declaredType = "application/octet-stream") {
  const file = path.join(dir, randomBytes(4).toString("hex"));
  fs.writeFileSync(file, bytes);
  return checkEvidenceFile({ fileName, declaredType, path: file, size: bytes.length });
}

/** A minimal OLE compound file whose directory names a stream, as Word and Excel 97–2003 write them. */
const cfb = (stream: string) =>
  Buffer.concat([
    Buffer.from("d0cf11e0a1b11ae1", "hex"),
    Buffer.alloc(22, 0),
    Buffer.from([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00]),
    Buffer.alloc(480, 0),
    Buffer.from(stream, "utf16le"),
    Buffer.alloc(512, 0),
  ]);

describe("checkEvidenceFile", () => {
  it.each([
    ["bao-cao.pdf", samples.pdf(), "application/pdf", "application/pdf"],
    ["BAO CAO.PDF", samples.pdf(), "", "application/pdf"],
    [
      "phu-luc.docx",
      samples.docx(),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
    ["anh.png", samples.png(), "image/png", "image/png"],
    ["ghi-chu.txt", samples.text(), "text/plain", "text/plain; charset=utf-8"],
    ["so-lieu.csv", samples.text(), "application/vnd.ms-excel", "text/csv; charset=utf-8"],
  ])("accepts %s", async (name, bytes, declared, mime) => {
    expect((await check(name, bytes, declared)).mime).toBe(mime);
  });

  it("tells a Word 97 document from an Excel 97 workbook", async () => {
    expect((await check("cu.doc", cfb("WordDocument"), "application/msword")).kind).toBe("doc");
    expect((await check("cu.xls", cfb("Workbook"), "application/vnd.ms-excel")).kind).toBe("xls");
    await expect(check("cu.doc", cfb("Workbook"))).rejects.toMatchObject({ code: "evidence_type_mismatch" });
  });

  it.each([
    ["bao-cao.pdf", samples.png(), "application/pdf", "evidence_type_mismatch"],
    ["bao-cao.docx", randomBytes(2000), "application/octet-stream", "evidence_type_mismatch"],
    ["bao-cao.pdf", samples.pdf(), "image/jpeg", "evidence_type_mismatch"],
    ["bao-cao.jpg", samples.png(), "image/jpeg", "evidence_type_mismatch"],
    ["ghi-chu.txt", Buffer.from([0x41, 0x00, 0x42]), "text/plain", "evidence_type_mismatch"],
    ["ghi-chu.txt", Buffer.from([0xc3, 0x28]), "text/plain", "evidence_type_mismatch"],
    ["nen.zip", samples.docx(), "application/zip", "evidence_type_not_allowed"],
    ["khong-duoi", samples.pdf(), "application/pdf", "evidence_type_not_allowed"],
    ["rong.pdf", Buffer.alloc(0), "application/pdf", "evidence_empty"],
  ])("refuses %s (%#)", async (name, bytes, declared, code) => {
    await expect(check(name, bytes, declared)).rejects.toMatchObject({ status: 400, code });
  });

  it("keeps a safe, NFC file name", () => {
    expect(cleanFileName("C:\\Users\\a\\Ba\u0301o ca\u0301o.pdf")).toBe("Báo cáo.pdf");
    expect(cleanFileName('../../x"\u0007.pdf')).toBe("x.pdf");
    expect(cleanFileName("")).toBe("tep-dinh-kem");
    expect(cleanFileName(`${"a".repeat(300)}.docx`)).toHaveLength(200);
  });
});
