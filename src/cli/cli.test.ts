import { type ChildProcess, execFile, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../scripts/build-server.mjs";
import { isDistFresh } from "../../scripts/server-dist.mjs";
import { createEmptyPostgresDatabase } from "../testing/database.ts";

const run = promisify(execFile);
const bin = path.resolve("bin/dondoc.js");
/**
 * Every child `dondoc` gets minutes, not seconds: a test checks what the command does, and a
 * machine ten times slower than a developer's (or one running tsx because dist/ is stale) must
 * still pass. Speed is measured by bench/startup.ts.
 */
const CHILD_MS = 180_000;
const TEST_MS = 600_000;
const tempDirs: string[] = [];
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  for (const cleanup of cleanups) await cleanup();
});

function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dondoc-cli-"));
  tempDirs.push(dir);
  return dir;
}

/** Environment for a child `dondoc`: PGlite in a temp dir, or a fresh database on TEST_DATABASE_URL. */
async function childEnv(extra: Record<string, string> = {}): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { ...process.env, DONDOC_DATA_DIR: tempDir(), LOG_LEVEL: "silent" };
  delete env.DATABASE_URL;
  Object.assign(env, extra);
  if (process.env.TEST_DATABASE_URL && !("DATABASE_URL" in extra)) {
    const database = await createEmptyPostgresDatabase(process.env.TEST_DATABASE_URL);
    cleanups.push(database.drop);
    env.DATABASE_URL = database.url;
  }
  return env;
}

async function dondoc(args: string[], env: NodeJS.ProcessEnv, input?: string) {
  const child = run(process.execPath, [bin, ...args], { env, timeout: CHILD_MS });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A bad input must give exactly one line, no stack trace, and a non-zero exit. */
function expectOneClearLine(result: { code: number; stderr: string }, pattern: RegExp) {
  expect(result.code).not.toBe(0);
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe("dondoc CLI: bad environment", { timeout: TEST_MS }, () => {
  it("explains an unreachable DATABASE_URL", async () => {
    const env = await childEnv({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expectOneClearLine(await dondoc(["migrate"], env), /Không kết nối được PostgreSQL.*DATABASE_URL/);
  });

  it("explains a DATABASE_URL that is not PostgreSQL", async () => {
    const env = await childEnv({ DATABASE_URL: "mysql://root@localhost/db" });
    expectOneClearLine(await dondoc(["migrate"], env), /DATABASE_URL phải có dạng postgres:\/\//);
  });

  it("explains a corrupted data directory", async () => {
    const env = await childEnv({ DATABASE_URL: "" });
    const pgliteDir = path.join(env.DONDOC_DATA_DIR!, "pglite");
    fs.mkdirSync(path.join(pgliteDir, "base"), { recursive: true });
    fs.writeFileSync(path.join(pgliteDir, "PG_VERSION"), "garbage");
    fs.writeFileSync(path.join(pgliteDir, "base", "1"), Buffer.alloc(8192, 7));
    expectOneClearLine(await dondoc(["migrate"], env), /dữ liệu bị hỏng/);
  });

  it("refuses a data directory another process is using", async () => {
    const env = await childEnv({ DATABASE_URL: "" });
    fs.writeFileSync(path.join(env.DONDOC_DATA_DIR!, "dondoc.lock"), String(process.pid));
    expectOneClearLine(await dondoc(["migrate"], env), new RegExp(`tiến trình ${process.pid}`));
  });

  it("explains a bad extraction deadline, for extract as for serve", async () => {
    const env = await childEnv({ DONDOC_EXTRACT_TIMEOUT_S: "soon" });
    const plan = path.resolve("fixtures/plans/lam-dong-1535-cv-tu.txt");
    for (const args of [["extract", plan], ["serve"]]) {
      expectOneClearLine(await dondoc(args, env), /^Lỗi: .*DONDOC_EXTRACT_TIMEOUT_S phải là một số/);
    }
  });

  it("refuses a weak first administrator's password in one line", async () => {
    const env = await childEnv({ DONDOC_ADMIN_USER: "chief", DONDOC_ADMIN_PASSWORD: "1234567890" });
    expectOneClearLine(
      await dondoc(["serve"], env),
      /^Lỗi: DONDOC_ADMIN_PASSWORD không dùng được: .*dãy ký tự/,
    );
  });

  it("explains an occupied port", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "0.0.0.0", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const env = await childEnv({ PORT: String(port) });
      expectOneClearLine(await dondoc(["serve"], env), new RegExp(`Cổng ${port} đang được`));
    } finally {
      blocker.close();
    }
  });
});

describe("dondoc CLI: accounts and serving", { timeout: TEST_MS }, () => {
  it("migrates, adds a user from the command line, and keeps data across restarts", async () => {
    const env = await childEnv({
      DONDOC_ADMIN_USER: "chief",
      DONDOC_ADMIN_PASSWORD: "Doi-thong-hai-mo-1975",
    });
    expect((await dondoc(["migrate"], env)).stdout).toMatch(/Đã áp dụng (\d+)\/\1 /);

    const added = await dondoc(
      ["user", "add", "thuky", "--name", "Thư ký", "--role", "coordinator", "--password-stdin"],
      env,
      "Ho-Xuan-Huong-1975\n",
    );
    expect(added.stdout).toMatch(/Đã cấp tài khoản thuky/);
    // The password rules hold on the command line too, with the same sentence as the forms.
    const weak = await dondoc(
      ["user", "add", "thuky2", "--name", "Thư ký", "--role", "coordinator", "--password-stdin"],
      env,
      "thuky2-2026\n",
    );
    expectOneClearLine(weak, /Mật khẩu không được chứa tên đăng nhập/);
    const duplicate = await dondoc(
      ["user", "add", "thuky", "--name", "X", "--role", "leader", "--password-stdin"],
      env,
      "another-pass-1\n",
    );
    expectOneClearLine(duplicate, /đã được dùng/);

    for (let round = 0; round < 2; round++) {
      const server = await serve(env);
      try {
        for (const [username, password] of [
          ["chief", "Doi-thong-hai-mo-1975"],
          ["thuky", "Ho-Xuan-Huong-1975"],
        ]) {
          const response = await fetch(`${server.url}/api/auth/login`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ username, password }),
          });
          expect(response.status, `${username} round ${round}`).toBe(200);
          // Both passwords were chosen by someone else (the environment, the operator): issued ones.
          const cookie = response.headers.getSetCookie()[0]!.split(";")[0]!;
          const me = await fetch(`${server.url}/api/me`, { headers: { cookie } });
          expect((await me.json()).mustChangePassword, username).toBe(true);
        }
      } finally {
        expect(await server.stop()).toBe(0);
      }
    }
  });
});

describe("dondoc CLI: a start without demo data, and the demo's reset", { timeout: TEST_MS }, () => {
  it("starts on an empty data directory and says how to make the first administrator", async () => {
    const server = await serve(await childEnv());
    try {
      await expect
        .poll(server.stderr, { timeout: CHILD_MS, interval: 200 })
        .toMatch(/Chưa có tài khoản nào.*DONDOC_ADMIN_USER=.*dondoc user add <tên> .*--role admin/);
      const plans = await fetch(`${server.url}/api/plans`);
      expect(plans.status).toBe(401);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it("asks before a reset, and without a terminal to ask on wants --yes", async () => {
    const env = await childEnv({ DATABASE_URL: "" });
    expectOneClearLine(await dondoc(["demo", "reset"], env, ""), /^Lỗi: Thêm --yes để xác nhận/);
    expect(fs.existsSync(path.join(env.DONDOC_DATA_DIR!, "pglite"))).toBe(false);
  });
});

/** Starts `dondoc serve` on a free port and waits until /ready answers. */
async function serve(env: NodeJS.ProcessEnv) {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [bin, "serve"], {
    env: { ...env, PORT: String(port) },
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + CHILD_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited: ${stderr}`);
    const ready = await fetch(`${url}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`serve did not become ready: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    /** What the server has printed so far. */
    stderr: () => stderr,
    stop: () =>
      new Promise<number | null>((resolve) => {
        child.once("exit", (code) => resolve(code));
        child.kill("SIGTERM");
      }),
  };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("dondoc CLI: the compiled runtime in dist/", { timeout: TEST_MS }, () => {
  beforeAll(async () => {
    // `npm test` builds dist/ first; a bare `vitest run` may find it stale.
    if (!isDistFresh()) expect(await buildServer(), "esbuild is a dev dependency").toBe(true);
  }, CHILD_MS);

  it("runs dist/ when it is current, and --help lists every command", async () => {
    // NODE_DEBUG=esm names each module Node loads: the compiled CLI, never the TypeScript one.
    const result = await dondoc(["--help"], { ...process.env, NODE_DEBUG: "esm" });
    expect(result.code).toBe(0);
    for (const command of ["serve", "migrate", "seed", "user", "audit", "extract", "dev"]) {
      expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    }
    expect(result.stderr).toContain("dist/main.js");
    expect(result.stderr).not.toContain("src/cli/main.ts");
  });

  it("extracts a .docx and a .pdf in the compiled worker, and exits when done", async () => {
    for (const file of ["lam-dong-1535-cv-tu.docx", "lam-dong-1535-cv-tu.pdf"]) {
      const result = await dondoc(["extract", path.resolve("fixtures/plans", file), "--json"], process.env);
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout).tasks).toHaveLength(30);
    }
  });

  it("finds the migrations and the demo plans from dist/", async () => {
    const env = await childEnv();
    const seeded = await dondoc(["seed"], env);
    expect(seeded.stdout, seeded.stderr).toMatch(/Đã nạp dữ liệu mẫu/);
    // The seed's writes are audited, and their chain holds; the anchor is printed.
    const verified = await dondoc(["audit", "verify"], env);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(
      /chuỗi nguyên vẹn\. Bản ghi cuối số \d+, mã băm [0-9a-f]{64} \(mốc: [0-9a-f-]{36}:\d+:[0-9a-f]{64}\)\./,
    );
  });
});
