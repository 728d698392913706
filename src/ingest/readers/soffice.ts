import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { IngestError } from "../errors.ts";
import type { OfficeKind } from "./container.ts";

/**
 * LibreOffice headless conversion, for formats we do not parse ourselves (.doc, .xls) and for the
 * fixture script's PDFs. Each run gets its own temporary profile: soffice silently does nothing when
 * another instance holds the default profile, which would look like a corrupt file.
 */

const DEFAULT_TIMEOUT_MS = 60_000;

const CANDIDATES = [
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
  "C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe",
];

function onPath(names: string[]): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Path of the soffice binary: $DONDOC_SOFFICE, then PATH, then the usual install folders. */
export function findSoffice(): string | undefined {
  const configured = process.env.DONDOC_SOFFICE;
  if (configured && existsSync(configured)) return configured;
  const names = process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  return onPath(names) ?? CANDIDATES.find((c) => existsSync(c));
}

function run(
  bin: string,
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    // Own process group, so a timeout also ends the soffice.bin that the launcher starts.
    const child = spawn(bin, args, { stdio: "ignore", detached: process.platform !== "win32" });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid && process.platform !== "win32") process.kill(-child.pid, "SIGKILL");
        else child.kill("SIGKILL");
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut });
    });
  });
}

/**
 * Converts `bytes` (a file with extension `fromExt`) to `toFormat` ("docx", "xlsx", "pdf") and
 * returns the converted bytes.
 */
export async function convertWithSoffice(
  bytes: Uint8Array,
  fromExt: string,
  toFormat: string,
  kind: OfficeKind,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<Uint8Array> {
  const bin = findSoffice();
  if (!bin) {
    throw new IngestError(
      "converter_missing",
      `Máy chủ chưa cài LibreOffice nên chưa đọc được tệp .${fromExt}; hãy mở tệp bằng ${kind} và lưu lại dạng .${kind === "Word" ? "docx" : "xlsx"} rồi tải lên.`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), "dondoc-soffice-"));
  try {
    const input = join(dir, `input.${fromExt}`);
    const outDir = join(dir, "out");
    await writeFile(input, bytes);
    const profile = pathToFileURL(join(dir, "profile")).href;
    const args = [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--nodefault",
      "--nologo",
      "--convert-to",
      toFormat,
      "--outdir",
      outDir,
      input,
    ];
    // coreutils timeout kills LibreOffice's whole process group even if this thread is gone first
    // (the ingest worker is terminated at its own deadline and our timer dies with it).
    const seconds = String(Math.ceil(timeoutMs / 1000));
    const guard = process.platform === "win32" ? undefined : onPath(["timeout"]);
    const [cmd, cmdArgs] = guard ? [guard, ["-k", "5", seconds, bin, ...args]] : [bin, args];
    let result: { code: number | null; timedOut: boolean };
    try {
      result = await run(cmd, cmdArgs, timeoutMs + 10_000);
    } catch {
      throw new IngestError("converter_missing", "Không chạy được LibreOffice để chuyển đổi tệp.");
    }
    if (result.timedOut || (guard && (result.code === 124 || result.code === 137))) {
      throw new IngestError("timeout", `Chuyển đổi tệp .${fromExt} bằng LibreOffice quá thời gian cho phép.`);
    }
    const produced = existsSync(outDir) ? await readdir(outDir) : [];
    const file = produced.find((name) => name.toLowerCase().endsWith(`.${toFormat.split(":")[0]}`));
    if (!file) {
      throw new IngestError(
        "corrupt_file",
        `LibreOffice không chuyển đổi được tệp .${fromExt} (tệp hỏng hoặc được đặt mật khẩu).`,
      );
    }
    return new Uint8Array(await readFile(join(outDir, file)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
