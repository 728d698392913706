import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditLogRow } from "../../queries/auditLog.ts";
import { login, type TrackingApp, trackingApp } from "../../testing/tracking.ts";

let t: TrackingApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await trackingApp();
  for (const user of ["admin", "vanphong", "congan"]) cookies[user] = await login(t.app, user);
});
afterAll(async () => {
  await t?.close();
});

const get = (user: string, url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "GET", url, headers: { cookie: cookies[user]!, ...headers } });

type Entry = AuditLogRow;
const list = async (query: string) => {
  const response = await get("admin", `/api/audit?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: Entry[]; nextCursor: string | null };
};

async function userIdOf(username: string): Promise<string> {
  const users = (await get("admin", "/api/users")).json().items as { id: string; username: string }[];
  return users.find((u) => u.username === username)!.id;
}

describe("the audit log for administrators", () => {
  it("is refused to other roles, and each refusal is itself in the log with its reason", async () => {
    const started = new Date().toISOString();
    for (const user of ["vanphong", "congan"]) {
      expect((await get(user, "/api/audit")).statusCode, user).toBe(403);
      expect((await get(user, "/api/audit/export?format=csv")).statusCode, user).toBe(403);
    }
    const congan = await userIdOf("congan");
    const refusals = await list(`action=access.denied&userId=${congan}&from=${encodeURIComponent(started)}`);
    expect(refusals.items).toHaveLength(2);
    expect(refusals.items.map((e) => (e.after as { operationId: string }).operationId)).toEqual([
      "exportAuditLog",
      "listAuditLog",
    ]);
    expect(refusals.items[0]).toMatchObject({
      actorLabel: "user:congan",
      actorName: expect.any(String),
      entityType: "operation",
      entityId: null,
      ip: "127.0.0.1",
      after: { method: "GET", route: "/api/audit/export", reason: expect.stringMatching(/quản trị viên/) },
    });
  });

  it("names an entity refused by id, and records an update's before and after", async () => {
    const target = await userIdOf("taichinh");
    const refused = await t.app.inject({
      method: "PUT",
      url: `/api/users/${target}/disabled`,
      headers: { cookie: cookies.vanphong! },
      payload: { disabled: true },
    });
    expect(refused.statusCode).toBe(403);
    const [denied] = (await list(`action=access.denied&entityId=${target}`)).items;
    expect(denied).toMatchObject({
      entityType: "user",
      actorLabel: "user:vanphong",
      after: { operationId: "setUserDisabled", params: { userId: target } },
    });

    for (const disabled of [true, false]) {
      const done = await t.app.inject({
        method: "PUT",
        url: `/api/users/${target}/disabled`,
        headers: { cookie: cookies.admin! },
        payload: { disabled },
      });
      expect(done.statusCode, done.body).toBe(200);
    }
    const [enabled, disabled] = (await list(`action=user.&entityId=${target}`)).items;
    expect(disabled).toMatchObject({
      action: "user.disable",
      before: { disabled: false },
      after: { disabled: true },
    });
    expect(enabled).toMatchObject({
      action: "user.enable",
      before: { disabled: true },
      after: { disabled: false },
    });
    expect(enabled!.seq).toBeGreaterThan(disabled!.seq);
  });

  it("pages newest first with a cursor, the pages adding up to the whole list", async () => {
    const whole = (await list("limit=200")).items;
    expect(whole.length).toBeGreaterThan(5);
    const seqs = whole.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => y - x));
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Entry[]; nextCursor: string | null } = await list(
        `limit=2${cursor ? `&after=${cursor}` : ""}`,
      );
      paged.push(...page.items.map((e) => e.seq));
      cursor = page.nextCursor;
    } while (cursor && paged.length < whole.length + 4);
    expect(paged.slice(0, whole.length)).toEqual(seqs);
    expect((await get("admin", "/api/audit?after=bm9wZQ")).statusCode).toBe(400);
  });

  it("filters by time, address and entity type", async () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    expect((await list(`from=${encodeURIComponent(later)}`)).items).toEqual([]);
    expect((await list(`to=${encodeURIComponent("2000-01-01T00:00:00Z")}`)).items).toEqual([]);
    const local = (await list("ip=127.0.&limit=200")).items;
    expect(local.length).toBeGreaterThan(0);
    expect(local.every((e) => e.ip?.startsWith("127.0."))).toBe(true);
    expect((await list("ip=10.9.")).items).toEqual([]);
    const users = (await list("entityType=user&limit=200")).items;
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((e) => e.entityType === "user")).toBe(true);
    // A wildcard typed is taken literally.
    expect((await list("action=%25")).items).toEqual([]);
  });

  it("exports the filtered log as CSV (formulas kept inert) and as XLSX", async () => {
    // A browser name that a spreadsheet would run as a formula.
    expect((await get("congan", "/api/users", { "user-agent": "=HYPERLINK(1)" })).statusCode).toBe(403);
    const csv = await get("admin", "/api/audit/export?format=csv&action=access.denied");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/text\/csv/);
    expect(csv.headers["content-disposition"]).toMatch(/nhat-ky-he-thong\.csv/);
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect(csv.body).toContain("Thao tác");
    expect(csv.body).toContain("Bị từ chối truy cập");
    expect(csv.body).toContain("'=HYPERLINK(1)");
    expect(csv.body).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(csv.body).not.toContain("user.disable");

    const xlsx = await get("admin", "/api/audit/export?format=xlsx&action=access.denied");
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const listed = (await list("action=access.denied&limit=200")).items;
    expect(sheet.rowCount - 1).toBe(listed.length);
    expect(sheet.getRow(2).getCell(1).value).toBe(listed[0]!.seq);
  });
});
