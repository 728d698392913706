import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../cli/demo.ts";
import { attemptLogin, type TrackingApp, trackingApp } from "../testing/tracking.ts";

let demo: TrackingApp;
let app: FastifyInstance;

beforeAll(async () => {
  demo = await trackingApp();
  app = demo.app;
});
afterAll(() => demo.close());

/** Logs in and reports the status too: these tests also check refused logins. */
async function login(username: string, password = DEMO_PASSWORD) {
  return attemptLogin(app, username, password);
}

describe("accounts issued by administrators", () => {
  it("lets an administrator issue an account that can then log in, and no one else", async () => {
    const admin = (await login("admin")).cookie;
    const agencies = (await app.inject({ url: "/api/agencies", headers: { cookie: admin } })).json().items;
    const police = agencies.find((a: { name: string }) => a.name === "Công an tỉnh");
    const body = {
      username: "canbo.moi",
      displayName: "Cán bộ mới",
      password: "mat-khau-du-dai",
      roles: ["agency_officer"],
      agencyId: police.id,
    };
    const coordinator = (await login("vanphong")).cookie;
    const refused = await app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie: coordinator },
      payload: body,
    });
    expect(refused.statusCode).toBe(403);

    const created = await app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie: admin },
      payload: body,
    });
    expect(created.statusCode).toBe(200);
    expect((await login("canbo.moi", "mat-khau-du-dai")).status).toBe(200);

    const again = await app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie: admin },
      payload: body,
    });
    expect(again.statusCode).toBe(409);
    const noAgency = await app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie: admin },
      payload: { ...body, username: "khong.don.vi", agencyId: null },
    });
    expect(noAgency.json()).toMatchObject({ code: "agency_required" });

    const list = (await app.inject({ url: "/api/users", headers: { cookie: admin } })).json().items;
    expect(list.find((u: { username: string }) => u.username === "canbo.moi")).toMatchObject({
      roles: ["agency_officer"],
      agencyName: "Công an tỉnh",
    });
  });

  it("locks an account and ends its sessions at once", async () => {
    const admin = (await login("admin")).cookie;
    const officer = (await login("taichinh")).cookie;
    const list = (await app.inject({ url: "/api/users", headers: { cookie: admin } })).json().items;
    const id = list.find((u: { username: string }) => u.username === "taichinh").id;
    const locked = await app.inject({
      method: "PUT",
      url: `/api/users/${id}/disabled`,
      headers: { cookie: admin },
      payload: { disabled: true },
    });
    expect(locked.statusCode).toBe(200);
    expect((await app.inject({ url: "/api/me", headers: { cookie: officer } })).statusCode).toBe(401);
    expect((await login("taichinh")).status).toBe(401);
    await app.inject({
      method: "PUT",
      url: `/api/users/${id}/disabled`,
      headers: { cookie: admin },
      payload: { disabled: false },
    });
    expect((await login("taichinh")).status).toBe(200);
  });
});
