import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { StartupError } from "../config.ts";
import { IngestError } from "../ingest/errors.ts";
import type { Extraction } from "../ingest/extraction.ts";
import { runIsolated } from "../ingest/limits.ts";

/**
 * `dondoc extract FILE --json`: the extraction contract on standard output and nothing else
 * there, so that it can be piped; warnings and errors on standard error, one line each, in
 * Vietnamese. Exit 0 on success, 2 for a file that cannot be read, never a stack trace.
 */

export interface ExtractIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: ExtractIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function fileErrorMessage(error: NodeJS.ErrnoException, file: string): string {
  switch (error.code) {
    case "ENOENT":
      return `Không tìm thấy tệp ${file}.`;
    case "EACCES":
    case "EPERM":
      return `Không có quyền đọc tệp ${file}.`;
    case "EISDIR":
      return `${file} là thư mục, không phải tệp.`;
    default:
      return `Không đọc được tệp ${file} (${error.code ?? "lỗi hệ thống"}).`;
  }
}

function summary(extraction: Extraction): string {
  const d = extraction.document;
  const lines = [
    `Văn bản: ${[d.type, d.number].filter(Boolean).join(" ") || "(không rõ)"}${d.date ? `, ngày ${d.date.split("-").reverse().join("/")}` : ""}`,
    `Cơ quan ban hành: ${d.issuer ?? "(không rõ)"}`,
    `Trích yếu: ${d.title ?? "(không rõ)"}`,
    `Nhiệm vụ: ${extraction.tasks.length}; chỉ tiêu: ${extraction.indicators.length}`,
  ];
  for (const t of extraction.tasks) {
    lines.push(`  ${t.ref}. ${t.title} | ${t.leads.join("; ")} | ${t.deadline.text}`);
  }
  return `${lines.join("\n")}\n`;
}

export async function runExtract(
  file: string,
  opts: { json: boolean },
  io: ExtractIo = processIo,
): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    io.err(`Lỗi [file_unreadable]: ${oneLine(fileErrorMessage(error as NodeJS.ErrnoException, file))}\n`);
    return 2;
  }
  try {
    // In a worker with a deadline and a heap ceiling: a hostile file costs the worker, not the shell.
    const extraction = await runIsolated(bytes, basename(file));
    for (const w of extraction.warnings) {
      io.err(`Cảnh báo [${w.code}]${w.ref ? ` ${w.ref}` : ""}: ${oneLine(w.message)}\n`);
    }
    io.out(opts.json === false ? summary(extraction) : `${JSON.stringify(extraction, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof IngestError) {
      io.err(`Lỗi [${error.code}]: ${oneLine(error.message)}\n`);
      return 2;
    }
    // A bad DONDOC_EXTRACT_TIMEOUT_S: main.ts prints it as every other configuration problem.
    if (error instanceof StartupError) throw error;
    // A bug, not the user's file: still one line, never a stack trace on the user's terminal.
    const message = error instanceof Error ? error.message : String(error);
    io.err(`Lỗi [internal_error]: Lỗi ngoài dự kiến khi trích xuất ${basename(file)}: ${oneLine(message)}\n`);
    return 1;
  }
}
