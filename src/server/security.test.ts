import fs from "node:fs";
import { and, desc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../cli/demo.ts";
import { loadConfig } from "../config.ts";
import { agencies, auditLog, sessions, users } from "../db/schema/index.ts";
import { openReportApp, PLAN_CV, pdfFile, reportKit } from "../testing/reportKit.ts";
import { multipart, rowCount, type TrackingApp } from "../testing/tracking.ts";
import { buildApp, webDist } from "./app.ts";

/** The request controls of security.ts: headers, the origin of writes, trusted proxies. */

let t: TrackingApp;
const cookies = openReportApp((app) => {
  t = app;
});
const { policeTask, snapshot } = reportKit(() => t, cookies);

// app.inject sends Host: localhost:80, so the app's own origin is http://localhost.
const OWN = "http://localhost";
const EVIL = "http://evil.localhost:1234";

const extraApps: FastifyInstance[] = [];
afterAll(async () => {
  for (const app of extraApps) await app.close();
});

/** Another app over the same database, with these settings. */
async function appWith(env: Record<string, string>) {
  const app = await buildApp({ handle: t.handle, config: loadConfig(env), tenantId: t.tenantId });
  extraApps.push(app);
  return app;
}

function submitReport(assignmentId: string, headers: Record<string, string>) {
  const body = multipart({ percent: "30", narrative: "Báo cáo giả mạo" }, [pdfFile()]);
  return t.app.inject({
    method: "POST",
    url: `/api/assignments/${assignmentId}/reports`,
    headers: { cookie: cookies.congan!, ...body.headers, ...headers },
    payload: body.payload,
  });
}

function importAgencies(headers: Record<string, string>) {
  const csv = Buffer.from(
    'Mã,"Tên cơ quan, đơn vị",Cấp,Mã cơ quan cấp trên\nx-gia-mao,Xã Giả Mạo,Xã,ubnd-tinh\n',
  );
  const body = multipart({}, [{ field: "file", name: "danh-muc.csv", type: "text/csv", bytes: csv }]);
  return t.app.inject({
    method: "POST",
    url: "/api/agencies/import",
    headers: { cookie: cookies.admin!, ...body.headers, ...headers },
    payload: body.payload,
  });
}

describe("security headers", () => {
  it("sends a strict policy on API answers, and no-store", async () => {
    const response = await t.app.inject({ url: "/api/me", headers: { cookie: cookies.congan! } });
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("object-src 'none'");
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("same-origin");
    expect(response.headers["permissions-policy"]).toContain("camera=()");
    expect(response.headers["cache-control"]).toBe("no-store");
    // Plain HTTP: HSTS would be ignored by browsers and wrong behind no proxy.
    expect(response.headers["strict-transport-security"]).toBeUndefined();
    // Refusals too: an error page must not be framed or cached either.
    const refused = await t.app.inject({ url: "/api/plans" });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers["cache-control"]).toBe("no-store");
    expect(refused.headers["x-frame-options"]).toBe("DENY");
  });

  it("keeps an evidence download's own caching rule", async () => {
    const target = await policeTask("5");
    const submitted = await submitReport(target.assignmentId, { origin: OWN });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const listed = (
      await t.app.inject({ url: `/api/tasks/${target.taskId}/reports`, headers: { cookie: cookies.congan! } })
    ).json();
    const file = listed.reports[0].evidence.find((e: { kind: string }) => e.kind === "file");
    const download = await t.app.inject({ url: file.downloadUrl, headers: { cookie: cookies.congan! } });
    expect(download.statusCode).toBe(200);
    expect(download.headers["cache-control"]).toBe("private, no-store");
    expect(download.headers["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'; sandbox",
    );
    expect(download.headers["x-frame-options"]).toBe("DENY");
  });

  it.skipIf(!fs.existsSync(`${webDist}/index.html`))(
    "sends the policy with the web app, whose files stay cacheable",
    async () => {
      const page = await t.app.inject({ url: "/nhiem-vu" });
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(page.headers["cache-control"]).not.toBe("no-store");
      // The policy allows no inline script: the built page must have none.
      expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      const icon = await t.app.inject({ url: "/favicon.svg" });
      expect(icon.headers["cache-control"]).toMatch(/max-age/);
    },
  );

  it("sends HSTS only when a trusted proxy says the request came over TLS", async () => {
    const headers = { "x-forwarded-proto": "https" };
    const untrusted = await (await appWith({})).inject({ url: "/health", headers });
    expect(untrusted.headers["strict-transport-security"]).toBeUndefined();
    const trusted = await (await appWith({ DONDOC_TRUST_PROXY: "127.0.0.1" })).inject({
      url: "/health",
      headers,
    });
    expect(trusted.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  });
});

describe("cross-site request forgery", () => {
  it("refuses a forged report from another origin and stores nothing", async () => {
    const target = await policeTask("3", PLAN_CV);
    const before = await snapshot();
    const forged = await submitReport(target.assignmentId, { origin: EVIL });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ code: "csrf_origin", message: expect.stringMatching(/từ chối/) });
    expect(await snapshot()).toEqual(before);
    // The refusal itself is on record, under the officer whose session the forged request rode on.
    const [refusal] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "access.denied"), eq(auditLog.entityType, "operation")))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(refusal).toMatchObject({
      actorLabel: "user:congan",
      after: { reason: "csrf_origin", claimedOrigin: EVIL },
    });

    const same = await submitReport(target.assignmentId, { origin: OWN });
    expect(same.statusCode, same.body).toBe(201);
  });

  it("refuses a forged agency import as the administrator and stores nothing", async () => {
    const before = await rowCount(t.db, agencies);
    const forged = await importAgencies({ origin: EVIL });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe("csrf_origin");
    expect(await rowCount(t.db, agencies)).toBe(before);

    const same = await importAgencies({ origin: OWN });
    expect(same.statusCode, same.body).toBe(200);
    expect(await rowCount(t.db, agencies)).toBe(before + 1);
  });

  it("falls back on Referer, then Sec-Fetch-Site, and refuses an opaque origin", async () => {
    const target = await policeTask("3", PLAN_CV);
    const refused: Record<string, string>[] = [
      { referer: `${EVIL}/trang.html` },
      { "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "cross-site" },
      { origin: "null" },
      // Same host, another scheme or port: another origin.
      { origin: "https://localhost" },
      { origin: "http://localhost:3000" },
    ];
    for (const headers of refused) {
      const response = await submitReport(target.assignmentId, headers);
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
    }
    // One pending report per task and period: each accepted one goes to another task.
    const fromOwnPage = await submitReport((await policeTask("4")).assignmentId, {
      referer: `${OWN}/nhiem-vu/1`,
    });
    expect(fromOwnPage.statusCode, fromOwnPage.body).toBe(201);
    const sameOrigin = await submitReport((await policeTask("6")).assignmentId, {
      "sec-fetch-site": "same-origin",
    });
    expect(sameOrigin.statusCode, sameOrigin.body).toBe(201);
  });

  it("lets a client that is not a browser write without Origin (nothing a page could forge)", async () => {
    const target = await policeTask("15", PLAN_CV);
    const response = await submitReport(target.assignmentId, {});
    expect(response.statusCode, response.body).toBe(201);
  });

  it("checks against the configured public address when there is one", async () => {
    const app = await appWith({ DONDOC_PUBLIC_URL: "https://dondoc.lamdong.gov.vn" });
    const logout = (origin: string) =>
      app.inject({ method: "POST", url: "/api/auth/logout", headers: { origin } });
    expect((await logout("https://dondoc.lamdong.gov.vn")).statusCode).toBe(200);
    // The Host header alone no longer vouches for a request.
    expect((await logout(OWN)).statusCode).toBe(403);
  });

  it("behind a TLS proxy, takes the scheme from the proxy only when it is trusted", async () => {
    // As nginx forwards it: Host without a port, the scheme in X-Forwarded-Proto.
    const headers = { host: "localhost", origin: "https://localhost", "x-forwarded-proto": "https" };
    const logout = (app: FastifyInstance) => app.inject({ method: "POST", url: "/api/auth/logout", headers });
    expect((await logout(await appWith({}))).statusCode).toBe(403);
    expect((await logout(await appWith({ DONDOC_TRUST_PROXY: "127.0.0.1" }))).statusCode).toBe(200);
  });

  it("checks logins too: a login form on another site cannot log a victim into its account", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { origin: EVIL },
      payload: { username: "congan", password: DEMO_PASSWORD },
    });
    expect(response.statusCode).toBe(403);
    expect(response.cookies).toHaveLength(0);
  });
});

describe("trusted proxies", () => {
  const forwarded = { "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https" };

  async function loginThrough(app: FastifyInstance, remoteAddress?: string) {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: forwarded,
      payload: { username: "taichinh", password: DEMO_PASSWORD },
      ...(remoteAddress ? { remoteAddress } : {}),
    });
    expect(response.statusCode, response.body).toBe(200);
    const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, "taichinh"));
    const [session] = await t.db
      .select({ ip: sessions.ip })
      .from(sessions)
      .where(eq(sessions.userId, user!.id))
      .orderBy(desc(sessions.createdAt))
      .limit(1);
    const [audit] = await t.db
      .select({ ip: auditLog.ip, action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.action, "session.login"))
      .orderBy(desc(auditLog.at))
      .limit(1);
    const cookie = response.cookies.find((c) => c.name === "dondoc_session");
    return { sessionIp: session?.ip, auditIp: audit?.ip, secure: !!cookie?.secure };
  }

  it("ignores X-Forwarded-For and -Proto when no proxy is trusted", async () => {
    expect(await loginThrough(await appWith({}))).toEqual({
      sessionIp: "127.0.0.1",
      auditIp: "127.0.0.1",
      secure: false,
    });
  });

  it("believes them from a trusted proxy only", async () => {
    const app = await appWith({ DONDOC_TRUST_PROXY: "127.0.0.1,10.0.0.0/8" });
    expect(await loginThrough(app)).toEqual({
      sessionIp: "203.0.113.9",
      auditIp: "203.0.113.9",
      secure: true,
    });
    expect(await loginThrough(app, "10.1.2.3")).toMatchObject({ sessionIp: "203.0.113.9", secure: true });
    // Any other client: its own address, and the cookie follows its own (plain) protocol.
    expect(await loginThrough(app, "198.51.100.7")).toEqual({
      sessionIp: "198.51.100.7",
      auditIp: "198.51.100.7",
      secure: false,
    });
  });
});
