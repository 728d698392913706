import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { DatabaseHandle } from "./client.ts";
import { refreshStatusFacts } from "./statusFacts.ts";

export const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));

// Any fixed number: several app instances starting together on PostgreSQL take turns migrating.
const MIGRATION_LOCK = 5_711_003;

/**
 * Applies every pending migration (the same SQL on PGlite and PostgreSQL), then derives the
 * status facts of assignments that have none: data written before the facts existed.
 */
export async function migrate(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") {
    // biome-ignore lint/suspicious/noExplicitAny: the drizzle drivers share the dialect but not the static type
    await migratePglite(handle.db as any, { migrationsFolder });
    await refreshStatusFacts(handle.db, null, { missingOnly: true });
    return;
  }
  await handle.db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
  try {
    // biome-ignore lint/suspicious/noExplicitAny: as above
    await migratePg(handle.db as any, { migrationsFolder });
    await refreshStatusFacts(handle.db, null, { missingOnly: true });
  } finally {
    await handle.db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  }
}

/** How many migrations the code knows and how many the database has applied. */
export async function migrationStatus(handle: DatabaseHandle): Promise<{ known: number; applied: number }> {
  const journal = JSON.parse(fs.readFileSync(`${migrationsFolder}/meta/_journal.json`, "utf8")) as {
    entries: unknown[];
  };
  let applied = 0;
  try {
    const result = await handle.db.execute(
      sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
    );
    applied = Number(rowsOf<{ count: number }>(result)[0]?.count ?? 0);
  } catch {
    applied = 0;
  }
  return { known: journal.entries.length, applied };
}

/** node-postgres returns {rows}, PGlite returns {rows} too but typed differently. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}
