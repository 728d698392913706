import { and, eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepSessions } from "../../commands/sweepSessions.ts";
import { loadConfig } from "../../config.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { auditLog, loginThrottles, sessions, users } from "../../db/schema/index.ts";
import { createTestDatabase } from "../../testing/database.ts";
import { makeTenant, makeUser, TEST_PASSWORD } from "../../testing/factories.ts";
import { attemptLogin } from "../../testing/tracking.ts";
import { buildApp } from "../app.ts";

let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let address = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  tenantId = await makeTenant(handle.db);
  app = await buildApp({ handle, config: loadConfig({}), tenantId });
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

/** Each test logs in from addresses of its own, so that one test's failures never lock another's. */
const newAddress = () => `10.1.${Math.floor(++address / 250)}.${(address % 250) + 1}`;

async function login(username: string, password: string, remoteAddress: string) {
  return attemptLogin(app, username, password, { remoteAddress, headers: { "user-agent": "auth-test" } });
}

const me = (cookie: string) => app.inject({ url: "/api/me", headers: { cookie } });
const auditOf = (action: string) => handle.db.select().from(auditLog).where(eq(auditLog.action, action));

describe("lockout after failed logins", () => {
  it("locks an account after five failures, refusing even the right password, and audits each", async () => {
    const user = await makeUser(handle.db, tenantId, { roles: ["coordinator"] });
    const ip = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await login(user.username, "wrong-password", ip)).response.statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);

    const refused = await login(user.username, TEST_PASSWORD, newAddress());
    expect(refused.response.statusCode).toBe(429);
    expect(refused.response.json()).toMatchObject({
      code: "login_locked",
      message: expect.stringMatching(/thử lại sau \d+ (phút|giây)/),
    });
    expect(Number(refused.response.headers["retry-after"])).toBeGreaterThan(0);
    expect(refused.cookie).toBe("");

    const failed = (await auditOf("session.login_failed")).filter((row) => row.entityId === user.id);
    expect(failed).toHaveLength(5);
    expect(failed[0]).toMatchObject({
      ip,
      userAgent: "auth-test",
      tenantId,
      after: { username: user.username },
    });
    const locked = (await auditOf("session.locked")).filter((row) => row.entityId === user.id);
    expect(locked).toHaveLength(1);
    expect(locked[0]?.after).toMatchObject({ kind: "account", failures: 5 });

    // When the lock has run out the right password works and clears the count.
    await handle.db
      .update(loginThrottles)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(and(eq(loginThrottles.kind, "account"), eq(loginThrottles.subject, user.username)));
    expect((await login(user.username, TEST_PASSWORD, newAddress())).response.statusCode).toBe(200);
    const left = await handle.db
      .select()
      .from(loginThrottles)
      .where(and(eq(loginThrottles.kind, "account"), eq(loginThrottles.subject, user.username)));
    expect(left).toEqual([]);
  });

  it("doubles the lock with each failure after it runs out", async () => {
    const user = await makeUser(handle.db, tenantId, { roles: ["leader"] });
    const ip = newAddress();
    for (let i = 0; i < 5; i++) await login(user.username, "wrong-password", ip);
    const where = and(eq(loginThrottles.kind, "account"), eq(loginThrottles.subject, user.username));
    await handle.db
      .update(loginThrottles)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(where);
    const sixth = await login(user.username, "wrong-password", ip);
    expect(sixth.response.statusCode).toBe(429);
    expect(Number(sixth.response.headers["retry-after"])).toBeGreaterThan(60);
    expect(Number(sixth.response.headers["retry-after"])).toBeLessThanOrEqual(120);
  });

  it("audits failures for unknown usernames without revealing whether they exist, and never the password", async () => {
    const ip = newAddress();
    const first = await login("khong.ton.tai", "secret-guess-1", ip);
    expect(first.response.statusCode).toBe(401);
    expect(first.response.json().code).toBe("invalid_credentials");
    const rows = (await auditOf("session.login_failed")).filter((row) => row.ip === ip);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entityId: null, tenantId, after: { username: "khong.ton.tai" } });
    expect(JSON.stringify(rows[0])).not.toContain("secret-guess-1");
    // An unknown name locks like a real one, so the lock does not tell them apart either.
    for (let i = 0; i < 4; i++) await login("khong.ton.tai", "secret-guess-1", ip);
    expect((await login("khong.ton.tai", "x", newAddress())).response.json().code).toBe("login_locked");
  });

  it("locks an address trying many accounts, while other addresses log in", async () => {
    const user = await makeUser(handle.db, tenantId, { roles: ["coordinator"] });
    const ip = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++)
      statuses.push((await login(`spray-${i}`, "Password1", ip)).response.statusCode);
    expect(statuses.slice(0, 19).every((s) => s === 401)).toBe(true);
    expect(statuses[19]).toBe(429);
    const sameAddress = await login(user.username, TEST_PASSWORD, ip);
    expect(sameAddress.response.json().code).toBe("login_locked");
    expect((await login(user.username, TEST_PASSWORD, newAddress())).response.statusCode).toBe(200);
    const locks = (await auditOf("session.locked")).filter((row) => row.ip === ip);
    expect(locks.map((row) => (row.after as { kind: string }).kind)).toContain("address");
  });

  it("refuses a flood of 1,000 logins from one address with 429 while another user logs in", async () => {
    const user = await makeUser(handle.db, tenantId, { roles: ["leader"] });
    const flooder = newAddress();
    const statuses: number[] = [];
    const codes = new Set<string>();
    let other: Awaited<ReturnType<typeof login>> | undefined;
    for (let batch = 0; batch < 10; batch++) {
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, i) => login(`flood-${(batch * 100 + i) % 7}`, "guess", flooder)),
      );
      for (const { response } of responses) {
        statuses.push(response.statusCode);
        if (response.statusCode === 429) codes.add(response.json().code);
      }
      if (batch === 5) other = await login(user.username, TEST_PASSWORD, newAddress());
    }
    expect(statuses).toHaveLength(1000);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(970);
    expect(codes).toContain("rate_limited");
    expect(other?.response.statusCode).toBe(200);
    expect((await me(other!.cookie)).statusCode).toBe(200);
    const limited = await login(user.username, TEST_PASSWORD, flooder);
    expect(limited.response.statusCode).toBe(429);
    expect(limited.response.json()).toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/thử lại sau/),
    });
    expect(limited.response.headers["retry-after"]).toBeDefined();
  });
});

describe("sessions", () => {
  const sessionOf = async (userId: string) =>
    handle.db.select().from(sessions).where(eq(sessions.userId, userId));

  it("ends a session idle longer than the timeout, and keeps one in use alive", async () => {
    const user = await makeUser(handle.db, tenantId, { roles: ["coordinator"] });
    const { cookie } = await login(user.username, TEST_PASSWORD, newAddress());
    const back = (minutes: number) =>
      handle.db
        .update(sessions)
        .set({ lastSeenAt: new Date(Date.now() - minutes * 60_000) })
        .where(eq(sessions.userId, user.id));
    await back(20);
    expect((await me(cookie)).statusCode).toBe(200);
    const [touched] = await sessionOf(user.id);
    expect(Date.now() - touched!.lastSeenAt.getTime()).toBeLessThan(5 * 60_000);
    await back(31);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it("refuses a forged cookie", async () => {
    for (const cookie of ["dondoc_session=forged", `dondoc_session=${"A".repeat(43)}`, "dondoc_session="]) {
      const response = await me(cookie);
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe("unauthenticated");
    }
  });

  it("ends a session at its absolute lifetime however busy", async () => {
    const user = await makeUser(handle.db, tenantId, { roles: ["coordinator"] });
    const { cookie } = await login(user.username, TEST_PASSWORD, newAddress());
    const [row] = await sessionOf(user.id);
    const hours = (row!.expiresAt.getTime() - row!.createdAt.getTime()) / 3_600_000;
    expect(hours).toBeCloseTo(12, 1);
    await handle.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, user.id));
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it("keeps at most five sessions per user, ending the oldest", async () => {
    const user = await makeUser(handle.db, tenantId, { roles: ["leader"] });
    const cookies: string[] = [];
    for (let i = 0; i < 6; i++) {
      cookies.push((await login(user.username, TEST_PASSWORD, newAddress())).cookie);
      await handle.db.execute(sql`select pg_sleep(0.005)`);
    }
    expect(await sessionOf(user.id)).toHaveLength(5);
    expect((await me(cookies[0]!)).statusCode).toBe(401);
    for (const cookie of cookies.slice(1)) expect((await me(cookie)).statusCode).toBe(200);
    const logins = (await auditOf("session.login")).filter((row) => row.entityId === user.id);
    expect(logins.at(-1)?.after).toMatchObject({ endedOldestSessions: 1 });
  });

  it("sweeps ended and idle sessions", async () => {
    const user = await makeUser(handle.db, tenantId, { roles: ["leader"] });
    const cookies: string[] = [];
    for (let i = 0; i < 3; i++) {
      cookies.push((await login(user.username, TEST_PASSWORD, newAddress())).cookie);
      await handle.db.execute(sql`select pg_sleep(0.005)`);
    }
    const rows = (await sessionOf(user.id)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    await handle.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, rows[0]!.id));
    await handle.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 3 * 3_600_000) })
      .where(eq(sessions.id, rows[1]!.id));
    expect(await sweepSessions(handle.db, { idleMinutes: 30 })).toBeGreaterThanOrEqual(2);
    expect((await sessionOf(user.id)).map((s) => s.id)).toEqual([rows[2]!.id]);
    expect((await me(cookies[2]!)).statusCode).toBe(200);
  });
});

describe("an account that must change its password", () => {
  it("is held back from everything but /api/me and logout", async () => {
    const user = await makeUser(handle.db, tenantId, { roles: ["coordinator"] });
    await handle.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, user.id));
    const { cookie } = await login(user.username, TEST_PASSWORD, newAddress());
    const plans = await app.inject({ url: "/api/plans", headers: { cookie } });
    expect(plans.statusCode).toBe(403);
    expect(plans.json()).toMatchObject({
      code: "password_change_required",
      message: expect.stringMatching(/đổi mật khẩu/),
    });
    const who = await me(cookie);
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ mustChangePassword: true, totpEnabled: false, totpRequired: false });
    const out = await app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
    expect(out.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
  });
});
