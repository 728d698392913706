import { Worker } from "node:worker_threads";
import { IngestError, type IngestErrorCode } from "./errors.ts";
import type { Extraction } from "./extraction.ts";
import { assertSafeInput, detectFormat, type GuardOptions } from "./guard.ts";
import { docToDocx } from "./readers/docx.ts";

/**
 * Extraction of an uploaded file runs in a worker thread with its own heap limit and a deadline:
 * a file crafted to make a parser loop or allocate without end costs that worker, never the
 * server. The worker is terminated on timeout; running out of heap ends it too.
 */

export interface IsolationLimits {
  timeoutMs?: number;
  /** Heap ceiling of the worker (V8 old generation), MB. */
  maxHeapMb?: number;
}

export const defaultLimits: Required<IsolationLimits> = { timeoutMs: 10_000, maxHeapMb: 768 };

const workerUrl = new URL("./isolated.worker.mjs", import.meta.url);

/**
 * Checks the bytes (guard.ts: size, format, zip bomb; nothing is inflated) and then runs
 * `extractFile` from extract.ts on them in the worker.
 */
export async function runIsolated(
  bytes: Uint8Array,
  fileName: string,
  limits: IsolationLimits & GuardOptions = {},
): Promise<Extraction> {
  const format = detectFormat(bytes, fileName);
  assertSafeInput(bytes, format, limits);
  if (format === "doc") {
    // LibreOffice runs as a child process with its own deadline; converting first keeps its
    // seconds of start-up out of the worker's budget, which is for parsing.
    const docx = await docToDocx(bytes);
    return runInWorker<Extraction>(extractModule, "extractFile", [docx, `${fileName}.docx`], limits);
  }
  return runInWorker<Extraction>(extractModule, "extractFile", [bytes, fileName], limits);
}

const extractModule = new URL("./extract.ts", import.meta.url);

interface Reply {
  ok: boolean;
  result?: unknown;
  name?: string;
  code?: string;
  message?: string;
  stack?: string;
}

/** Calls `module[exportName](...args)` in a fresh worker; arguments and result are copied. */
export function runInWorker<T>(
  module: URL,
  exportName: string,
  args: unknown[],
  limits: IsolationLimits = {},
): Promise<T> {
  const { timeoutMs, maxHeapMb } = { ...defaultLimits, ...limits };
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(workerUrl, {
      workerData: { moduleUrl: module.href, exportName, args },
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 64 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
      void worker.terminate();
    };
    const timer = setTimeout(() => {
      finish(() =>
        reject(
          new IngestError(
            "timeout",
            `Đọc tệp quá ${Math.round(timeoutMs / 1000)} giây nên đã dừng; hãy tách phụ lục nhiệm vụ thành tệp nhỏ hơn hoặc lưu lại tệp rồi thử lại.`,
          ),
        ),
      );
    }, timeoutMs);
    worker.on("message", (reply: Reply) => {
      finish(() => {
        if (reply.ok) resolve(reply.result as T);
        else if (reply.name === "IngestError" && reply.code) {
          reject(new IngestError(reply.code as IngestErrorCode, reply.message ?? ""));
        } else {
          const error = new Error(reply.message);
          if (reply.stack) error.stack = reply.stack;
          reject(error);
        }
      });
    });
    worker.on("error", (error: Error & { code?: string }) => {
      finish(() =>
        reject(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new IngestError(
                "file_too_large",
                "Tệp cần quá nhiều bộ nhớ để đọc nên đã dừng; hãy tách phụ lục nhiệm vụ thành tệp nhỏ hơn rồi tải lên lại.",
              )
            : error,
        ),
      );
    });
    worker.on("exit", (code) => {
      finish(() => reject(new Error(`extraction worker exited with code ${code} before answering`)));
    });
  });
}
