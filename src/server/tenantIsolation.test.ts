import { isDeepStrictEqual } from "node:util";
import { and, eq, getTableColumns, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, loadDemoExtraction } from "../cli/demo.ts";
import { createImport, sha256Hex } from "../commands/createImport.ts";
import { createPlanFromExtraction } from "../commands/createPlanFromExtraction.ts";
import { createUser } from "../commands/createUser.ts";
import { upsertAgencyTree } from "../commands/upsertAgencyTree.ts";
import * as schema from "../db/schema/index.ts";
import { lamDongAgencies } from "../db/seed/lamDongAgencies.ts";
import { addDays, today } from "../domain/dates.ts";
import type { Role } from "../domain/roles.ts";
import type { Extraction } from "../ingest/extraction.ts";
import { readAgencyDirectory } from "../reports/agencyDirectoryFile.ts";
import { asTest, makeTenant } from "../testing/factories.ts";
import {
  type FormFile,
  findAssignment,
  login,
  multipart,
  samples,
  type TrackingApp,
  trackingApp,
} from "../testing/tracking.ts";

/**
 * Two provinces in one database behind one app. Province A is the Lâm Đồng demo; province B
 * (Quảng Trị) gets the same agency tree and the same two documents, so that a query matching
 * by name, document number or file hash without the tenant would find B's rows too, and the
 * same kinds of activity (reports with evidence, reviews, head approval, comments, deadline
 * changes, notifications, an open import). B's task titles, plan names, people and texts carry
 * a word that nothing in A contains.
 *
 * Every GET of the API is read by every role of A before B exists and again after: a tenant
 * condition dropped anywhere shows as a difference (an extra row, a larger count, another
 * agency's id). Then B's ids are asked for by A and must look exactly like ids that do not exist.
 */

const CV = "1535-CV/TU";
const KH = "3450/KH-UBND";
const POLICE = "Công an tỉnh";
const MARKER = "Tà Rụt";
const MARKER_QUERY = "ta rut";
const ASOF = today();

type Who = "admin" | "coordinator" | "leader" | "officer" | "head" | "otherOfficer";
const whoRoles: Record<Exclude<Who, "otherOfficer">, { roles: Role[]; agency?: string }> = {
  admin: { roles: ["admin"] },
  coordinator: { roles: ["coordinator"], agency: "so-khcn" },
  leader: { roles: ["leader"], agency: "ubnd-tinh" },
  officer: { roles: ["agency_officer"], agency: "cong-an" },
  head: { roles: ["agency_head"], agency: "cong-an" },
};

interface Province {
  tenantId: string;
  usernames: Partial<Record<Who, string>>;
  cookies: Partial<Record<Who, string>>;
  /** Text put in what the province's people write. */
  words: string;
  /** One evidence file only this province has (the other, samples.pdf, both upload). */
  ownPdf: Buffer;
}

interface Ids {
  /** Công an tỉnh, the agency the activity reports for. */
  police: string;
  plans: string[];
  tasks: string[];
  assignments: string[];
  agencies: string[];
  users: string[];
  reports: string[];
  evidence: string[];
  changes: string[];
  notifications: string[];
  imports: string[];
}

let t: TrackingApp;
let a: Province;
let b: Province;
let aIds: Ids;
let bIds: Ids;
/** What each role of A read before B existed, and after. */
const before = new Map<string, Reading>();
const after = new Map<string, Reading>();

interface Reading {
  status: number;
  body: unknown;
}

const inject = (
  cookie: string,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  payload?: object,
) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

/** A response as comparable data: JSON parsed, a spreadsheet read back, other bytes as base64. */
async function read(cookie: string, url: string): Promise<Reading> {
  const response = await inject(cookie, "GET", url);
  const type = String(response.headers["content-type"] ?? "");
  let body: unknown;
  if (type.includes("json")) body = response.json();
  else if (type.includes("spreadsheetml") && response.statusCode === 200) {
    // The workbook's own timestamps differ from one export to the next; its rows must not.
    body = await readAgencyDirectory(response.rawPayload, "xlsx");
  } else if (type.startsWith("text/")) body = response.body;
  else body = response.rawPayload.toString("base64");
  return { status: response.statusCode, body };
}

const ROLLUP_DIMENSIONS = ["tenant", "plan", "section", "agency", "agencyTree"] as const;

/** Every GET of the API, with A's own ids where a path needs one. */
function urlsOf(ids: Ids) {
  const { police } = ids;
  return [
    "/health",
    "/ready",
    "/api/me",
    "/api/plans",
    ...ids.plans.flatMap((id) => [
      `/api/plans/${id}`,
      `/api/plans/${id}/summary?asOf=${ASOF}`,
      `/api/plans/${id}/periods?from=2025-01-01&to=2026-12-31&asOf=${ASOF}`,
      `/api/plans/${id}/conflicts`,
      `/api/plans/${id}/unmapped-leads`,
      `/api/tasks?planId=${id}&limit=500&asOf=${ASOF}`,
      `/api/rollups/status?by=section&planId=${id}&asOf=${ASOF}`,
      `/api/at-risk?planId=${id}&limit=500&asOf=${ASOF}`,
      `/api/ranking?planId=${id}&from=2026-01-01&to=2026-12-31&asOf=${ASOF}`,
      `/api/dashboard?scope=plan&id=${id}&asOf=${ASOF}`,
    ]),
    `/api/at-risk?limit=500&asOf=${ASOF}`,
    `/api/at-risk?limit=500&asOf=${ASOF}&agencyId=${police}`,
    `/api/ranking?asOf=${ASOF}`,
    `/api/ranking?agencyId=${police}&from=2026-01-01&to=2026-12-31`,
    "/api/ranking/settings",
    ...ROLLUP_DIMENSIONS.map((by) => `/api/rollups/status?by=${by}&asOf=${ASOF}`),
    `/api/rollups/status?by=agency&role=coordinator&asOf=${ASOF}`,
    `/api/tasks?limit=500&asOf=${ASOF}`,
    `/api/tasks?limit=500&asOf=2026-12-31&status=overdue`,
    `/api/tasks?limit=20&asOf=2026-12-31&sort=overdue`,
    `/api/tasks?limit=500&asOf=${ASOF}&status=done_on_time`,
    `/api/tasks?limit=500&asOf=${addDays(ASOF, -7)}&dueSoon=true`,
    `/api/tasks?limit=500&q=cong%20an%20tinh`,
    `/api/tasks?limit=500&agencyId=${police}`,
    `/api/tasks?limit=500&leadAgencyId=${police}`,
    `/api/tasks?limit=500&asOf=2026-12-31&leadStatus=true&overdueMinDays=31`,
    `/api/tasks?limit=500&asOf=${ASOF}&leadAgencyId=${police}&agencyTree=true&leadStatus=true&dueWithinDays=30`,
    `/api/dashboard?asOf=${ASOF}`,
    `/api/dashboard?scope=agency&id=${police}&asOf=${ASOF}`,
    `/api/dashboard?scope=agencyTree&id=${police}&asOf=2026-12-31`,
    `/api/dashboard/upstream?asOf=${ASOF}`,
    `/api/dashboard/upstream?scope=agency&id=${police}&asOf=${ASOF}`,
    ...ids.tasks.flatMap((id) => [
      `/api/tasks/${id}?asOf=${ASOF}`,
      `/api/tasks/${id}/comments`,
      `/api/tasks/${id}/reports`,
    ]),
    "/api/deadline-changes",
    "/api/deadline-changes?state=pending",
    "/api/review-queue",
    "/api/review-decisions",
    `/api/review-decisions?decision=approve&stage=office&from=${addDays(ASOF, -400)}&to=${addDays(ASOF, 400)}`,
    `/api/review-decisions?agencyId=${police}`,
    "/api/notifications",
    "/api/notifications?unreadOnly=true",
    "/api/agencies",
    "/api/agencies/export?format=csv",
    "/api/agencies/export?format=xlsx",
    "/api/users",
    "/api/users?deleted=true",
    "/api/deleted-plans",
    "/api/security/settings",
    "/api/dashboard-views",
    // The audit log by actions nothing does while B is made: a read refused to a role (403)
    // writes A's own `access.denied` rows between the two readings.
    "/api/audit?action=task.&limit=200",
    "/api/audit?action=report.&limit=200",
    "/api/audit/export?format=csv&action=report.",
    "/api/imports",
    ...ids.imports.map((id) => `/api/imports/${id}`),
    // Progress is kept per province and user: a token nobody is uploading under reads null.
    "/api/imports/progress/00000000-0000-4000-8000-000000000000",
    ...ids.evidence.flatMap((id) => [`/api/evidence/${id}`, `/api/evidence/${id}?inline=1`]),
  ];
}

/** Equal once ids are blanked: "no such task" reads the same for a foreign id and an unknown one. */
const sameButIds = (x: Reading, y: Reading) =>
  x.status === y.status &&
  JSON.stringify(x.body).replace(UUID, "") === JSON.stringify(y.body).replace(UUID, "");

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** "/api/plans/{planId}/summary" and "/api/plans/<uuid>/summary?asOf=…" both become "/api/plans/:/summary". */
const routeOf = (url: string) =>
  url
    .split("?")[0]!
    .replace(UUID, ":")
    .replace(/\{[^}]+\}/g, ":");

async function snapshot(province: Province, urls: string[], into: Map<string, Reading>) {
  for (const [who, cookie] of Object.entries(province.cookies)) {
    for (const url of urls) into.set(`${who} GET ${url}`, await read(cookie!, url));
  }
}

/** Every id of every row of a province, from every table that has one. */
async function allIdsOf(tenantId: string): Promise<Set<string>> {
  const ids = new Set<string>([tenantId]);
  for (const table of Object.values(schema)) {
    if (!is(table, PgTable)) continue;
    const columns = getTableColumns(table) as Record<string, unknown>;
    if (!("tenantId" in columns) || !("id" in columns)) continue;
    for (const id of await idsIn(table as never, tenantId)) ids.add(id);
  }
  return ids;
}

/** The ids of one table's rows in a province, in id order. */
async function idsIn(table: PgTable & { id: never; tenantId: never }, tenantId: string): Promise<string[]> {
  const rows = (await t.db
    .select({ id: table.id })
    .from(table)
    .where(eq(table.tenantId, tenantId))
    .orderBy(table.id)) as { id: string }[];
  return rows.map((r) => r.id);
}

async function idsOf(province: Province): Promise<Ids> {
  const { tenantId } = province;
  const column = (table: unknown) => idsIn(table as never, tenantId);
  const coordinator = province.cookies.coordinator!;
  const touched = [];
  for (const [documentNumber, ref] of touchedTasks) {
    touched.push(await findAssignment(t.db, tenantId, { documentNumber, ref, agency: POLICE }));
  }
  const taskIds = touched.map((x) => x.taskId);
  const evidence: string[] = [];
  for (const taskId of taskIds) {
    const reports = (await read(coordinator, `/api/tasks/${taskId}/reports`)).body as {
      reports: { evidence: { id: string; kind: string }[] }[];
    };
    for (const r of reports.reports)
      evidence.push(...r.evidence.filter((e) => e.kind === "file").map((e) => e.id));
  }
  return {
    police: touched[0]!.agencyId,
    plans: await column(schema.plans),
    tasks: taskIds,
    assignments: await column(schema.assignments),
    agencies: await column(schema.agencies),
    users: await column(schema.users),
    reports: await column(schema.progressReports),
    evidence,
    changes: await column(schema.deadlineChanges),
    notifications: await column(schema.notifications),
    imports: await column(schema.imports),
  };
}

/** Tasks the activity touches: [document number, ref], each led by Công an tỉnh alone. */
const touchedTasks: [string, string][] = [
  [CV, "3"],
  [CV, "15"],
  [CV, "16"],
  [KH, "V.12"],
  [KH, "V.31"],
];

function submit(
  cookie: string,
  assignmentId: string,
  fields: Record<string, string>,
  files: FormFile[] = [],
) {
  const body = multipart(fields, files);
  return t.app.inject({
    method: "POST",
    url: `/api/assignments/${assignmentId}/reports`,
    headers: { cookie, ...body.headers },
    payload: body.payload,
  });
}

async function ok<T = { id: string }>(
  response: Awaited<ReturnType<typeof inject>>,
  status = 200,
): Promise<T> {
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as T;
}

/** The same kinds of rows in each province, made through the API by the province's own people. */
async function activity(p: Province) {
  const c = p.cookies as Record<Who, string>;
  const target = (documentNumber: string, ref: string) =>
    findAssignment(t.db, p.tenantId, { documentNumber, ref, agency: POLICE });

  // A report with two files (one shared with the other province, byte for byte), waiting for the office.
  const waiting = await target(CV, "3");
  await ok(
    await submit(
      c.officer,
      waiting.assignmentId,
      { percent: "40", narrative: `Đã triển khai ${p.words}`, documentNumbers: `12/BC-${p.words}` },
      [
        { name: "Báo cáo chung.pdf", type: "application/pdf", bytes: samples.pdf() },
        { name: `Minh chứng ${p.words}.pdf`, type: "application/pdf", bytes: p.ownPdf },
      ],
    ),
    201,
  );
  // A completion, approved: the assignment is done, which the roll-ups count.
  const done = await target(CV, "15");
  const completion = await ok(
    await submit(c.officer, done.assignmentId, {
      percent: "100",
      claimsCompletion: "true",
      narrative: `Hoàn thành ${p.words}`,
    }),
    201,
  );
  await ok(
    await inject(c.coordinator, "POST", `/api/reports/${completion.id}/review`, {
      decision: "approve",
      comment: `Đồng ý ${p.words}`,
    }),
  );
  // A report waiting for the agency's head.
  const headed = await target(KH, "V.12");
  await t.db
    .update(schema.plans)
    .set({ requireHeadApproval: true })
    .where(and(eq(schema.plans.tenantId, p.tenantId), eq(schema.plans.id, headed.planId)));
  const awaiting = await ok<{ state: string }>(
    await inject(c.officer, "POST", `/api/assignments/${headed.assignmentId}/reports`, {
      narrative: `Chờ lãnh đạo ${p.words}`,
      percent: 70,
    }),
    201,
  );
  expect(awaiting.state).toBe("awaiting_head");
  // A directive comment.
  await ok(
    await inject(c.leader, "POST", `/api/tasks/${waiting.taskId}/comments`, { body: `Chỉ đạo ${p.words}` }),
    201,
  );
  // A deadline change approved, another pending.
  const moved = await target(CV, "16");
  const change = await ok(
    await inject(c.officer, "POST", `/api/assignments/${moved.assignmentId}/deadline-changes`, {
      requestedDueOn: addDays(ASOF, 40),
      reason: `Chờ hướng dẫn ${p.words}`,
    }),
    201,
  );
  await ok(
    await inject(c.coordinator, "POST", `/api/deadline-changes/${change.id}/decision`, {
      decision: "approve",
      comment: `Đồng ý gia hạn ${p.words}`,
    }),
  );
  const pending = await target(KH, "V.31");
  await ok(
    await inject(c.officer, "POST", `/api/assignments/${pending.assignmentId}/deadline-changes`, {
      requestedDueOn: addDays(ASOF, 50),
      reason: `Thiếu kinh phí ${p.words}`,
    }),
    201,
  );
  // A dashboard the office saved and shared with the leaders.
  await ok(
    await inject(c.coordinator, "POST", "/api/dashboard-views", {
      name: `Tổng quan ${p.words}`,
      config: { scope: "plan", scopeId: waiting.planId, panels: ["totals", "trend"] },
      sharedWithRoles: ["leader"],
    }),
    201,
  );
  // An import left open, of the same document the province already has.
  const [importer] = await t.db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(eq(schema.users.username, p.usernames.coordinator!));
  const extraction = loadDemoExtraction("lam-dong-1535-cv-tu");
  await t.db.transaction((tx) =>
    createImport(
      { tx, tenantId: p.tenantId, actor: { userId: importer!.id, label: "test" } },
      {
        fileName: `Kế hoạch ${p.words}.docx`,
        fileSha256: sha256Hex(Buffer.from(p.words)),
        extraction,
      },
    ),
  );
}

/** Province B: the same agency tree and documents as the demo, its own people, marked titles. */
async function seedProvinceB(): Promise<Province> {
  const tenantId = await makeTenant(t.db, "quang-tri");
  const usernames: Province["usernames"] = {};
  await asTest(t.db, tenantId, async (ctx) => {
    const agencyIds = await upsertAgencyTree(ctx, lamDongAgencies);
    for (const [who, spec] of Object.entries(whoRoles)) {
      const username = `qt-${who}`;
      await createUser(
        ctx,
        {
          username,
          displayName: `Người ${who} ${MARKER}`,
          password: DEMO_PASSWORD,
          roles: spec.roles,
          agencyId: spec.agency ? agencyIds.get(spec.agency) : null,
        },
        { mustChangePassword: false },
      );
      usernames[who as Who] = username;
    }
    for (const name of ["lam-dong-3450-kh-ubnd", "lam-dong-1535-cv-tu"]) {
      const extraction: Extraction = loadDemoExtraction(name);
      const marked = {
        ...extraction,
        tasks: extraction.tasks.map((task) => ({
          ...task,
          title: `${task.title} (thí điểm tại xã ${MARKER})`,
        })),
      };
      await createPlanFromExtraction(ctx, marked, {
        name: `${extraction.document.type ?? "Kế hoạch"} ${extraction.document.number} – ${MARKER}`,
      });
    }
  });
  const cookies: Province["cookies"] = {};
  for (const [who, username] of Object.entries(usernames))
    cookies[who as Who] = await login(t.app, username!);
  return {
    tenantId,
    usernames,
    cookies,
    words: MARKER,
    ownPdf: Buffer.from(`%PDF-1.4\n% ${MARKER}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`),
  };
}

let aUrls: string[];
let bUrls: string[];
/** What each role of B read once its province was made. */
const bReads = new Map<string, Reading>();
let aSees: Set<string>;
let bSees: Set<string>;

beforeAll(async () => {
  t = await trackingApp();
  const usernames: Province["usernames"] = {
    admin: "admin",
    coordinator: "vanphong",
    leader: "lanhdao",
    officer: "congan",
    head: "truongcongan",
    otherOfficer: "taichinh",
  };
  const cookies: Province["cookies"] = {};
  for (const [who, username] of Object.entries(usernames))
    cookies[who as Who] = await login(t.app, username!);
  a = {
    tenantId: t.tenantId,
    usernames,
    cookies,
    words: "Lâm Đồng",
    ownPdf: Buffer.from("%PDF-1.4\n% Lam Dong\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
  };
  await activity(a);
  aIds = await idsOf(a);
  aUrls = urlsOf(aIds);
  await snapshot(a, aUrls, before);

  b = await seedProvinceB();
  await activity(b);
  bIds = await idsOf(b);
  await snapshot(a, aUrls, after);
  aSees = await allIdsOf(a.tenantId);
  bSees = await allIdsOf(b.tenantId);
  bUrls = urlsOf(bIds);
  await snapshot(b, bUrls, bReads);
}, 600_000);
afterAll(async () => {
  await t?.close();
});

describe("two provinces in one database", () => {
  it("reads every GET endpoint of the API", async () => {
    const spec = (await inject(a.cookies.admin!, "GET", "/api/openapi.json")).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const gets = Object.entries(spec.paths)
      .filter(([, methods]) => "get" in methods)
      .map(([path]) => routeOf(path));
    const read = new Set(aUrls.map(routeOf));
    expect(gets.filter((route) => !read.has(route))).toEqual([]);
  });

  it("has each province's own rows in what its roles read", async () => {
    const count = async (p: Province, who: Who, url: string) =>
      (await inject(p.cookies[who]!, "GET", url)).json() as { total?: number; items: unknown[] };
    const taskCounts = async (p: Province) =>
      ((await count(p, "leader", "/api/plans")).items as { taskCount: number }[])
        .map((x) => x.taskCount)
        .sort();
    for (const p of [a, b]) {
      expect((await count(p, "coordinator", "/api/review-queue")).total).toBe(1);
      expect((await count(p, "head", "/api/review-queue")).total).toBe(1);
      expect((await count(p, "coordinator", "/api/deadline-changes")).total).toBe(2);
      expect((await count(p, "officer", "/api/deadline-changes")).total).toBe(2);
      expect((await count(p, "coordinator", "/api/imports")).items).toHaveLength(1);
      expect((await count(p, "coordinator", "/api/notifications")).total).toBeGreaterThan(0);
    }
    expect(await taskCounts(b)).toEqual(await taskCounts(a));
    expect((await taskCounts(a)).includes(139)).toBe(true);
    expect(aIds.evidence).toHaveLength(2);
    expect(bIds.evidence).toHaveLength(2);
    expect(bIds.reports).toHaveLength(3);
  });

  it("shows each role of province A exactly what it saw before province B existed", () => {
    expect(after.size).toBe(before.size);
    const changed = [...before].filter(([key, reading]) => !isDeepStrictEqual(after.get(key), reading));
    expect(changed.map(([key]) => key)).toEqual([]);
    // The readings are not all refusals: each role reads its tasks, plans and roll-ups.
    for (const who of Object.keys(a.cookies)) {
      expect(after.get(`${who} GET /api/plans`)?.status, who).toBe(200);
      const tasks = after.get(`${who} GET /api/tasks?limit=500&asOf=${ASOF}`)!;
      expect(tasks.status, who).toBe(200);
      expect((tasks.body as { total: number }).total, who).toBeGreaterThan(0);
    }
  });

  it("names no id and no word of province B in anything A's roles read", () => {
    const leaks: string[] = [];
    for (const [key, reading] of after) {
      const text = JSON.stringify(reading.body);
      const foreign = (text.match(UUID) ?? []).filter((id) => bSees.has(id));
      if (foreign.length) leaks.push(`${key}: ${foreign[0]}`);
      if (text.includes(MARKER)) leaks.push(`${key}: "${MARKER}"`);
    }
    expect(leaks).toEqual([]);
    // And the id list is the real one: A's own ids do appear.
    const text = JSON.stringify([...after.values()].map((r) => r.body));
    expect(aIds.plans.every((id) => text.includes(id))).toBe(true);
  });

  it("finds no task of province B by a word only B's titles contain", async () => {
    for (const [who, cookie] of Object.entries(a.cookies)) {
      const found = (await inject(cookie!, "GET", `/api/tasks?q=${encodeURIComponent(MARKER_QUERY)}`)).json();
      expect(found.total, who).toBe(0);
    }
    const own = (
      await inject(b.cookies.coordinator!, "GET", `/api/tasks?q=${encodeURIComponent(MARKER_QUERY)}`)
    ).json();
    const all = (await inject(b.cookies.coordinator!, "GET", "/api/tasks?limit=1")).json();
    expect(own.total).toBeGreaterThan(0);
    expect(own.total).toBe(all.total);
  });

  it("answers every id of province B as if it did not exist", async () => {
    const urls = (plan: string, task: string, agency: string, evidence: string, imp: string) => [
      `/api/plans/${plan}`,
      `/api/plans/${plan}/summary`,
      `/api/plans/${plan}/periods?from=2026-01-01&to=2026-12-31`,
      `/api/plans/${plan}/conflicts`,
      `/api/tasks/${task}`,
      `/api/tasks/${task}/comments`,
      `/api/tasks/${task}/reports`,
      `/api/evidence/${evidence}`,
      `/api/imports/${imp}`,
      `/api/tasks?planId=${plan}`,
      `/api/tasks?agencyId=${agency}`,
      `/api/tasks?leadAgencyId=${agency}`,
      `/api/deadline-changes?taskId=${task}`,
      `/api/rollups/status?by=plan&planId=${plan}&asOf=${ASOF}`,
    ];
    const nobody = crypto.randomUUID();
    const missing = urls(nobody, nobody, nobody, nobody, nobody);
    const probes = [
      urls(bIds.plans[0]!, bIds.tasks[0]!, bIds.agencies[0]!, bIds.evidence[0]!, bIds.imports[0]!),
      urls(bIds.plans[1]!, bIds.tasks[3]!, bIds.agencies[1]!, bIds.evidence[1]!, bIds.imports[0]!),
    ];
    for (const [who, cookie] of Object.entries(a.cookies)) {
      for (const foreign of probes) {
        for (const [i, url] of foreign.entries()) {
          const got = await read(cookie!, url);
          const none = await read(cookie!, missing[i]!);
          expect(sameButIds(got, none), `${who} GET ${url}: ${JSON.stringify(got).slice(0, 300)}`).toBe(true);
        }
      }
    }
    // Where the role may read such a thing when it exists, B's is a 404, not a 403.
    const status = async (who: Who, url: string) => (await inject(a.cookies[who]!, "GET", url)).statusCode;
    for (const foreign of probes) {
      for (const url of foreign.slice(0, 9)) expect(await status("coordinator", url), url).toBe(404);
      for (const url of foreign.slice(0, 8)) expect(await status("leader", url), url).toBe(404);
      for (const url of foreign.slice(4, 8)) expect(await status("officer", url), url).toBe(404);
    }
    for (const id of bIds.evidence) expect(await status("admin", `/api/evidence/${id}`)).toBe(404);
    for (const id of bIds.tasks) expect(await status("officer", `/api/tasks/${id}`)).toBe(404);
  });

  it("changes nothing of province B when A's roles write to B's ids", async () => {
    const c = a.cookies as Record<Who, string>;
    const ownAgency = aIds.agencies[0]!;
    const writes = (ids: {
      task: string;
      assignment: string;
      change: string;
      report: string;
      plan: string;
      agency: string;
      user: string;
      imp: string;
      notification: string;
    }): [Who, "POST" | "PUT" | "PATCH" | "DELETE", string, object?][] => [
      ["leader", "POST", `/api/tasks/${ids.task}/comments`, { body: "Chỉ đạo" }],
      ["officer", "POST", `/api/assignments/${ids.assignment}/reports`, { narrative: "Báo cáo" }],
      [
        "officer",
        "POST",
        `/api/assignments/${ids.assignment}/deadline-changes`,
        { requestedDueOn: addDays(ASOF, 10), reason: "Lý do" },
      ],
      [
        "coordinator",
        "POST",
        `/api/deadline-changes/${ids.change}/decision`,
        { decision: "refuse", comment: "Không" },
      ],
      [
        "coordinator",
        "POST",
        `/api/reports/${ids.report}/review`,
        { decision: "return", comment: "Bổ sung" },
      ],
      [
        "head",
        "POST",
        `/api/reports/${ids.report}/head-decision`,
        { decision: "return", comment: "Bổ sung" },
      ],
      ["coordinator", "POST", `/api/reports/${ids.report}/reopen`, { reason: "Mở lại" }],
      ["coordinator", "PATCH", `/api/tasks/${ids.task}`, { title: "Tên mới" }],
      [
        "coordinator",
        "POST",
        `/api/plans/${ids.plan}/tasks`,
        { number: "99", title: "Nhiệm vụ mới", leadAgencyIds: [ownAgency], deadlineText: "Năm 2026" },
      ],
      ["admin", "PUT", `/api/agencies/${ids.agency}`, { name: "Tên mới", level: "other" }],
      ["admin", "POST", `/api/agencies/${ids.agency}/aliases`, { alias: "Tên gọi khác mới" }],
      ["admin", "PUT", `/api/users/${ids.user}/disabled`, { disabled: true }],
      ["coordinator", "POST", `/api/notifications/${ids.notification}/read`],
      ["coordinator", "PUT", `/api/imports/${ids.imp}`, loadDemoExtraction("lam-dong-1535-cv-tu")],
      ["coordinator", "POST", `/api/imports/${ids.imp}/commit`, {}],
      ["coordinator", "DELETE", `/api/imports/${ids.imp}`],
    ];
    const nobody = crypto.randomUUID();
    const missing = writes({
      task: nobody,
      assignment: nobody,
      change: nobody,
      report: nobody,
      plan: nobody,
      agency: nobody,
      user: nobody,
      imp: nobody,
      notification: nobody,
    });
    const foreign = writes({
      task: bIds.tasks[0]!,
      assignment: bIds.assignments[0]!,
      change: bIds.changes[0]!,
      report: bIds.reports[0]!,
      plan: bIds.plans[0]!,
      agency: bIds.agencies[0]!,
      user: bIds.users[0]!,
      imp: bIds.imports[0]!,
      notification: bIds.notifications[0]!,
    });
    for (const [i, [who, method, url, payload]] of foreign.entries()) {
      const got = await inject(c[who], method, url, payload);
      const [, , missingUrl, missingPayload] = missing[i]!;
      const none = await inject(c[who], method, missingUrl, missingPayload);
      expect(got.statusCode, `${who} ${method} ${url}: ${got.body}`).toBe(404);
      expect(
        sameButIds(
          { status: got.statusCode, body: got.json() },
          { status: none.statusCode, body: none.json() },
        ),
      ).toBe(true);
    }

    const now = new Map<string, Reading>();
    await snapshot(b, bUrls, now);
    const changed = [...bReads].filter(([key, reading]) => !isDeepStrictEqual(now.get(key), reading));
    expect(changed.map(([key]) => key)).toEqual([]);
  });

  it("shows province B nothing of province A", async () => {
    const leaks: string[] = [];
    for (const [key, reading] of bReads) {
      const foreign = (JSON.stringify(reading.body).match(UUID) ?? []).filter((id) => aSees.has(id));
      if (foreign.length) leaks.push(`${key}: ${foreign[0]}`);
    }
    expect(leaks).toEqual([]);
    for (const id of aIds.evidence) {
      expect((await inject(b.cookies.coordinator!, "GET", `/api/evidence/${id}`)).statusCode).toBe(404);
    }
    expect((await inject(b.cookies.coordinator!, "GET", `/api/tasks/${aIds.tasks[0]}`)).statusCode).toBe(404);
  });
});
