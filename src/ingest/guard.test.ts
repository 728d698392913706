import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { IngestError } from "./errors.ts";
import { assertSafeInput, detectFormat, zipDirectory } from "./guard.ts";
import { encryptedOoxml, minimalPdf, zipBomb } from "./testing/craft.ts";

const plans = new URL("../../fixtures/plans/", import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, plans)));

const codeOf = (action: () => unknown): string => {
  try {
    action();
    return "none";
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    expect((error as Error).message).not.toContain("\n");
    return (error as IngestError).code;
  }
};

const zipOf = async (files: Record<string, string>): Promise<Uint8Array> => {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
};

describe("detectFormat", () => {
  it("goes by content, not by name", async () => {
    expect(detectFormat(fixture("lam-dong-1535-cv-tu.pdf"), "plan.docx")).toBe("pdf");
    expect(detectFormat(fixture("lam-dong-1535-cv-tu.docx"), "plan.pdf")).toBe("docx");
    expect(detectFormat(fixture("lam-dong-1535-cv-tu.txt"), "plan.bin")).toBe("text");
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("Kế hoạch số 12/KH-UBND", "utf16le"),
    ]);
    expect(detectFormat(new Uint8Array(utf16), "plan.txt")).toBe("text");
    expect(detectFormat(await zipOf({ "xl/workbook.xml": "<workbook/>" }), "a.docx")).toBe("xlsx");
  });

  it("tells an encrypted Office file and a legacy .doc apart", () => {
    expect(detectFormat(encryptedOoxml(), "plan.docx")).toBe("docx");
    expect(detectFormat(encryptedOoxml(), "plan.xlsx")).toBe("xlsx");
  });

  it("uses the name only for what content cannot settle", () => {
    const truncated = fixture("lam-dong-1535-cv-tu.docx").subarray(0, 4000);
    expect(detectFormat(truncated, "plan.docx")).toBe("docx");
    expect(codeOf(() => detectFormat(truncated, "plan.zip"))).toBe("unsupported_format");
  });

  it("refuses what it does not know", async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    expect(codeOf(() => detectFormat(random, "plan.docx"))).toBe("unsupported_format");
    expect(codeOf(() => detectFormat(new Uint8Array(0), "plan.docx"))).toBe("empty_file");
    const odt = await zipOf({ "content.xml": "<odt/>" });
    expect(codeOf(() => detectFormat(odt, "plan.odt"))).toBe("unsupported_format");
  });
});

describe("assertSafeInput", () => {
  it("lets real plans through", () => {
    expect(() => assertSafeInput(fixture("lam-dong-1535-cv-tu.docx"), "docx")).not.toThrow();
    expect(() => assertSafeInput(fixture("lam-dong-1535-cv-tu.pdf"), "pdf")).not.toThrow();
    expect(() => assertSafeInput(fixture("lam-dong-1535-cv-tu.txt"), "text")).not.toThrow();
  });

  it("refuses empty and oversized files, with a configurable limit", () => {
    expect(codeOf(() => assertSafeInput(new Uint8Array(0), "pdf"))).toBe("empty_file");
    const pdf = minimalPdf({ text: "x" });
    expect(codeOf(() => assertSafeInput(pdf, "pdf", { maxBytes: 100 }))).toBe("file_too_large");
    expect(codeOf(() => assertSafeInput(new Uint8Array(51 * 1024 * 1024).fill(0x61), "text"))).toBe(
      "file_too_large",
    );
  });

  it("refuses a zip bomb from its directory, without inflating it", () => {
    const bomb = zipBomb(1);
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    expect(zipDirectory(bomb)?.unzipped).toBeGreaterThan(1e9);
    expect(codeOf(() => assertSafeInput(bomb, detectFormat(bomb, "bomb.docx")))).toBe("zip_bomb");
    // Proof by the work not done rather than by a stopwatch: with its compressed data turned to
    // garbage (headers at both ends kept), a guard that inflated would fail another way.
    const garbled = bomb.slice();
    garbled.fill(0xff, 1024, garbled.length - 1024);
    expect(zipDirectory(garbled)?.unzipped).toBeGreaterThan(1e9);
    expect(codeOf(() => assertSafeInput(garbled, "docx"))).toBe("zip_bomb");
  });

  it("refuses a zip with too many entries", async () => {
    const files: Record<string, string> = { "word/document.xml": "<w:document/>" };
    for (let i = 0; i < 120; i++) files[`word/media/${i}.xml`] = "x";
    const zip = await zipOf(files);
    expect(codeOf(() => assertSafeInput(zip, "docx", { maxEntries: 100 }))).toBe("zip_bomb");
    expect(codeOf(() => assertSafeInput(zip, "docx"))).toBe("none");
  });

  it("names a password-protected Office file and a damaged zip", () => {
    expect(codeOf(() => assertSafeInput(encryptedOoxml(), "docx"))).toBe("encrypted_file");
    const truncated = fixture("lam-dong-1535-cv-tu.docx").subarray(0, 4000);
    expect(codeOf(() => assertSafeInput(truncated, "docx"))).toBe("corrupt_file");
  });
});
