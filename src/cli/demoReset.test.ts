import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { ensureTenant } from "../commands/ensureTenant.ts";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { plans, users } from "../db/schema/index.ts";
import { demoUsers } from "./demo.ts";
import { hasAnyUser, resetDemo } from "./demoReset.ts";

/** `dondoc demo reset` on the embedded database, in a data directory of its own. */

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});
function configIn(extra: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dondoc-reset-"));
  dirs.push(dir);
  return loadConfig({ DONDOC_DATA_DIR: dir, ...extra });
}
const yes = async () => true;

async function inspect(config: ReturnType<typeof loadConfig>) {
  const handle = await openDatabase({ dataDir: config.dataDir });
  try {
    await migrate(handle);
    const tenantId = await ensureTenant(handle.db, config.tenant);
    const names = await handle.db.select({ username: users.username, name: users.displayName }).from(users);
    const planCount = (await handle.db.select({ id: plans.id }).from(plans)).length;
    return { handle, tenantId, names, planCount };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

describe("dondoc demo reset", () => {
  it("finds the demo again after it was changed, with the changes and stored files gone", async () => {
    const config = configIn();
    expect(await resetDemo(config, yes)).toEqual({ reset: true });
    const seeded = await inspect(config);
    const demoNames = new Map(demoUsers.map((u) => [u.username, u.displayName]));
    expect(new Map(seeded.names.map((u) => [u.username, u.name]))).toEqual(demoNames);
    expect(seeded.planCount).toBe(2);
    // Played with: an account renamed, another added, an evidence file stored.
    await seeded.handle.db
      .update(users)
      .set({ displayName: "Đã đổi tên" })
      .where(eq(users.username, "vanphong"));
    await seeded.handle.db.insert(users).values({
      tenantId: seeded.tenantId,
      username: "nguoimoi",
      displayName: "Người mới",
      passwordHash: "x",
    });
    await seeded.handle.close();
    fs.mkdirSync(path.join(config.dataDir, "files"), { recursive: true });
    fs.writeFileSync(path.join(config.dataDir, "files", "minh-chung.bin"), "x");
    fs.writeFileSync(path.join(config.dataDir, "ghi-chu-cua-nguoi-van-hanh.txt"), "giữ lại");

    expect(await resetDemo(config, yes)).toEqual({ reset: true });
    const again = await inspect(config);
    try {
      expect(new Map(again.names.map((u) => [u.username, u.name]))).toEqual(demoNames);
      expect(again.planCount).toBe(2);
      expect(await hasAnyUser(again.handle.db, again.tenantId)).toBe(true);
    } finally {
      await again.handle.close();
    }
    expect(fs.existsSync(path.join(config.dataDir, "files", "minh-chung.bin"))).toBe(false);
    // Only what dondoc writes is removed from a directory the operator chose.
    expect(fs.readFileSync(path.join(config.dataDir, "ghi-chu-cua-nguoi-van-hanh.txt"), "utf8")).toBe(
      "giữ lại",
    );
    expect(fs.existsSync(path.join(config.dataDir, "dondoc.lock"))).toBe(false);
  });

  it("keeps everything when the answer is no", async () => {
    const config = configIn();
    await resetDemo(config, yes);
    const before = await inspect(config);
    await before.handle.db
      .update(users)
      .set({ displayName: "Đã đổi tên" })
      .where(eq(users.username, "admin"));
    await before.handle.close();
    expect(await resetDemo(config, async () => false)).toEqual({ reset: false });
    const after = await inspect(config);
    await after.handle.close();
    expect(after.names.find((u) => u.username === "admin")?.name).toBe("Đã đổi tên");
  });

  it("refuses a directory a running server holds, and PostgreSQL", async () => {
    const config = configIn();
    // The parent process is alive and is not this one: as a server on the same directory would be.
    fs.writeFileSync(path.join(config.dataDir, "dondoc.lock"), String(process.ppid));
    await expect(resetDemo(config, yes)).rejects.toThrow(/đang được tiến trình/);
    expect(fs.readFileSync(path.join(config.dataDir, "dondoc.lock"), "utf8")).toBe(String(process.ppid));
    const postgres = configIn({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    await expect(resetDemo(postgres, yes)).rejects.toThrow(/Chỉ đặt lại được dữ liệu mẫu trên CSDL nhúng/);
  });

  it("finds no account on a first start without the demo", async () => {
    const config = configIn();
    const empty = await inspect(config);
    try {
      expect(await hasAnyUser(empty.handle.db, empty.tenantId)).toBe(false);
    } finally {
      await empty.handle.close();
    }
  });
});
