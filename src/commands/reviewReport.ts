import { eq, gt, isNull, or, sql } from "drizzle-orm";
import { assignments, progressReports, reviews } from "../db/schema/index.ts";
import { refreshStatusFacts } from "../db/statusFacts.ts";
import { inTenant } from "../db/tenancy.ts";
import { formatVietnameseDate, vietnamDate } from "../domain/dates.ts";
import { awaitingDecisionBy } from "../domain/reportLock.ts";
import { reviewDecisions } from "../domain/reports.ts";
import { sentenceStart } from "../domain/taskLabel.ts";
import { conflict, isUniqueViolation, notFound } from "../errors.ts";
import type { ReportContext } from "../queries/reports.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { type ReviewReportInput, reviewReportInput } from "./inputs/reviewReport.ts";
import { notificationLinks, notify, taskLabelsOf, usersOfAgencies } from "./notify.ts";

export { type ReviewReportInput, reviewDecisions, reviewReportInput };

/**
 * The standing office approves or returns a submitted report, once. The state change is a
 * conditional UPDATE (… WHERE state = 'submitted'), so of two reviewers acting at once exactly
 * one changes it and the other gets 409; the unique constraint on reviews backs that up. An
 * approved completion claim completes the assignment on the date the agency *submitted* it.
 */
export async function reviewReport(
  ctx: CommandContext,
  raw: ReviewReportInput,
  options: { context: ReportContext; now?: Date },
) {
  const input = reviewReportInput.parse(raw);
  const now = options.now ?? new Date();
  const { assignment } = options.context;
  const approve = input.decision === "approve";

  const [updated] = await ctx.tx
    .update(progressReports)
    .set({
      state: approve ? "approved" : "returned",
      version: sql`${progressReports.version} + 1`,
      lockedAt: approve ? now : null,
      updatedAt: now,
    })
    .where(
      inTenant(
        progressReports,
        ctx.tenantId,
        eq(progressReports.id, input.reportId),
        eq(progressReports.state, awaitingDecisionBy.office),
        input.version === undefined ? undefined : eq(progressReports.version, input.version),
      ),
    )
    .returning();
  if (!updated) throw await whyNotReviewable(ctx, input.reportId, input.version);

  try {
    await ctx.tx.insert(reviews).values({
      tenantId: ctx.tenantId,
      reportId: updated.id,
      reviewerId: ctx.actor.userId!,
      decision: input.decision,
      comment: input.comment,
      createdAt: now,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyReviewed();
    throw error;
  }

  let completedOn: string | null = null;
  if (approve && updated.claimsCompletion && updated.submittedAt) {
    // The submission date counts, not today's: a slow reviewer must not make an agency late.
    completedOn = vietnamDate(updated.submittedAt);
    await ctx.tx
      .update(assignments)
      .set({ completedOn, updatedAt: now })
      .where(
        inTenant(
          assignments,
          ctx.tenantId,
          eq(assignments.id, updated.assignmentId),
          or(isNull(assignments.completedOn), gt(assignments.completedOn, completedOn)),
        ),
      );
  }

  await refreshStatusFacts(ctx.tx, ctx.tenantId, { assignmentIds: [updated.assignmentId] });
  await recordAudit(ctx, {
    action: approve ? "report.approve" : "report.return",
    entityType: "progress_report",
    entityId: updated.id,
    before: { state: "submitted", version: updated.version - 1 },
    after: { state: updated.state, version: updated.version, comment: input.comment, completedOn },
  });

  const task = await taskLabelsOf(ctx, assignment.taskId);
  await notify(ctx, [updated.submittedBy, ...(await usersOfAgencies(ctx, [assignment.agencyId]))], {
    kind: approve ? "report_approved" : "report_returned",
    title: approve
      ? completedOn
        ? `${sentenceStart(task.short)} được xác nhận hoàn thành ngày ${formatVietnameseDate(completedOn)}`
        : `Báo cáo ${task.short} đã được duyệt`
      : `Báo cáo ${task.short} bị trả lại`,
    body: [task.full, input.comment ? `Ý kiến của cơ quan thường trực: ${input.comment}` : ""]
      .filter(Boolean)
      .join(". "),
    link: notificationLinks.task(assignment.taskId),
  });

  return { id: updated.id, state: updated.state, version: updated.version, completedOn };
}

const alreadyReviewed = (state?: string) =>
  conflict(
    "report_already_reviewed",
    `Báo cáo này đã được xét duyệt${state === "approved" ? " (đã duyệt)" : state === "returned" ? " (đã trả lại)" : ""}; không thể xét duyệt lại.`,
  );

/** The 409 (or 404) that explains why a conditional update found nothing to change. */
async function whyNotReviewable(ctx: CommandContext, reportId: string, version: number | undefined) {
  const [current] = await ctx.tx
    .select({ state: progressReports.state, version: progressReports.version })
    .from(progressReports)
    .where(inTenant(progressReports, ctx.tenantId, eq(progressReports.id, reportId)));
  if (!current) return notFound("báo cáo");
  if (current.state === "approved" || current.state === "returned") return alreadyReviewed(current.state);
  if (current.state === "awaiting_head") {
    return conflict(
      "report_awaiting_head",
      "Báo cáo đang chờ lãnh đạo đơn vị duyệt, chưa gửi đến cơ quan thường trực.",
    );
  }
  if (current.state === "submitted" && version !== undefined && current.version !== version) {
    return conflict(
      "report_version_conflict",
      "Báo cáo đã thay đổi kể từ khi bạn mở; hãy tải lại trang rồi xét duyệt.",
    );
  }
  return conflict("report_not_submitted", "Báo cáo chưa được gửi.");
}
