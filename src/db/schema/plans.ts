import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
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
import { assignmentRoles, deadlineChangeStates } from "../../domain/assignments.ts";
import { deadlineKinds } from "../../domain/deadline.ts";
import { periodKinds } from "../../domain/periods.ts";
import { agencies } from "./agencies.ts";
import { createdAt, softDelete, tenantColumns, updatedAt } from "./columns.ts";
import { tenants } from "./tenancy.ts";

/** A directive document (văn bản): number, type, issuer, date, title. */
export const documents = pgTable(
  "documents",
  {
    ...tenantColumns(),
    /** Số hiệu as written, spaces removed ("3450/KH-UBND"). */
    number: text("number"),
    /** Folded number used to recognise the same document despite typos (BCĐTƯ/BCĐTW). */
    numberKey: text("number_key"),
    type: text("type"),
    issuer: text("issuer"),
    issuedOn: date("issued_on", { mode: "string" }),
    title: text("title"),
    /** The body's "Tổ chức thực hiện" section, kept beside a plan whose tasks came from a table. */
    organisationText: text("organisation_text"),
    /** SHA-256 of the imported file, when the document came from a file. */
    fileSha256: text("file_sha256"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }),
    index("documents_number_idx").on(t.tenantId, t.numberKey),
  ],
);

export const reportingFrequency = pgEnum("reporting_frequency", periodKinds);

/** A plan is a document whose tasks are followed; reporting rules are set per plan. */
export const plans = pgTable(
  "plans",
  {
    ...tenantColumns(),
    documentId: uuid("document_id").notNull(),
    name: text("name").notNull(),
    year: smallint("year"),
    reportingFrequency: reportingFrequency("reporting_frequency").notNull().default("month"),
    /** Day of the month after a period on which reports for that period close. */
    cutoffDay: smallint("cutoff_day").notNull().default(10),
    requireHeadApproval: boolean("require_head_approval").notNull().default(false),
    dueSoonDays: smallint("due_soon_days").notNull().default(7),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    ...softDelete(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.documentId], foreignColumns: [documents.tenantId, documents.id] }),
  ],
);

/** Roman-numeral sections of a plan's task table (I, II, … VIII). */
export const planSections = pgTable(
  "plan_sections",
  {
    ...tenantColumns(),
    planId: uuid("plan_id").notNull(),
    numeral: text("numeral").notNull(),
    title: text("title").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete(
      "cascade",
    ),
    unique("plan_sections_numeral").on(t.tenantId, t.planId, t.numeral),
  ],
);

export const deadlineKind = pgEnum("deadline_kind", deadlineKinds);

export const tasks = pgTable(
  "tasks",
  {
    ...tenantColumns(),
    planId: uuid("plan_id").notNull(),
    sectionId: uuid("section_id"),
    /** As written (may be "11.1"); gaps are kept. */
    number: text("number").notNull(),
    /** Section + "." + number, unique within the plan ("V.12"). */
    ref: text("ref").notNull(),
    title: text("title").notNull(),
    responsible: text("responsible").notNull().default(""),
    output: text("output").notNull().default(""),
    note: text("note").notNull().default(""),
    /** Agencies as the document wrote them; assignments hold the resolved agencies. */
    leadsText: jsonb("leads_text").$type<string[]>().notNull().default([]),
    coordinatorsText: jsonb("coordinators_text").$type<string[]>().notNull().default([]),
    /** Numbers of the documents cited as assigning this task (Văn bản giao). */
    sources: jsonb("sources").$type<string[]>().notNull().default([]),
    deadlineText: text("deadline_text").notNull().default(""),
    deadlineKind: deadlineKind("deadline_kind").notNull(),
    /** Inclusive due date read from the document; null for recurring/unspecified without a final date. */
    dueOn: date("due_on", { mode: "string" }),
    position: integer("position").notNull(),
    /** Title, number and agencies folded (no diacritics, lower case): "cong an" finds "Công an". */
    searchKey: text("search_key").notNull().default(""),
    /** Set when a re-imported version of the document no longer has this task; reports are kept. */
    removedAt: timestamp("removed_at", { withTimezone: true }),
    ...softDelete(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete(
      "cascade",
    ),
    foreignKey({
      columns: [t.tenantId, t.sectionId],
      foreignColumns: [planSections.tenantId, planSections.id],
    }),
    /**
     * A ref names one live task of the plan; tasks a re-import marked removed keep their ref (and
     * their reports) while a renumbered task may take it over.
     */
    uniqueIndex("tasks_plan_ref").on(t.tenantId, t.planId, t.ref).where(sql`removed_at is null`),
    index("tasks_plan_idx").on(t.tenantId, t.planId, t.position),
  ],
);

export const taskLinkKind = pgEnum("task_link_kind", ["restates", "duplicates"]);

/**
 * A task restating an upstream task (a provincial task citing "Kế hoạch số 04-KH/BCĐTW"). The
 * upstream task may live in another tenant (the central level), so it is referenced by id
 * without a foreign key; the cited document number is always kept.
 */
export const taskLinks = pgTable(
  "task_links",
  {
    ...tenantColumns(),
    taskId: uuid("task_id").notNull(),
    kind: taskLinkKind("kind").notNull().default("restates"),
    upstreamDocumentNumber: text("upstream_document_number").notNull(),
    upstreamTenantId: uuid("upstream_tenant_id"),
    upstreamTaskId: uuid("upstream_task_id"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.taskId], foreignColumns: [tasks.tenantId, tasks.id] }).onDelete(
      "cascade",
    ),
    index("task_links_upstream_idx").on(t.upstreamTenantId, t.upstreamTaskId),
  ],
);

export const assignmentRole = pgEnum("assignment_role", assignmentRoles);

/**
 * Task × agency × role. Statuses belong to lead assignments and are computed (src/domain), never
 * typed: dueOn follows approved deadline changes; completedOn is the submission date of the
 * approved completion report.
 */
export const assignments = pgTable(
  "assignments",
  {
    ...tenantColumns(),
    taskId: uuid("task_id").notNull(),
    agencyId: uuid("agency_id").notNull(),
    role: assignmentRole("role").notNull(),
    /** The group named in the document ("Các sở, ban, ngành") this assignment was expanded from. */
    viaGroupId: uuid("via_group_id"),
    dueOn: date("due_on", { mode: "string" }),
    completedOn: date("completed_on", { mode: "string" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.taskId], foreignColumns: [tasks.tenantId, tasks.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [t.tenantId, t.agencyId], foreignColumns: [agencies.tenantId, agencies.id] }),
    unique("assignments_task_agency_role").on(t.tenantId, t.taskId, t.agencyId, t.role),
    index("assignments_agency_idx").on(t.tenantId, t.agencyId),
  ],
);

export const decisionState = pgEnum("decision_state", deadlineChangeStates);

/** A request to move an assignment's due date; the original stays here and in reports. */
export const deadlineChanges = pgTable(
  "deadline_changes",
  {
    ...tenantColumns(),
    assignmentId: uuid("assignment_id").notNull(),
    previousDueOn: date("previous_due_on", { mode: "string" }),
    requestedDueOn: date("requested_due_on", { mode: "string" }).notNull(),
    reason: text("reason").notNull(),
    requestedBy: uuid("requested_by").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    state: decisionState("state").notNull().default("pending"),
    decidedBy: uuid("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionComment: text("decision_comment"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.assignmentId],
      foreignColumns: [assignments.tenantId, assignments.id],
    }).onDelete("cascade"),
    /** At most one pending request per assignment. */
    uniqueIndex("deadline_changes_one_pending").on(t.tenantId, t.assignmentId).where(sql`state = 'pending'`),
    /** Status facts read an assignment's approved changes. */
    index("deadline_changes_assignment_idx").on(t.tenantId, t.assignmentId),
  ],
);
