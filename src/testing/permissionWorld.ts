import { eq } from "drizzle-orm";
import { loadDemoExtraction } from "../cli/demo.ts";
import { addAgencyAlias } from "../commands/addAgencyAlias.ts";
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
import type { Role } from "../domain/roles.ts";
import type { Extraction } from "../ingest/extraction.ts";
import type { CallContext, Subject, SubjectIds } from "../server/permissionMatrix.expected.ts";
import { asTest, makeUser, TEST_PASSWORD } from "./factories.ts";
import { login, multipart, samples, type TrackingApp, trackingApp } from "./tracking.ts";

/**
 * The data the permission matrix (src/server/permissionMatrix.test.ts) asks about: the Lâm Đồng
 * demo behind the app, one account per role, and for two agencies of the same province the same
 * kinds of rows. Agency A is Công an tỉnh, the agency of the officer and the head the matrix acts
 * as ("own"); agency B is Sở Tài chính ("other"). Each task named here is held by one of the two
 * agencies only, so a row of B is never also A's.
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
  /** A notification addressed to the role's account (own) or to agency B's officer (other). */
  notificationId(subject: Subject, role: Role | null): string;
  /** A new open import, for a call that saves or discards it. */
  freshImport(): Promise<string>;
  /** A new alias of the subject's agency, for a call that removes it. */
  freshAlias(subject: Subject): Promise<string>;
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
  const otherOfficer = await login(t.app, OTHER_OFFICER);
  const userIdOf = async (username: string) =>
    (await t.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
  const coordinatorId = await userIdOf(actingAs.coordinator);
  let counter = 0;
  const unique = () => ++counter;

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

  const agencyIdOf = async (code: string) =>
    (
      await t.db
        .select({ id: agencies.id })
        .from(agencies)
        .where(inTenant(agencies, t.tenantId, eq(agencies.code, code)))
    )[0]!.id;
  const agencyOf = { own: await agencyIdOf(AGENCY_CODE.own), other: await agencyIdOf(AGENCY_CODE.other) };

  // Tasks made for the matrix, each led by one agency alone (the demo's are often shared through
  // groups such as "Các sở, ban, ngành"). Head approval is switched on for the second plan only
  // once the reports to the office are in, so that the reports after it wait for the head.
  const [kh, cv] = await Promise.all(
    [PLAN_KH, PLAN_CV].map(async (number) => {
      const [row] = await t.db
        .select({ id: plans.id })
        .from(plans)
        .innerJoin(documents, tenantJoin(documents.id, plans.documentId))
        .where(inTenant(plans, t.tenantId, eq(documents.number, number)));
      return row!.id;
    }),
  );
  const task = async (planId: string, subject: Subject) => {
    const { taskId } = await asTest(t.db, t.tenantId, (ctx) =>
      createTask(ctx, planId!, {
        number: `MT-${subject}-${unique()}`,
        title: "Nhiệm vụ thử ma trận quyền",
        leadAgencyIds: [agencyOf[subject]],
        deadlineText: "31/12/2026",
      }),
    );
    const [lead] = await t.db
      .select({ id: assignments.id })
      .from(assignments)
      .where(inTenant(assignments, t.tenantId, eq(assignments.taskId, taskId)));
    return { taskId, assignmentId: lead!.id };
  };
  const staffOf = { own: cookies.agency_officer, other: otherOfficer };
  const ids = {} as Record<Subject, SubjectIds>;
  for (const subject of ["own", "other"] as const) {
    const [read, reported, moved, free] = [
      await task(kh!, subject),
      await task(kh!, subject),
      await task(kh!, subject),
      await task(kh!, subject),
    ];
    const staff = staffOf[subject];
    const report = await submitted(t, staff, reported!.assignmentId, true);
    const change = await t.app.inject({
      method: "POST",
      url: `/api/assignments/${moved!.assignmentId}/deadline-changes`,
      headers: { cookie: staff },
      payload: { requestedDueOn: addDays(today(), 60), reason: "Chờ hướng dẫn của Bộ" },
    });
    if (change.statusCode !== 201) throw new Error(`deadline change not requested: ${change.body}`);
    const [file] = await t.db
      .select({ id: evidence.id })
      .from(evidence)
      .where(inTenant(evidence, t.tenantId, eq(evidence.reportId, report), eq(evidence.kind, "file")));
    const spare = await makeUser(t.db, t.tenantId, {
      roles: ["agency_officer"],
      agencyId: agencyOf[subject],
    });
    ids[subject] = {
      agencyId: agencyOf[subject],
      planId: subject === "own" ? kh! : cv!,
      taskId: read!.taskId,
      assignmentId: free!.assignmentId,
      reportId: report,
      evidenceId: file!.id,
      headReportId: "",
      deadlineChangeId: (change.json() as { id: string }).id,
      userId: spare.id,
      importId: "",
    };
  }
  await t.db
    .update(plans)
    .set({ requireHeadApproval: true })
    .where(inTenant(plans, t.tenantId, eq(plans.id, cv!)));
  for (const subject of ["own", "other"] as const) {
    const waiting = await task(cv!, subject);
    ids[subject].headReportId = await submitted(t, staffOf[subject], waiting.assignmentId, false);
  }
  const openImport = await freshImport();
  ids.own.importId = openImport;
  ids.other.importId = openImport;

  // Everyone has a notification of their own; agency B's officer's is the one nobody else may mark.
  const notificationOf = new Map<string, string>();
  for (const username of [...Object.values(actingAs), OTHER_OFFICER]) {
    const [row] = await t.db
      .insert(notifications)
      .values({
        tenantId: t.tenantId,
        userId: await userIdOf(username),
        kind: "test",
        title: "Thông báo thử",
      })
      .returning({ id: notifications.id });
    notificationOf.set(username, row!.id);
  }

  const agencyAsSaved = {} as PermissionWorld["agencyAsSaved"];
  for (const subject of ["own", "other"] as const) {
    const [row] = await t.db
      .select({
        name: agencies.name,
        code: agencies.code,
        level: agencies.level,
        parentId: agencies.parentId,
      })
      .from(agencies)
      .where(inTenant(agencies, t.tenantId, eq(agencies.id, agencyOf[subject])));
    agencyAsSaved[subject] = row!;
  }
  const spareLogin = { username: "ma-tran-dang-nhap", password: TEST_PASSWORD };
  await makeUser(t.db, t.tenantId, { roles: ["leader"], username: spareLogin.username });

  return {
    t,
    ids,
    cookies,
    agencyAsSaved,
    spareLogin,
    freshSession: async (remoteAddress) => {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: spareLogin,
        remoteAddress,
      });
      const cookie = response.cookies.find((c) => c.name === "dondoc_session");
      if (!cookie) throw new Error(`login failed: ${response.body}`);
      return `${cookie.name}=${cookie.value}`;
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
    unique,
    close: () => t.close(),
  };
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
