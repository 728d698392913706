import { eq } from "drizzle-orm";
import { loadDemoExtraction } from "../cli/demo.ts";
import { addAgencyAlias } from "../commands/addAgencyAlias.ts";
import { createDashboardView } from "../commands/createDashboardView.ts";
import { createImport, sha256Hex } from "../commands/createImport.ts";
import { createTask } from "../commands/createTask.ts";
import {
  agencies,
  assignments,
  documents,
  evidence,
  notifications,
  plans,
  users,
} from "../db/schema/index.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";
import { addDays, today } from "../domain/dates.ts";
import { agencyRoles, type Role } from "../domain/roles.ts";
import type { Extraction } from "../ingest/extraction.ts";
import type { CallContext, Subject, SubjectIds } from "../server/permissionMatrix.expected.ts";
import { asTest, makeUser, TEST_PASSWORD } from "./factories.ts";
import { login, multipart, samples, type TrackingApp, trackingApp } from "./tracking.ts";

/**
 * The data the permission matrix (src/server/permissionMatrix.test.ts) asks about: the Lâm Đồng
 * demo behind the app, one account per role, and for two agencies of the same province the same
 * kinds of rows. Agency A is Công an tỉnh, the agency of the officer and the head the matrix acts
 * as ("own"); agency B is Sở Tài chính ("other").
 */

/** The demo account acting as each role; the officer and the head work for agency A. */
export const actingAs: Record<Role, string> = {
  admin: "admin",
  coordinator: "vanphong",
  leader: "lanhdao",
  agency_officer: "congan",
  agency_head: "truongcongan",
};

const AGENCY_CODE: Record<Subject, string> = { own: "cong-an", other: "so-tai-chinh" };
/** Agency B's officer, who writes B's reports and requests. */
const OTHER_OFFICER = "taichinh";
const PLAN_CV = "1535-CV/TU";
const PLAN_KH = "3450/KH-UBND";

export interface PermissionWorld {
  t: TrackingApp;
  ids: Record<Subject, SubjectIds>;
  /** A session cookie for each role. */
  cookies: Record<Role, string>;
  /** The subject's agency as the directory form sends it back unchanged. */
  agencyAsSaved: Record<Subject, CallContext["agency"]>;
  /** An account only the login and logout cells use, and a new session of it. */
  spareLogin: { username: string; password: string };
  freshSession(remoteAddress: string): Promise<string>;
  /** A new account holding the role (of agency A for agency roles), logged in from the address. */
  freshAccount(
    role: Role,
    remoteAddress: string,
  ): Promise<{ cookie: string; account: NonNullable<CallContext["account"]> }>;
  /** A notification addressed to the role's account (own) or to agency B's officer (other). */
  notificationId(subject: Subject, role: Role | null): string;
  /** A new open import, for a call that saves or discards it. */
  freshImport(): Promise<string>;
  /** A new alias of the subject's agency, for a call that removes it. */
  freshAlias(subject: Subject): Promise<string>;
  /** A new saved dashboard of the province, for a call that changes or removes it. */
  freshDashboardView(): Promise<string>;
  /** A number no earlier call used: unique names and codes in bodies. */
  unique(): number;
  close(): Promise<void>;
}

/** A plan document of two tasks, under a number of its own: committing it makes a small new plan. */
export function smallExtraction(n: number): Extraction {
  const demo = loadDemoExtraction("lam-dong-1535-cv-tu");
  return {
    ...demo,
    document: { ...demo.document, number: `${n}/KH-MATRAN` },
    tasks: demo.tasks.slice(0, 2),
  };
}

export async function permissionWorld(): Promise<PermissionWorld> {
  const t = await trackingApp();
  const cookies = {} as Record<Role, string>;
  for (const [role, username] of Object.entries(actingAs))
    cookies[role as Role] = await login(t.app, username);
  const staffOf = { own: cookies.agency_officer, other: await login(t.app, OTHER_OFFICER) };
  const coordinatorId = await userIdOf(t, actingAs.coordinator);
  const agencyOf = {
    own: await agencyIdOf(t, AGENCY_CODE.own),
    other: await agencyIdOf(t, AGENCY_CODE.other),
  };
  let counter = 0;
  const unique = () => ++counter;
  const task = (planId: string, subject: Subject) => leadTask(t, planId, agencyOf[subject], unique());

  const freshImport = async () => {
    const n = unique();
    const { importId } = await t.db.transaction((tx) =>
      createImport(
        { tx, tenantId: t.tenantId, actor: { userId: coordinatorId, label: "test" } },
        {
          fileName: `Kế hoạch ${n}.docx`,
          fileSha256: sha256Hex(Buffer.from(`matrix ${n}`)),
          extraction: smallExtraction(n),
        },
      ),
    );
    return importId;
  };

  // Plans are the province's: each subject names a different one so that both are read.
  const kh = await planIdOf(t, PLAN_KH);
  const cv = await planIdOf(t, PLAN_CV);
  const openImport = await freshImport();
  const ids = {} as Record<Subject, SubjectIds>;
  for (const subject of ["own", "other"] as const) {
    const [read, reported, moved, free] = [
      await task(kh, subject),
      await task(kh, subject),
      await task(kh, subject),
      await task(kh, subject),
    ];
    const reportId = await submitted(t, staffOf[subject], reported!.assignmentId, true);
    const spare = await makeUser(t.db, t.tenantId, {
      roles: ["agency_officer"],
      agencyId: agencyOf[subject],
    });
    ids[subject] = {
      agencyId: agencyOf[subject],
      planId: subject === "own" ? kh : cv,
      taskId: read!.taskId,
      assignmentId: free!.assignmentId,
      reportId,
      evidenceId: await fileOf(t, reportId),
      headReportId: "",
      deadlineChangeId: await requested(t, staffOf[subject], moved!.assignmentId),
      userId: spare.id,
      importId: openImport,
    };
  }
  // Head approval goes on for the CV plan only once the reports to the office are in: the
  // reports made after it wait for the agency's head.
  await t.db
    .update(plans)
    .set({ requireHeadApproval: true })
    .where(inTenant(plans, t.tenantId, eq(plans.id, cv)));
  for (const subject of ["own", "other"] as const) {
    const waiting = await task(cv, subject);
    ids[subject].headReportId = await submitted(t, staffOf[subject], waiting.assignmentId, false);
  }

  // Everyone has a notification of their own; agency B's officer's is the one nobody else may mark.
  const notificationOf = new Map<string, string>();
  for (const username of [...Object.values(actingAs), OTHER_OFFICER]) {
    notificationOf.set(username, await notify(t, await userIdOf(t, username)));
  }
  const spareLogin = { username: "ma-tran-dang-nhap", password: TEST_PASSWORD };
  await makeUser(t.db, t.tenantId, { roles: ["leader"], username: spareLogin.username });

  return {
    t,
    ids,
    cookies,
    agencyAsSaved: {
      own: await agencyAsSaved(t, agencyOf.own),
      other: await agencyAsSaved(t, agencyOf.other),
    },
    spareLogin,
    freshSession: (remoteAddress) => sessionOf(t, spareLogin, remoteAddress),
    freshAccount: async (role, remoteAddress) => {
      const agencyId = (agencyRoles as readonly Role[]).includes(role) ? agencyOf.own : null;
      const made = await makeUser(t.db, t.tenantId, { roles: [role], agencyId });
      const account = { userId: made.id, username: made.username, password: made.password };
      return { cookie: await sessionOf(t, account, remoteAddress), account };
    },
    notificationId: (subject, role) =>
      notificationOf.get(subject === "other" || !role ? OTHER_OFFICER : actingAs[role])!,
    freshImport,
    freshAlias: async (subject) => {
      const n = unique();
      const added = await asTest(t.db, t.tenantId, (ctx) =>
        addAgencyAlias(ctx, agencyOf[subject], { alias: `Tên gọi thử ma trận ${n}` }),
      );
      if (!added.created || !added.id) throw new Error("alias not created");
      return added.id;
    },
    freshDashboardView: async () => {
      const made = await t.db.transaction((tx) =>
        createDashboardView(
          { tx, tenantId: t.tenantId, actor: { userId: coordinatorId, label: "test" } },
          coordinatorId,
          { name: `Tổng quan thử ma trận ${unique()}`, config: { scope: "province", panels: ["totals"] } },
        ),
      );
      return made.id;
    },
    unique,
    close: () => t.close(),
  };
}

/** A login from an address of the caller's choosing; the session cookie. */
async function sessionOf(
  t: TrackingApp,
  credentials: { username: string; password: string },
  remoteAddress: string,
): Promise<string> {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: credentials,
    remoteAddress,
  });
  const cookie = response.cookies.find((c) => c.name === "dondoc_session");
  if (!cookie) throw new Error(`login failed: ${response.body}`);
  return `${cookie.name}=${cookie.value}`;
}

const userIdOf = async (t: TrackingApp, username: string) =>
  (await t.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;

const agencyIdOf = async (t: TrackingApp, code: string) =>
  (
    await t.db
      .select({ id: agencies.id })
      .from(agencies)
      .where(inTenant(agencies, t.tenantId, eq(agencies.code, code)))
  )[0]!.id;

const planIdOf = async (t: TrackingApp, documentNumber: string) =>
  (
    await t.db
      .select({ id: plans.id })
      .from(plans)
      .innerJoin(documents, tenantJoin(documents.id, plans.documentId))
      .where(inTenant(plans, t.tenantId, eq(documents.number, documentNumber)))
  )[0]!.id;

/**
 * A task made for the matrix, led by one agency alone: the demo's tasks are often shared through
 * groups such as "Các sở, ban, ngành", and a row of B must never also be A's.
 */
async function leadTask(t: TrackingApp, planId: string, agencyId: string, n: number) {
  const { taskId } = await asTest(t.db, t.tenantId, (ctx) =>
    createTask(ctx, planId, {
      number: `MT-${n}`,
      title: "Nhiệm vụ thử ma trận quyền",
      leadAgencyIds: [agencyId],
      deadlineText: "31/12/2026",
    }),
  );
  const [lead] = await t.db
    .select({ id: assignments.id })
    .from(assignments)
    .where(inTenant(assignments, t.tenantId, eq(assignments.taskId, taskId)));
  return { taskId, assignmentId: lead!.id };
}

async function requested(t: TrackingApp, cookie: string, assignmentId: string): Promise<string> {
  const response = await t.app.inject({
    method: "POST",
    url: `/api/assignments/${assignmentId}/deadline-changes`,
    headers: { cookie },
    payload: { requestedDueOn: addDays(today(), 60), reason: "Chờ hướng dẫn của Bộ" },
  });
  if (response.statusCode !== 201) throw new Error(`deadline change not requested: ${response.body}`);
  return (response.json() as { id: string }).id;
}

async function fileOf(t: TrackingApp, reportId: string): Promise<string> {
  const [file] = await t.db
    .select({ id: evidence.id })
    .from(evidence)
    .where(inTenant(evidence, t.tenantId, eq(evidence.reportId, reportId), eq(evidence.kind, "file")));
  return file!.id;
}

async function notify(t: TrackingApp, userId: string): Promise<string> {
  const [row] = await t.db
    .insert(notifications)
    .values({ tenantId: t.tenantId, userId, kind: "test", title: "Thông báo thử" })
    .returning({ id: notifications.id });
  return row!.id;
}

async function agencyAsSaved(t: TrackingApp, agencyId: string): Promise<CallContext["agency"]> {
  const [row] = await t.db
    .select({ name: agencies.name, code: agencies.code, level: agencies.level, parentId: agencies.parentId })
    .from(agencies)
    .where(inTenant(agencies, t.tenantId, eq(agencies.id, agencyId)));
  return row!;
}

/** A report by an agency's officer on an assignment, with an evidence file when asked; its id. */
async function submitted(
  t: TrackingApp,
  cookie: string,
  assignmentId: string,
  withFile: boolean,
): Promise<string> {
  const body = multipart(
    { percent: "40", narrative: "Đã triển khai" },
    withFile ? [{ name: "Báo cáo.pdf", type: "application/pdf", bytes: samples.pdf() }] : [],
  );
  const response = await t.app.inject({
    method: "POST",
    url: `/api/assignments/${assignmentId}/reports`,
    headers: { cookie, ...body.headers },
    payload: body.payload,
  });
  if (response.statusCode !== 201) throw new Error(`report not submitted: ${response.body}`);
  return (response.json() as { id: string }).id;
}
