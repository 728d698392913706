import type { ReportState, ReviewDecision } from "../domain/reports.ts";
import type { AssignmentPlan } from "./assignments.ts";
import { type Day, dayOfInstant, instantOf, type Period, periodIndexOf } from "./calendar.ts";
import type { Ids, Rng } from "./prng.ts";
import {
  approveComments,
  completionNarratives,
  difficulties,
  narratives,
  proposals,
  reopenReasons,
  returnComments,
} from "./texts.ts";
import type { TenantUsers } from "./users.ts";

export interface ReportRow {
  id: string;
  assignmentId: string;
  periodId: string;
  percent: number | null;
  narrative: string;
  difficulties: string;
  proposals: string;
  nothingToReport: boolean;
  claimsCompletion: boolean;
  state: ReportState;
  submittedBy: string | null;
  submittedAt: number | null;
  headApprovedBy: string | null;
  headApprovedAt: number | null;
  lockedAt: number | null;
  reopenedBy: string | null;
  reopenedAt: number | null;
  reopenReason: string | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface ReviewRow {
  id: string;
  reportId: string;
  reviewerId: string;
  decision: ReviewDecision;
  comment: string;
  createdAt: number;
}

export interface EvidenceRow {
  id: string;
  reportId: string;
  kind: "link" | "document_number";
  url: string | null;
  documentNumber: string | null;
  createdBy: string;
  createdAt: number;
}

export interface HistoryContext {
  tenant: number;
  users: TenantUsers;
  lastDay: Day;
  /** The last instant anything may happen (end of lastDay in Vietnam). */
  limit: number;
  /** Chance that an agency reports in a period it need not (calibrated to the scale's report count). */
  p: number;
  domain: string;
  abbreviation: (agencyId: string) => string;
  ids: Ids;
  rng: Rng;
  out: { reports: ReportRow[]; reviews: ReviewRow[]; evidence: EvidenceRow[] };
}

type Kind =
  | "progress"
  | "completion"
  | "troubleReturned"
  | "troubleReopened"
  | "pendingClaim"
  | "returnedClaim";

const MINUTE = 60_000;
const workMinute = (rng: Rng) => rng.int(7 * 60 + 30, 17 * 60 + 30);

/**
 * The reports of one assignment, period by period, with their reviews and evidence: progress
 * reports in some periods (each approved, returned and resubmitted, or still waiting), then,
 * when the fate says so, the completion claim that was approved, preceded perhaps by one that
 * was returned or approved and reopened, or a last claim still waiting or returned.
 */
export function writeHistory(a: AssignmentPlan, ctx: HistoryContext): void {
  const periods = a.task.plan.periods;
  if (a.silent || periods.length === 0 || a.start > ctx.lastDay) return;
  const { rng } = ctx;
  const pending = new Set<number>();
  const stop = a.completion !== null ? a.completion - 1 : ctx.lastDay;
  let tailDay: Day | null = a.tail === "none" ? null : Math.max(a.start + 1, ctx.lastDay - rng.int(0, 12));
  if (tailDay !== null && tailDay > ctx.lastDay) tailDay = null;
  const latest = tailDay !== null ? tailDay - 1 : stop;
  const troubleDay =
    a.completion !== null && a.trouble !== "none"
      ? Math.max(a.start + 1, a.completion - rng.int(6, 14))
      : null;
  // A claim's period gets no progress report: one still waiting there would block the claim.
  const claimPeriods = new Set(
    [a.completion, tailDay, troubleDay]
      .filter((d): d is Day => d !== null)
      .map((d) => periodIndexOf(periods, d)),
  );
  const first = periodIndexOf(periods, a.start);
  const end = periodIndexOf(periods, Math.max(a.start, Math.min(latest, ctx.lastDay)));
  const factor = a.role === "lead" ? 1 : 0.5;
  let reported = false;
  for (let i = first; i <= end; i++) {
    if (claimPeriods.has(i)) continue;
    const forced = a.mustReport && !reported && i === end;
    if (!forced && !rng.chance(ctx.p * factor)) continue;
    const period = periods[i]!;
    const lo = Math.max(period.start, a.start);
    const hi = Math.min(period.cutoff, latest);
    if (lo > hi) continue;
    const day = Math.min(hi, Math.max(lo, period.end + rng.int(-7, period.cutoff - period.end)));
    reported = true;
    // Past one report a period, the scale's count is reached with an update earlier in the period,
    // decided before the regular report (the app refuses a second one while the first waits).
    if (rng.chance(ctx.p * factor - 1) && day - lo >= 10) {
      chain(a, periods, i, lo + rng.int(0, Math.floor((day - lo) / 2)), "progress", pending, ctx);
      if (pending.has(i)) continue;
    }
    chain(a, periods, i, day, "progress", pending, ctx);
  }
  if (a.completion !== null) {
    if (troubleDay !== null) {
      const kind = a.trouble === "returned" ? "troubleReturned" : "troubleReopened";
      chain(a, periods, periodIndexOf(periods, troubleDay), troubleDay, kind, pending, ctx, a.completion);
    }
    chain(a, periods, periodIndexOf(periods, a.completion), a.completion, "completion", pending, ctx);
  } else if (tailDay !== null) {
    const kind = a.tail === "pendingClaim" ? "pendingClaim" : "returnedClaim";
    chain(a, periods, periodIndexOf(periods, tailDay), tailDay, kind, pending, ctx);
  }
  if (a.mustReport && rng.chance(0.03)) draft(a, periods, ctx);
}

/**
 * One report for the period `index` and what followed it: head approval where the plan asks for it, the standing
 * office's review, and after a return a corrected report in the same period while it is open.
 * `before` bounds every decision of a claim that must be settled before the completion.
 */
function chain(
  a: AssignmentPlan,
  periods: Period[],
  index: number,
  firstDay: Day,
  kind: Kind,
  pending: Set<number>,
  ctx: HistoryContext,
  before?: Day,
) {
  const { rng } = ctx;
  const period = periods[index]!;
  const claim = kind !== "progress";
  const mustSettle = kind === "completion" || before !== undefined;
  const bound = before !== undefined ? Math.min(ctx.limit, instantOf(before, 7 * 60)) : ctx.limit;
  let day = firstDay;
  for (let attempt = 0; attempt < 3; attempt++) {
    const submittedAt = instantOf(day, workMinute(rng));
    const report = newReport(a, period, day, submittedAt, claim, ctx);
    let headAt: number | null = null;
    if (a.task.plan.requireHeadApproval) {
      headAt = submittedAt + rng.int(20, 2880) * MINUTE;
      if (mustSettle && headAt >= bound) headAt = submittedAt + Math.floor((bound - submittedAt) / 3);
    }
    if (headAt !== null && headAt > bound) {
      leavePending(report, "awaiting_head", pending, index, ctx);
      return;
    }
    if (headAt !== null) {
      report.headApprovedBy = ctx.users.heads.get(a.agencyId) ?? null;
      report.headApprovedAt = headAt;
      report.version += 1;
    }
    const ready = headAt ?? submittedAt;
    let reviewAt = instantOf(dayOfInstant(ready) + reviewDelay(rng), rng.int(8 * 60, 17 * 60 + 30));
    if (reviewAt <= ready) reviewAt = ready + rng.int(20, 240) * MINUTE;
    if (mustSettle && reviewAt > bound) reviewAt = ready + Math.floor((bound - ready) / 2);
    if (kind === "pendingClaim" || reviewAt > bound) {
      leavePending(report, "submitted", pending, index, ctx);
      return;
    }
    const approve =
      kind === "completion" || kind === "troubleReopened" || (kind === "progress" && !rng.chance(0.1));
    decide(report, approve, reviewAt, ctx);
    if (approve) {
      const reopenAt =
        kind === "troubleReopened" ? reopenInstant(reviewAt, bound, rng) : maybeReopen(reviewAt, kind, ctx);
      if (reopenAt === null) return;
      reopen(report, reopenAt, ctx);
      if (kind === "troubleReopened") return;
      day = dayOfInstant(reopenAt) + rng.int(1, 5);
      if (day > ctx.lastDay || (a.completion !== null && day >= a.completion)) return;
      continue;
    }
    if (kind === "returnedClaim" || kind === "troubleReturned") return;
    day = dayOfInstant(reviewAt) + rng.int(1, 5);
    if (day > Math.min(period.cutoff, ctx.lastDay) || (a.completion !== null && day >= a.completion)) return;
  }
}

function newReport(
  a: AssignmentPlan,
  period: Period & { id?: string },
  day: Day,
  submittedAt: number,
  claim: boolean,
  ctx: HistoryContext,
): ReportRow {
  const { rng } = ctx;
  const nothing = !claim && rng.chance(a.due === null && a.task.deadlineKind === "recurring" ? 0.2 : 0.03);
  const report: ReportRow = {
    id: ctx.ids.next("report", ctx.tenant),
    assignmentId: a.id,
    periodId: (period as { id: string }).id,
    percent: claim ? 100 : nothing ? null : percentFor(a, day, ctx),
    narrative: nothing ? "" : claim ? rng.pick(completionNarratives) : rng.pick(narratives),
    difficulties: !nothing && rng.chance(0.18) ? rng.pick(difficulties) : "",
    proposals: !nothing && rng.chance(0.1) ? rng.pick(proposals) : "",
    nothingToReport: nothing,
    claimsCompletion: claim,
    state: "submitted",
    submittedBy: rng.pick(ctx.users.officers.get(a.agencyId)!),
    submittedAt,
    headApprovedBy: null,
    headApprovedAt: null,
    lockedAt: null,
    reopenedBy: null,
    reopenedAt: null,
    reopenReason: null,
    version: 1,
    createdAt: submittedAt,
    updatedAt: submittedAt,
  };
  ctx.out.reports.push(report);
  if (!nothing && (claim || rng.chance(0.3))) addEvidence(report, a, ctx);
  return report;
}

/**
 * The report waits for a decision. Only one report of an assignment and period may wait at a
 * time (the app refuses a second), so a second one is never written.
 */
function leavePending(
  report: ReportRow,
  state: "awaiting_head" | "submitted",
  pending: Set<number>,
  index: number,
  ctx: HistoryContext,
) {
  if (pending.has(index)) {
    discard(report, ctx);
    return;
  }
  report.state = state;
  pending.add(index);
}

/** Takes back the report last written (and its evidence). */
function discard(report: ReportRow, ctx: HistoryContext) {
  while (ctx.out.evidence.at(-1)?.reportId === report.id) ctx.out.evidence.pop();
  if (ctx.out.reports.at(-1) === report) ctx.out.reports.pop();
}

function decide(report: ReportRow, approve: boolean, at: number, ctx: HistoryContext) {
  const { rng } = ctx;
  report.state = approve ? "approved" : "returned";
  report.lockedAt = approve ? at : null;
  report.version += 1;
  report.updatedAt = at;
  ctx.out.reviews.push({
    id: ctx.ids.next("review", ctx.tenant),
    reportId: report.id,
    reviewerId: rng.pick(ctx.users.reviewers),
    decision: approve ? "approve" : "return",
    comment: approve ? rng.pick(approveComments) : rng.pick(returnComments),
    createdAt: at,
  });
}

/** A reviewer withdraws an approval: the report is returned again and unlocked; its review stays. */
function reopen(report: ReportRow, at: number, ctx: HistoryContext) {
  report.state = "returned";
  report.lockedAt = null;
  report.reopenedBy = ctx.rng.pick(ctx.users.reviewers);
  report.reopenedAt = at;
  report.reopenReason = ctx.rng.pick(reopenReasons);
  report.version += 1;
  report.updatedAt = at;
}

function maybeReopen(reviewAt: number, kind: Kind, ctx: HistoryContext): number | null {
  if (kind !== "progress" || !ctx.rng.chance(0.006)) return null;
  const at = reviewAt + ctx.rng.int(1, 15) * 86_400_000;
  return at < ctx.limit ? at : null;
}

function reopenInstant(reviewAt: number, bound: number, rng: Rng): number | null {
  if (bound <= reviewAt) return null;
  return reviewAt + Math.floor((bound - reviewAt) * (0.2 + 0.6 * rng.float()));
}

function draft(a: AssignmentPlan, periods: Period[], ctx: HistoryContext) {
  const day = Math.max(a.start, ctx.lastDay - ctx.rng.int(0, 5));
  const report = newReport(
    a,
    periods[periodIndexOf(periods, day)]!,
    day,
    instantOf(day, workMinute(ctx.rng)),
    false,
    ctx,
  );
  // A draft was never submitted: no submitter, no evidence yet.
  report.state = "draft";
  report.submittedBy = null;
  report.submittedAt = null;
  while (ctx.out.evidence.at(-1)?.reportId === report.id) ctx.out.evidence.pop();
}

function percentFor(a: AssignmentPlan, day: Day, ctx: HistoryContext): number | null {
  const { rng } = ctx;
  if (a.role === "coordinator" && rng.chance(0.6)) return null;
  if (a.due === null) return rng.chance(0.6) ? null : rng.int(2, 18) * 5;
  const span = Math.max(a.due - a.start, 30);
  const slow = a.completion === null && a.due <= ctx.lastDay ? 0.6 : 1;
  const value = Math.round(((100 * (day - a.start)) / span) * slow + rng.int(-10, 10));
  return Math.min(95, Math.max(5, Math.round(value / 5) * 5));
}

/** Days from a report being ready to its review: most within a few days, some much later. */
function reviewDelay(rng: Rng): number {
  const r = rng.float();
  return r < 0.15 ? 0 : r < 0.7 ? rng.int(1, 4) : r < 0.93 ? rng.int(5, 10) : rng.int(11, 25);
}

function addEvidence(report: ReportRow, a: AssignmentPlan, ctx: HistoryContext) {
  const { rng } = ctx;
  const count = rng.int(1, report.claimsCompletion ? 3 : 2);
  for (let i = 0; i < count; i++) {
    const link = rng.chance(0.5);
    ctx.out.evidence.push({
      id: ctx.ids.next("evidence", ctx.tenant),
      reportId: report.id,
      kind: link ? "link" : "document_number",
      url: link
        ? `https://${rng.pick(["", "vanban.", "sokhcn."])}${ctx.domain}/van-ban/${rng.int(1000, 99_999)}`
        : null,
      documentNumber: link
        ? null
        : `${rng.int(1, 999)}/${rng.pick(["BC", "KH", "QĐ", "CV", "TB"])}-${ctx.abbreviation(a.agencyId)}`,
      createdBy: report.submittedBy!,
      // A second apart, so that evidence lists in the order it was attached.
      createdAt: report.submittedAt! + i * 1000,
    });
  }
}
