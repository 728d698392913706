import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { createTestDatabase } from "../testing/database.ts";
import { makeTenant } from "../testing/factories.ts";
import { buildApp } from "./app.ts";

/** What the server log keeps: never a value a user sent. */

const lines: string[] = [];
let handle: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  handle = await createTestDatabase();
  const tenantId = await makeTenant(handle.db, "lam-dong");
  app = await buildApp(
    { handle, config: loadConfig({}), tenantId },
    { logger: { level: "info", stream: { write: (line: string) => lines.push(line) } } },
  );
  // A bug that fails a statement with what the user typed in it, as a real one would.
  app.get("/api/test-failure", async (request) => {
    const { value } = request.query as { value: string };
    await handle.db.execute(sql`select ${value}::integer`);
    return {};
  });
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

describe("the server log", () => {
  it("keeps a failed statement's code and route, not its message or parameters", async () => {
    const secret = "mat-khau-bi-mat-7f3a";
    const response = await app.inject({ url: `/api/test-failure?value=${secret}` });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain(secret);
    const failure = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === "unhandled error");
    expect(failure).toMatchObject({ route: "/api/test-failure", err: { code: "22P02" } });
    expect(lines.join("\n")).not.toContain(secret);
  });

  it("logs a request's path without its query string, and never a body", async () => {
    const search = "ten-can-bo-bi-mat";
    const password = "Mat-Khau-Rat-Bi-Mat-2026";
    await app.inject({ url: `/api/tasks?q=${search}` });
    await app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "ai-do", password } });
    const logged = lines.join("\n");
    expect(logged).toContain('"url":"/api/tasks"');
    expect(logged).toContain('"url":"/api/auth/login"');
    expect(logged).not.toContain(search);
    expect(logged).not.toContain(password);
  });
});
