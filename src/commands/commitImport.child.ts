/**
 * Child process of commitImport.kill.test.ts: commits one import and, once the plan and its tasks
 * are written but the transaction is still open, says "PAUSED" and waits to be killed.
 * Environment: DONDOC_DATA_DIR (PGlite) or DATABASE_URL (PostgreSQL), TENANT_ID, IMPORT_ID, USER_ID.
 */
import { openDatabase } from "../db/client.ts";
import { commitImport } from "./commitImport.ts";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const handle = await openDatabase(
  process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: env("DONDOC_DATA_DIR") },
);
await handle.db.transaction((tx) =>
  commitImport(
    { tx, tenantId: env("TENANT_ID"), actor: { userId: env("USER_ID"), label: "test:child" } },
    env("IMPORT_ID"),
    {},
    {
      onStage: async (stage) => {
        if (stage !== "plan_saved") return;
        process.stdout.write("PAUSED\n");
        // Hold the transaction open until the parent kills this process.
        await new Promise(() => setInterval(() => {}, 1000));
      },
    },
  ),
);
process.stdout.write("COMMITTED\n");
await handle.close();
