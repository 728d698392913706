import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import pg from "pg";
import { inject } from "vitest";
import { seedDemo } from "../cli/demo.ts";
import { type DatabaseHandle, type DatabaseOptions, openDatabase } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { tenants } from "../db/schema/index.ts";
import { createPostgresDatabaseFrom, createTestDatabase } from "./database.ts";
import { makeTenant } from "./factories.ts";

/**
 * A fresh database holding the Lâm Đồng demo, for one test file. The demo is seeded once per test
 * run (by whichever file asks first) and copied for each file: an embedded database from a dump
 * of it, a PostgreSQL one by CREATE DATABASE … TEMPLATE. Seeding through the commands took
 * seconds per file; every file still owns its copy. The run's folder and template database come
 * from globalSetup.ts, which removes them at the end; outside a Vitest run the demo is seeded here.
 */
export async function createDemoTestDatabase(
  options: Pick<DatabaseOptions, "logger"> = {},
): Promise<{ handle: DatabaseHandle; tenantId: string }> {
  const run = runContext();
  if (!run) return seededHere(options);
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dump = path.join(run.dir, "demo.tar.gz");
    if (!fs.existsSync(dump)) {
      const seeded = await seededHere({});
      try {
        // Written aside then renamed: a file that sees the dump sees all of it.
        const blob = await seeded.handle.dumpDataDir!();
        const partial = `${dump}.${process.pid}.${Math.random().toString(36).slice(2)}`;
        fs.writeFileSync(partial, Buffer.from(await blob.arrayBuffer()));
        fs.renameSync(partial, dump);
      } finally {
        await seeded.handle.close();
      }
    }
    const pgliteDump = new Blob([fs.readFileSync(dump)]);
    const handle = await openDatabase({ dataDir: "memory://", pgliteDump, ...options });
    return { handle, tenantId: await demoTenantId(handle) };
  }
  const copy = await createPostgresDatabaseFrom(
    serverUrl,
    await postgresTemplate(serverUrl, run.templateDatabase),
  );
  const handle = await openDatabase({ databaseUrl: copy.url, ...options });
  return {
    tenantId: await demoTenantId(handle),
    handle: {
      ...handle,
      async close() {
        await handle.close();
        await copy.drop();
      },
    },
  };
}

const DEMO_TENANT = "lam-dong";

async function seededHere(options: Pick<DatabaseOptions, "logger">) {
  const handle = await createTestDatabase(options);
  const tenantId = await makeTenant(handle.db, DEMO_TENANT);
  await seedDemo(handle.db, tenantId);
  return { handle, tenantId };
}

/** The seeded template on PostgreSQL, made under an advisory lock by the first file that asks. */
/** The seeded template on PostgreSQL, made under an advisory lock by the first file that asks. */
async function postgresTemplate(serverUrl: string, name: string): Promise<string> {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query("select pg_advisory_lock(hashtext($1))", [name]);
    const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${name}`);
      // Nobody else connects to it afterwards: copying a template needs it to have no session.
      const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
      try {
        await migrate(handle);
        await seedDemo(handle.db, await makeTenant(handle.db, DEMO_TENANT));
      } finally {
        await handle.close();
      }
    }
  } finally {
    await admin.end();
  }
  return url.toString();
}

/** The demo's province in a copy (its id is the template's). */
async function demoTenantId(handle: DatabaseHandle): Promise<string> {
  const [tenant] = await handle.db
    .select({ id: tenants.id })
    .from(tenants)
    .where(eq(tenants.code, DEMO_TENANT));
  return tenant!.id;
}

function runContext(): { dir: string; templateDatabase: string } | undefined {
  try {
    return inject("testRun");
  } catch {
    return undefined;
  }
}
