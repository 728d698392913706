import { and, asc, count, eq, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../db/client.ts";
import { liveTask } from "../db/liveRows.ts";
import {
  agencies,
  assignments,
  plans,
  progressReports,
  reportingPeriods,
  tasks,
} from "../db/schema/index.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";
import { isAgencyHead } from "../domain/agencyStaff.ts";
import { INT4_MAX } from "../domain/inputSafety.ts";
import type { Principal } from "../policies/principal.ts";
import { reportPolicy } from "../policies/report.ts";
import { evidenceOfReports } from "./evidence.ts";
import { decodeCursor, encodeCursor, invalidCursorMessage } from "./keyset.ts";
import { periodLabel, userNames } from "./reports.ts";

/**
 * The queue's sort key: submission time, then id. The time travels as PostgreSQL's own text so
 * that its microseconds survive (a JavaScript Date would cut them and repeat the last row).
 */
const queueCursor = z.tuple([z.string().refine(isTimestamp), z.uuid()]);

/**
 * PostgreSQL's text of a timestamptz ("2026-12-03 12:45:47.123456+00") naming a time that
 * exists: a well-formed but impossible one (month 13) would fail the statement's ::timestamptz.
 */
export function isTimestamp(text: string): boolean {
  const parts = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(\.\d{1,6})?(Z|[+-]\d\d(:?\d\d)?)$/.exec(text);
  if (!parts) return false;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return (
    date.getUTCMonth() === month! - 1 &&
    date.getUTCDate() === day! &&
    hour! < 24 &&
    minute! < 60 &&
    second! < 60
  );
}
const readQueueCursor = (after: string | undefined) => decodeCursor(after, queueCursor);

/** A page of the queue; shared by the API and the web. */
export const reviewQueuePage = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(INT4_MAX).default(0),
    /** Keyset pagination: the `nextCursor` of the previous page (then `offset` is ignored). */
    after: z.string().max(200).optional(),
  })
  .refine((page) => !page.after || readQueueCursor(page.after), {
    path: ["after"],
    message: invalidCursorMessage,
  });

/**
 * Reports waiting for the principal's decision, oldest first: submitted ones for the standing
 * office (and administrators), their own agency's awaiting_head ones for agency heads. Read a
 * page at a time along progress_reports_queue_idx; `after` is the previous page's nextCursor.
 */
export async function listReviewQueue(
  db: Executor,
  tenantId: string,
  principal: Principal,
  page: z.infer<typeof reviewQueuePage>,
) {
  const reviews = reportPolicy.review(principal).allowed;
  const headOf = isAgencyHead(principal) ? principal.agencyId : null;
  const waiting: SQL[] = [];
  if (reviews) waiting.push(eq(progressReports.state, "submitted"));
  if (headOf) {
    waiting.push(and(eq(progressReports.state, "awaiting_head"), eq(assignments.agencyId, headOf))!);
  }
  if (waiting.length === 0) return { total: 0, nextCursor: null, items: [] };
  const cursor = readQueueCursor(page.after);
  const condition = inTenant(
    progressReports,
    tenantId,
    or(...waiting),
    liveTask(),
    cursor
      ? sql`(${progressReports.submittedAt}, ${progressReports.id}) > (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`
      : undefined,
  );
  const base = db
    .select({
      id: progressReports.id,
      state: progressReports.state,
      version: progressReports.version,
      percent: progressReports.percent,
      nothingToReport: progressReports.nothingToReport,
      claimsCompletion: progressReports.claimsCompletion,
      narrative: progressReports.narrative,
      submittedBy: progressReports.submittedBy,
      submittedAt: progressReports.submittedAt,
      submittedAtKey: sql<string | null>`${progressReports.submittedAt}::text`,
      assignmentId: assignments.id,
      agencyId: assignments.agencyId,
      agencyName: agencies.name,
      dueOn: assignments.dueOn,
      taskId: tasks.id,
      taskRef: tasks.ref,
      taskTitle: tasks.title,
      planId: plans.id,
      planName: plans.name,
      periodKind: reportingPeriods.kind,
      periodStartsOn: reportingPeriods.startsOn,
    })
    .from(progressReports)
    .innerJoin(assignments, tenantJoin(assignments.id, progressReports.assignmentId))
    .innerJoin(agencies, tenantJoin(agencies.id, assignments.agencyId))
    .innerJoin(tasks, tenantJoin(tasks.id, assignments.taskId))
    .innerJoin(plans, tenantJoin(plans.id, tasks.planId))
    .leftJoin(reportingPeriods, tenantJoin(reportingPeriods.id, progressReports.periodId))
    .where(condition);
  const rows = await base
    .orderBy(asc(progressReports.submittedAt), asc(progressReports.id))
    .limit(page.limit)
    .offset(cursor ? 0 : page.offset);
  const total = await queueSize(db, tenantId, reviews, headOf);

  const evidenceByReport = await evidenceOfReports(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  const names = await userNames(
    db,
    tenantId,
    rows.map((r) => r.submittedBy),
  );
  const last = rows.at(-1);
  return {
    total,
    nextCursor:
      last?.submittedAtKey && rows.length === page.limit
        ? encodeCursor([last.submittedAtKey, last.id])
        : null,
    items: rows.map((r) => ({
      id: r.id,
      state: r.state,
      version: r.version,
      percent: r.percent,
      nothingToReport: r.nothingToReport,
      claimsCompletion: r.claimsCompletion,
      narrative: r.narrative,
      submittedBy: r.submittedBy ? { id: r.submittedBy, displayName: names.get(r.submittedBy) ?? "" } : null,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      assignmentId: r.assignmentId,
      agencyId: r.agencyId,
      agencyName: r.agencyName,
      dueOn: r.dueOn,
      taskId: r.taskId,
      taskRef: r.taskRef,
      taskTitle: r.taskTitle,
      planId: r.planId,
      planName: r.planName,
      periodLabel:
        r.periodKind && r.periodStartsOn
          ? periodLabel({ kind: r.periodKind, startsOn: r.periodStartsOn })
          : null,
      evidenceCount: evidenceByReport.get(r.id)?.length ?? 0,
      evidence: evidenceByReport.get(r.id) ?? [],
    })),
  };
}

/** How many wait, on tasks still followed (a deleted task's reports leave the queue with it). */
async function queueSize(db: Executor, tenantId: string, reviews: boolean, headOf: string | null) {
  const [submitted] = reviews
    ? await db
        .select({ n: count() })
        .from(progressReports)
        .innerJoin(assignments, tenantJoin(assignments.id, progressReports.assignmentId))
        .innerJoin(tasks, tenantJoin(tasks.id, assignments.taskId))
        .where(inTenant(progressReports, tenantId, eq(progressReports.state, "submitted"), liveTask()))
    : [];
  const [awaitingHead] = headOf
    ? await db
        .select({ n: count() })
        .from(progressReports)
        .innerJoin(assignments, tenantJoin(assignments.id, progressReports.assignmentId))
        .innerJoin(tasks, tenantJoin(tasks.id, assignments.taskId))
        .where(
          inTenant(
            progressReports,
            tenantId,
            eq(progressReports.state, "awaiting_head"),
            eq(assignments.agencyId, headOf),
            liveTask(),
          ),
        )
    : [];
  return Number(submitted?.n ?? 0) + Number(awaitingHead?.n ?? 0);
}
