import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { IngestError } from "./errors.ts";
import { runIsolated } from "./limits.ts";
import { encryptedOoxml, minimalPdf, zipBomb } from "./testing/craft.ts";

/**
 * Files a user may upload by mistake or on purpose. Each must end in an IngestError with the code
 * that names its problem, quickly, and never take the process down.
 */

const repo = new URL("../../", import.meta.url);
const plans = new URL("fixtures/plans/", repo);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, plans)));
/** The whole path: guard, isolated worker, readers, interpreter. */
const ingest = (bytes: Uint8Array, fileName: string): Promise<unknown> => runIsolated(bytes, fileName);

const truncate = (bytes: Uint8Array, keep = 0.6) => bytes.slice(0, Math.floor(bytes.length * keep));

const workbook = async (): Promise<Uint8Array> => {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types/>');
  zip.file(
    "xl/workbook.xml",
    '<?xml version="1.0"?><workbook><sheets><sheet name="A" r:id="rId1"/></sheets>',
  );
  zip.file("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c t=");
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
};

const prose = [
  "UBND TỈNH LÂM ĐỒNG",
  "Số 12/BC-UBND",
  "BÁO CÁO",
  "Tình hình kinh tế - xã hội tháng 4 năm 2026",
  "Tháng 4, tình hình kinh tế của tỉnh tiếp tục ổn định; thu ngân sách đạt kế hoạch đề ra.",
].join("\n\n");

interface Case {
  name: string;
  file: string;
  bytes: () => Uint8Array | Promise<Uint8Array>;
  code: string;
}

const cases: Case[] = [
  { name: "an empty file", file: "ke-hoach.docx", bytes: () => new Uint8Array(0), code: "empty_file" },
  {
    name: "a password-protected .docx",
    file: "ke-hoach.docx",
    bytes: encryptedOoxml,
    code: "encrypted_file",
  },
  {
    name: "a truncated .docx",
    file: "ke-hoach.docx",
    bytes: () => truncate(fixture("lam-dong-1535-cv-tu.docx")),
    code: "corrupt_file",
  },
  {
    name: "a truncated .pdf",
    file: "ke-hoach.pdf",
    bytes: () => truncate(fixture("lam-dong-1535-cv-tu.pdf"), 0.02),
    code: "corrupt_file",
  },
  {
    name: "a .pdf with garbage after the header",
    file: "ke-hoach.pdf",
    bytes: () => new TextEncoder().encode(`%PDF-1.7\n${"\u0001garbage ".repeat(500)}`),
    code: "corrupt_file",
  },
  {
    name: "a truncated .xlsx",
    file: "ke-hoach.xlsx",
    bytes: async () => truncate(await workbook()),
    code: "corrupt_file",
  },
  { name: "an .xlsx with broken XML", file: "ke-hoach.xlsx", bytes: workbook, code: "corrupt_file" },
  { name: "a scanned .pdf", file: "scan.pdf", bytes: () => minimalPdf(), code: "scanned_pdf" },
  {
    name: "a password-protected .pdf",
    file: "ke-hoach.pdf",
    bytes: () => minimalPdf({ encrypted: true }),
    code: "encrypted_file",
  },
  {
    name: "a file of more than 50 MB",
    file: "ke-hoach.pdf",
    bytes: () => {
      const big = new Uint8Array(51 * 1024 * 1024).fill(0x20);
      big.set(new TextEncoder().encode("%PDF-1.7\n"));
      return big;
    },
    code: "file_too_large",
  },
  {
    name: "a zip bomb named .docx (1 GiB of zeros)",
    file: "ke-hoach.docx",
    bytes: () => zipBomb(1),
    code: "zip_bomb",
  },
  {
    name: "random bytes",
    file: "ke-hoach.docx",
    bytes: () => new Uint8Array(64 * 1024).map((_, i) => (i * 2654435761) >>> 24),
    code: "unsupported_format",
  },
  {
    name: "a document with no task table",
    file: "bao-cao.txt",
    bytes: () => new TextEncoder().encode(prose),
    code: "no_task_table",
  },
];

// No stopwatch: a parser that hangs reaches the worker's deadline and ends in "timeout", not in
// the code a case expects, and a hang outside the worker reaches the test's time-out.
describe("bad input ends in an IngestError with the right code", { timeout: 300_000 }, () => {
  for (const c of cases) {
    it(c.name, async () => {
      const bytes = await c.bytes();
      const error = await ingest(bytes, c.file).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, "should fail").toBeInstanceOf(IngestError);
      expect((error as IngestError).code).toBe(c.code);
      expect((error as IngestError).message).not.toContain("\n");
    });
  }
});

describe("dondoc extract on bad input", { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "dondoc-bad-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bin = fileURLToPath(new URL("bin/dondoc.js", repo));

  // One file per code (each run pays for starting Node and a worker); the 50 MB file stays out.
  const byCode = cases.filter(
    (c, i) => c.code !== "file_too_large" && cases.findIndex((d) => d.code === c.code) === i,
  );
  for (const c of byCode) {
    it(`exits 2 with one line on stderr: ${c.name}`, async () => {
      const path = join(dir, `${cases.indexOf(c)}-${c.file}`);
      writeFileSync(path, await c.bytes());
      const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [bin, "extract", path, "--json"],
          { timeout: 240_000 },
          (error, stdout, stderr) =>
            resolve({ status: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
        );
      });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    });
  }
});
