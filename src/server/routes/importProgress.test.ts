import { execFileSync } from "node:child_process";
import fs from "node:fs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageOnlyPdf } from "../../ingest/testing/scan.ts";
import { login, multipart, type TrackingApp, trackingApp } from "../../testing/tracking.ts";

const installed = (() => {
  try {
    return execFileSync("tesseract", ["--list-langs"], { encoding: "utf8" }).split(/\s+/).includes("vie");
  } catch {
    return false;
  }
})();

let demo: TrackingApp;
let app: FastifyInstance;
let coordinator: string;
let officer: string;
let admin: string;

beforeAll(async () => {
  demo = await trackingApp();
  ({ app } = demo);
  coordinator = await login(app, "vanphong");
  officer = await login(app, "congan");
  admin = await login(app, "admin");
});
afterAll(() => demo.close());

const TOKEN = "5b0c6c2e-8d1a-4f3e-9a57-0f2d3c4b5a69";
const progressOf = (cookie: string, token = TOKEN) =>
  app.inject({ method: "GET", url: `/api/imports/progress/${token}`, headers: { cookie } });

describe("GET /api/imports/progress/:token", () => {
  it("reads null for a token nobody uploads under, and is for importers only", async () => {
    const none = await progressOf(coordinator);
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ progress: null });
    expect((await progressOf(officer)).statusCode).toBe(403);
    expect((await progressOf(coordinator, "not-a-uuid")).statusCode).toBe(400);
  });

  it.skipIf(!installed)(
    "tells the uploader how far the OCR of a scan has got, and only them",
    async () => {
      const text = new Uint8Array(
        fs.readFileSync(new URL("../../../fixtures/generated/lam-dong-1535-cv-tu.pdf", import.meta.url)),
      );
      const scan = await imageOnlyPdf(text, { first: 2, last: 3, dpi: 200 });
      const body = multipart({}, [
        { field: "file", name: "ban-scan.pdf", type: "application/pdf", bytes: Buffer.from(scan) },
      ]);
      let finished = false;
      const uploading = app
        .inject({
          method: "POST",
          url: `/api/imports?progress=${TOKEN}`,
          headers: { cookie: coordinator, ...body.headers },
          payload: body.payload,
        })
        .finally(() => {
          finished = true;
        });
      const seen: unknown[] = [];
      const sameUserSaw: unknown[] = [];
      const adminSaw: unknown[] = [];
      const again = await login(app, "vanphong");
      while (!finished) {
        const { progress } = (await progressOf(coordinator)).json();
        if (progress) seen.push(progress);
        sameUserSaw.push((await progressOf(again)).json().progress);
        adminSaw.push((await progressOf(admin)).json().progress);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const response = await uploading;
      expect(response.statusCode).toBe(200);
      expect(response.json().extraction.tasks.length).toBeGreaterThan(0);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen[0]).toMatchObject({ stage: "ocr", total: 2 });
      // Kept per user: the uploader's other session sees it, another importer with the token does
      // not; the entry goes with the request.
      expect(sameUserSaw.some((p) => p !== null)).toBe(true);
      expect(adminSaw.every((p) => p === null)).toBe(true);
      expect((await progressOf(coordinator)).json()).toEqual({ progress: null });
    },
    240_000,
  );
});
