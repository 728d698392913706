import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { rowsOf } from "../db/migrate.ts";
import { DUE_WITHIN_WINDOWS, OVERDUE_AGE_THRESHOLDS, overdueAgeBuckets } from "../domain/dashboard.ts";
import { type IsoDate, vietnamDate } from "../domain/dates.ts";
import type { DeadlineKind } from "../domain/deadline.ts";
import { type AssignmentStatus, assignmentStatus, emptyStatusCounts, taskStatus } from "../domain/status.ts";

/**
 * The dashboard's figures recounted the slow way, for the tests: raw rows loaded into memory,
 * each lead assignment's status from the domain's `assignmentStatus`, each task's from
 * `taskStatus`, and counted in loops: nothing of src/queries/dashboard*.ts is reused.
 */
export interface RawLead {
  taskId: string;
  planId: string;
  sectionId: string | null;
  agencyId: string;
  deadlineKind: DeadlineKind;
  originalDue: IsoDate | null;
  history: { on: IsoDate; due: IsoDate }[];
  submittedOn: IsoDate | null;
  approvedOn: IsoDate | null;
  firstReportedOn: IsoDate | null;
  assignmentId: string;
}
export interface RawTask {
  id: string;
  planId: string;
  sectionId: string | null;
  deadlineKind: DeadlineKind;
  dueOn: IsoDate | null;
}
export interface RawWorld {
  leads: RawLead[];
  tasks: RawTask[];
  parents: Map<string, string | null>;
  reports: { assignmentId: string; submittedOn: IsoDate }[];
}

const live = (alias: string) =>
  sql.raw(`${alias}.removed_at is null and ${alias}.deleted_at is null and not exists (select 1 from plans p
    where p.tenant_id = ${alias}.tenant_id and p.id = ${alias}.plan_id and p.deleted_at is not null)`);

export async function loadRawWorld(db: Executor, tenantId: string): Promise<RawWorld> {
  // The lead assignments from `assignments`, their facts from deadline changes and reports.
  const leads = rowsOf<RawLead>(
    await db.execute(sql`
    select a.id as "assignmentId", a.task_id as "taskId", t.plan_id as "planId", t.section_id as "sectionId",
           a.agency_id as "agencyId", t.deadline_kind as "deadlineKind", f.original_due_on::text as "originalDue",
           f.due_history as history, f.completion_submitted_on::text as "submittedOn",
           f.completion_approved_on::text as "approvedOn", f.first_reported_on::text as "firstReportedOn"
    from assignments a
    join tasks t on t.tenant_id = a.tenant_id and t.id = a.task_id
    join assignment_status_facts f on f.tenant_id = a.tenant_id and f.assignment_id = a.id
    where a.tenant_id = ${tenantId} and a.role = 'lead' and ${live("t")}`),
  );
  const tasks = rowsOf<RawTask>(
    await db.execute(sql`select t.id, t.plan_id as "planId", t.section_id as "sectionId",
      t.deadline_kind as "deadlineKind", t.due_on::text as "dueOn"
    from tasks t where t.tenant_id = ${tenantId} and ${live("t")}`),
  );
  const agencies = rowsOf<{ id: string; parentId: string | null }>(
    await db.execute(sql`select id, parent_id as "parentId" from agencies where tenant_id = ${tenantId}`),
  );
  const reports = rowsOf<{ assignmentId: string; epoch: string }>(
    await db.execute(sql`select assignment_id as "assignmentId", extract(epoch from submitted_at)::text as epoch
    from progress_reports where tenant_id = ${tenantId} and submitted_at is not null`),
  ).map((r) => ({
    assignmentId: r.assignmentId,
    submittedOn: vietnamDate(new Date(Number(r.epoch) * 1000)),
  }));
  return { leads, tasks, parents: new Map(agencies.map((a) => [a.id, a.parentId])), reports };
}

export interface RecountScope {
  planId?: string;
  sectionId?: string;
  agencyId?: string;
  subtree?: boolean;
  viewerAgencyIds?: string[];
}

function inSubtree(world: RawWorld, agencyId: string, root: string): boolean {
  for (let id: string | null | undefined = agencyId; id; id = world.parents.get(id))
    if (id === root) return true;
  return false;
}

const daysBetween = (a: IsoDate, b: IsoDate) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

function leadResult(lead: RawLead, asOf: IsoDate) {
  return assignmentStatus(
    {
      deadlineKind: lead.deadlineKind,
      originalDue: lead.originalDue,
      deadlineChanges: (lead.history ?? []).map((h) => ({ newDue: h.due, approvedOn: h.on })),
      activeReportDates: lead.firstReportedOn ? [lead.firstReportedOn] : [],
      completion:
        lead.submittedOn && lead.approvedOn
          ? { submittedOn: lead.submittedOn, approvedOn: lead.approvedOn }
          : null,
    },
    asOf,
  );
}

export function leadsOf(world: RawWorld, scope: RecountScope): RawLead[] {
  return world.leads.filter(
    (l) =>
      (!scope.planId || l.planId === scope.planId) &&
      (!scope.sectionId || l.sectionId === scope.sectionId) &&
      (!scope.agencyId ||
        (scope.subtree ? inSubtree(world, l.agencyId, scope.agencyId) : l.agencyId === scope.agencyId)) &&
      (!scope.viewerAgencyIds || scope.viewerAgencyIds.includes(l.agencyId)),
  );
}

export interface RecountTask {
  id: string;
  status: AssignmentStatus;
  overdueDays: number | null;
  daysLeft: number | null;
}

export function recountTasks(world: RawWorld, scope: RecountScope, asOf: IsoDate): RecountTask[] {
  const byTask = new Map<string, ReturnType<typeof leadResult>[]>();
  for (const lead of leadsOf(world, scope)) {
    const list = byTask.get(lead.taskId) ?? [];
    list.push(leadResult(lead, asOf));
    byTask.set(lead.taskId, list);
  }
  const out: RecountTask[] = [];
  for (const [id, results] of byTask) {
    const overdue = results.filter((r) => r.status === "overdue").map((r) => r.daysOverdue ?? 0);
    const left = results.map((r) => r.daysLeft).filter((d): d is number => d !== null);
    out.push({
      id,
      status: taskStatus(
        results.map((r) => r.status),
        "no_deadline",
      ),
      overdueDays: overdue.length ? Math.max(...overdue) : null,
      daysLeft: left.length ? Math.min(...left) : null,
    });
  }
  if (!scope.agencyId && !scope.viewerAgencyIds) {
    const led = new Set(world.leads.map((l) => l.taskId));
    for (const t of world.tasks) {
      if (led.has(t.id) || (scope.planId && t.planId !== scope.planId)) continue;
      if (scope.sectionId && t.sectionId !== scope.sectionId) continue;
      const own = assignmentStatus(
        {
          deadlineKind: t.deadlineKind,
          originalDue: t.dueOn,
          deadlineChanges: [],
          activeReportDates: [],
          completion: null,
        },
        asOf,
      );
      out.push({
        id: t.id,
        status: own.status,
        overdueDays: own.status === "overdue" ? own.daysOverdue : null,
        daysLeft: t.dueOn && t.dueOn >= asOf ? daysBetween(asOf, t.dueOn) : null,
      });
    }
  }
  return out;
}

/** The dashboard's counts, recounted. */
export function recountFigures(world: RawWorld, scope: RecountScope, asOf: IsoDate) {
  const tasks = recountTasks(world, scope, asOf);
  const byStatus = emptyStatusCounts();
  for (const t of tasks) byStatus[t.status]++;
  const overdue = tasks.filter((t) => t.status === "overdue");
  const open = tasks.filter((t) => !["done_on_time", "done_late", "overdue"].includes(t.status));
  const board = new Map<string, Record<AssignmentStatus, number>>();
  for (const lead of leadsOf(world, scope)) {
    const counts = board.get(lead.agencyId) ?? emptyStatusCounts();
    counts[leadResult(lead, asOf).status]++;
    board.set(lead.agencyId, counts);
  }
  return {
    byStatus,
    overdueOver: OVERDUE_AGE_THRESHOLDS.map(
      (days) => overdue.filter((t) => (t.overdueDays ?? 0) > days).length,
    ),
    overdueByAge: overdueAgeBuckets().map(
      (b) =>
        overdue.filter(
          (t) =>
            (t.overdueDays ?? 0) >= b.minDays && (b.maxDays === null || (t.overdueDays ?? 0) <= b.maxDays),
        ).length,
    ),
    dueWithin: DUE_WITHIN_WINDOWS.map(
      (days) => open.filter((t) => t.daysLeft !== null && t.daysLeft >= 0 && t.daysLeft <= days).length,
    ),
    board,
  };
}

/** Monthly trend recounted: completions, due dates passed without being done, reports. */
export function recountMonthlyTrend(world: RawWorld, scope: RecountScope, asOf: IsoDate, since: IsoDate) {
  const month = (d: IsoDate) => `${d.slice(0, 7)}-01`;
  const out = new Map<string, { completed: number; becameOverdue: number; reportsReceived: number }>();
  const add = (day: IsoDate, key: "completed" | "becameOverdue" | "reportsReceived") => {
    if (day < since || day > asOf) return;
    const row = out.get(month(day)) ?? { completed: 0, becameOverdue: 0, reportsReceived: 0 };
    row[key]++;
    out.set(month(day), row);
  };
  const leads = leadsOf(world, scope);
  const ids = new Set(leads.map((l) => l.assignmentId));
  for (const lead of leads) {
    if (lead.approvedOn && lead.approvedOn <= asOf && lead.submittedOn) add(lead.submittedOn, "completed");
    const due = leadResult(lead, asOf).due;
    if (due) {
      const next = new Date(Date.parse(due) + 86_400_000).toISOString().slice(0, 10);
      const doneInTime =
        lead.approvedOn && lead.approvedOn <= asOf && lead.submittedOn && lead.submittedOn <= due;
      if (!doneInTime) add(next, "becameOverdue");
    }
  }
  for (const r of world.reports) if (ids.has(r.assignmentId)) add(r.submittedOn, "reportsReceived");
  return out;
}
