import { eq, sql } from "drizzle-orm";
import { progressReports } from "../db/schema/index.ts";
import { refreshStatusFacts } from "../db/statusFacts.ts";
import { inTenant } from "../db/tenancy.ts";
import { vietnamDate } from "../domain/dates.ts";
import { awaitingDecisionBy, reportActions, reportLock } from "../domain/reportLock.ts";
import { conflict, notFound } from "../errors.ts";
import type { ReportContext } from "../queries/reports.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { type ApproveReportAsHeadInput, approveReportAsHeadInput } from "./inputs/approveReportAsHead.ts";
import { notificationLinks, notify, taskLabelsOf, usersOfAgencies, usersWithRoles } from "./notify.ts";

export { type ApproveReportAsHeadInput, approveReportAsHeadInput };

/**
 * When the plan requires it, the agency head answers for the report: forwards it to the standing
 * office (→ submitted) or returns it to the officer. Conditional on state = 'awaiting_head', so a
 * report is decided once; refused when the report is locked (its period closed) until a reviewer
 * reopens it.
 */
export async function approveReportAsHead(
  ctx: CommandContext,
  raw: ApproveReportAsHeadInput,
  options: { context: ReportContext; now?: Date },
) {
  const input = approveReportAsHeadInput.parse(raw);
  const now = options.now ?? new Date();
  const { assignment, report, period } = options.context;
  const lock = reportLock(report, period, vietnamDate(now));
  // A report no longer awaiting its head is left to the conditional update, which tells why.
  if (report.state === awaitingDecisionBy.head && !reportActions(report, lock).headDecide) {
    throw conflict(
      "report_locked",
      "Kỳ báo cáo đã khóa sổ; cần cơ quan thường trực mở lại báo cáo trước khi lãnh đạo đơn vị duyệt.",
    );
  }
  const approve = input.decision === "approve";
  const [updated] = await ctx.tx
    .update(progressReports)
    .set({
      ...(approve
        ? { state: "submitted" as const, headApprovedBy: ctx.actor.userId, headApprovedAt: now }
        : { state: "returned" as const, headReturnedBy: ctx.actor.userId, headReturnedAt: now }),
      headComment: input.comment,
      version: sql`${progressReports.version} + 1`,
      updatedAt: now,
    })
    .where(
      inTenant(
        progressReports,
        ctx.tenantId,
        eq(progressReports.id, input.reportId),
        eq(progressReports.state, awaitingDecisionBy.head),
        input.version === undefined ? undefined : eq(progressReports.version, input.version),
      ),
    )
    .returning();
  if (!updated) {
    const [current] = await ctx.tx
      .select({ state: progressReports.state, version: progressReports.version })
      .from(progressReports)
      .where(inTenant(progressReports, ctx.tenantId, eq(progressReports.id, input.reportId)));
    if (!current) throw notFound("báo cáo");
    if (current.state === "awaiting_head") {
      throw conflict("report_version_conflict", "Báo cáo đã thay đổi kể từ khi bạn mở; hãy tải lại trang.");
    }
    throw conflict("report_not_awaiting_head", "Báo cáo này không còn chờ lãnh đạo đơn vị duyệt.");
  }
  await refreshStatusFacts(ctx.tx, ctx.tenantId, { assignmentIds: [updated.assignmentId] });
  await recordAudit(ctx, {
    action: approve ? "report.head_approve" : "report.head_return",
    entityType: "progress_report",
    entityId: updated.id,
    before: { state: "awaiting_head", version: report.version },
    after: { state: updated.state, version: updated.version, comment: input.comment },
  });

  const link = notificationLinks.task(assignment.taskId);
  const task = await taskLabelsOf(ctx, assignment.taskId);
  if (approve) {
    await notify(ctx, await usersWithRoles(ctx, ["coordinator"]), {
      kind: "report_submitted",
      title: `Báo cáo mới chờ xét duyệt: ${task.short}`,
      body: `${assignment.agencyName} báo cáo ${task.full}${updated.claimsCompletion ? ", đề nghị xác nhận hoàn thành" : ""} (lãnh đạo đơn vị đã duyệt).`,
      link,
    });
    await notify(ctx, [updated.submittedBy], {
      kind: "report_head_approved",
      title: `Lãnh đạo đơn vị đã duyệt và gửi báo cáo ${task.short}`,
      body: input.comment,
      link,
    });
  } else {
    await notify(ctx, [updated.submittedBy, ...(await usersOfAgencies(ctx, [assignment.agencyId]))], {
      kind: "report_head_returned",
      title: `Lãnh đạo đơn vị trả lại báo cáo ${task.short}`,
      body: `Ý kiến: ${input.comment}`,
      link,
    });
  }
  return { id: updated.id, state: updated.state, version: updated.version };
}
