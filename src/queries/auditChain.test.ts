import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../commands/context.ts";
import { type DatabaseHandle, openDatabase } from "../db/client.ts";
import { migrate, migrationsFolder, rowsOf } from "../db/migrate.ts";
import { createTestDatabase } from "../testing/database.ts";
import { asTest, makeTenant } from "../testing/factories.ts";
import { GENESIS_HASH, verifyAuditChains, verifyTenantChain } from "./auditChain.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

/** A few rows with awkward text: separators, quotes, non-Latin letters, nested JSON. */
async function writeRows(tenantId: string, count: number) {
  for (let i = 0; i < count; i++) {
    await asTest(handle.db, tenantId, (ctx) =>
      recordAudit(
        {
          ...ctx,
          actor: { userId: null, label: "test", ip: "10.0.0.1", userAgent: 'UA "x"|y', requestId: `r${i}` },
        },
        {
          action: "task.update",
          entityType: "task",
          entityId: `e-${i}`,
          before: { title: `Cũ | ${i}`, n: 1.5, nested: { b: [1, "2"], a: null } },
          after: { title: `Mới: 1:x|~ ${i}`, emoji: "📄" },
        },
      ),
    );
  }
}

const superuserUpdate = async (statement: ReturnType<typeof sql>) => {
  // What someone with the table owner's rights can do: switch the guard off, change, switch it on.
  await handle.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
  try {
    await handle.db.execute(statement);
  } finally {
    await handle.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
  }
};

describe("audit chain", () => {
  it("numbers each tenant's rows 1, 2, 3 and links each to the previous hash", async () => {
    const tenant = await makeTenant(handle.db);
    await writeRows(tenant, 3);
    const rows = rowsOf<{ seq: string; prev_hash: string; hash: string }>(
      await handle.db.execute(
        sql`select seq::text, prev_hash, hash from audit_log where tenant_id = ${tenant} order by seq`,
      ),
    );
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => String(i + 1)));
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    const chain = await verifyTenantChain(handle.db, tenant);
    expect(chain).toMatchObject({
      verified: rows.length,
      total: rows.length,
      broken: null,
      sqlMismatches: 0,
    });
    expect(chain.latestHash).toBe(rows.at(-1)!.hash);
  });

  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    const tenant = await makeTenant(handle.db);
    await writeRows(tenant, 1);
    const refused = (error: unknown) => String((error as { cause?: unknown }).cause ?? error);
    for (const statement of [
      sql`update audit_log set action = 'x' where tenant_id = ${tenant}`,
      sql`delete from audit_log where tenant_id = ${tenant}`,
      sql`truncate audit_log`,
    ]) {
      const error = await handle.db.execute(statement).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused(error)).toMatch(/append-only: (UPDATE|DELETE|TRUNCATE) refused/);
    }
    const [row] = rowsOf<{ n: number }>(
      await handle.db.execute(sql`select count(*)::int as n from audit_log where tenant_id = ${tenant}`),
    );
    expect(Number(row!.n)).toBe(1);
  });

  it("names the first altered row, and the database's own hash function agrees", async () => {
    const tenant = await makeTenant(handle.db);
    await writeRows(tenant, 4);
    const [target] = rowsOf<{ id: string; seq: string }>(
      await handle.db.execute(
        sql`select id::text, seq::text from audit_log where tenant_id = ${tenant} and entity_id = 'e-2'`,
      ),
    );
    await superuserUpdate(
      sql`update audit_log set after = '{"title": "sửa lén"}' where tenant_id = ${tenant} and entity_id = 'e-2'`,
    );
    const chain = await verifyTenantChain(handle.db, tenant);
    expect(chain.broken).toMatchObject({
      seq: target!.seq,
      id: target!.id,
      action: "task.update",
      problem: "hash",
    });
    expect(chain.verified).toBe(Number(target!.seq) - 1);
    expect(chain.sqlMismatches).toBe(1);
    // Another tenant's chain is untouched.
    const other = await makeTenant(handle.db);
    await writeRows(other, 1);
    const all = await verifyAuditChains(handle.db);
    expect(all.find((c) => c.tenantId === other)?.broken).toBeNull();
    expect(all.find((c) => c.tenantId === tenant)?.broken?.id).toBe(target!.id);
  });

  it("notices a removed row by the gap it leaves", async () => {
    const tenant = await makeTenant(handle.db);
    await writeRows(tenant, 3);
    await superuserUpdate(sql`delete from audit_log where tenant_id = ${tenant} and entity_id = 'e-1'`);
    const chain = await verifyTenantChain(handle.db, tenant);
    expect(chain.broken?.problem).toBe("seq");
    expect(chain.sqlMismatches).toBe(0);
  });

  it("chains concurrent transactions of one tenant without a gap or a fork", async () => {
    const tenant = await makeTenant(handle.db);
    // On PostgreSQL these run on several connections at once; the trigger's lock orders them.
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        handle.db.transaction(async (tx) => {
          const ctx = { tx, tenantId: tenant, actor: { userId: null, label: `test:${i}` } };
          await recordAudit(ctx, { action: "x.first", entityType: "x", entityId: String(i) });
          await tx.execute(sql`select pg_sleep(0.01)`);
          await recordAudit(ctx, { action: "x.second", entityType: "x", entityId: String(i) });
        }),
      ),
    );
    expect(await verifyTenantChain(handle.db, tenant)).toMatchObject({
      verified: 16,
      total: 16,
      broken: null,
    });
  });

  it("keeps the hash independent of the session's time zone", async () => {
    const tenant = await makeTenant(handle.db);
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local timezone = 'Asia/Ho_Chi_Minh'`);
      await recordAudit(
        { tx, tenantId: tenant, actor: { userId: null, label: "test" } },
        { action: "x.y", entityType: "x" },
      );
    });
    expect((await verifyTenantChain(handle.db, tenant)).broken).toBeNull();
  });
});

describe("audit chain migration", () => {
  it("chains the rows written before it, per tenant in the order they were written", async () => {
    // A database at the migration before the chain, with rows of two tenants, then migrated on.
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dondoc-migrations-"));
    try {
      const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8"));
      const chainIndex = journal.entries.findIndex((e: { tag: string }) => e.tag.endsWith("_audit_chain"));
      expect(chainIndex).toBeGreaterThan(0);
      const earlier = journal.entries.slice(0, chainIndex);
      fs.mkdirSync(path.join(folder, "meta"));
      fs.writeFileSync(
        path.join(folder, "meta/_journal.json"),
        JSON.stringify({ ...journal, entries: earlier }),
      );
      for (const entry of earlier)
        fs.copyFileSync(
          path.join(migrationsFolder, `${entry.tag}.sql`),
          path.join(folder, `${entry.tag}.sql`),
        );

      const old = await openDatabase({ dataDir: "memory://" });
      try {
        // biome-ignore lint/suspicious/noExplicitAny: the migrator's driver type, as in src/db/migrate.ts
        await migratePglite(old.db as any, { migrationsFolder: folder });
        const [x, y] = ["00000000-0000-4000-8000-00000000000a", "00000000-0000-4000-8000-00000000000b"];
        await old.db.execute(sql`
          insert into audit_log (tenant_id, at, actor_label, action, entity_type, after) values
            (${x}, '2026-01-02T00:00:00Z', 'cli', 'b', 't', '{"n": 2}'),
            (${y}, '2026-01-01T00:00:00Z', 'cli', 'a', 't', null),
            (${x}, '2026-01-01T00:00:00Z', 'cli', 'a', 't', '{"n": 1}')`);
        await migrate(old);
        const rows = rowsOf<{ tenant_id: string; seq: string; action: string }>(
          await old.db.execute(
            sql`select tenant_id, seq::text, action from audit_log order by tenant_id, seq`,
          ),
        );
        expect(rows).toEqual([
          { tenant_id: x, seq: "1", action: "a" },
          { tenant_id: x, seq: "2", action: "b" },
          { tenant_id: y, seq: "1", action: "a" },
        ]);
        const chains = await verifyAuditChains(old.db);
        expect(chains.map((c) => [c.verified, c.broken, c.sqlMismatches])).toEqual([
          [2, null, 0],
          [1, null, 0],
        ]);
        // And new rows continue each chain.
        await asTest(old.db, x, (ctx) => recordAudit(ctx, { action: "c", entityType: "t" }));
        expect(await verifyTenantChain(old.db, x)).toMatchObject({
          verified: 3,
          latestSeq: "3",
          broken: null,
        });
      } finally {
        await old.close();
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
