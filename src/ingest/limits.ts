import type { Extraction } from "./extraction.ts";
import { assertSafeInput, detectFormat, type GuardOptions } from "./guard.ts";
import type { OnProgress } from "./progress.ts";
import { WorkerPool } from "./workerPool.ts";

/**
 * Extraction of an uploaded file runs in a worker thread with its own heap limit and a deadline:
 * a file crafted to make a parser loop or allocate without end costs that worker, never the
 * server. Workers are kept warm in a small pool (workerPool.ts), so an ordinary file costs its
 * reading only, not the start of a thread and the loading of every reader.
 */

export interface IsolationLimits {
  /** Told how far a long extraction (OCR of a scan) has got. */
  onProgress?: OnProgress;
  /** Wall time of one extraction; DONDOC_EXTRACT_TIMEOUT_S (60 s) unless given. */
  timeoutMs?: number;
  /** Heap ceiling of the worker (V8 old generation), MB. */
  maxHeapMb?: number;
}

export const defaultMaxHeapMb = 768;

/**
 * Two workers: one hostile file held until its deadline does not stop every other upload, and
 * two cores' worth of parsing is what the smallest server has.
 */
let poolSize = 2;

// scripts/build-server.mjs defines this in dist/: workers then load the compiled extraction module.
declare const __DONDOC_COMPILED__: boolean | undefined;
const compiled = typeof __DONDOC_COMPILED__ !== "undefined";
const extractModule = compiled
  ? new URL("../../dist/extract.js", import.meta.url)
  : new URL("./extract.ts", import.meta.url);

/** One pool per heap ceiling, since a worker's ceiling is fixed when it starts. */
const pools = new Map<number, WorkerPool>();

function poolFor(maxHeapMb: number): WorkerPool {
  let pool = pools.get(maxHeapMb);
  if (!pool) {
    // Only the default pool loads the readers ahead; others (tests' small heaps) load what they run.
    const preload = maxHeapMb === defaultMaxHeapMb ? [extractModule] : [];
    pool = new WorkerPool({ size: poolSize, maxHeapMb, preload });
    pools.set(maxHeapMb, pool);
  }
  return pool;
}

/** Workers for extractions started after this call (a server with more cores may want more). */
export function setExtractionPoolSize(size: number): void {
  if (!Number.isInteger(size) || size < 1) throw new Error("extraction pool size must be at least 1");
  poolSize = size;
}

/**
 * Starts an extraction worker now and has it load the readers, so the first file does not wait
 * for that; the pool then keeps one worker ready. Costs nothing if no extraction follows: an idle
 * worker never keeps the process alive.
 */
export function warmExtraction(): void {
  poolFor(defaultMaxHeapMb).warm();
}

/** Ends every extraction worker (tests; a process that exits needs not call it). */
export async function closeExtractionPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((pool) => pool.close()));
}

/**
 * Checks the bytes (guard.ts: size, format, zip bomb; nothing is inflated) and then runs
 * `extractFile` from extract.ts on them in a worker.
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
    // Imported here: the main thread needs no reader for any other format.
    const { docToDocx } = await import("./readers/docx.ts");
    const docx = await docToDocx(bytes);
    return runInWorker<Extraction>(extractModule, "extractFile", [docx, `${fileName}.docx`], limits);
  }
  return runInWorker<Extraction>(extractModule, "extractFile", [bytes, fileName], limits);
}

/** Calls `module[exportName](...args)` in a pooled worker; arguments and result are copied. */
export async function runInWorker<T>(
  module: URL,
  exportName: string,
  args: unknown[],
  limits: IsolationLimits = {},
): Promise<T> {
  // Loaded here rather than above: warmExtraction() is called before the CLI has loaded zod.
  const timeoutMs = limits.timeoutMs ?? (await import("../config.ts")).extractTimeoutMs();
  const onProgress = limits.onProgress as ((progress: unknown) => void) | undefined;
  return poolFor(limits.maxHeapMb ?? defaultMaxHeapMb).run<T>({
    module,
    exportName,
    args,
    timeoutMs,
    ...(onProgress ? { onProgress } : {}),
  });
}
