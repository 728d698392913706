import { foldForSearch } from "../domain/text.ts";
import type { TenantSpec, TenantTree } from "./agencies.ts";
import type { AssignmentPlan } from "./assignments.ts";
import { instantOf } from "./calendar.ts";
import type { PlanRow, TaskRow } from "./plans.ts";
import type { EvidenceRow, ReportRow, ReviewRow } from "./reports.ts";
import type { TenantUsers } from "./users.ts";
import type { BulkWriter, Column, Table } from "./writer.ts";

/**
 * The tables the data set fills and the columns it writes, parents first (the order rows must
 * reach the database in). Each column is `name:type`, with `*` when its values repeat enough to
 * be sent as a dictionary; the other columns keep their defaults.
 */
const TABLES = {
  tenants: ["tenants", "id:uuid code:text name:text kind:enum:tenant_kind* created_at:ts*"],
  agencies: [
    "agencies",
    "tenant_id:uuid* id:uuid parent_id:uuid* level:enum:agency_level* name:text short_name:text code:text " +
      "is_group:bool* member_rule:jsonb name_key:text position:int created_at:ts* updated_at:ts*",
  ],
  aliases: [
    "agency_aliases",
    "tenant_id:uuid* id:uuid agency_id:uuid alias:text alias_key:text created_at:ts*",
  ],
  groupMembers: ["agency_group_members", "tenant_id:uuid* group_id:uuid* member_id:uuid"],
  users: [
    "users",
    "tenant_id:uuid* id:uuid username:text display_name:text password_hash:text* agency_id:uuid* " +
      "created_at:ts* updated_at:ts*",
  ],
  userRoles: ["user_roles", "tenant_id:uuid* user_id:uuid role:enum:role_name*"],
  documents: [
    "documents",
    "tenant_id:uuid* id:uuid number:text number_key:text type:text* issuer:text* issued_on:day title:text created_at:ts",
  ],
  plans: [
    "plans",
    "tenant_id:uuid* id:uuid document_id:uuid name:text year:int* reporting_frequency:enum:reporting_frequency* " +
      "cutoff_day:int* require_head_approval:bool* created_at:ts updated_at:ts",
  ],
  sections: [
    "plan_sections",
    "tenant_id:uuid* id:uuid plan_id:uuid* numeral:text* title:text* position:int*",
  ],
  periods: [
    "reporting_periods",
    "tenant_id:uuid* id:uuid plan_id:uuid* kind:enum:reporting_frequency* starts_on:day ends_on:day cutoff_on:day",
  ],
  tasks: [
    "tasks",
    "tenant_id:uuid* id:uuid plan_id:uuid* section_id:uuid* number:text* ref:text title:text responsible:text* " +
      "output:text* note:text* leads_text:jsonb* coordinators_text:jsonb* sources:jsonb* deadline_text:text* " +
      "deadline_kind:enum:deadline_kind* due_on:day* position:int search_key:text created_at:ts* updated_at:ts*",
  ],
  taskLinks: [
    "task_links",
    "tenant_id:uuid* id:uuid task_id:uuid upstream_document_number:text* upstream_tenant_id:uuid* " +
      "upstream_task_id:uuid created_at:ts*",
  ],
  assignments: [
    "assignments",
    "tenant_id:uuid* id:uuid task_id:uuid agency_id:uuid* role:enum:assignment_role* via_group_id:uuid* " +
      "due_on:day* completed_on:day* created_at:ts* updated_at:ts*",
  ],
  deadlineChanges: [
    "deadline_changes",
    "tenant_id:uuid* id:uuid assignment_id:uuid previous_due_on:day requested_due_on:day reason:text* " +
      "requested_by:uuid* requested_at:ts state:enum:decision_state* decided_by:uuid* decided_at:ts decision_comment:text*",
  ],
  reports: [
    "progress_reports",
    "tenant_id:uuid* id:uuid assignment_id:uuid period_id:uuid* percent:int* narrative:text* difficulties:text* " +
      "proposals:text* nothing_to_report:bool* claims_completion:bool* state:enum:report_state* submitted_by:uuid* " +
      "submitted_at:ts head_approved_by:uuid* head_approved_at:ts locked_at:ts reopened_by:uuid* reopened_at:ts " +
      "reopen_reason:text* version:int* created_at:ts updated_at:ts",
  ],
  evidence: [
    "evidence",
    "tenant_id:uuid* id:uuid report_id:uuid kind:enum:evidence_kind* url:text document_number:text " +
      "created_by:uuid* created_at:ts",
  ],
  reviews: [
    "reviews",
    "tenant_id:uuid* id:uuid report_id:uuid reviewer_id:uuid* decision:enum:review_decision* comment:text* created_at:ts",
  ],
} as const;

function columns(spec: string): Column[] {
  return spec.split(" ").map((word) => {
    const dict = word.endsWith("*");
    const [name, ...type] = (dict ? word.slice(0, -1) : word).split(":");
    return { name: name!, type: type.join(":") as Column["type"], dict };
  });
}

export function registerTables(w: BulkWriter): Record<keyof typeof TABLES, Table> {
  const entries = Object.entries(TABLES).map(([key, [table, spec]]) => [key, w.table(table, columns(spec))]);
  return Object.fromEntries(entries) as Record<keyof typeof TABLES, Table>;
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
