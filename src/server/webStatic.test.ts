import fs from "node:fs";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { createTestDatabase } from "../testing/database.ts";
import { makeTenant } from "../testing/factories.ts";
import { buildApp, webDist } from "./app.ts";

/** The built web app as the server sends it: precompressed, hashed files cached for good. */

let handle: DatabaseHandle;
let app: FastifyInstance;
let script: string;

beforeAll(async () => {
  // Like the browser tests, this needs the built app (`npx vite build`; `npm test` builds it).
  const html = path.join(webDist, "index.html");
  if (!fs.existsSync(html)) throw new Error(`Không tìm thấy ${html}: chạy \`npx vite build\` trước.`);
  const entry = /<script[^>]*src="(\/assets\/[^"]+\.js)"/.exec(fs.readFileSync(html, "utf8"))?.[1];
  if (!entry) throw new Error("index.html names no script under /assets/");
  script = entry;
  handle = await createTestDatabase();
  const tenantId = await makeTenant(handle.db, "lam-dong");
  app = await buildApp({ handle, config: loadConfig({}), tenantId });
});
afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe("the web app's files", () => {
  it("sends a hashed script as brotli, cached for a year without revalidation", async () => {
    const response = await app.inject({ url: script, headers: { "accept-encoding": "br, gzip" } });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers["content-type"]).toMatch(/javascript/);
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    const original = fs.readFileSync(path.join(webDist, script));
    expect(brotliDecompressSync(response.rawPayload).equals(original)).toBe(true);
    expect(response.rawPayload.length).toBeLessThan(original.length);
  });

  it("sends gzip to a browser without brotli, and the plain file to one with neither", async () => {
    const gzip = await app.inject({ url: script, headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    const original = fs.readFileSync(path.join(webDist, script));
    expect(gunzipSync(gzip.rawPayload).equals(original)).toBe(true);
    const plain = await app.inject({ url: script, headers: { "accept-encoding": "identity" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.rawPayload.equals(original)).toBe(true);
    expect(plain.headers["cache-control"]).toContain("immutable");
  });

  it("has index.html checked on every load, whether asked for by name or by a route of the app", async () => {
    for (const url of ["/", "/index.html", "/ke-hoach/abc"]) {
      const response = await app.inject({ url, headers: { "accept-encoding": "br, gzip" } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["content-type"], url).toMatch(/text\/html/);
      expect(response.headers["cache-control"], url).toBe("no-cache");
    }
  });

  it("keeps API answers out of the browser's long cache", async () => {
    const response = await app.inject({ url: "/api/me" });
    expect(response.headers["content-type"]).toMatch(/json/);
    expect(response.headers["cache-control"] ?? "").not.toContain("immutable");
  });
});
