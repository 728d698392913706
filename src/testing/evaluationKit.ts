import { sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import {
  agencies,
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
import type { AgencyLevel } from "../domain/agencyLevels.ts";
import type { IsoDate } from "../domain/dates.ts";
import type { DeadlineKind } from "../domain/deadline.ts";
import { periodContaining } from "../domain/periods.ts";
import { makeTenant } from "./factories.ts";

/**
 * Builds the rows early warning and ranking read, with chosen dates: a province, agencies, a
 * monthly plan (cut-off day 10) issued on a given day, and assignments with their reports,
 * reviews and deadline changes written as the commands would have left them. The status facts
 * are derived by the database (`refresh`) as every write does.
 */
export interface ReportSpec {
  /** The day (Vietnam) it was submitted; the period is the month containing `period` or this day. */
  on: IsoDate;
  period?: IsoDate;
  percent?: number;
  state?: "submitted" | "approved" | "returned";
  completion?: boolean;
  /** The day of the office's decision (approved or returned). */
  reviewedOn?: IsoDate;
}

export interface AssignmentSpec {
  agencyId: string;
  due: IsoDate | null;
  kind?: DeadlineKind;
  reports?: ReportSpec[];
  /** A refused deadline change, decided on that day. */
  refusedOn?: IsoDate;
}

/** Noon in Vietnam of a day: clear of midnight in either zone. */
const noon = (day: IsoDate) => new Date(`${day}T05:00:00Z`);

export async function evaluationWorld(db: Database, options: { issuedOn: IsoDate }) {
  const tenantId = await makeTenant(db);
  const [user] = await db
    .insert(users)
    .values({ tenantId, username: `eval-${tenantId.slice(0, 8)}`, displayName: "Thử", passwordHash: "x" })
    .returning();
  const userId = user!.id;
  let position = 0;

  async function agency(name: string, level: AgencyLevel, parentId: string | null = null) {
    const [row] = await db
      .insert(agencies)
      .values({ tenantId, level, name, nameKey: agencyKey(name), parentId })
      .returning();
    return row!.id;
  }

  async function plan(name: string, issuedOn: IsoDate = options.issuedOn) {
    const [document] = await db
      .insert(documents)
      .values({ tenantId, number: `${++position}/KH-UBND`, issuedOn })
      .returning();
    const [row] = await db
      .insert(plans)
      .values({ tenantId, documentId: document!.id, name, reportingFrequency: "month", cutoffDay: 10 })
      .returning();
    return row!.id;
  }

  async function periodId(planId: string, day: IsoDate) {
    const p = periodContaining(day, "month", 10);
    await db.execute(sql`insert into reporting_periods (tenant_id, plan_id, kind, starts_on, ends_on, cutoff_on)
      values (${tenantId}, ${planId}, 'month', ${p.startsOn}, ${p.endsOn}, ${p.cutoffOn}) on conflict do nothing`);
    const rows = (await db.execute(sql`select id::text as id from reporting_periods
      where tenant_id = ${tenantId} and plan_id = ${planId} and starts_on = ${p.startsOn}`)) as unknown as
      | { rows: { id: string }[] }
      | { id: string }[];
    const list = Array.isArray(rows) ? rows : rows.rows;
    return list[0]!.id;
  }

  async function assign(planId: string, spec: AssignmentSpec) {
    position++;
    const kind = spec.kind ?? (spec.due ? "date" : "recurring");
    const [task] = await db
      .insert(tasks)
      .values({
        tenantId,
        planId,
        number: String(position),
        ref: `I.${position}`,
        title: `Nhiệm vụ thử ${position}`,
        deadlineKind: kind,
        dueOn: spec.due,
        position,
      })
      .returning();
    const [assignment] = await db
      .insert(assignments)
      .values({ tenantId, taskId: task!.id, agencyId: spec.agencyId, role: "lead", dueOn: spec.due })
      .returning();
    const assignmentId = assignment!.id;
    for (const report of spec.reports ?? []) {
      const state = report.state ?? "submitted";
      const [row] = await db
        .insert(progressReports)
        .values({
          tenantId,
          assignmentId,
          periodId: await periodId(planId, report.period ?? report.on),
          percent: report.percent ?? null,
          claimsCompletion: report.completion ?? false,
          state,
          submittedBy: userId,
          submittedAt: noon(report.on),
        })
        .returning();
      if (state !== "submitted") {
        await db.insert(reviews).values({
          tenantId,
          reportId: row!.id,
          reviewerId: userId,
          decision: state === "approved" ? "approve" : "return",
          createdAt: noon(report.reviewedOn ?? report.on),
        });
      }
    }
    if (spec.refusedOn) {
      await db.insert(deadlineChanges).values({
        tenantId,
        assignmentId,
        previousDueOn: spec.due,
        requestedDueOn: "2099-12-31",
        reason: "thử",
        requestedBy: userId,
        state: "refused",
        decidedBy: userId,
        decidedAt: noon(spec.refusedOn),
      });
    }
    return { assignmentId, taskId: task!.id };
  }

  return {
    tenantId,
    agency,
    plan,
    assign,
    refresh: () => refreshStatusFacts(db, tenantId),
  };
}
