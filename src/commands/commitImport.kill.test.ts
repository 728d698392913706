import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loadDemoExtraction } from "../cli/demo.ts";
import { type DatabaseHandle, type DatabaseOptions, openDatabase } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { auditLog, documents, imports, plans, tasks } from "../db/schema/index.ts";
import { lamDongAgencies } from "../db/seed/lamDongAgencies.ts";
import { createEmptyPostgresDatabase } from "../testing/database.ts";
import { makeAgencies, makeTenant, makeUser } from "../testing/factories.ts";
import { commitImport } from "./commitImport.ts";
import { createImport } from "./createImport.ts";

const childScript = fileURLToPath(new URL("./commitImport.child.ts", import.meta.url));

/** Resolves when the child prints the line, rejects if it exits first or takes too long. */
function waitForLine(child: ChildProcess, line: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(
      () => reject(new Error(`no "${line}" within ${timeoutMs} ms; stderr: ${err}`)),
      timeoutMs,
    );
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.split("\n").includes(line)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited (${code}) before "${line}": ${out} ${err}`));
    });
  });
}

interface Target {
  kind: string;
  /** Where the database lives, how to reopen it, and how to clean up. */
  prepare(): Promise<{ options: DatabaseOptions; env: Record<string, string>; cleanup(): Promise<void> }>;
}

const targets: Target[] = [
  {
    kind: "PGlite data directory",
    async prepare() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dondoc-kill-"));
      return {
        options: { dataDir: dir },
        env: { DONDOC_DATA_DIR: dir },
        cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
];
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  targets.push({
    kind: "PostgreSQL",
    async prepare() {
      const database = await createEmptyPostgresDatabase(serverUrl);
      return {
        options: { databaseUrl: database.url },
        env: { DATABASE_URL: database.url },
        cleanup: database.drop,
      };
    },
  });
}

describe("commitImport, process killed in the middle of the transaction", () => {
  for (const target of targets) {
    it(`leaves no partial plan and the import still previewed (${target.kind})`, {
      timeout: 180_000,
    }, async () => {
      const { options, env, cleanup } = await target.prepare();
      let handle: DatabaseHandle | null = await openDatabase(options);
      try {
        await migrate(handle);
        const tenantId = await makeTenant(handle.db);
        await makeAgencies(handle.db, tenantId, lamDongAgencies);
        const userId = (await makeUser(handle.db, tenantId, { roles: ["coordinator"] })).id;
        const { importId } = await handle.db.transaction((tx) =>
          createImport(
            { tx, tenantId, actor: { userId, label: "test" } },
            {
              fileName: "lam-dong-3450-kh-ubnd.docx",
              fileSha256: "b".repeat(64),
              extraction: loadDemoExtraction("lam-dong-3450-kh-ubnd"),
            },
          ),
        );
        // PGlite is single-process: the child takes the directory over.
        await handle.close();
        handle = null;

        const child = spawn(process.execPath, ["--import", "tsx", childScript], {
          env: { ...process.env, ...env, TENANT_ID: tenantId, IMPORT_ID: importId, USER_ID: userId },
          stdio: ["ignore", "pipe", "pipe"],
        });
        const exited = new Promise((resolve) => child.on("exit", resolve));
        try {
          // By now the document, plan, sections, 139 tasks and their assignments are written.
          await waitForLine(child, "PAUSED", 150_000);
        } finally {
          child.kill("SIGKILL");
          await exited;
        }
        expect(child.signalCode).toBe("SIGKILL");

        handle = await openDatabase(options);
        const db = handle.db;
        const n = async (table: typeof plans | typeof documents | typeof tasks) =>
          (await db.select({ n: count() }).from(table).where(eq(table.tenantId, tenantId)))[0]!.n;
        expect({ plans: await n(plans), documents: await n(documents), tasks: await n(tasks) }).toEqual({
          plans: 0,
          documents: 0,
          tasks: 0,
        });
        const [row] = await db.select().from(imports).where(eq(imports.id, importId));
        expect(row).toMatchObject({ state: "previewed", planId: null, committedAt: null });
        const commits = await db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, "import.commit")));
        expect(commits).toEqual([]);

        // The database is sound and the import can be committed after all.
        const result = await db.transaction((tx) =>
          commitImport({ tx, tenantId, actor: { userId, label: "test" } }, importId, {}),
        );
        expect(result.diff.added).toHaveLength(139);
        expect(await n(tasks)).toBe(139);
      } finally {
        await handle?.close();
        await cleanup();
      }
    });
  }
});
