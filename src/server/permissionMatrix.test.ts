import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencyRoles, type Role, roles } from "../domain/roles.ts";
import { type PermissionWorld, permissionWorld, smallExtraction } from "../testing/permissionWorld.ts";
import { multipart } from "../testing/tracking.ts";
import {
  type CallContext,
  type Outcome,
  type ParamSource,
  permissionMatrix,
  type Rule,
  type Subject,
  type SubjectIds,
} from "./permissionMatrix.expected.ts";
import { SESSION_COOKIE } from "./session.ts";

/**
 * The permission matrix: every operation of the OpenAPI document × every role × rows of the
 * caller's agency, of another agency, and no session (no cookie, or a forged one), against the
 * rules of permissionMatrix.expected.ts (its header says what the outcomes mean, how to add a row).
 * Agency A's staff must also never be answered with an id of agency B's rows. `MATRIX_DUMP=1`
 * prints every cell's answer.
 */

interface Operation {
  method: string;
  path: string;
}

let world: PermissionWorld;
const operations = new Map<string, Operation>();
const unnamed: string[] = [];
const subjects: Subject[] = ["own", "other"];
const where = "src/server/permissionMatrix.expected.ts";

beforeAll(async () => {
  world = await permissionWorld();
  const spec = (await world.t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
    paths: Record<string, Record<string, { operationId?: string }>>;
  };
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (operation.operationId)
        operations.set(operation.operationId, { method: method.toUpperCase(), path });
      else unnamed.push(`${method.toUpperCase()} ${path}`);
    }
  }
}, 600_000);
afterAll(async () => {
  await world?.close();
});

const addressOf = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/** What an answer means for authorization (see the expected module's header). */
function outcomeOf(status: number, code: string | undefined): Outcome | "malformed" | "error" {
  if (status >= 200 && status < 300) return "allowed";
  if (status === 401) return "unauthenticated";
  if (status === 403 || status === 404) return "denied";
  // The schemas refuse a request before anyone is asked: the matrix's own call is wrong.
  if (status === 400 && code === "invalid_request") return "malformed";
  if (status === 400 || status === 409 || status === 422) return "allowed";
  return "error";
}

function expectedOutcome(rule: Rule, subject: Subject, role: Role | null): Outcome {
  if (rule.public === "credential") return "unauthenticated";
  if (role === null) return rule.public ? "allowed" : "unauthenticated";
  const allowed = subject === "own" ? rule.own : (rule.other ?? rule.own);
  return allowed.includes(role) ? "allowed" : "denied";
}

async function paramValue(source: ParamSource, subject: Subject, role: Role | null): Promise<string> {
  switch (source) {
    case "freshImport":
      return world.freshImport();
    case "freshAlias":
      return world.freshAlias(subject);
    case "freshDashboardView":
      return world.freshDashboardView();
    case "notification":
      return world.notificationId(subject, role);
    case "token":
      return randomUUID();
    default:
      return world.ids[subject][source];
  }
}

async function urlOf(
  operationId: string,
  op: Operation,
  rule: Rule,
  subject: Subject,
  role: Role | null,
  c: CallContext,
) {
  let url = op.path;
  for (const [, name = ""] of op.path.matchAll(/\{(\w+)\}/g)) {
    const source = rule.call?.params?.[name] ?? name;
    if (!(source in world.ids[subject]) && !rule.call?.params?.[name]) {
      throw new Error(`${operationId}: no id fills {${name}}; name its source in call.params (${where})`);
    }
    url = url.replace(`{${name}}`, await paramValue(source as ParamSource, subject, role));
  }
  const query = rule.call?.query?.(c);
  return query ? `${url}?${new URLSearchParams(query)}` : url;
}

async function call(operationId: string, op: Operation, rule: Rule, subject: Subject, role: Role | null) {
  const n = world.unique();
  const address = addressOf(n);
  const fresh = rule.call?.session === "fresh" && role ? await world.freshAccount(role, address) : null;
  const c: CallContext = {
    ids: world.ids[subject],
    n,
    login: world.spareLogin,
    account: fresh?.account ?? null,
    agency: world.agencyAsSaved[subject],
    extraction: () => smallExtraction(n),
  };
  const url = await urlOf(operationId, op, rule, subject, role, c);
  const headers: Record<string, string> = {};
  if (role) {
    const session = rule.call?.session;
    headers.cookie =
      session === "spare" ? await world.freshSession(address) : (fresh?.cookie ?? world.cookies[role]);
  } else if (subject === "other") {
    // Without a session, once with no cookie and once with a forged one: both are nobody.
    headers.cookie = `${SESSION_COOKIE}=${randomBytes(32).toString("base64url")}`;
  }
  let payload: string | Buffer | object | undefined;
  const form = rule.call?.form?.(c);
  if (form) {
    const body = multipart(
      form.fields,
      form.files.map((f) => ({ name: f.name, type: f.type, bytes: Buffer.from(f.text) })),
    );
    Object.assign(headers, body.headers);
    payload = body.payload;
  } else if (rule.call?.body) {
    payload = rule.call.body(c) as object;
  }
  const response = await world.t.app.inject({
    method: op.method as "GET",
    url,
    headers,
    // Each cell from an address of its own: a throttle of logins per address must not decide a cell.
    remoteAddress: address,
    ...(payload === undefined ? {} : { payload }),
  });
  const type = String(response.headers["content-type"] ?? "");
  const body: unknown = type.includes("json") ? response.json() : response.body;
  return { url, status: response.statusCode, body, text: response.body };
}

/** Ids of agency B's rows, which no answer to agency A's staff may name. */
const foreignKeys: (keyof SubjectIds)[] = [
  "taskId",
  "assignmentId",
  "reportId",
  "evidenceId",
  "headReportId",
  "deadlineChangeId",
];
const isStaff = (role: Role | null) => !!role && (agencyRoles as readonly Role[]).includes(role);

async function problemsOf(operationId: string, op: Operation, rule: Rule): Promise<string[]> {
  const problems: string[] = [];
  for (const subject of subjects) {
    for (const role of [null, ...roles]) {
      const who = `${role ?? (subject === "own" ? "no session" : "forged cookie")} × ${subject}`;
      const answer = await call(operationId, op, rule, subject, role);
      const code = (answer.body as { code?: string } | null)?.code;
      const got = outcomeOf(answer.status, code);
      const expected = expectedOutcome(rule, subject, role);
      if (process.env.MATRIX_DUMP)
        console.log(`CELL ${operationId} ${who} ${answer.status} ${answer.text.slice(0, 100)}`);
      if (got !== expected) {
        problems.push(
          `${who}: expected ${expected}, got ${got} (${answer.status} ${answer.text.slice(0, 160)})`,
        );
        continue;
      }
      if (got !== "allowed" || answer.status >= 300) continue;
      for (const key of rule.call?.shows ?? []) {
        const sees = subject === "own" || !isStaff(role);
        if (sees && !answer.text.includes(world.ids[subject][key]))
          problems.push(`${who}: the answer does not name the ${key} this role may see`);
      }
      if (isStaff(role)) {
        const leaked = foreignKeys.filter((key) => answer.text.includes(world.ids.other[key]));
        if (leaked.length) problems.push(`${who}: the answer names agency B's ${leaked.join(", ")}`);
      }
    }
  }
  return problems;
}

describe("permission matrix", () => {
  it("has a rule for every operation of the OpenAPI document, and an operation for every rule", () => {
    expect(operations.size).toBeGreaterThan(40);
    expect(unnamed, "operations without an operationId").toEqual([]);
    const missing = [...operations]
      .filter(([id]) => !(id in permissionMatrix))
      .map(
        ([id, op]) =>
          `${id} (${op.method} ${op.path}) has no rule: add a row "${id}" to permissionMatrix in ${where} ` +
          "with the roles the product allows (own / other), why, and how to call it",
      );
    const stale = Object.keys(permissionMatrix)
      .filter((id) => !operations.has(id))
      .map((id) => `${id} has a rule but no operation of the OpenAPI document has that id: remove its row`);
    expect([...missing, ...stale]).toEqual([]);
  });

  it("acts as one account per role, holding that role alone; agency roles in agency A", async () => {
    for (const role of roles) {
      const me = await world.t.app.inject({
        method: "GET",
        url: "/api/me",
        headers: { cookie: world.cookies[role] },
      });
      expect(me.json(), role).toMatchObject({ roles: [role] });
      if (isStaff(role)) expect(me.json().agencyId, role).toBe(world.ids.own.agencyId);
    }
  });

  for (const [operationId, rule] of Object.entries(permissionMatrix)) {
    it(`${operationId}: ${rule.why}`, async () => {
      const op = operations.get(operationId);
      expect(op, `${operationId} is no longer in the OpenAPI document: remove its row`).toBeDefined();
      expect(await problemsOf(operationId, op!, rule)).toEqual([]);
    });
  }
});
