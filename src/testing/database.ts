import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type DatabaseHandle, type DatabaseOptions, openDatabase } from "../db/client.ts";
import { migrate, migrationsFolder } from "../db/migrate.ts";

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or, when
 * TEST_DATABASE_URL is set, a new database on that PostgreSQL server, dropped on close.
 */
export async function createTestDatabase(
  options: Pick<DatabaseOptions, "logger"> = {},
): Promise<DatabaseHandle & { url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl)
    return openDatabase({ dataDir: "memory://", pgliteDump: await migratedPgliteDump(), ...options });
  const name = `dondoc_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = withDatabase(serverUrl, name);
  const handle = await openDatabase({ databaseUrl: url, ...options });
  await migrate(handle);
  return {
    ...handle,
    url,
    async close() {
      await handle.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** A URL for a new, empty, unmigrated PostgreSQL database, and a function to drop it. */
export async function createEmptyPostgresDatabase(serverUrl: string) {
  const name = `dondoc_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  return {
    url: withDatabase(serverUrl, name),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * A new PostgreSQL database copied from another (CREATE DATABASE … TEMPLATE), and a function to
 * drop it. Nobody may be connected to the template while it is copied.
 */
export async function createPostgresDatabaseFrom(serverUrl: string, templateUrl: string) {
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `dondoc_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  return {
    url: withDatabase(serverUrl, name),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(serverUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A dump of a freshly migrated embedded database, made once and kept in the temp folder under the
 * hash of the migrations and of PGlite's version: every test file opens its own copy of it. An
 * empty PGlite runs initdb, which takes seconds on a busy machine; loading a dump takes one.
 */
async function migratedPgliteDump(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `dondoc-pglite-migrated-${migrationsHash()}.tar.gz`);
  if (!fs.existsSync(file)) {
    const handle = await openDatabase({ dataDir: "memory://" });
    try {
      await migrate(handle);
      const dump = await handle.dumpDataDir!();
      // Written aside then renamed: a test file running at the same time reads a whole dump or none.
      const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
      fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(partial, file);
    } finally {
      await handle.close();
    }
  }
  return new Blob([fs.readFileSync(file)]);
}

function migrationsHash(): string {
  const hash = createHash("sha256");
  const require = createRequire(import.meta.url);
  // The package exports no package.json: read it beside its entry point's folder.
  const pgliteEntry = require.resolve("@electric-sql/pglite");
  hash.update(fs.readFileSync(path.join(path.dirname(pgliteEntry), "..", "package.json")));
  const walk = (dir: string) => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(entry.name).update(fs.readFileSync(full));
    }
  };
  walk(migrationsFolder);
  return hash.digest("hex").slice(0, 16);
}
