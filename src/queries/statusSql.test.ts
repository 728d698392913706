import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client.ts";
import { rowsOf } from "../db/migrate.ts";
import {
  agencies,
  assignmentStatusFacts,
  assignments,
  deadlineChanges,
  documents,
  plans,
  progressReports,
  reviews,
  tasks,
  users,
} from "../db/schema/index.ts";
import { refreshStatusFacts } from "../db/statusFacts.ts";
import { agencyKey } from "../domain/agencyKey.ts";
import { addDays, type IsoDate, vietnamDate } from "../domain/dates.ts";
import { type AssignmentFacts, assignmentStatus } from "../domain/status.ts";
import { createTestDatabase } from "../testing/database.ts";
import { makeTenant } from "../testing/factories.ts";
import {
  daysLeftSql,
  daysOverdueSql,
  dueAsOfSql,
  dueSoonSql,
  mayBeDueSoonSql,
  mayBeOverdueSql,
  statusSql,
  unreportedSql,
} from "./statusSql.ts";

/**
 * The SQL status expression must say what src/domain/status.ts says, for any history and any
 * day. Random histories (reports in every state, reviews, reopened approvals, deadline changes
 * approved, refused or pending, instants near midnight in Vietnam) are written as raw rows,
 * their facts derived by the database, and every day of a window compared with the domain.
 */
const START = "2026-01-01";
const WINDOW = 75;

type ReportState = "draft" | "awaiting_head" | "submitted" | "approved" | "returned";
interface History {
  deadlineKind: AssignmentFacts["deadlineKind"];
  originalDay: number | null;
  reports: { day: number; hour: number; state: ReportState; claims: boolean; reviewDay: number }[];
  changes: { day: number; hour: number; newDueDay: number; state: "approved" | "refused" | "pending" }[];
}

const instant = (day: number, hour: number, minute = 0) =>
  new Date(Date.parse(`${addDays(START, day)}T00:00:00Z`) + hour * 3_600_000 + minute * 60_000);
const dayOf = (day: number) => addDays(START, day);

const historyArb: fc.Arbitrary<History> = fc
  .record({
    deadlineKind: fc.constantFrom("date", "month", "quarter", "year", "recurring", "unspecified"),
    originalDay: fc.option(fc.integer({ min: 0, max: WINDOW }), { nil: null }),
    reports: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: WINDOW }),
        // Hours from UTC midnight: 17–23 fall on the next day in Vietnam.
        hour: fc.integer({ min: 0, max: 23 }),
        state: fc.constantFrom<ReportState>("draft", "awaiting_head", "submitted", "approved", "returned"),
        claims: fc.boolean(),
        reviewDay: fc.integer({ min: 0, max: 20 }),
      }),
      { maxLength: 5 },
    ),
    changes: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: WINDOW }),
        hour: fc.integer({ min: 0, max: 23 }),
        newDueDay: fc.integer({ min: 0, max: WINDOW + 20 }),
        state: fc.constantFrom("approved", "refused", "pending"),
      }),
      { maxLength: 3 },
    ),
  })
  .map((h) => ({
    ...h,
    // Recurring and unspecified deadlines may have no date; dated kinds always have one.
    originalDay:
      h.deadlineKind === "recurring" || h.deadlineKind === "unspecified"
        ? h.originalDay
        : (h.originalDay ?? 30),
  }));

/** Approved changes in the order they were decided; the minute keeps two decisions apart. */
const approvedChanges = (h: History) =>
  h.changes
    .map((c, i) => ({ ...c, at: instant(c.day, c.hour, i) }))
    .filter((c) => c.state === "approved")
    .sort((a, b) => a.at.getTime() - b.at.getTime());

/** The domain's inputs, derived from the history by the rules the facts follow. */
function factsOf(h: History): AssignmentFacts {
  const approved = approvedChanges(h).map((c) => ({ at: c.at, newDue: dayOf(c.newDueDay) }));
  const active = h.reports.filter((r) => ["awaiting_head", "submitted", "approved"].includes(r.state));
  const completions = h.reports
    .filter((r) => r.state === "approved" && r.claims)
    .map((r) => ({
      submittedOn: vietnamDate(instant(r.day, r.hour)),
      approvedOn: vietnamDate(instant(r.day + r.reviewDay, r.hour)),
    }))
    .sort((a, b) => a.approvedOn.localeCompare(b.approvedOn) || a.submittedOn.localeCompare(b.submittedOn));
  return {
    deadlineKind: h.deadlineKind,
    originalDue: h.originalDay === null ? null : dayOf(h.originalDay),
    deadlineChanges: approved.map((c) => ({ newDue: c.newDue, approvedOn: vietnamDate(c.at) })),
    activeReportDates: active.map((r) => vietnamDate(instant(r.day, r.hour))),
    completion: completions[0] ?? null,
  };
}

let handle: DatabaseHandle;
let tenantId: string;
let planId: string;
let agencyId: string;
let userId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  tenantId = await makeTenant(db);
  const [agency] = await db
    .insert(agencies)
    .values({ tenantId, level: "department", name: "Sở Thử", nameKey: agencyKey("Sở Thử") })
    .returning();
  agencyId = agency!.id;
  const [user] = await db
    .insert(users)
    .values({ tenantId, username: `u-${tenantId.slice(0, 8)}`, displayName: "Thử", passwordHash: "x" })
    .returning();
  userId = user!.id;
  const [document] = await db.insert(documents).values({ tenantId, number: "1/KH-UBND" }).returning();
  const [plan] = await db
    .insert(plans)
    .values({ tenantId, documentId: document!.id, name: "Kế hoạch thử" })
    .returning();
  planId = plan!.id;
});

afterAll(async () => {
  await handle?.close();
});

let position = 0;

/** Writes the history as the commands would have left it, and returns the assignment id. */
async function writeHistory(h: History): Promise<string> {
  const db = handle.db;
  position++;
  const original = h.originalDay === null ? null : dayOf(h.originalDay);
  const [task] = await db
    .insert(tasks)
    .values({
      tenantId,
      planId,
      number: String(position),
      ref: `I.${position}`,
      title: "Nhiệm vụ thử",
      deadlineKind: h.deadlineKind,
      dueOn: original,
      position,
    })
    .returning();
  const approved = approvedChanges(h);
  const [assignment] = await db
    .insert(assignments)
    .values({
      tenantId,
      taskId: task!.id,
      agencyId,
      role: "lead",
      dueOn: approved.length ? dayOf(approved.at(-1)!.newDueDay) : original,
    })
    .returning();
  const assignmentId = assignment!.id;
  let previous = original;
  for (const change of approved) {
    await db.insert(deadlineChanges).values({
      tenantId,
      assignmentId,
      previousDueOn: previous,
      requestedDueOn: dayOf(change.newDueDay),
      reason: "thử",
      requestedBy: userId,
      state: "approved",
      decidedBy: userId,
      decidedAt: change.at,
    });
    previous = dayOf(change.newDueDay);
  }
  // Only one request may be pending at a time.
  const others = h.changes.filter((c) => c.state !== "approved");
  for (const [i, change] of others.entries()) {
    const state = change.state === "pending" && i > 0 ? "refused" : change.state;
    await db.insert(deadlineChanges).values({
      tenantId,
      assignmentId,
      requestedDueOn: dayOf(change.newDueDay),
      reason: "thử",
      requestedBy: userId,
      state,
      decidedAt: state === "pending" ? null : instant(change.day, change.hour),
    });
  }
  for (const report of h.reports) {
    const submittedAt = report.state === "draft" ? null : instant(report.day, report.hour);
    const [row] = await db
      .insert(progressReports)
      .values({
        tenantId,
        assignmentId,
        state: report.state,
        claimsCompletion: report.claims,
        submittedBy: submittedAt ? userId : null,
        submittedAt,
      })
      .returning();
    if (report.state === "approved" || report.state === "returned") {
      await db.insert(reviews).values({
        tenantId,
        reportId: row!.id,
        reviewerId: userId,
        decision: report.state === "approved" ? "approve" : "return",
        createdAt: instant(report.day + report.reviewDay, report.hour),
      });
    }
  }
  await refreshStatusFacts(db, tenantId, { assignmentIds: [assignmentId] });
  return assignmentId;
}

/** Every day of the window at once: the as-of day is a column of generate_series. */
async function sqlStatuses(assignmentId: string) {
  const asOf = sql`d.day::date`;
  const result = await handle.db.execute(sql`
    select d.day::date::text as "asOf", ${statusSql(asOf)} as status, ${dueAsOfSql(asOf)}::text as due,
           ${daysOverdueSql(asOf)} as "daysOverdue", ${dueSoonSql(asOf, 7)} as "dueSoon",
           ${daysLeftSql(asOf)} as "daysLeft", ${unreportedSql(asOf)} as unreported,
           ${mayBeOverdueSql(asOf)} as "mayBeOverdue",
           ${mayBeDueSoonSql(asOf, 7)} as "mayBeDueSoon"
    from ${assignmentStatusFacts}
    cross join generate_series(${dayOf(-5)}::date, ${dayOf(WINDOW + 30)}::date, interval '1 day') as d(day)
    where ${assignmentStatusFacts.tenantId} = ${tenantId}
      and ${assignmentStatusFacts.assignmentId} = ${assignmentId}
    order by d.day`);
  return rowsOf<{
    asOf: IsoDate;
    status: string;
    due: string | null;
    daysOverdue: number | string | null;
    dueSoon: boolean;
    daysLeft: number | string | null;
    unreported: boolean;
    mayBeOverdue: boolean;
    mayBeDueSoon: boolean;
  }>(result).map((r) => ({
    asOf: r.asOf,
    status: r.status,
    due: r.due,
    daysOverdue: r.daysOverdue === null ? null : Number(r.daysOverdue),
    dueSoon: r.dueSoon,
    daysLeft: r.daysLeft === null ? null : Number(r.daysLeft),
    unreported: r.unreported,
    mayBeOverdue: r.mayBeOverdue,
    mayBeDueSoon: r.mayBeDueSoon,
  }));
}

describe("status in SQL", () => {
  it("agrees with the domain rules for random histories on every day", async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, async (history) => {
        const assignmentId = await writeHistory(history);
        const facts = factsOf(history);
        const fromSql = await sqlStatuses(assignmentId);
        expect(fromSql).toHaveLength(WINDOW + 36);
        for (const { mayBeOverdue, mayBeDueSoon, ...row } of fromSql) {
          const expected = assignmentStatus(facts, row.asOf);
          // The narrowing conditions of a filter never drop a lead that has the status.
          if (expected.status === "overdue") expect(mayBeOverdue, row.asOf).toBe(true);
          if (expected.dueSoon) expect(mayBeDueSoon, row.asOf).toBe(true);
          expect(row).toEqual({
            asOf: row.asOf,
            status: expected.status,
            due: expected.due,
            daysOverdue: expected.daysOverdue,
            dueSoon: expected.dueSoon,
            daysLeft: expected.daysLeft,
            unreported: expected.unreported,
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it("refreshing again from the same raw rows changes nothing", async () => {
    for (const history of fc.sample(historyArb, { numRuns: 10, seed: 1 })) await writeHistory(history);
    const before = await handle.db.select().from(assignmentStatusFacts);
    await refreshStatusFacts(handle.db, tenantId);
    const after = await handle.db.select().from(assignmentStatusFacts);
    const strip = (rows: typeof before) =>
      rows
        .map(({ refreshedAt: _r, ...rest }) => rest)
        .sort((a, b) => a.assignmentId.localeCompare(b.assignmentId));
    expect(strip(after)).toEqual(strip(before));
    expect(after.length).toBeGreaterThan(0);
  });
});
