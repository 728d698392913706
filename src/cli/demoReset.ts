import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { ensureAdmin } from "../commands/ensureAdmin.ts";
import { ensureTenant } from "../commands/ensureTenant.ts";
import { type Config, StartupError } from "../config.ts";
import { acquireLock, type Database, openDatabase } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { users } from "../db/schema/index.ts";
import { seedDemo } from "./demo.ts";

/** What `dondoc` keeps in its data directory: the embedded database, evidence files, uploads. */
const DATA_ENTRIES = ["pglite", "files", "tmp"];

/**
 * `dondoc demo reset`: empties the embedded data directory and seeds the demo again, so a demo
 * that was played with starts over. Only what dondoc writes there is removed (the directory may be
 * one the operator chose, with other files in it); a server still running on it is refused by the
 * directory's lock. PostgreSQL is not touched: dropping a database is the operator's decision.
 */
export async function resetDemo(config: Config, confirm: (dataDir: string) => Promise<boolean>) {
  if (config.databaseUrl) {
    throw new StartupError(
      "Chỉ đặt lại được dữ liệu mẫu trên CSDL nhúng. Với PostgreSQL: xóa và tạo lại cơ sở dữ liệu, rồi chạy `dondoc seed`.",
    );
  }
  if (!(await confirm(config.dataDir))) return { reset: false };
  fs.mkdirSync(config.dataDir, { recursive: true });
  const release = acquireLock(config.dataDir);
  try {
    for (const entry of DATA_ENTRIES) {
      fs.rmSync(path.join(config.dataDir, entry), { recursive: true, force: true });
    }
    const handle = await openDatabase({ dataDir: config.dataDir });
    try {
      await migrate(handle);
      const tenantId = await ensureTenant(handle.db, config.tenant);
      const admin = config.admin;
      if (admin) {
        await handle.db.transaction((tx) =>
          ensureAdmin({ tx, tenantId, actor: { userId: null, label: "env" } }, admin),
        );
      }
      await seedDemo(handle.db, tenantId);
    } finally {
      await handle.close();
    }
  } finally {
    release();
  }
  return { reset: true };
}

/** Whether anyone can sign in to the province yet: a first start without `--demo` has nobody. */
export async function hasAnyUser(db: Database, tenantId: string): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.tenantId, tenantId));
  return (row?.n ?? 0) > 0;
}

/** Printed by a `dondoc serve` that finds no account: how to make the first administrator. */
export const noAccountHelp =
  "Chưa có tài khoản nào. Tạo tài khoản quản trị: dừng máy chủ (Ctrl+C) rồi chạy " +
  "`DONDOC_ADMIN_USER=<tên> DONDOC_ADMIN_PASSWORD=<mật khẩu> npx dondoc serve`, hoặc " +
  '`DONDOC_NEW_PASSWORD=<mật khẩu> npx dondoc user add <tên> --name "<họ tên>" --role admin`. ' +
  "Xem thử với dữ liệu mẫu: `npx dondoc serve --demo`.\n";
