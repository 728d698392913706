/** The server under test: a child `dondoc serve` on DATABASE_URL, or a running one at --url. */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** A problem the person running the benchmark can fix: printed as one line, exit code 1. */
export class BenchError extends Error {
  override name = "BenchError";
}

export interface Target {
  url: string;
  /** Started here (stopped by stop()), or a server someone else runs. */
  started: boolean;
  stop(): Promise<void>;
}

const DONDOC = fileURLToPath(new URL("../../bin/dondoc.js", import.meta.url));

const describe = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code;
  const reasons: Record<string, string> = {
    ECONNREFUSED: "không có máy chủ nào nghe ở cổng này",
    ENOTFOUND: "không tìm thấy tên máy",
    EAI_AGAIN: "không phân giải được tên máy",
    ECONNRESET: "máy chủ đóng kết nối",
    UND_ERR_CONNECT_TIMEOUT: "hết thời gian chờ kết nối",
  };
  if (code && reasons[code]) return reasons[code];
  if (cause?.message === "bad port") return "cổng này bị chặn (cổng dành riêng, hãy dùng cổng khác)";
  if ((error as Error).name === "TimeoutError") return "hết thời gian chờ trả lời";
  return cause?.message ?? (error as Error).message ?? String(error);
};

/** Checks that a running Đôn Đốc answers /ready at this address; a clear line otherwise. */
export async function connectToServer(url: string): Promise<Target> {
  let response: Response;
  try {
    response = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new BenchError(
      `Không kết nối được máy chủ Đôn Đốc tại ${url}: ${describe(error)}. Hãy chạy "dondoc serve" hoặc sửa --url.`,
    );
  }
  if (response.status === 404) {
    throw new BenchError(`Địa chỉ ${url} không phải máy chủ Đôn Đốc (không có /ready). Hãy sửa --url.`);
  }
  if (response.status !== 200) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new BenchError(
      `Máy chủ tại ${url} chưa sẵn sàng (/ready trả ${response.status}${body?.message ? `: ${body.message}` : ""}).`,
    );
  }
  return { url, started: false, stop: async () => {} };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node bin/dondoc.js serve` on the database, on a free port of 127.0.0.1, with warnings
 * only in its log and its evidence files in a temporary directory (removed on stop), and waits
 * for /ready. The server's own one-line error is passed on when it does not start.
 */
export async function startServer(databaseUrl: string, log: (line: string) => void): Promise<Target> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dondoc-bench-api-"));
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [DONDOC, "serve"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      DONDOC_DATA_DIR: dataDir,
      NODE_ENV: "production",
      // The login benchmark measures argon2 and the session write, not the flood guard's 429s.
      DONDOC_LOGIN_RATE_PER_MINUTE: "10000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (output.length > 50) output.splice(0, output.length - 50);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exited = code ?? (signal ? 128 : 1);
      resolve();
    }),
  );

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (exited === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exit;
      clearTimeout(killer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  log(`Khởi động máy chủ: node bin/dondoc.js serve (cổng ${port})…`);
  const started = Date.now();
  const deadline = started + 180_000;
  while (Date.now() < deadline) {
    if (exited !== null) {
      await stop();
      const why = output.filter((l) => l.startsWith("Lỗi")).pop() ?? output.pop() ?? `mã thoát ${exited}`;
      throw new BenchError(`Máy chủ không khởi động được: ${why.replace(/^Lỗi:\s*/, "")}`);
    }
    try {
      const response = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) {
        log(`Máy chủ sẵn sàng sau ${((Date.now() - started) / 1000).toFixed(1)} s tại ${url}.`);
        return { url, started: true, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new BenchError("Máy chủ không sẵn sàng (/ready) sau 180 giây.");
}
