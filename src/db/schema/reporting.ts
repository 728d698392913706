import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { evidenceKinds, reportStates, reviewDecisions } from "../../domain/reports.ts";
import { users } from "./accounts.ts";
import { createdAt, tenantColumns, updatedAt } from "./columns.ts";
import { assignments, plans, reportingFrequency, tasks } from "./plans.ts";

/** A month or quarter of a plan, with the day its reports close. */
export const reportingPeriods = pgTable(
  "reporting_periods",
  {
    ...tenantColumns(),
    planId: uuid("plan_id").notNull(),
    kind: reportingFrequency("kind").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    cutoffOn: date("cutoff_on", { mode: "string" }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete(
      "cascade",
    ),
    unique("reporting_periods_plan_start").on(t.tenantId, t.planId, t.startsOn),
  ],
);

export const reportState = pgEnum("report_state", reportStates);

/** An agency's progress report on one assignment for one period. */
export const progressReports = pgTable(
  "progress_reports",
  {
    ...tenantColumns(),
    assignmentId: uuid("assignment_id").notNull(),
    periodId: uuid("period_id"),
    percent: smallint("percent"),
    narrative: text("narrative").notNull().default(""),
    difficulties: text("difficulties").notNull().default(""),
    proposals: text("proposals").notNull().default(""),
    /** "Không phát sinh": nothing happened in the period. */
    nothingToReport: boolean("nothing_to_report").notNull().default(false),
    claimsCompletion: boolean("claims_completion").notNull().default(false),
    state: reportState("state").notNull().default("draft"),
    submittedBy: uuid("submitted_by"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    headApprovedBy: uuid("head_approved_by"),
    headApprovedAt: timestamp("head_approved_at", { withTimezone: true }),
    /** The agency head sent the report back to the officer instead of forwarding it. */
    headReturnedBy: uuid("head_returned_by"),
    headReturnedAt: timestamp("head_returned_at", { withTimezone: true }),
    /** The head's comment when approving or returning. */
    headComment: text("head_comment").notNull().default(""),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    /** A reviewer lifted the lock (approval withdrawn, or a closed period opened again for it). */
    reopenedBy: uuid("reopened_by"),
    reopenedAt: timestamp("reopened_at", { withTimezone: true }),
    reopenReason: text("reopen_reason"),
    /** Optimistic concurrency: a review states the version it saw. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.assignmentId],
      foreignColumns: [assignments.tenantId, assignments.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.tenantId, t.periodId],
      foreignColumns: [reportingPeriods.tenantId, reportingPeriods.id],
    }),
    foreignKey({ columns: [t.tenantId, t.submittedBy], foreignColumns: [users.tenantId, users.id] }),
    index("progress_reports_assignment_idx").on(t.tenantId, t.assignmentId),
    /** The review queue reads a state's reports oldest first, a page at a time (keyset). */
    index("progress_reports_queue_idx").on(t.tenantId, t.state, t.submittedAt, t.id),
    /** The dashboard's trend counts reports received per month from the index alone (issue 12). */
    index("progress_reports_submitted_idx").on(t.tenantId, t.submittedAt, t.assignmentId),
    /** At most one report per assignment and period waits for a decision at a time. */
    uniqueIndex("progress_reports_one_pending")
      .on(t.tenantId, t.assignmentId, t.periodId)
      .where(sql`state in ('awaiting_head', 'submitted')`),
  ],
);

/** Content-addressed file store index: one row per distinct content per tenant. */
export const storedFiles = pgTable(
  "stored_files",
  {
    tenantId: uuid("tenant_id").notNull(),
    sha256: text("sha256").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    mimeType: text("mime_type").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.sha256] })],
);

export const evidenceKind = pgEnum("evidence_kind", evidenceKinds);

/** Minh chứng: a file, a link or a cited document number attached to a report. */
export const evidence = pgTable(
  "evidence",
  {
    ...tenantColumns(),
    reportId: uuid("report_id").notNull(),
    kind: evidenceKind("kind").notNull(),
    sha256: text("sha256"),
    fileName: text("file_name"),
    url: text("url"),
    documentNumber: text("document_number"),
    createdBy: uuid("created_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.reportId],
      foreignColumns: [progressReports.tenantId, progressReports.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.tenantId, t.sha256],
      foreignColumns: [storedFiles.tenantId, storedFiles.sha256],
    }),
    index("evidence_report_idx").on(t.tenantId, t.reportId),
  ],
);

export const reviewDecision = pgEnum("review_decision", reviewDecisions);

/** The standing office's decision on a report; exactly one per report (unique). */
export const reviews = pgTable(
  "reviews",
  {
    ...tenantColumns(),
    reportId: uuid("report_id").notNull(),
    reviewerId: uuid("reviewer_id").notNull(),
    decision: reviewDecision("decision").notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.reportId],
      foreignColumns: [progressReports.tenantId, progressReports.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.tenantId, t.reviewerId], foreignColumns: [users.tenantId, users.id] }),
    unique("reviews_one_per_report").on(t.tenantId, t.reportId),
  ],
);

/** Ý kiến chỉ đạo: a leader's directive comment on a task. */
export const directiveComments = pgTable(
  "directive_comments",
  {
    ...tenantColumns(),
    taskId: uuid("task_id").notNull(),
    authorId: uuid("author_id").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.taskId], foreignColumns: [tasks.tenantId, tasks.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [t.tenantId, t.authorId], foreignColumns: [users.tenantId, users.id] }),
    index("directive_comments_task_idx").on(t.tenantId, t.taskId, t.createdAt),
  ],
);
