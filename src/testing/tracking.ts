import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { count, eq, type Logger, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { FastifyInstance } from "fastify";
import { DEMO_PASSWORD } from "../cli/demo.ts";
import { loadConfig } from "../config.ts";
import type { Database } from "../db/client.ts";
import { agencies, assignments, auditLog, documents, plans, tasks } from "../db/schema/index.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";
import type { AssignmentRole } from "../domain/assignments.ts";
import { buildApp } from "../server/app.ts";
import { LocalEvidenceStore } from "../storage/localStore.ts";
import { createDemoTestDatabase } from "./demoDatabase.ts";

/**
 * The Lâm Đồng demo behind the HTTP app, with evidence stored in a temporary directory that is
 * removed on close. `evidenceMaxMb` keeps size-limit tests small.
 */
export async function trackingApp(options: { evidenceMaxMb?: number; logger?: Logger } = {}) {
  const { handle, tenantId } = await createDemoTestDatabase({ logger: options.logger });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dondoc-evidence-"));
  const config = loadConfig({
    DONDOC_DATA_DIR: dataDir,
    DONDOC_EVIDENCE_MAX_MB: String(options.evidenceMaxMb ?? 20),
  });
  const app = await buildApp({ handle, config, tenantId });
  const store = new LocalEvidenceStore(path.join(dataDir, "files"));
  return {
    handle,
    db: handle.db,
    app,
    tenantId,
    dataDir,
    store,
    async close() {
      await app.close();
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type TrackingApp = Awaited<ReturnType<typeof trackingApp>>;

/**
 * One login attempt: the answer, its status, and the session cookie it set ("" when refused).
 * `remoteAddress` lets a test stand for another client (the lockout counts per address).
 */
export async function attemptLogin(
  app: FastifyInstance,
  username: string,
  password = DEMO_PASSWORD,
  options: { remoteAddress?: string; headers?: Record<string, string> } = {},
) {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
    ...options,
  });
  const cookie = response.cookies.find((c) => c.name === "dondoc_session");
  return { response, status: response.statusCode, cookie: cookie ? `${cookie.name}=${cookie.value}` : "" };
}

export async function login(app: FastifyInstance, username: string): Promise<string> {
  const { response, cookie } = await attemptLogin(app, username);
  if (!cookie) throw new Error(`login failed for ${username}: ${response.body}`);
  return cookie;
}

/** The assignment of an agency on a task of a demo plan, by document number and task ref. */
export async function findAssignment(
  db: Database,
  tenantId: string,
  where: { documentNumber: string; ref: string; agency: string; role?: AssignmentRole },
) {
  const [row] = await db
    .select({ assignmentId: assignments.id, taskId: tasks.id, agencyId: agencies.id, planId: plans.id })
    .from(assignments)
    .innerJoin(tasks, tenantJoin(tasks.id, assignments.taskId))
    .innerJoin(plans, tenantJoin(plans.id, tasks.planId))
    .innerJoin(documents, tenantJoin(documents.id, plans.documentId))
    .innerJoin(agencies, tenantJoin(agencies.id, assignments.agencyId))
    .where(
      inTenant(
        assignments,
        tenantId,
        eq(documents.number, where.documentNumber),
        eq(tasks.ref, where.ref),
        eq(agencies.name, where.agency),
        eq(assignments.role, where.role ?? "lead"),
      ),
    );
  if (!row) throw new Error(`no assignment ${JSON.stringify(where)}`);
  return row;
}

export async function rowCount(db: Database, table: PgTable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table);
  return Number(row?.n ?? 0);
}

/**
 * Audit rows of writes, and of refused requests (`access.denied`) apart: a refusal writes
 * nothing but its own trace.
 */
export async function auditCounts(db: Database): Promise<{ writes: number; refusals: number }> {
  const [row] = await db
    .select({
      writes: sql<number>`count(*) filter (where ${auditLog.action} <> 'access.denied')`,
      refusals: sql<number>`count(*) filter (where ${auditLog.action} = 'access.denied')`,
    })
    .from(auditLog);
  return { writes: Number(row?.writes ?? 0), refusals: Number(row?.refusals ?? 0) };
}

export async function exec<T = Record<string, unknown>>(
  db: Database,
  query: ReturnType<typeof sql>,
): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export interface FormFile {
  field?: string;
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** A multipart/form-data body, byte for byte as a browser sends it (UTF-8 file names). */
export function multipart(fields: Record<string, string | string[]>, files: FormFile[] = []) {
  const boundary = `----dondoc${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`),
      );
    }
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? "files"}"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type}\r\n\r\n`,
      ),
      Buffer.from(file.bytes),
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/plans/${name}`, import.meta.url));

/** Real or minimal files of each accepted kind. */
export const samples = {
  pdf: () => Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
  png: () =>
    Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
      "base64",
    ),
  docx: () => fs.readFileSync(fixture("lam-dong-1535-cv-tu.docx")),
  text: () => Buffer.from("Báo cáo kết quả thực hiện\nSố liệu: 12; 13\n", "utf8"),
  random: (size = 4096) => randomBytes(size),
};
