import { threadId } from "node:worker_threads";
import { IngestError } from "../errors.ts";

/** Functions for limits.test.ts to run in the isolation worker: a loop, a memory hog, a failure. */

export async function double(x: number): Promise<{ x: number }> {
  return { x: x * 2 };
}

/** Which worker thread answered: the same id twice means the worker was kept warm. */
export async function whoami(): Promise<number> {
  return threadId;
}

export async function spin(ms: number): Promise<string> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // busy: a parser stuck in a loop does not yield either
  }
  return "done";
}

export async function hog(): Promise<never> {
  const kept: number[][] = [];
  for (;;) kept.push(new Array(1_000_000).fill(1));
}

export async function refuse(): Promise<never> {
  throw new IngestError("corrupt_file", "Tệp hỏng.");
}

/** A parser bug that throws outside the awaited promise: the worker dies with it. */
export function crash(): Promise<never> {
  setTimeout(() => {
    throw new Error("boom");
  });
  return new Promise(() => {});
}
