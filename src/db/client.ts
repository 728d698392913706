import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Logger } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { StartupError } from "../config.ts";
import * as schema from "./schema/index.ts";

/** The drizzle database, whichever engine is behind it. Commands receive this or a transaction of it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the database or an open transaction: what queries and commands run on. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** Where it lives, for log lines: a directory or a URL without password. */
  location: string;
  close(): Promise<void>;
  /** PGlite only: the data directory as a gzipped tar, which `pgliteDump` opens again. */
  dumpDataDir?(): Promise<Blob>;
}

export interface DatabaseOptions {
  /** postgres://… ; when absent, the embedded PGlite is used. */
  databaseUrl?: string;
  /** For PGlite: the directory to keep the database in; "memory://" for a throwaway one. */
  dataDir?: string;
  /** For PostgreSQL: the most connections this process opens (default 10). */
  poolSize?: number;
  /** Sees every statement sent (tests count them per request to catch N+1 queries). */
  logger?: Logger;
  /**
   * For a "memory://" PGlite: start from this dump of a data directory (`dumpDataDir`) instead of
   * an empty cluster. Tests start from a migrated one: loading it is several times faster than
   * PGlite's initdb followed by the migrations.
   */
  pgliteDump?: Blob;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10, options.logger);
  return openPglite(options.dataDir ?? "memory://", options.logger, options.pgliteDump);
}

/**
 * Settings of every PostgreSQL session. The status expressions make the planner's cost estimates
 * large enough to trigger JIT compilation, which costs far more than it saves on these short
 * queries (2.4 s instead of 20 ms for a province's roll-up), and parallel workers only add
 * overhead when every core already serves a request (plan summary p50 130 → 84 ms, overdue
 * filter 723 → 544 ms with 10 connections): docs/decisions/0007.
 */
export const POSTGRES_SESSION_OPTIONS = "-c jit=off -c max_parallel_workers_per_gather=0";

async function openPostgres(url: string, poolSize: number, logger?: Logger): Promise<DatabaseHandle> {
  const location = redactUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5000,
    options: POSTGRES_SESSION_OPTIONS,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new StartupError(describePostgresError(error, location));
  }
  return {
    db: drizzlePg({ client: pool, schema, logger }) as unknown as Database,
    kind: "postgres",
    location,
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string, logger?: Logger, dump?: Blob): Promise<DatabaseHandle> {
  if (dataDir === "memory://") {
    const client = await PGlite.create(dump ? { loadDataDir: dump } : {});
    return {
      db: drizzlePglite({ client, schema, logger }) as unknown as Database,
      kind: "pglite",
      location: "memory://",
      close: () => client.close(),
      dumpDataDir: () => client.dumpDataDir("gzip"),
    };
  }
  const directory = path.join(dataDir, "pglite");
  fs.mkdirSync(directory, { recursive: true });
  const releaseLock = acquireLock(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(directory);
    await client.query("select 1");
  } catch {
    releaseLock();
    throw new StartupError(
      `Không mở được cơ sở dữ liệu nhúng tại ${directory}: dữ liệu bị hỏng hoặc không đọc được. ` +
        "Hãy khôi phục thư mục này từ bản sao lưu, hoặc đổi tên nó để bắt đầu với dữ liệu mới.",
    );
  }
  return {
    db: drizzlePglite({ client, schema, logger }) as unknown as Database,
    kind: "pglite",
    location: directory,
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

/**
 * PGlite is a single-process database: two processes on one directory would corrupt it, so the
 * second one is refused with a clear message instead. Returns the release; the same process may
 * take it again (`dondoc demo reset` holds it while it empties the directory, then opens it).
 */
export function acquireLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, "dondoc.lock");
  try {
    fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
  } catch {
    const holder = Number(fs.readFileSync(lockPath, "utf8"));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new StartupError(
        `Thư mục dữ liệu ${dataDir} đang được tiến trình ${holder} sử dụng. ` +
          "Hãy dừng tiến trình đó, hoặc đặt DONDOC_DATA_DIR sang thư mục khác.",
      );
    }
    fs.writeFileSync(lockPath, String(process.pid));
  }
  return () => fs.rmSync(lockPath, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://(địa chỉ không đọc được)";
  }
}

function describePostgresError(error: unknown, location: string): string {
  const e = error as { code?: string; message?: string };
  const reason: Record<string, string> = {
    ECONNREFUSED: "máy chủ không nhận kết nối (PostgreSQL chưa chạy, hoặc sai máy/cổng)",
    ENOTFOUND: "không tìm thấy tên máy",
    EAI_AGAIN: "không phân giải được tên máy",
    ETIMEDOUT: "hết thời gian chờ kết nối",
    "28P01": "sai mật khẩu",
    "28000": "người dùng không được phép đăng nhập",
    "3D000": "cơ sở dữ liệu không tồn tại (hãy tạo nó trước bằng createdb)",
  };
  const why = (e.code && reason[e.code]) || e.message || "lỗi không xác định";
  return `Không kết nối được PostgreSQL tại ${location}: ${why}. Hãy kiểm tra DATABASE_URL.`;
}
