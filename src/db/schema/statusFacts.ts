import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { assignmentRole, assignments, deadlineKind } from "./plans.ts";
import { reportingPeriods } from "./reporting.ts";

/**
 * The facts an assignment's status derives from (PRODUCT.md §3), one row per assignment, kept
 * in the same transaction as every write that changes them (src/db/statusFacts.ts). Nothing
 * here is typed by a user: the whole table can be rebuilt from raw rows at any time, and the
 * status as of any day is one SQL expression over it (src/queries/statusSql.ts). The task's
 * plan, section and deadline kind are copied here so counts by plan, section and agency are a
 * GROUP BY over this table alone.
 */
export const assignmentStatusFacts = pgTable(
  "assignment_status_facts",
  {
    tenantId: uuid("tenant_id").notNull(),
    assignmentId: uuid("assignment_id").notNull(),
    taskId: uuid("task_id").notNull(),
    planId: uuid("plan_id").notNull(),
    sectionId: uuid("section_id"),
    agencyId: uuid("agency_id").notNull(),
    role: assignmentRole("role").notNull(),
    deadlineKind: deadlineKind("deadline_kind").notNull(),
    /** False once a re-import removed the task: its reports stay, it no longer counts. */
    live: boolean("live").notNull(),
    /** The due date the plan first set (before any approved change). */
    originalDueOn: date("original_due_on", { mode: "string" }),
    /** The due date in force after every approved change. */
    dueOn: date("due_on", { mode: "string" }),
    /** The day the latest approved change took effect; before it, `dueHistory` decides. */
    dueChangedOn: date("due_changed_on", { mode: "string" }),
    /** Approved changes in order: [{on, due}], for statuses as of a day before the last one. */
    dueHistory: jsonb("due_history").$type<{ on: string; due: string }[]>().notNull().default([]),
    /** The approved completion report: the day it was submitted (that is what counts) and approved. */
    completionSubmittedOn: date("completion_submitted_on", { mode: "string" }),
    completionApprovedOn: date("completion_approved_on", { mode: "string" }),
    /** Reports not returned (awaiting the head, submitted, approved): first and last submission. */
    firstReportedOn: date("first_reported_on", { mode: "string" }),
    lastReportedOn: date("last_reported_on", { mode: "string" }),
    reportCount: integer("report_count").notNull().default(0),
    /**
     * The day the assignment was made (Vietnam), its start when the plan's document has no date.
     * Never null once computed: a null marks a row written before this column, which migrate()
     * recomputes (refreshStatusFacts missingOnly).
     */
    assignedOn: date("assigned_on", { mode: "string" }),
    /** Days (ascending, one per review) the office decided the assignment's reports, and returned one. */
    reviewedDays: date("reviewed_days", { mode: "string" }).array().notNull().default(sql`'{}'::date[]`),
    returnedDays: date("returned_days", { mode: "string" }).array().notNull().default(sql`'{}'::date[]`),
    /** The latest progress percentage reported (report not returned) and the day it was submitted. */
    lastPercent: smallint("last_percent"),
    lastPercentOn: date("last_percent_on", { mode: "string" }),
    /**
     * The plan's periods (their first days, ascending) with a report not returned, and of those
     * the ones first reported after the period's cut-off; the day the latest of these first
     * reports came. The ranking counts periods reported from these while asked about a day on or
     * after that one, and from assignment_period_facts before it.
     */
    reportedPeriods: date("reported_periods", { mode: "string" })
      .array()
      .notNull()
      .default(sql`'{}'::date[]`),
    latePeriods: date("late_periods", { mode: "string" }).array().notNull().default(sql`'{}'::date[]`),
    lastPeriodReportOn: date("last_period_report_on", { mode: "string" }),
    refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.assignmentId] }),
    foreignKey({
      columns: [t.tenantId, t.assignmentId],
      foreignColumns: [assignments.tenantId, assignments.id],
    }).onDelete("cascade"),
    index("assignment_status_facts_plan_idx").on(t.tenantId, t.planId, t.role),
    index("assignment_status_facts_task_idx").on(t.tenantId, t.taskId, t.role),
    index("assignment_status_facts_agency_idx").on(t.tenantId, t.agencyId, t.role),
    index("assignment_status_facts_due_idx").on(t.tenantId, t.dueOn),
  ],
);

/**
 * Recurring tasks are judged period by period: for each assignment and reporting period, the
 * first and last submission of a report that was not returned. A period with no row had no
 * such report; whether that is "missing" or still "open" depends on the day asked about.
 */
export const assignmentPeriodFacts = pgTable(
  "assignment_period_facts",
  {
    tenantId: uuid("tenant_id").notNull(),
    assignmentId: uuid("assignment_id").notNull(),
    periodId: uuid("period_id").notNull(),
    firstSubmittedOn: date("first_submitted_on", { mode: "string" }).notNull(),
    lastSubmittedOn: date("last_submitted_on", { mode: "string" }).notNull(),
    /** Every report of the period said "không phát sinh". */
    nothingToReport: boolean("nothing_to_report").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.assignmentId, t.periodId] }),
    foreignKey({
      columns: [t.tenantId, t.assignmentId],
      foreignColumns: [assignments.tenantId, assignments.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.tenantId, t.periodId],
      foreignColumns: [reportingPeriods.tenantId, reportingPeriods.id],
    }).onDelete("cascade"),
    index("assignment_period_facts_period_idx").on(t.tenantId, t.periodId),
  ],
);
