/**
 * How long a user waits, end to end, printed and never asserted (machines differ):
 *
 *   npm run bench -- startup [runs]
 *
 * - `dondoc --help`: a process start (target < 0.5 s);
 * - `dondoc extract` of the 150-row .docx (bench/make-bench-fixtures.ts): a process start, an
 *   extraction worker and the extraction (target < 1 s);
 * - an upload's preview: POST of that file to /api/imports of a running `dondoc serve --demo`
 *   until the preview answers (target < 1 s); the first upload after the start and the median
 *   of the following ones.
 *
 * Each figure is the median of `runs` (default 7) after one unmeasured run. dist/ is brought up to
 * date first, so this measures the compiled runtime that `npm start` runs.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDistFresh } from "../scripts/server-dist.mjs";
import { startServer } from "./demoServer.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const bin = path.join(root, "bin/dondoc.js");
const docx = path.join(root, "fixtures/generated/bench-150-rows.docx");
const runs = Number(process.argv[2] ?? 7);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function report(name: string, times: number[], target: number, note = ""): void {
  const m = median(times);
  const range = `min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}`;
  process.stdout.write(
    `${name}: median ${m.toFixed(0)} ms (${range}${note}); target < ${target} ms: ${m < target ? "ok" : "SLOW"}\n`,
  );
}

/** Wall time of one `dondoc …` process, from spawn to exit. */
function timeCommand(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [bin, ...args], { stdio: ["ignore", "ignore", "pipe"] });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`dondoc ${args.join(" ")}: ${result.stderr}`);
  return elapsed;
}

function timeCommandRuns(args: string[]): number[] {
  timeCommand(args);
  return Array.from({ length: runs }, () => timeCommand(args));
}

async function timeUploads(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "dondoc-bench-startup-"));
  const { url, child } = await startServer(dataDir);
  try {
    const login = await fetch(`${url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "vanphong", password: "DonDoc@2026" }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const bytes = readFileSync(docx);
    const upload = async (): Promise<number> => {
      const form = new FormData();
      form.append("file", new Blob([bytes]), "bench-150-rows.docx");
      const started = performance.now();
      const response = await fetch(`${url}/api/imports`, { method: "POST", headers: { cookie }, body: form });
      const body = (await response.json()) as { extraction?: { tasks: unknown[] } };
      const elapsed = performance.now() - started;
      if (response.status !== 200) throw new Error(`upload: ${response.status} ${JSON.stringify(body)}`);
      return elapsed;
    };
    const first = await upload();
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await upload());
    report("upload preview (150-row .docx)", times, 1000, `; first after start ${first.toFixed(0)}`);
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const build = spawnSync(process.execPath, [path.join(root, "scripts/build-server.mjs"), "--if-stale"], {
    stdio: "inherit",
  });
  if (build.status !== 0 || !isDistFresh()) {
    process.stdout.write(
      "dist/ could not be built: these figures would be tsx's, not the compiled runtime's\n",
    );
    process.exit(1);
  }
  if (!existsSync(docx)) {
    process.stdout.write(`${path.relative(root, docx)}: missing, run npx tsx bench/make-bench-fixtures.ts\n`);
    process.exit(1);
  }
  const [load] = os.loadavg();
  process.stdout.write(
    `compiled runtime (dist/); ${runs} runs after one unmeasured; ${os.availableParallelism()} CPUs, load ${load!.toFixed(1)}\n`,
  );
  report("dondoc --help", timeCommandRuns(["--help"]), 500);
  report("dondoc extract (150-row .docx)", timeCommandRuns(["extract", docx, "--json"]), 1000);
  await timeUploads();
}

await main();
