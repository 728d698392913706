import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import {
  evidence,
  notifications,
  progressReports,
  reportingPeriods,
  storedFiles,
  users,
} from "../db/schema/index.ts";
import {
  auditCounts,
  type FormFile,
  findAssignment,
  login,
  multipart,
  rowCount,
  samples,
  type TrackingApp,
  trackingApp,
} from "./tracking.ts";

export const PLAN_CV = "1535-CV/TU";
export const POLICE = "Công an tỉnh";

/** Every demo account the report tests act as. */
export const reportUsers = ["admin", "vanphong", "lanhdao", "congan", "truongcongan", "taichinh"];

/**
 * Opens the demo app before the file's tests, logs every report user in, and closes it after:
 * `use` receives the app once it is open; the cookies fill in then.
 */
export function openReportApp(
  use: (app: TrackingApp) => void,
  options?: Parameters<typeof trackingApp>[0],
): Record<string, string> {
  const cookies: Record<string, string> = {};
  let opened: TrackingApp | undefined;
  beforeAll(async () => {
    opened = await trackingApp(options);
    use(opened);
    for (const user of reportUsers) cookies[user] = await login(opened.app, user);
  });
  afterAll(async () => {
    await opened?.close();
  });
  return cookies;
}

/**
 * The HTTP calls and reads the report, review and notification tests share, on the demo app the
 * test file opened (`app()` is read at call time, after its beforeAll) with its users' cookies.
 */
export function reportKit(app: () => TrackingApp, cookies: Record<string, string>) {
  const policeTask = (ref: string, documentNumber = PLAN_CV) =>
    findAssignment(app().db, app().tenantId, { documentNumber, ref, agency: POLICE });

  function submit(
    user: string,
    assignmentId: string,
    fields: Record<string, string | string[]>,
    files: FormFile[] = [],
  ) {
    const body = multipart(fields, files);
    return app().app.inject({
      method: "POST",
      url: `/api/assignments/${assignmentId}/reports`,
      headers: { cookie: cookies[user]!, ...body.headers },
      payload: body.payload,
    });
  }
  const submitJson = (user: string, assignmentId: string, payload: Record<string, unknown>) =>
    app().app.inject({
      method: "POST",
      url: `/api/assignments/${assignmentId}/reports`,
      headers: { cookie: cookies[user]! },
      payload,
    });
  const post = (user: string, url: string, payload: Record<string, unknown> = {}) =>
    app().app.inject({ method: "POST", url, headers: { cookie: cookies[user]! }, payload });
  const get = (user: string, url: string) =>
    app().app.inject({ method: "GET", url, headers: { cookie: cookies[user]! } });
  const review = (user: string, reportId: string, payload: Record<string, unknown>) =>
    post(user, `/api/reports/${reportId}/review`, payload);

  async function userId(username: string) {
    const [row] = await app().db.select({ id: users.id }).from(users).where(eq(users.username, username));
    return row!.id;
  }
  async function notificationsOf(username: string, kind?: string) {
    const rows = await app()
      .db.select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, await userId(username)),
          kind ? eq(notifications.kind, kind) : undefined,
        ),
      );
    return rows;
  }
  function stagingLeftovers(): string[] {
    const dir = path.join(app().dataDir, "tmp", "uploads");
    return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  }
  /** Everything a submission could write: rows in every table it touches, and files on disk. */
  async function snapshot() {
    const { db, store } = app();
    return {
      reports: await rowCount(db, progressReports),
      evidence: await rowCount(db, evidence),
      storedFiles: await rowCount(db, storedFiles),
      periods: await rowCount(db, reportingPeriods),
      audit: (await auditCounts(db)).writes,
      notifications: await rowCount(db, notifications),
      files: (await store.list()).length,
      staging: stagingLeftovers().length,
    };
  }

  return {
    policeTask,
    submit,
    submitJson,
    post,
    get,
    review,
    userId,
    notificationsOf,
    stagingLeftovers,
    snapshot,
  };
}

export const pdfFile = (name = "Báo cáo kết quả.pdf"): FormFile => ({
  name,
  type: "application/pdf",
  bytes: samples.pdf(),
});
