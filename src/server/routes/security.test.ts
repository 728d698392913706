import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { auditLog, totpRecoveryCodes, userTotp } from "../../db/schema/index.ts";
import { createTestDatabase } from "../../testing/database.ts";
import { makeTenant, makeUser, TEST_PASSWORD } from "../../testing/factories.ts";
import { attemptLogin } from "../../testing/tracking.ts";
import { buildApp } from "../app.ts";

let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let address = 0;
let admin: string;

const newAddress = () => `10.2.0.${++address}`;

beforeAll(async () => {
  handle = await createTestDatabase();
  tenantId = await makeTenant(handle.db);
  const config = { ...loadConfig({}), secretKey: randomBytes(32) };
  app = await buildApp({ handle, config, tenantId });
  const adminUser = await makeUser(handle.db, tenantId, { roles: ["admin"] });
  admin = (await login(adminUser.username)).cookie;
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

async function login(username: string, password = TEST_PASSWORD) {
  return attemptLogin(app, username, password, { remoteAddress: newAddress() });
}

async function secondStep(challenge: string, answer: { code?: string; recoveryCode?: string }) {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login/totp",
    payload: { challenge, ...answer },
    remoteAddress: newAddress(),
  });
  const cookie = response.cookies.find((c) => c.name === "dondoc_session");
  return { response, cookie: cookie ? `${cookie.name}=${cookie.value}` : "" };
}

const call = (cookie: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

/** The code an authenticator app shows `offset` seconds from now. */
const codeAt = (secret: string, offset = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset });

/** Sets up TOTP for the account behind `cookie`; returns its secret and recovery codes. */
async function enrol(cookie: string) {
  const started = await call(cookie, "POST", "/api/me/totp/enrolment");
  expect(started.statusCode).toBe(200);
  const { secret, uri } = started.json() as { secret: string; uri: string };
  expect(uri).toContain(`secret=${secret}`);
  const confirmed = await call(cookie, "POST", "/api/me/totp/confirmation", { code: await codeAt(secret) });
  expect(confirmed.statusCode).toBe(200);
  return { secret, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

describe("TOTP enrolment and the two-step login", () => {
  it("enrols with a confirmed code, then asks for a code at login and refuses a replayed one", async () => {
    const user = await makeUser(handle.db, tenantId, { roles: ["coordinator"] });
    const { cookie } = await login(user.username);
    const started = (await call(cookie, "POST", "/api/me/totp/enrolment")).json();
    const wrong = await call(cookie, "POST", "/api/me/totp/confirmation", { code: "000000" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe("invalid_totp_code");
    const firstCode = await codeAt(started.secret);
    const confirmed = await call(cookie, "POST", "/api/me/totp/confirmation", { code: firstCode });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json() as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await call(cookie, "GET", "/api/me")).json()).toMatchObject({ totpEnabled: true });

    // Stored encrypted, and the recovery codes only as hashes.
    const [row] = await handle.db.select().from(userTotp).where(eq(userTotp.userId, user.id));
    expect(row?.secret.startsWith("gcm1:")).toBe(true);
    expect(row?.secret).not.toContain(started.secret);
    const hashes = await handle.db
      .select()
      .from(totpRecoveryCodes)
      .where(eq(totpRecoveryCodes.userId, user.id));
    expect(hashes.map((h) => h.codeHash)).not.toContain(recoveryCodes[0]);

    const password = await login(user.username);
    expect(password.response.statusCode).toBe(200);
    expect(password.cookie).toBe("");
    const { challenge, totpRequired } = password.response.json();
    expect(totpRequired).toBe(true);
    // The code that confirmed the enrolment is spent: its time step cannot be used again.
    const replay = await secondStep(challenge, { code: firstCode });
    expect(replay.response.statusCode).toBe(401);
    expect(replay.response.json().code).toBe("invalid_totp_code");
    const next = await codeAt(started.secret, 30);
    const passed = await secondStep(challenge, { code: next });
    expect(passed.response.statusCode).toBe(200);
    expect((await call(passed.cookie, "GET", "/api/me")).statusCode).toBe(200);
    // The challenge is spent, and so is the code, even with a fresh challenge.
    expect((await secondStep(challenge, { code: next })).response.json().code).toBe(
      "login_challenge_expired",
    );
    const again = (await login(user.username)).response.json().challenge;
    expect((await secondStep(again, { code: next })).response.statusCode).toBe(401);

    const failures = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "session.login_failed"));
    expect(
      failures.filter((f) => f.entityId === user.id).map((f) => (f.after as { factor: string }).factor),
    ).toEqual(["totp", "totp"]);
  });

  it("accepts each recovery code once", async () => {
    const user = await makeUser(handle.db, tenantId, { roles: ["leader"] });
    const { recoveryCodes } = await enrol((await login(user.username)).cookie);
    const first = (await login(user.username)).response.json().challenge;
    const typed = ` ${recoveryCodes[3]!.toUpperCase()} `;
    const used = await secondStep(first, { recoveryCode: typed });
    expect(used.response.statusCode).toBe(200);
    expect(used.cookie).not.toBe("");
    const second = (await login(user.username)).response.json().challenge;
    const reused = await secondStep(second, { recoveryCode: recoveryCodes[3]! });
    expect(reused.response.statusCode).toBe(401);
    expect(reused.response.json().message).toMatch(/Mã khôi phục/);
    const audited = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "totp.recovery_code_used"));
    expect(audited.filter((row) => row.entityId === user.id)).toHaveLength(1);
  });

  it("locks the account after repeated wrong codes", async () => {
    const user = await makeUser(handle.db, tenantId, { roles: ["leader"] });
    await enrol((await login(user.username)).cookie);
    const { challenge } = (await login(user.username)).response.json();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await secondStep(challenge, { code: "123456" })).response.statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect((await login(user.username)).response.json().code).toBe("login_locked");
  });

  it("turns TOTP off only with a current code", async () => {
    const user = await makeUser(handle.db, tenantId, { roles: ["leader"] });
    const { cookie } = await login(user.username);
    const { secret } = await enrol(cookie);
    expect((await call(cookie, "POST", "/api/me/totp/disable", { code: "000000" })).statusCode).toBe(400);
    const off = await call(cookie, "POST", "/api/me/totp/disable", { code: await codeAt(secret, 30) });
    expect(off.statusCode).toBe(200);
    expect((await login(user.username)).cookie).not.toBe("");
  });
});

describe("TOTP required by role", () => {
  it("lets only administrators read and set which roles must use TOTP", async () => {
    const coordinator = await makeUser(handle.db, tenantId, { roles: ["coordinator"] });
    const { cookie } = await login(coordinator.username);
    expect((await call(cookie, "GET", "/api/security/settings")).statusCode).toBe(403);
    const put = await call(cookie, "PUT", "/api/security/settings", { totpRequiredRoles: ["coordinator"] });
    expect(put.statusCode).toBe(403);
    expect((await call(admin, "GET", "/api/security/settings")).json()).toEqual({ totpRequiredRoles: [] });
  });

  it("holds back an account whose role requires TOTP until it enrols, and an administrator can reset it", async () => {
    const officer = await makeUser(handle.db, tenantId, { roles: ["leader"] });
    const saved = await call(admin, "PUT", "/api/security/settings", {
      totpRequiredRoles: ["leader", "agency_head"],
    });
    expect(saved.json()).toEqual({ totpRequiredRoles: ["leader", "agency_head"] });
    try {
      const { cookie } = await login(officer.username);
      const held = await call(cookie, "GET", "/api/plans");
      expect(held.statusCode).toBe(403);
      expect(held.json()).toMatchObject({
        code: "totp_enrollment_required",
        message: expect.stringMatching(/hai lớp/),
      });
      expect((await call(cookie, "GET", "/api/me")).json()).toMatchObject({
        totpRequired: true,
        totpEnabled: false,
      });
      const { secret } = await enrol(cookie);
      expect((await call(cookie, "GET", "/api/plans")).statusCode).toBe(200);
      const refused = await call(cookie, "POST", "/api/me/totp/disable", { code: await codeAt(secret, 30) });
      expect(refused.json().code).toBe("totp_required");

      const reset = await call(admin, "POST", `/api/users/${officer.id}/totp/reset`);
      expect(reset.statusCode).toBe(200);
      const after = await login(officer.username);
      expect(after.response.json().totpRequired).toBe(false);
      expect((await call(after.cookie, "GET", "/api/plans")).json().code).toBe("totp_enrollment_required");
      const audited = await handle.db.select().from(auditLog).where(eq(auditLog.action, "totp.reset"));
      expect(audited.map((row) => row.entityId)).toContain(officer.id);
      const settings = await handle.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "security.settings_saved"));
      expect(settings[0]?.after).toEqual({ totpRequiredRoles: ["leader", "agency_head"] });
    } finally {
      await call(admin, "PUT", "/api/security/settings", { totpRequiredRoles: [] });
    }
  });

  it("refuses a reset of another province's user as not found", async () => {
    const other = await makeTenant(handle.db);
    const stranger = await makeUser(handle.db, other, { roles: ["leader"] });
    expect((await call(admin, "POST", `/api/users/${stranger.id}/totp/reset`)).statusCode).toBe(404);
  });
});
