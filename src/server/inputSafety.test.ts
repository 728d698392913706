import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies, tasks } from "../db/schema/index.ts";
import { INT4_MAX } from "../domain/inputSafety.ts";
import { encodeCursor } from "../queries/keyset.ts";
import { PLAN_CV, POLICE } from "../testing/reportKit.ts";
import {
  findAssignment,
  login,
  multipart,
  rowCount,
  type TrackingApp,
  trackingApp,
} from "../testing/tracking.ts";

/**
 * Bad input of every kind is a 400 naming the field, never a 500: NUL and lone surrogates in
 * any text, integers beyond what an integer column holds, direction controls in names, fields
 * longer than their limit.
 */

let t: TrackingApp;
const cookies: Record<string, string> = {};
let taskId: string;
let assignmentId: string;

beforeAll(async () => {
  t = await trackingApp();
  for (const user of ["admin", "vanphong", "lanhdao", "congan"]) cookies[user] = await login(t.app, user);
  ({ taskId, assignmentId } = await findAssignment(t.db, t.tenantId, {
    documentNumber: PLAN_CV,
    ref: "3",
    agency: POLICE,
  }));
});
afterAll(async () => {
  await t?.close();
});

const send = (user: string | null, method: "GET" | "POST" | "PATCH", url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: {
      ...(user ? { cookie: cookies[user]! } : {}),
      ...(typeof payload === "string" ? { "content-type": "application/json" } : {}),
    },
    ...(payload === undefined ? {} : { payload: payload as string }),
  });

function expectInvalidText(response: Awaited<ReturnType<typeof send>>, field: string) {
  expect(response.statusCode, response.body).toBe(400);
  expect(response.json()).toMatchObject({
    code: "invalid_text",
    message: expect.stringContaining(`"${field}"`),
    details: { field },
  });
}

describe("text the database cannot store", () => {
  it("refuses NUL in a search", async () => {
    expectInvalidText(await send("vanphong", "GET", "/api/tasks?q=c%00ong"), "q");
  });

  it("refuses NUL in a username, before looking anyone up", async () => {
    const response = await send(null, "POST", "/api/auth/login", {
      username: "cong\u0000an",
      password: "x",
    });
    expectInvalidText(response, "username");
  });

  it("refuses NUL in an agency name and stores nothing", async () => {
    const before = await rowCount(t.db, agencies);
    const response = await send("admin", "POST", "/api/agencies", {
      name: "Sở Ngoại\u0000 vụ",
      level: "department",
    });
    expectInvalidText(response, "name");
    expect(await rowCount(t.db, agencies)).toBe(before);
  });

  it("refuses NUL in a task title and keeps the title", async () => {
    const [before] = await t.db.select({ title: tasks.title }).from(tasks).where(eq(tasks.id, taskId));
    const response = await send("vanphong", "PATCH", `/api/tasks/${taskId}`, { title: "Tiêu đề\u0000 mới" });
    expectInvalidText(response, "title");
    const [after] = await t.db.select({ title: tasks.title }).from(tasks).where(eq(tasks.id, taskId));
    expect(after).toEqual(before);
  });

  it("refuses a lone surrogate in a comment, sent as JSON escapes", async () => {
    // JSON may spell a lone surrogate as an escape; the parsed string then holds it.
    const response = await send(
      "lanhdao",
      "POST",
      `/api/tasks/${taskId}/comments`,
      '{"body":"Chỉ đạo \\ud83d"}',
    );
    expectInvalidText(response, "body");
    // The same text with its whole pair (an emoji) is fine.
    const whole = await send(
      "lanhdao",
      "POST",
      `/api/tasks/${taskId}/comments`,
      '{"body":"Chỉ đạo \\ud83d\\udc4d"}',
    );
    expect(whole.statusCode, whole.body).toBe(201);
  });

  it("names the nested field and checks keys too", async () => {
    const nested = await send("vanphong", "PATCH", `/api/tasks/${taskId}`, {
      leads: ["Công an", "Sở\u0000"],
    });
    expectInvalidText(nested, "leads.1");
    const key = await send("vanphong", "PATCH", `/api/tasks/${taskId}`, '{"ti\\u0000tle":"x"}');
    expect(key.json().code).toBe("invalid_text");
  });

  it("refuses NUL in a path parameter", async () => {
    const response = await send("vanphong", "GET", "/api/tasks/%00");
    expect(response.statusCode).toBe(400);
  });

  it("refuses NUL in a multipart field and in a file's name, storing nothing", async () => {
    const before = await rowCount(t.db, tasks);
    const submit = (fields: Record<string, string>, fileName = "bao-cao.txt") => {
      const body = multipart(fields, [{ name: fileName, type: "text/plain", bytes: Buffer.from("Báo cáo") }]);
      return t.app.inject({
        method: "POST",
        url: `/api/assignments/${assignmentId}/reports`,
        headers: { cookie: cookies.congan!, ...body.headers },
        payload: body.payload,
      });
    };
    expectInvalidText(await submit({ narrative: "Đã\u0000 làm" }), "narrative");
    expectInvalidText(await submit({ narrative: "Đã làm", links: '["https://x.vn/\u0000"]' }), "links.0");
    expectInvalidText(await submit({ narrative: "Đã làm" }, "bao\u0000cao.txt"), "files");
    expect(await rowCount(t.db, tasks)).toBe(before);
  });
});

describe("a directory file's cells", () => {
  it("refuses NUL and direction controls in names read from a file, storing nothing", async () => {
    const upload = (csv: string) => {
      const body = multipart({}, [
        { field: "file", name: "danh-muc.csv", type: "text/csv", bytes: Buffer.from(csv) },
      ]);
      return t.app.inject({
        method: "POST",
        url: "/api/agencies/import",
        headers: { cookie: cookies.admin!, ...body.headers },
        payload: body.payload,
      });
    };
    const header = 'Mã,"Tên cơ quan, đơn vị",Cấp,Mã cơ quan cấp trên\n';
    const before = await rowCount(t.db, agencies);
    expectInvalidText(await upload(`${header}x-nul,Xã\u0000 Một,Xã,ubnd-tinh\n`), "x-nul.name");
    const bidi = await upload(`${header}x-rtl,Xã \u202EaiB,Xã,ubnd-tinh\n`);
    expect(bidi.statusCode).toBe(400);
    expect(bidi.json().message).toMatch(/hướng viết/);
    expect(await rowCount(t.db, agencies)).toBe(before);
  });
});

describe("numbers", () => {
  it("refuses a version beyond an integer column", async () => {
    const response = await send("vanphong", "POST", `/api/reports/${crypto.randomUUID()}/review`, {
      decision: "approve",
      version: INT4_MAX + 1,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().code).toBe("invalid_request");
  });

  it("refuses an offset or a page cursor beyond an integer", async () => {
    const offset = await send("vanphong", "GET", `/api/tasks?offset=${INT4_MAX + 1}`);
    expect(offset.statusCode).toBe(400);
    const after = encodeCursor([INT4_MAX + 1, crypto.randomUUID()]);
    const cursor = await send("vanphong", "GET", `/api/tasks?sort=overdue&after=${after}`);
    expect(cursor.statusCode).toBe(400);
    // A review-queue cursor with a time that has the right shape but cannot be (month 13).
    const time = encodeCursor(["2026-13-45 10:00:00+00", crypto.randomUUID()]);
    const queue = await send("vanphong", "GET", `/api/review-queue?after=${time}`);
    expect(queue.statusCode).toBe(400);
  });
});

describe("names", () => {
  it("refuses direction controls in a name, saying why", async () => {
    for (const control of ["\u202E", "\u2066", "\u202A"]) {
      const response = await send("admin", "POST", "/api/agencies", {
        name: `Sở Ngoại vụ ${control}ụv iạogN`,
        level: "department",
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().message).toMatch(/hướng viết/);
    }
    const user = await send("admin", "POST", "/api/users", {
      username: "nguoi-dung-rtl",
      displayName: "Nguyễn Văn \u202EA",
      password: "mot-mat-khau-dai",
      roles: ["leader"],
    });
    expect(user.statusCode, user.body).toBe(400);
    expect(user.json().message).toMatch(/hướng viết/);
  });

  it("accepts a name with look-alike letters of another script, and stores it as written", async () => {
    // "Ѕở" starts with CYRILLIC CAPITAL LETTER DZE: it looks like a Latin S but is not one.
    const name = "Ѕở Ngoại vụ";
    const response = await send("admin", "POST", "/api/agencies", { name, level: "department" });
    expect(response.statusCode, response.body).toBe(200);
    const [stored] = await t.db
      .select({ name: agencies.name })
      .from(agencies)
      .where(eq(agencies.id, response.json().id));
    expect(stored!.name).toBe(name);
    expect(stored!.name.codePointAt(0)).toBe(0x0405);
  });
});

describe("lengths", () => {
  it("refuses fields longer than their limit", async () => {
    const agency = await send("admin", "POST", "/api/agencies", {
      name: "S".repeat(301),
      level: "department",
    });
    expect(agency.statusCode).toBe(400);
    const comment = await send("lanhdao", "POST", `/api/tasks/${taskId}/comments`, {
      body: "x".repeat(10_001),
    });
    expect(comment.statusCode).toBe(400);
    const search = await send("vanphong", "GET", `/api/tasks?q=${"a".repeat(201)}`);
    expect(search.statusCode).toBe(400);
  });

  it("gives every text input of the API a limit and every integer a bound", async () => {
    const doc = (await t.app.inject("/api/openapi.json")).json();
    const unbounded = unboundedInputs(doc).filter(
      (where) => !KNOWN_UNBOUNDED.some((known) => known.test(where)),
    );
    expect(unbounded).toEqual([]);
  });
});

/**
 * Inputs that are bounded elsewhere, each with its reason. The import preview's edit is the
 * extraction contract the extractor writes (src/ingest/extraction.ts): its size is bounded by the
 * body limit (2 MB), and limits on its fields would refuse a document the engine read. The
 * report form's documented shape describes a form that submitReportInput validates, with limits.
 * A yes/no query flag (z.stringbool) accepts only a few words.
 */
const KNOWN_UNBOUNDED = [
  /^PUT \/api\/imports\/\{importId\} body/,
  /^POST \/api\/assignments\/\{assignmentId\}\/reports body/,
  /^GET \/api\/tasks query:(dueSoon|agencyTree|leadStatus)$/,
  /^GET \/api\/notifications query:unreadOnly$/,
];

type JsonSchema = Record<string, unknown> & { $ref?: string; type?: string | string[] };

/** Each input string without a length limit (or a format, enum or pattern), each unbounded integer or array. */
function unboundedInputs(doc: {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, JsonSchema> };
}): string[] {
  const found: string[] = [];
  const walk = (schema: JsonSchema | undefined, where: string, depth = 0) => {
    if (!schema || depth > 20) return;
    if (schema.$ref) return walk(doc.components?.schemas?.[schema.$ref.split("/").pop()!], where, depth + 1);
    for (const key of ["anyOf", "oneOf", "allOf"]) {
      for (const inner of (schema[key] as JsonSchema[] | undefined) ?? []) walk(inner, where, depth + 1);
    }
    const types = [schema.type ?? []].flat();
    if (types.includes("string") && schema.maxLength === undefined) {
      if (!schema.enum && !schema.format && !schema.pattern && schema.const === undefined) found.push(where);
    }
    if (types.includes("integer") && !((schema.maximum as number) <= INT4_MAX))
      found.push(`${where} (integer)`);
    if (types.includes("array")) {
      if (schema.maxItems === undefined) found.push(`${where} (array)`);
      walk(schema.items as JsonSchema, `${where}[]`, depth + 1);
    }
    for (const [name, inner] of Object.entries((schema.properties as Record<string, JsonSchema>) ?? {})) {
      walk(inner, `${where}.${name}`, depth + 1);
    }
  };
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const at = `${method.toUpperCase()} ${path}`;
      for (const parameter of (operation.parameters as { in: string; name: string; schema: JsonSchema }[]) ??
        []) {
        walk(parameter.schema, `${at} ${parameter.in}:${parameter.name}`);
      }
      const content = (operation.requestBody as { content?: Record<string, { schema: JsonSchema }> })
        ?.content;
      for (const [type, body] of Object.entries(content ?? {})) walk(body.schema, `${at} body(${type})`);
    }
  }
  return found;
}
