// Passwords through the API, as each side sees them: the owner of an issued password changes it
// (and every other session of theirs ends), an administrator resets someone's, and the rules
// refuse weak passwords with their Vietnamese sentence wherever a password is set.
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../cli/demo.ts";
import { auditLog } from "../../db/schema/index.ts";
import { passwordMessages } from "../../domain/passwordRules.ts";
import { attemptLogin, type TrackingApp, trackingApp } from "../../testing/tracking.ts";

let demo: TrackingApp;
let app: FastifyInstance;

beforeAll(async () => {
  demo = await trackingApp();
  app = demo.app;
});
afterAll(() => demo.close());

async function login(username: string, password = DEMO_PASSWORD) {
  return attemptLogin(app, username, password);
}

const me = (cookie: string) => app.inject({ url: "/api/me", headers: { cookie } });

const changePassword = (cookie: string, currentPassword: string, newPassword: string) =>
  app.inject({
    method: "POST",
    url: "/api/auth/password",
    headers: { cookie },
    payload: { currentPassword, newPassword },
  });

/** An officer account issued by the administrator through the API, with its id. */
async function issueAccount(admin: string, username: string, password: string) {
  const created = await app.inject({
    method: "POST",
    url: "/api/users",
    headers: { cookie: admin },
    payload: { username, displayName: `Người dùng ${username}`, password, roles: ["coordinator"] },
  });
  expect(created.statusCode, created.body).toBe(200);
  return created.json().id as string;
}

const auditRows = (action: string, entityId: string) =>
  demo.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));

describe("the rules wherever a password is set", () => {
  it("refuses a weak issued password with the rule's sentence", async () => {
    const admin = (await login("admin")).cookie;
    for (const [password, message] of [
      ["aaaaaaaaaa", passwordMessages.repeated],
      ["canbo.yeu2026", passwordMessages.contains_username],
      ["Matkhau@2026", passwordMessages.common],
      ["ngắn", passwordMessages.too_short],
    ] as const) {
      const refused = await app.inject({
        method: "POST",
        url: "/api/users",
        headers: { cookie: admin },
        payload: { username: "canbo.yeu", displayName: "Cán bộ", password, roles: ["coordinator"] },
      });
      expect(refused.statusCode, password).toBe(400);
      expect(refused.json().message, password).toContain(message);
    }
  });
});

describe("changing one's own password", () => {
  it("is required of an issued password, checks the current one and the rules, and ends other sessions", async () => {
    const admin = (await login("admin")).cookie;
    const issued = "Cap-lan-dau-7391";
    const id = await issueAccount(admin, "doimk.mot", issued);

    const laptop = await login("doimk.mot", issued);
    const phone = await login("doimk.mot", issued);
    expect(laptop.status).toBe(200);
    expect((await me(laptop.cookie)).json()).toMatchObject({ mustChangePassword: true });

    const wrong = await changePassword(laptop.cookie, "khong-phai-mat-khau", "Song-Huong-mua-thu");
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: "current_password_incorrect",
      message: "Mật khẩu hiện tại không đúng.",
    });

    for (const [weak, message] of [
      ["1234567890", passwordMessages.sequence],
      ["DOIMK.MOT-2026", passwordMessages.contains_username],
      ["P@ssw0rd2026", passwordMessages.common],
      [issued, "Mật khẩu mới phải khác mật khẩu hiện tại"],
    ]) {
      const refused = await changePassword(laptop.cookie, issued, weak!);
      expect(refused.statusCode, weak).toBe(400);
      expect(refused.json().message, weak).toContain(message);
    }
    // Nothing of that changed anything.
    expect((await login("doimk.mot", issued)).status).toBe(200);

    const changed = await changePassword(laptop.cookie, issued, "Song-Huong-mua-thu");
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().sessionsEnded).toBe(2); // the phone and the check just above
    expect((await me(laptop.cookie)).json()).toMatchObject({ mustChangePassword: false });
    expect((await me(phone.cookie)).statusCode).toBe(401);
    expect((await login("doimk.mot", issued)).status).toBe(401);
    expect((await login("doimk.mot", "Song-Huong-mua-thu")).status).toBe(200);

    const [row, ...more] = await auditRows("user.password_change", id);
    expect(more).toEqual([]);
    expect(row).toMatchObject({ actorUserId: id, after: { mustChangePassword: false, sessionsEnded: 2 } });
    expect(JSON.stringify(row)).not.toContain("Song-Huong");
  });

  it("is open to every role, for its own account only, and not without a session", async () => {
    const officer = (await login("congan")).cookie;
    const same = await changePassword(officer, DEMO_PASSWORD, DEMO_PASSWORD);
    expect(same.statusCode).toBe(400);
    const anonymous = await app.inject({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: DEMO_PASSWORD, newPassword: "Song-Huong-mua-thu" },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await login("congan")).status).toBe(200);
  });
});

describe("an administrator's reset", () => {
  it("issues a temporary password once, ends the account's sessions and forces a change", async () => {
    const admin = (await login("admin")).cookie;
    const id = await issueAccount(admin, "datlai.mot", "Cap-lan-dau-5820");
    const session = (await login("datlai.mot", "Cap-lan-dau-5820")).cookie;
    expect((await changePassword(session, "Cap-lan-dau-5820", "Doi-roi-khong-doi-nua")).statusCode).toBe(200);

    const coordinator = (await login("vanphong")).cookie;
    const url = `/api/users/${id}/password-reset`;
    const refused = await app.inject({ method: "POST", url, headers: { cookie: coordinator } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe("Chỉ quản trị viên được quản lý tài khoản.");

    const reset = await app.inject({ method: "POST", url, headers: { cookie: admin } });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.headers["cache-control"]).toBe("no-store");
    const { temporaryPassword } = reset.json() as { temporaryPassword: string };
    expect(temporaryPassword).toMatch(/^[a-zA-Z3-9]{4}-[a-zA-Z3-9]{4}-[a-zA-Z3-9]{4}$/);

    expect((await me(session)).statusCode).toBe(401);
    expect((await login("datlai.mot", "Doi-roi-khong-doi-nua")).status).toBe(401);
    const fresh = await login("datlai.mot", temporaryPassword);
    expect(fresh.status).toBe(200);
    expect((await me(fresh.cookie)).json()).toMatchObject({ mustChangePassword: true });
    const list = (await app.inject({ url: "/api/users", headers: { cookie: admin } })).json().items;
    expect(list.find((u: { id: string }) => u.id === id)).toMatchObject({ mustChangePassword: true });

    const [row] = await auditRows("user.password_reset", id);
    expect(row).toMatchObject({ after: { mustChangePassword: true, sessionsEnded: 1 } });
    expect(JSON.stringify(row)).not.toContain(temporaryPassword);

    // Two resets never hand out the same password.
    const again = await app.inject({ method: "POST", url, headers: { cookie: admin } });
    expect(again.json().temporaryPassword).not.toBe(temporaryPassword);
  });

  it("refuses the administrator's own account and accounts it cannot find", async () => {
    const admin = (await login("admin")).cookie;
    const own = (await me(admin)).json().userId as string;
    const self = await app.inject({
      method: "POST",
      url: `/api/users/${own}/password-reset`,
      headers: { cookie: admin },
    });
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toMatch(/Đổi mật khẩu/);
    const missing = await app.inject({
      method: "POST",
      url: "/api/users/00000000-0000-4000-8000-000000000000/password-reset",
      headers: { cookie: admin },
    });
    expect(missing.statusCode).toBe(404);
    expect((await login("admin")).status).toBe(200);
  });
});
