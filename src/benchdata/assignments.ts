import type { AssignmentRole, DeadlineChangeState } from "../domain/assignments.ts";
import type { TenantSpec } from "./agencies.ts";
import { type Day, instantOf, monthEndAfter } from "./calendar.ts";
import type { TaskRow } from "./plans.ts";
import type { Ids, Rng } from "./prng.ts";
import { approveDeadlineComments, deadlineReasons, refuseComments } from "./texts.ts";
import type { TenantUsers } from "./users.ts";

export interface DeadlineChangeRow {
  id: string;
  previousDue: Day | null;
  requestedDue: Day;
  reason: string;
  requestedBy: string;
  requestedAt: number;
  state: DeadlineChangeState;
  decidedBy: string | null;
  decidedAt: number | null;
  comment: string | null;
}

/**
 * One assignment and its fate: what its history will be, decided before any report is drawn so
 * that the assignment row (due date after approved changes, completion date) and its reports
 * agree by construction.
 */
export interface AssignmentPlan {
  id: string;
  task: TaskRow;
  agencyId: string;
  role: AssignmentRole;
  viaGroupId: string | null;
  /** The due date the agency works to after approved changes (the task's, for a coordinator). */
  due: Day | null;
  start: Day;
  /** Submission day of the approved completion report. */
  completion: Day | null;
  /** An earlier completion claim that was returned, or approved and then reopened. */
  trouble: "none" | "returned" | "reopened";
  /** Not done: the last claim is still waiting, or was returned. */
  tail: "none" | "pendingClaim" | "returnedClaim";
  /** Never reports (not started, or an agency that does not report). */
  silent: boolean;
  /** In progress: reports at least once. */
  mustReport: boolean;
  changes: DeadlineChangeRow[];
}

export interface FateContext {
  spec: TenantSpec;
  users: TenantUsers;
  /** The last day anything happens: the day before the as-of day. */
  lastDay: Day;
  ids: Ids;
  rng: Rng;
}

/** A task's assignments: groups expanded to their members; an agency once, the lead role winning. */
export function expandAssignments(task: TaskRow, ctx: FateContext): AssignmentPlan[] {
  const seen = new Set<string>();
  const plans: AssignmentPlan[] = [];
  for (const [role, targets] of [
    ["lead", task.leads],
    ["coordinator", task.coordinators],
  ] as const) {
    for (const target of targets) {
      for (const agency of target.members ?? [target.agency]) {
        if (seen.has(agency.id)) continue;
        seen.add(agency.id);
        plans.push(fate(task, agency.id, role, target.members ? target.agency.id : null, ctx));
      }
    }
  }
  return plans;
}

function fate(
  task: TaskRow,
  agencyId: string,
  role: AssignmentRole,
  viaGroupId: string | null,
  ctx: FateContext,
): AssignmentPlan {
  const { rng, lastDay } = ctx;
  const start = Math.min(task.plan.issued + rng.int(0, 10), lastDay);
  const plan: AssignmentPlan = {
    id: ctx.ids.next("assignment", ctx.spec.index),
    task,
    agencyId,
    role,
    viaGroupId,
    due: task.due,
    start,
    completion: null,
    trouble: "none",
    tail: "none",
    silent: false,
    mustReport: false,
    changes: [],
  };
  if (role === "lead") requestChanges(plan, ctx);
  const last = plan.changes.at(-1);
  if (plan.due === null) {
    plan.silent = rng.chance(role === "lead" ? 0.08 : 0.4);
    return plan;
  }
  const floor = Math.max(start + 7, last ? dayOfMs(last.decidedAt ?? last.requestedAt) + 1 : 0);
  const canComplete = last?.state !== "pending";
  const pastDue = plan.due < lastDay + 1;
  const r = rng.float();
  if (pastDue) {
    // Most old tasks got done in the end; what is still open is mostly recent.
    const age = lastDay - plan.due;
    const done = 1 - (age > 180 ? 0.18 : age > 60 ? 0.3 : 0.45);
    if (canComplete && r < done * 0.72) {
      plan.completion = within(rng, Math.max(floor, plan.due - 75), Math.min(plan.due, lastDay - 1));
    } else if (canComplete && r < done) {
      plan.completion = within(rng, Math.max(floor, plan.due + 1), Math.min(lastDay - 1, plan.due + 200));
    }
  } else if (canComplete && r < 0.12) {
    plan.completion = within(rng, Math.max(floor, start + 14), lastDay - 1);
  } else if (r < 0.75) {
    plan.mustReport = start < lastDay;
  } else {
    plan.silent = true;
  }
  if (plan.completion !== null) {
    const room = plan.completion - plan.start;
    const t = rng.float();
    if (room > 14 && t < 0.06) plan.trouble = "returned";
    else if (room > 20 && t < 0.08) plan.trouble = "reopened";
  } else if (pastDue && !plan.silent) {
    const t = rng.float();
    if (t < 0.15) plan.silent = true;
    else if (t < 0.23) plan.tail = "pendingClaim";
    else if (t < 0.29) plan.tail = "returnedClaim";
  }
  if (role === "coordinator" && plan.completion === null && rng.chance(0.4)) plan.silent = true;
  return plan;
}

/** A day in [from, to], or null when the window is empty. */
function within(rng: Rng, from: Day, to: Day): Day | null {
  return from <= to ? rng.int(from, to) : null;
}

const dayOfMs = (ms: number) => Math.floor((ms + 7 * 3_600_000) / 86_400_000);

/**
 * Deadline change requests of a lead: to move a due date that is near or past, or to set one the
 * plan left open. Approved ones move the assignment's due date and keep the one they replaced.
 */
function requestChanges(plan: AssignmentPlan, ctx: FateContext) {
  const { rng, lastDay } = ctx;
  const kind = plan.task.deadlineKind;
  const settable = kind === "unspecified" && rng.chance(0.25);
  if (!settable && (plan.due === null || !rng.chance(0.08))) return;
  let requestDay = settable
    ? plan.start + rng.int(10, 120)
    : Math.max(plan.start + 5, plan.due! + rng.int(-30, 30));
  for (let attempt = 0; attempt < 2 && requestDay <= lastDay; attempt++) {
    const base = Math.max(plan.due ?? requestDay, requestDay);
    const requestedDue = monthEndAfter(base, rng.int(settable ? 2 : 1, settable ? 8 : 6));
    const decideDay = requestDay + rng.int(1, 12);
    const pending = decideDay > lastDay || (requestDay > lastDay - 30 && rng.chance(0.5));
    const approved = !pending && rng.chance(0.62);
    const change: DeadlineChangeRow = {
      id: ctx.ids.next("deadlineChange", ctx.spec.index),
      previousDue: plan.due,
      requestedDue,
      reason: rng.pick(deadlineReasons),
      requestedBy: rng.pick(ctx.users.officers.get(plan.agencyId)!),
      requestedAt: instantOf(requestDay, rng.int(7 * 60 + 30, 17 * 60)),
      state: pending ? "pending" : approved ? "approved" : "refused",
      decidedBy: pending ? null : rng.pick(ctx.users.reviewers),
      decidedAt: pending ? null : instantOf(decideDay, rng.int(7 * 60 + 30, 17 * 60)),
      comment: pending ? null : approved ? rng.pick(approveDeadlineComments) : rng.pick(refuseComments),
    };
    plan.changes.push(change);
    if (approved) plan.due = requestedDue;
    if (change.state !== "refused" || !rng.chance(0.35)) return;
    requestDay = decideDay + rng.int(3, 20);
  }
}
