import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createEmptyPostgresDatabase } from "../testing/database.ts";

const run = promisify(execFile);
const bin = path.resolve("bin/dondoc.js");
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

function env(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dondoc-bench-"));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const out: NodeJS.ProcessEnv = { ...process.env, DONDOC_DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  delete out.DATABASE_URL;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  return out;
}

async function dondoc(args: string[], environment: NodeJS.ProcessEnv) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: environment,
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A bad input gives exactly one line, no stack trace, and a non-zero exit. */
function expectOneClearLine(result: { code: number; stderr: string }, pattern: RegExp) {
  expect(result.code).not.toBe(0);
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe("dondoc bench seed: bad input", () => {
  it("needs PostgreSQL", async () => {
    const result = await dondoc(["bench", "seed", "--scale", "province"], env({}));
    expectOneClearLine(result, /chỉ nạp vào PostgreSQL: hãy đặt DATABASE_URL=postgres:\/\//);
  }, 120_000);

  it("explains an unreachable DATABASE_URL", async () => {
    const result = await dondoc(
      ["bench", "seed", "--scale", "province"],
      env({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" }),
    );
    expectOneClearLine(result, /Không kết nối được PostgreSQL .*Hãy kiểm tra DATABASE_URL/);
  }, 120_000);

  it("names the scales, the seed and the as-of day it accepts", async () => {
    const url = { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" };
    expectOneClearLine(
      await dondoc(["bench", "seed"], env(url)),
      /--scale phải là province .* hoặc national/,
    );
    expectOneClearLine(
      await dondoc(["bench", "seed", "--scale", "country"], env(url)),
      /--scale phải là province .* hoặc national/,
    );
    expectOneClearLine(
      await dondoc(["bench", "seed", "--scale", "province", "--seed", "abc"], env(url)),
      /--seed phải là một số nguyên/,
    );
    expectOneClearLine(
      await dondoc(["bench", "seed", "--scale", "province", "--as-of", "2031-02-30"], env(url)),
      /--as-of phải là một ngày dạng YYYY-MM-DD/,
    );
  }, 240_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("dondoc bench seed on PostgreSQL", () => {
  it("fills an empty database, then refuses it without --force", async () => {
    const database = await createEmptyPostgresDatabase(process.env.TEST_DATABASE_URL!);
    cleanups.push(database.drop);
    const environment = env({ DATABASE_URL: database.url });
    const seeded = await dondoc(["bench", "seed", "--scale", "tiny", "--as-of", "2026-06-30"], environment);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(/Đã nạp bộ dữ liệu tiny .*progress_reports/s);
    expect(seeded.stderr).toMatch(/lam-dong: 2 kế hoạch, 40 nhiệm vụ/);

    const refused = await dondoc(["bench", "seed", "--scale", "tiny"], environment);
    expectOneClearLine(refused, /đã có dữ liệu \(90 nhiệm vụ\).*--force/);

    const forced = await dondoc(
      ["bench", "seed", "--scale", "tiny", "--as-of", "2026-06-30", "--force"],
      environment,
    );
    expect(forced.code, forced.stderr).toBe(0);
  }, 240_000);
});
