import { foldForSearch } from "../domain/text.ts";
import type { TenantSpec, TenantTree } from "./agencies.ts";
import type { AssignmentPlan } from "./assignments.ts";
import { instantOf } from "./calendar.ts";
import type { PlanRow, TaskRow } from "./plans.ts";
import type { EvidenceRow, ReportRow, ReviewRow } from "./reports.ts";
import type { TenantUsers } from "./users.ts";
import type { BulkWriter, Column, Table } from "./writer.ts";

/** Column lists of the tables the data set fills, registered parents first (the order rows must reach the database). */
const c = (name: string, type: Column["type"], dict = false): Column => ({ name, type, dict });
const tenantId = c("tenant_id", "uuid", true);

export function registerTables(w: BulkWriter) {
  return {
    tenants: w.table("tenants", [
      c("id", "uuid"),
      c("code", "text"),
      c("name", "text"),
      c("kind", "enum:tenant_kind", true),
      c("created_at", "ts", true),
    ]),
    agencies: w.table("agencies", [
      tenantId,
      c("id", "uuid"),
      c("parent_id", "uuid", true),
      c("level", "enum:agency_level", true),
      c("name", "text"),
      c("short_name", "text"),
      c("code", "text"),
      c("is_group", "bool", true),
      c("member_rule", "jsonb"),
      c("name_key", "text"),
      c("position", "int"),
      c("created_at", "ts", true),
      c("updated_at", "ts", true),
    ]),
    aliases: w.table("agency_aliases", [
      tenantId,
      c("id", "uuid"),
      c("agency_id", "uuid"),
      c("alias", "text"),
      c("alias_key", "text"),
      c("created_at", "ts", true),
    ]),
    groupMembers: w.table("agency_group_members", [
      tenantId,
      c("group_id", "uuid", true),
      c("member_id", "uuid"),
    ]),
    users: w.table("users", [
      tenantId,
      c("id", "uuid"),
      c("username", "text"),
      c("display_name", "text"),
      c("password_hash", "text", true),
      c("agency_id", "uuid", true),
      c("created_at", "ts", true),
      c("updated_at", "ts", true),
    ]),
    userRoles: w.table("user_roles", [tenantId, c("user_id", "uuid"), c("role", "enum:role_name", true)]),
    documents: w.table("documents", [
      tenantId,
      c("id", "uuid"),
      c("number", "text"),
      c("number_key", "text"),
      c("type", "text", true),
      c("issuer", "text", true),
      c("issued_on", "day"),
      c("title", "text"),
      c("created_at", "ts"),
    ]),
    plans: w.table("plans", [
      tenantId,
      c("id", "uuid"),
      c("document_id", "uuid"),
      c("name", "text"),
      c("year", "int", true),
      c("reporting_frequency", "enum:reporting_frequency", true),
      c("cutoff_day", "int", true),
      c("require_head_approval", "bool", true),
      c("created_at", "ts"),
      c("updated_at", "ts"),
    ]),
    sections: w.table("plan_sections", [
      tenantId,
      c("id", "uuid"),
      c("plan_id", "uuid", true),
      c("numeral", "text", true),
      c("title", "text", true),
      c("position", "int", true),
    ]),
    periods: w.table("reporting_periods", [
      tenantId,
      c("id", "uuid"),
      c("plan_id", "uuid", true),
      c("kind", "enum:reporting_frequency", true),
      c("starts_on", "day"),
      c("ends_on", "day"),
      c("cutoff_on", "day"),
    ]),
    tasks: w.table("tasks", [
      tenantId,
      c("id", "uuid"),
      c("plan_id", "uuid", true),
      c("section_id", "uuid", true),
      c("number", "text", true),
      c("ref", "text"),
      c("title", "text"),
      c("responsible", "text", true),
      c("output", "text", true),
      c("note", "text", true),
      c("leads_text", "jsonb", true),
      c("coordinators_text", "jsonb", true),
      c("sources", "jsonb", true),
      c("deadline_text", "text", true),
      c("deadline_kind", "enum:deadline_kind", true),
      c("due_on", "day", true),
      c("position", "int"),
      c("search_key", "text"),
      c("created_at", "ts", true),
      c("updated_at", "ts", true),
    ]),
    taskLinks: w.table("task_links", [
      tenantId,
      c("id", "uuid"),
      c("task_id", "uuid"),
      c("upstream_document_number", "text", true),
      c("upstream_tenant_id", "uuid", true),
      c("upstream_task_id", "uuid"),
      c("created_at", "ts", true),
    ]),
    assignments: w.table("assignments", [
      tenantId,
      c("id", "uuid"),
      c("task_id", "uuid"),
      c("agency_id", "uuid", true),
      c("role", "enum:assignment_role", true),
      c("via_group_id", "uuid", true),
      c("due_on", "day", true),
      c("completed_on", "day", true),
      c("created_at", "ts", true),
      c("updated_at", "ts", true),
    ]),
    deadlineChanges: w.table("deadline_changes", [
      tenantId,
      c("id", "uuid"),
      c("assignment_id", "uuid"),
      c("previous_due_on", "day"),
      c("requested_due_on", "day"),
      c("reason", "text", true),
      c("requested_by", "uuid", true),
      c("requested_at", "ts"),
      c("state", "enum:decision_state", true),
      c("decided_by", "uuid", true),
      c("decided_at", "ts"),
      c("decision_comment", "text", true),
    ]),
    reports: w.table("progress_reports", [
      tenantId,
      c("id", "uuid"),
      c("assignment_id", "uuid"),
      c("period_id", "uuid", true),
      c("percent", "int", true),
      c("narrative", "text", true),
      c("difficulties", "text", true),
      c("proposals", "text", true),
      c("nothing_to_report", "bool", true),
      c("claims_completion", "bool", true),
      c("state", "enum:report_state", true),
      c("submitted_by", "uuid", true),
      c("submitted_at", "ts"),
      c("head_approved_by", "uuid", true),
      c("head_approved_at", "ts"),
      c("locked_at", "ts"),
      c("reopened_by", "uuid", true),
      c("reopened_at", "ts"),
      c("reopen_reason", "text", true),
      c("version", "int", true),
      c("created_at", "ts"),
      c("updated_at", "ts"),
    ]),
    evidence: w.table("evidence", [
      tenantId,
      c("id", "uuid"),
      c("report_id", "uuid"),
      c("kind", "enum:evidence_kind", true),
      c("url", "text"),
      c("document_number", "text"),
      c("created_by", "uuid", true),
      c("created_at", "ts"),
    ]),
    reviews: w.table("reviews", [
      tenantId,
      c("id", "uuid"),
      c("report_id", "uuid"),
      c("reviewer_id", "uuid", true),
      c("decision", "enum:review_decision", true),
      c("comment", "text", true),
      c("created_at", "ts"),
    ]),
  };
}

export type Tables = ReturnType<typeof registerTables>;

export function addTree(t: Tables, spec: TenantSpec, tree: TenantTree, at: number) {
  t.tenants.add([spec.id, spec.code, spec.name, spec.kind, at]);
  for (const a of tree.agencies) {
    const rule = a.memberRule ? JSON.stringify(a.memberRule) : null;
    t.agencies.add([
      spec.id,
      a.id,
      a.parentId,
      a.level,
      a.name,
      a.shortName,
      a.code,
      a.isGroup,
      rule,
      a.nameKey,
      a.position,
      at,
      at,
    ]);
  }
  for (const a of tree.aliases) t.aliases.add([spec.id, a.id, a.agencyId, a.alias, a.aliasKey, at]);
  for (const m of tree.members) t.groupMembers.add([spec.id, m.groupId, m.memberId]);
}

export function addUsers(t: Tables, spec: TenantSpec, users: TenantUsers, passwordHash: string, at: number) {
  for (const u of users.rows) {
    t.users.add([spec.id, u.id, u.username, u.displayName, passwordHash, u.agencyId, at, at]);
    for (const role of u.roles) t.userRoles.add([spec.id, u.id, role]);
  }
}

export function addPlan(t: Tables, spec: TenantSpec, plan: PlanRow) {
  const at = instantOf(plan.issued, 9 * 60);
  const numberKey = foldForSearch(plan.number).replace(/\s+/g, "");
  t.documents.add([
    spec.id,
    plan.documentId,
    plan.number,
    numberKey,
    plan.type,
    plan.issuer,
    plan.issued,
    plan.title,
    at,
  ]);
  t.plans.add([
    spec.id,
    plan.id,
    plan.documentId,
    plan.name,
    plan.year,
    plan.frequency,
    plan.cutoffDay,
    plan.requireHeadApproval,
    at,
    at,
  ]);
  for (const s of plan.sections) t.sections.add([spec.id, s.id, plan.id, s.numeral, s.title, s.position]);
  for (const p of plan.periods)
    t.periods.add([spec.id, p.id, plan.id, plan.frequency, p.start, p.end, p.cutoff]);
}

export function addTask(t: Tables, spec: TenantSpec, task: TaskRow, linkId: () => string) {
  const at = instantOf(task.plan.issued, 9 * 60);
  t.tasks.add([
    spec.id,
    task.id,
    task.plan.id,
    task.sectionId,
    task.number,
    task.ref,
    task.title,
    task.responsible,
    task.output,
    task.note,
    JSON.stringify(task.leadsText),
    JSON.stringify(task.coordinatorsText),
    JSON.stringify(task.sources),
    task.deadlineText,
    task.deadlineKind,
    task.due,
    task.position,
    task.searchKey,
    at,
    at,
  ]);
  const up = task.upstream;
  if (up) t.taskLinks.add([spec.id, linkId(), task.id, up.documentNumber, up.tenantId, up.taskId, at]);
}

/** The assignment row as the app keeps it: a lead's due date after approved changes, the completion date. */
export function addAssignment(t: Tables, spec: TenantSpec, a: AssignmentPlan) {
  const created = instantOf(a.task.plan.issued, 9 * 60);
  const touched = Math.max(
    created,
    ...a.changes.map((ch) => ch.decidedAt ?? ch.requestedAt),
    a.completion !== null ? instantOf(a.completion, 12 * 60) : created,
  );
  const due = a.role === "lead" ? a.due : null;
  t.assignments.add([
    spec.id,
    a.id,
    a.task.id,
    a.agencyId,
    a.role,
    a.viaGroupId,
    due,
    a.completion,
    created,
    touched,
  ]);
  for (const ch of a.changes) {
    t.deadlineChanges.add([
      spec.id,
      ch.id,
      a.id,
      ch.previousDue,
      ch.requestedDue,
      ch.reason,
      ch.requestedBy,
      ch.requestedAt,
      ch.state,
      ch.decidedBy,
      ch.decidedAt,
      ch.comment,
    ]);
  }
}

export function addHistory(
  t: Tables,
  spec: TenantSpec,
  out: { reports: ReportRow[]; reviews: ReviewRow[]; evidence: EvidenceRow[] },
) {
  for (const r of out.reports) {
    t.reports.add([
      spec.id,
      r.id,
      r.assignmentId,
      r.periodId,
      r.percent,
      r.narrative,
      r.difficulties,
      r.proposals,
      r.nothingToReport,
      r.claimsCompletion,
      r.state,
      r.submittedBy,
      r.submittedAt,
      r.headApprovedBy,
      r.headApprovedAt,
      r.lockedAt,
      r.reopenedBy,
      r.reopenedAt,
      r.reopenReason,
      r.version,
      r.createdAt,
      r.updatedAt,
    ]);
  }
  for (const e of out.evidence)
    t.evidence.add([spec.id, e.id, e.reportId, e.kind, e.url, e.documentNumber, e.createdBy, e.createdAt]);
  for (const v of out.reviews)
    t.reviews.add([spec.id, v.id, v.reportId, v.reviewerId, v.decision, v.comment, v.createdAt]);
  out.reports.length = 0;
  out.evidence.length = 0;
  out.reviews.length = 0;
}

export type { Table };
