// Once per run of the server tests: a folder and a database name for what the files share (the
// seeded demo of demoDatabase.ts), removed when the run ends.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    testRun: { dir: string; templateDatabase: string };
  }
}

export default function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dondoc-test-run-"));
  const templateDatabase = `dondoc_demo_${randomBytes(6).toString("hex")}`;
  project.provide("testRun", { dir, templateDatabase });
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (!serverUrl) return;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  };
}
