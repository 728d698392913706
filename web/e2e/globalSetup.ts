// Seeds the demo province once per run of the browser tests; each test file then starts its server
// on a copy (a copied data directory, or a PostgreSQL database created from it as a template).
// Seeding through the commands takes several seconds per file on a busy machine; copying takes
// a fraction of one, and every file still owns its data.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { seedDemo } from "../../src/cli/demo.ts";
import { loadConfig } from "../../src/config.ts";
import { startServer } from "../../src/server/start.ts";
import { createEmptyPostgresDatabase } from "../../src/testing/database.ts";

export interface DemoTemplate {
  /** A data directory holding the seeded demo, with its embedded database unless `databaseUrl`. */
  dataDir: string;
  /** PostgreSQL: the seeded database, to be used as a template only (nobody connects to it). */
  databaseUrl?: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    demoTemplate: DemoTemplate;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dondoc-e2e-template-"));
  const env: Record<string, string> = { PORT: "3000", DONDOC_DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  let dropDatabase: (() => Promise<void>) | undefined;
  if (process.env.TEST_DATABASE_URL) {
    const database = await createEmptyPostgresDatabase(process.env.TEST_DATABASE_URL);
    dropDatabase = database.drop;
    env.DATABASE_URL = database.url;
  }
  const server = await startServer({ ...loadConfig(env), port: 0 }, { seed: seedDemo, logger: false });
  await server.stop();
  project.provide("demoTemplate", { dataDir, databaseUrl: env.DATABASE_URL });
  return async () => {
    await dropDatabase?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
