import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { IngestError } from "./errors.ts";
import { closeExtractionPools, runInWorker } from "./limits.ts";
import { WorkerPool } from "./workerPool.ts";

/**
 * The isolation worker: deadlines, heap ceilings, errors passed through, and the warm pool that
 * replaces a worker it had to stop. No assertion here depends on how fast the machine is: a
 * deadline is checked by the work that did not get done, not by a stopwatch.
 */

const probe = new URL("./testing/workerProbe.ts", import.meta.url);
const pools: WorkerPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
  await closeExtractionPools();
});

/** A pool of its own per test, so that which worker answers is known. */
function pool(size = 1, maxHeapMb = 256) {
  const created = new WorkerPool({ size, maxHeapMb });
  pools.push(created);
  return created;
}

const job = (exportName: string, args: unknown[] = [], timeoutMs = 120_000) => ({
  module: probe,
  exportName,
  args,
  timeoutMs,
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("should have failed");
    },
    (error: Error & { code?: string }) => error,
  );

describe("runInWorker", { timeout: 300_000 }, () => {
  it("returns what the function returns", async () => {
    expect(await runInWorker(probe, "double", [21])).toEqual({ x: 42 });
  });

  it("stops a function that runs past the deadline", async () => {
    // Ten minutes of spinning: only the deadline can end it before the test's own time-out.
    const error = await failure(runInWorker(probe, "spin", [600_000], { timeoutMs: 1_000 }));
    expect(error).toBeInstanceOf(IngestError);
    expect(error.code).toBe("timeout");
    expect(error.message).toMatch(/^Đọc tệp quá 1 giây nên đã dừng/);
  });

  it("stops a function that eats memory, without taking the process down", async () => {
    const error = await failure(runInWorker(probe, "hog", [], { maxHeapMb: 64 }));
    expect(error).toBeInstanceOf(IngestError);
    expect(error.code).toBe("file_too_large");
  });

  it("passes an IngestError through with its code", async () => {
    const error = await failure(runInWorker(probe, "refuse", []));
    expect(error).toBeInstanceOf(IngestError);
    expect(error.code).toBe("corrupt_file");
  });
});

describe("the warm worker pool", { timeout: 300_000 }, () => {
  it("keeps a worker for the next job", async () => {
    const warm = pool();
    const first = await warm.run<number>(job("whoami"));
    expect(await warm.run<number>(job("whoami"))).toBe(first);
    expect(warm.threadIds()).toEqual([first]);
  });

  it("replaces a worker stopped at its deadline, and the next job succeeds", async () => {
    const warm = pool();
    const before = await warm.run<number>(job("whoami"));
    const error = await failure(warm.run(job("spin", [600_000], 1_000)));
    expect(error.code).toBe("timeout");
    const after = await warm.run<number>(job("whoami"));
    expect(after).not.toBe(before);
    expect(await warm.run(job("double", [4]))).toEqual({ x: 8 });
  });

  it("replaces a worker that crashed", async () => {
    const warm = pool();
    const before = await warm.run<number>(job("whoami"));
    const error = await failure(warm.run(job("crash")));
    expect(error.message).toBe("boom");
    expect(error).not.toBeInstanceOf(IngestError);
    expect(await warm.run<number>(job("whoami"))).not.toBe(before);
  });

  it("replaces a worker that ran out of heap", async () => {
    const warm = pool(1, 64);
    const before = await warm.run<number>(job("whoami"));
    expect((await failure(warm.run(job("hog")))).code).toBe("file_too_large");
    expect(await warm.run<number>(job("whoami"))).not.toBe(before);
    expect(await warm.run(job("double", [5]))).toEqual({ x: 10 });
  });

  it("finishes every one of many concurrent jobs, on no more workers than its size", async () => {
    const warm = pool(2);
    const jobs = Array.from({ length: 8 }, (_, i) => warm.run<{ x: number }>(job("double", [i])));
    // One of them fails in the middle; the others are not affected.
    const refused = failure(warm.run(job("refuse")));
    expect((await Promise.all(jobs)).map((r) => r.x)).toEqual([0, 2, 4, 6, 8, 10, 12, 14]);
    expect((await refused).code).toBe("corrupt_file");
    const ids = await Promise.all(Array.from({ length: 4 }, () => warm.run<number>(job("whoami"))));
    expect(new Set(ids).size).toBeLessThanOrEqual(2);
    expect(warm.threadIds().length).toBeLessThanOrEqual(2);
  });

  it("never keeps a process alive once idle: warmed, after a job, or after a refusal", async () => {
    const script = `
      import { WorkerPool } from ${JSON.stringify(new URL("./workerPool.ts", import.meta.url).href)};
      const probe = new URL(${JSON.stringify(probe.href)});
      // Warmed and never used: what dondoc extract leaves when the guard refuses the file.
      new WorkerPool({ size: 1, maxHeapMb: 128 }).warm();
      const used = new WorkerPool({ size: 2, maxHeapMb: 128 });
      await used.run({ module: probe, exportName: "double", args: [1], timeoutMs: 120000 });
      await used.run({ module: probe, exportName: "refuse", args: [], timeoutMs: 120000 }).catch(() => {});
      console.log("done");
    `;
    const dir = mkdtempSync(join(tmpdir(), "dondoc-pool-"));
    const file = join(dir, "idle.mjs");
    writeFileSync(file, script);
    try {
      // Resolves only when the child exits; a pool that held it would end in this time-out instead.
      const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", file], {
        timeout: 240_000,
      });
      expect(stdout.trim()).toBe("done");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses the jobs still waiting when closed", async () => {
    const warm = pool(1);
    const running = failure(warm.run(job("spin", [600_000])));
    const waiting = failure(warm.run(job("double", [1])));
    await warm.close();
    expect((await running).message).toMatch(/closed/);
    expect((await waiting).message).toMatch(/closed/);
  });
});
