import { describe, expect, it } from "vitest";
import { IngestError } from "./errors.ts";
import { runInWorker } from "./limits.ts";

const probe = new URL("./testing/workerProbe.ts", import.meta.url);

describe("runInWorker", () => {
  it("returns what the function returns", async () => {
    expect(await runInWorker(probe, "double", [21])).toEqual({ x: 42 });
  });

  it("stops a function that runs past the deadline", async () => {
    const started = Date.now();
    const error = await runInWorker<never>(probe, "spin", [20_000], { timeoutMs: 1_000 }).catch(
      (e: IngestError) => e,
    );
    expect(error).toBeInstanceOf(IngestError);
    expect(error.code).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("stops a function that eats memory, without taking the process down", async () => {
    const error = await runInWorker<never>(probe, "hog", [], { maxHeapMb: 64 }).catch((e: IngestError) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect(error.code).toBe("file_too_large");
  });

  it("passes an IngestError through with its code", async () => {
    const error = await runInWorker<never>(probe, "refuse", []).catch((e: IngestError) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect(error.code).toBe("corrupt_file");
  });
});
