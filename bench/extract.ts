/**
 * Extraction speed, printed, never asserted (machines differ):
 *
 *   npx tsx bench/extract.ts [runs]
 *
 * Times read + interpret of the 56-page PDF plan and the 150-row .docx plan made by
 * bench/make-bench-fixtures.ts: the first run (module loading included) and the median of the
 * following runs. Pinned to one CPU with taskset where it exists, since a server extracts
 * several uploads at once. Targets: PDF < 3 s, docx < 0.5 s.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const PINNED = "DONDOC_BENCH_PINNED";
if (!process.env[PINNED] && process.platform === "linux" && spawnSync("taskset", ["-V"]).status === 0) {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(
    "taskset",
    ["-c", "0", process.execPath, ...process.execArgv, self, ...process.argv.slice(2)],
    {
      stdio: "inherit",
      env: { ...process.env, [PINNED]: "1" },
    },
  );
  process.exit(run.status ?? 1);
}

type Extract = (bytes: Uint8Array, fileName: string) => Promise<unknown>;

async function extractor(): Promise<{ run: Extract; what: string }> {
  const extractUrl = new URL("../src/ingest/extract.ts", import.meta.url);
  if (existsSync(extractUrl)) {
    const module = await import(extractUrl.href);
    if (typeof module.extractFile === "function")
      return { run: module.extractFile, what: "read + interpret" };
  }
  const { readPdf } = await import("../src/ingest/readers/pdf.ts");
  const { readDocx } = await import("../src/ingest/readers/docx.ts");
  return {
    run: (bytes, name) => (name.endsWith(".pdf") ? readPdf(bytes) : readDocx(bytes)),
    what: "read only (src/ingest/extract.ts not found)",
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 7);
  const { run, what } = await extractor();
  const cases = [
    { file: "bench-56-pages.pdf", target: 3000 },
    { file: "bench-150-rows.docx", target: 500 },
  ];
  process.stdout.write(
    `${what}; ${runs} runs after the first; ${process.env[PINNED] ? "one CPU" : "unpinned"}\n`,
  );
  for (const { file, target } of cases) {
    const url = new URL(`../fixtures/generated/${file}`, import.meta.url);
    if (!existsSync(url)) {
      process.stdout.write(`${file}: missing, run npx tsx bench/make-bench-fixtures.ts\n`);
      continue;
    }
    const bytes = new Uint8Array(readFileSync(url));
    let started = performance.now();
    await run(bytes, file);
    const first = performance.now() - started;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      started = performance.now();
      await run(bytes, file);
      times.push(performance.now() - started);
    }
    const m = median(times);
    const verdict = m < target ? "ok" : "SLOW";
    process.stdout.write(
      `${file}: first ${first.toFixed(0)} ms, median ${m.toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}); target < ${target} ms: ${verdict}\n`,
    );
  }
}

await main();
