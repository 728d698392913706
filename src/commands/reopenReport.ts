import { eq, isNull, min, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { assignments, progressReports } from "../db/schema/index.ts";
import { refreshStatusFacts } from "../db/statusFacts.ts";
import { inTenant } from "../db/tenancy.ts";
import { vietnamDate } from "../domain/dates.ts";
import { reportActions, reportLock } from "../domain/reportLock.ts";
import { normalizeLines } from "../domain/text.ts";
import { conflict } from "../errors.ts";
import type { ReportContext } from "../queries/reports.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { notificationLinks, notify, taskLabelsOf, usersOfAgencies } from "./notify.ts";

export const reopenReportInput = z.object({
  reportId: z.uuid(),
  reason: z
    .string()
    .max(5_000, "Lý do tối đa 5.000 ký tự")
    .transform(normalizeLines)
    .pipe(z.string().min(1, "Cần nêu lý do mở lại báo cáo")),
});
export type ReopenReportInput = z.input<typeof reopenReportInput>;

/**
 * Only a reviewer lifts a report's lock (PRODUCT.md §3). An approved report has its approval
 * withdrawn: it becomes returned (the review stays in the history) and, if it completed the
 * assignment, the completion goes with it; the agency corrects and submits again, into the same
 * period. A report locked by its period's cut-off is opened again as it is: its head may decide
 * it, and the agency may submit a corrected report for that period.
 */
export async function reopenReport(
  ctx: CommandContext,
  raw: ReopenReportInput,
  options: { context: ReportContext; now?: Date },
) {
  const input = reopenReportInput.parse(raw);
  const now = options.now ?? new Date();
  const { report, period, assignment } = options.context;
  const lock = reportLock(report, period, vietnamDate(now));
  if (!reportActions(report, lock).reopen)
    throw conflict("report_not_locked", "Báo cáo này không bị khóa; không cần mở lại.");

  const approved = lock === "approved";
  const [updated] = await ctx.tx
    .update(progressReports)
    .set({
      ...(approved ? { state: "returned" as const, lockedAt: null } : {}),
      reopenedBy: ctx.actor.userId,
      reopenedAt: now,
      reopenReason: input.reason,
      version: sql`${progressReports.version} + 1`,
      updatedAt: now,
    })
    .where(
      inTenant(
        progressReports,
        ctx.tenantId,
        eq(progressReports.id, report.id),
        eq(progressReports.state, report.state),
        eq(progressReports.version, report.version),
        approved ? undefined : isNull(progressReports.reopenedAt),
      ),
    )
    .returning();
  if (!updated) {
    throw conflict("report_version_conflict", "Báo cáo vừa được người khác thay đổi; hãy tải lại trang.");
  }

  let completedOn: { before: string | null; after: string | null } | null = null;
  if (approved && report.claimsCompletion) {
    // The completion stands only if another approved completion report remains.
    const [other] = await ctx.tx
      .select({ first: min(progressReports.submittedAt) })
      .from(progressReports)
      .where(
        inTenant(
          progressReports,
          ctx.tenantId,
          eq(progressReports.assignmentId, report.assignmentId),
          eq(progressReports.state, "approved"),
          eq(progressReports.claimsCompletion, true),
          ne(progressReports.id, report.id),
        ),
      );
    const first = other?.first ? vietnamDate(new Date(other.first)) : null;
    completedOn = { before: assignment.completedOn, after: first };
    await ctx.tx
      .update(assignments)
      .set({ completedOn: first, updatedAt: now })
      .where(inTenant(assignments, ctx.tenantId, eq(assignments.id, report.assignmentId)));
  }

  await refreshStatusFacts(ctx.tx, ctx.tenantId, { assignmentIds: [report.assignmentId] });
  await recordAudit(ctx, {
    action: "report.reopen",
    entityType: "progress_report",
    entityId: report.id,
    before: { state: report.state, version: report.version, lock, completedOn: completedOn?.before },
    after: {
      state: updated.state,
      version: updated.version,
      reason: input.reason,
      completedOn: completedOn?.after,
    },
  });

  const task = await taskLabelsOf(ctx, assignment.taskId);
  await notify(ctx, [report.submittedBy, ...(await usersOfAgencies(ctx, [assignment.agencyId]))], {
    kind: "report_reopened",
    title: approved
      ? `Cơ quan thường trực mở lại báo cáo đã duyệt của ${task.short}`
      : `Cơ quan thường trực mở lại báo cáo kỳ đã khóa của ${task.short}`,
    body: `${task.full}. Lý do: ${input.reason}`,
    link: notificationLinks.task(assignment.taskId),
  });

  return { id: updated.id, state: updated.state, version: updated.version, lock };
}
