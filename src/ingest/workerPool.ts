import { Worker } from "node:worker_threads";
import { IngestError, type IngestErrorCode } from "./errors.ts";

/**
 * A few worker threads kept warm for untrusted work. Starting a worker and loading the readers
 * (pdf.js, ExcelJS, the interpreter) costs far more than reading an ordinary plan, so a worker
 * serves job after job. Each worker has a heap ceiling; a job has a wall-time deadline. A worker
 * whose job overruns is terminated; one that crashes or runs out of heap is dropped: the next job
 * gets a fresh worker, and a hostile file never costs more than its own worker.
 */

export interface PoolOptions {
  /** Workers running at once; further jobs wait their turn. */
  size: number;
  /** Heap ceiling of each worker (V8 old generation), MB. */
  maxHeapMb: number;
  /** Modules every new worker starts loading at once, so that the first job does not wait for them. */
  preload?: URL[];
}

export interface Job {
  module: URL;
  exportName: string;
  args: unknown[];
  /** Wall time from the moment a worker takes the job. */
  timeoutMs: number;
  /** Given, the job is called with `{ onProgress }` after its arguments, and what it reports arrives here. */
  onProgress?: (progress: unknown) => void;
}

interface Pending extends Job {
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

interface Slot {
  worker: Worker;
  job?: Pending;
  timer?: NodeJS.Timeout;
}

interface Reply {
  ok: boolean;
  /** A progress report: the job goes on. */
  progress?: unknown;
  result?: unknown;
  name?: string;
  code?: string;
  message?: string;
  stack?: string;
}

const workerUrl = new URL("./isolated.worker.mjs", import.meta.url);

export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private warmed = false;

  constructor(private readonly options: PoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new Error("pool size must be at least 1");
  }

  /** Runs `module[exportName](...args)` in a worker; arguments and result are copied. */
  run<T>(job: Job): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ ...job, resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  /**
   * Starts one worker ahead of the first job (it loads the preload modules meanwhile) and keeps
   * one ready after a worker is dropped. Idle workers never keep the process alive.
   */
  warm(): void {
    this.warmed = true;
    if (this.slots.size === 0) this.spawn();
  }

  /** Worker thread ids, for tests that check a worker was reused or replaced. */
  threadIds(): number[] {
    return [...this.slots].map((slot) => slot.worker.threadId);
  }

  /** Terminates every worker; jobs still waiting are refused. */
  async close(): Promise<void> {
    this.warmed = false;
    for (const job of this.queue.splice(0)) job.reject(new Error("extraction pool closed"));
    await Promise.all(
      [...this.slots].map((slot) => {
        this.drop(slot, new Error("extraction pool closed"));
        return slot.worker.terminate();
      }),
    );
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = [...this.slots].find((s) => !s.job);
      if (!slot) {
        if (this.slots.size >= this.options.size) return;
        slot = this.spawn();
      }
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(workerUrl, {
      workerData: { preload: (this.options.preload ?? []).map((url) => url.href) },
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb, maxYoungGenerationSizeMb: 64 },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker };
    worker.on("message", (reply: Reply) => this.answer(slot, reply));
    worker.on("error", (error: Error & { code?: string }) => {
      this.drop(
        slot,
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? new IngestError(
              "file_too_large",
              "Tệp cần quá nhiều bộ nhớ để đọc nên đã dừng; hãy tách phụ lục nhiệm vụ thành tệp nhỏ hơn rồi tải lên lại.",
            )
          : error,
      );
    });
    worker.on("exit", (code) => {
      this.drop(slot, new Error(`extraction worker exited with code ${code} before answering`));
    });
    // After the listeners: adding a "message" listener refs the worker again.
    worker.unref();
    this.slots.add(slot);
    return slot;
  }

  private start(slot: Slot, job: Pending): void {
    slot.job = job;
    // A busy worker keeps the process alive: the CLI must wait for its answer.
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      const seconds = Math.round(job.timeoutMs / 1000);
      this.drop(
        slot,
        new IngestError(
          "timeout",
          `Đọc tệp quá ${seconds} giây nên đã dừng; hãy tách phụ lục nhiệm vụ thành tệp nhỏ hơn hoặc lưu lại tệp rồi thử lại.`,
        ),
      );
      void slot.worker.terminate();
    }, job.timeoutMs);
    slot.worker.postMessage({
      moduleUrl: job.module.href,
      exportName: job.exportName,
      args: job.args,
      progress: job.onProgress !== undefined,
    });
  }

  private answer(slot: Slot, reply: Reply): void {
    const job = slot.job;
    if (!job) return;
    if ("progress" in reply) {
      // A listener's failure must not cost the job its answer.
      try {
        job.onProgress?.(reply.progress);
      } catch {}
      return;
    }
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.worker.unref();
    if (reply.ok) job.resolve(reply.result);
    else job.reject(rebuildError(reply));
    this.dispatch();
  }

  /** Takes a worker out of the pool (its job, if any, fails with `reason`) and keeps the queue moving. */
  private drop(slot: Slot, reason: unknown): void {
    if (!this.slots.delete(slot)) return;
    clearTimeout(slot.timer);
    slot.worker.unref();
    const job = slot.job;
    slot.job = undefined;
    job?.reject(reason);
    if (this.warmed && this.queue.length === 0 && this.slots.size === 0) this.spawn();
    this.dispatch();
  }
}

function rebuildError(reply: Reply): Error {
  if (reply.name === "IngestError" && reply.code) {
    return new IngestError(reply.code as IngestErrorCode, reply.message ?? "");
  }
  const error = new Error(reply.message);
  if (reply.stack) error.stack = reply.stack;
  return error;
}
