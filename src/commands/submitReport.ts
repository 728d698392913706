import { eq, inArray, isNotNull } from "drizzle-orm";
import { evidence, progressReports, reportingPeriods, storedFiles } from "../db/schema/index.ts";
import { refreshStatusFacts } from "../db/statusFacts.ts";
import { inTenant } from "../db/tenancy.ts";
import { formatVietnameseDate, type IsoDate, vietnamDate } from "../domain/dates.ts";
import { normalizeDocumentNumber } from "../domain/documentNumber.ts";
import { periodContaining, periodInSentence } from "../domain/periods.ts";
import { isPeriodClosed } from "../domain/reportLock.ts";
import { awaitingDecisionStates } from "../domain/reports.ts";
import { AppError, conflict, invalid, isUniqueViolation } from "../errors.ts";
import type { AssignmentContext } from "../queries/reports.ts";
import type { StagedFile } from "../storage/staging.ts";
import type { EvidenceStore } from "../storage/store.ts";
import { type StoredEvidence, storeEvidenceFiles } from "../storage/storeEvidence.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { type SubmitReportInput, submitReportInput } from "./inputs/submitReport.ts";
import { notificationLinks, notify, taskLabelsOf, usersOfAgencies, usersWithRoles } from "./notify.ts";

export { type SubmitReportInput, submitReportInput };

export const MAX_EVIDENCE_FILES = 10;

function assertEvidenceCount(files: unknown[]) {
  if (files.length > MAX_EVIDENCE_FILES) {
    throw invalid("evidence_too_many", `Mỗi báo cáo có tối đa ${MAX_EVIDENCE_FILES} tệp minh chứng.`);
  }
}

/**
 * Checks and stores a report's evidence files before its transaction opens, so that no
 * database connection waits while files are read, hashed and synced to disk. New hashes go to
 * `created`: the caller removes them if the report is then refused.
 */
export async function prepareReportEvidence(
  files: StagedFile[],
  store: EvidenceStore,
  created: string[],
): Promise<StoredEvidence[]> {
  assertEvidenceCount(files);
  return storeEvidenceFiles(files, store, created);
}

export interface SubmitReportOptions {
  /** The assignment, loaded and authorised by the caller (reportPolicy.canReportOn). */
  assignment: AssignmentContext;
  /** Whether the submitter is the head of the agency: with head approval required, their report goes straight on. */
  submitterIsHead: boolean;
  /** Evidence files already checked and stored by `prepareReportEvidence`, before the transaction. */
  files?: StoredEvidence[];
  now?: Date;
}

/**
 * An agency's progress report on one assignment for one period, with its evidence. The files
 * were checked and stored before the transaction (`prepareReportEvidence`); here the report, its
 * evidence rows, the audit row and the notifications commit together.
 */
export async function submitReport(
  ctx: CommandContext,
  raw: SubmitReportInput,
  options: SubmitReportOptions,
) {
  const input = submitReportInput.parse(raw);
  const { assignment } = options;
  const files = options.files ?? [];
  const now = options.now ?? new Date();
  const today = vietnamDate(now);

  if (assignment.id !== input.assignmentId) throw new Error("assignment context does not match the input");
  if (assignment.taskRemovedAt) {
    throw conflict("task_removed", "Nhiệm vụ này đã bị loại khỏi kế hoạch; không thể báo cáo thêm.");
  }
  if (input.claimsCompletion && assignment.completedOn) {
    throw conflict(
      "assignment_completed",
      `Nhiệm vụ đã được xác nhận hoàn thành (ngày ${formatVietnameseDate(assignment.completedOn)}).`,
    );
  }
  assertEvidenceCount(files);

  const period = await resolvePeriod(ctx, assignment, input.periodOn, today);

  const pending = await ctx.tx
    .select({ id: progressReports.id })
    .from(progressReports)
    .where(
      inTenant(
        progressReports,
        ctx.tenantId,
        eq(progressReports.assignmentId, assignment.id),
        eq(progressReports.periodId, period.id),
        inArray(progressReports.state, [...awaitingDecisionStates]),
      ),
    );
  if (pending[0]) throw pendingConflict(period.label);

  const awaitingHead = assignment.requireHeadApproval && !options.submitterIsHead;
  const state = awaitingHead ? ("awaiting_head" as const) : ("submitted" as const);
  const headApproved = assignment.requireHeadApproval && options.submitterIsHead;

  const report = await insertReport(
    ctx,
    {
      tenantId: ctx.tenantId,
      assignmentId: assignment.id,
      periodId: period.id,
      percent: input.claimsCompletion ? 100 : (input.percent ?? null),
      narrative: input.narrative,
      difficulties: input.difficulties,
      proposals: input.proposals,
      nothingToReport: input.nothingToReport,
      claimsCompletion: input.claimsCompletion,
      state,
      submittedBy: ctx.actor.userId,
      submittedAt: now,
      headApprovedBy: headApproved ? ctx.actor.userId : null,
      headApprovedAt: headApproved ? now : null,
      createdAt: now,
      updatedAt: now,
    },
    period.label,
  );

  const evidenceRows: (typeof evidence.$inferInsert)[] = [];
  for (const file of files) {
    await ctx.tx
      .insert(storedFiles)
      .values({ tenantId: ctx.tenantId, sha256: file.sha256, size: file.size, mimeType: file.mimeType })
      .onConflictDoNothing();
    evidenceRows.push({
      tenantId: ctx.tenantId,
      reportId: report.id,
      kind: "file",
      sha256: file.sha256,
      fileName: file.fileName,
      createdBy: ctx.actor.userId!,
    });
  }
  for (const url of new Set(input.links)) {
    evidenceRows.push({
      tenantId: ctx.tenantId,
      reportId: report.id,
      kind: "link",
      url,
      createdBy: ctx.actor.userId!,
    });
  }
  for (const number of new Set(input.documentNumbers.map(normalizeDocumentNumber))) {
    evidenceRows.push({
      tenantId: ctx.tenantId,
      reportId: report.id,
      kind: "document_number",
      documentNumber: number,
      createdBy: ctx.actor.userId!,
    });
  }
  if (evidenceRows.length) {
    // One millisecond apart, so that the evidence lists in the order it was attached.
    await ctx.tx
      .insert(evidence)
      .values(evidenceRows.map((row, i) => ({ ...row, createdAt: new Date(now.getTime() + i) })));
  }

  await refreshStatusFacts(ctx.tx, ctx.tenantId, { assignmentIds: [assignment.id] });
  await recordAudit(ctx, {
    action: "report.submit",
    entityType: "progress_report",
    entityId: report.id,
    after: {
      assignmentId: assignment.id,
      taskRef: assignment.taskRef,
      period: period.label,
      state,
      percent: report.percent,
      nothingToReport: input.nothingToReport,
      claimsCompletion: input.claimsCompletion,
      evidence: evidenceRows.map((e) => ({
        kind: e.kind,
        fileName: e.fileName ?? undefined,
        sha256: e.sha256 ?? undefined,
        url: e.url ?? undefined,
        documentNumber: e.documentNumber ?? undefined,
      })),
    },
  });

  const task = await taskLabelsOf(ctx, assignment.taskId);
  const what = `${assignment.agencyName} báo cáo ${task.full} (kỳ ${periodInSentence(period.label)})`;
  const link = notificationLinks.task(assignment.taskId);
  if (awaitingHead) {
    await notify(ctx, await usersOfAgencies(ctx, [assignment.agencyId], ["agency_head"]), {
      kind: "report_awaiting_head",
      title: `Báo cáo chờ lãnh đạo đơn vị duyệt: ${task.short}`,
      body: `${what}${input.claimsCompletion ? ", đề nghị xác nhận hoàn thành" : ""}.`,
      link,
    });
  } else {
    await notify(ctx, await usersWithRoles(ctx, ["coordinator"]), {
      kind: "report_submitted",
      title: `Báo cáo mới chờ xét duyệt: ${task.short}`,
      body: `${what}${input.claimsCompletion ? ", đề nghị xác nhận hoàn thành" : ""}.`,
      link,
    });
  }

  return {
    id: report.id,
    state,
    periodId: period.id,
    periodLabel: period.label,
    evidenceCount: evidenceRows.length,
  };
}

const pendingConflict = (label: string) =>
  conflict(
    "report_pending",
    `Đã có báo cáo kỳ ${periodInSentence(label)} của nhiệm vụ này đang chờ duyệt; hãy chờ kết quả trước khi gửi báo cáo khác.`,
  );

async function insertReport(ctx: CommandContext, values: typeof progressReports.$inferInsert, label: string) {
  try {
    const [row] = await ctx.tx.insert(progressReports).values(values).returning();
    return row!;
  } catch (error) {
    // Two submissions at once: the partial unique index lets only one wait for a decision.
    if (isUniqueViolation(error)) throw pendingConflict(label);
    throw error;
  }
}

/**
 * The period a report is for: the one containing today, unless the request names another that is
 * still open (not past its cut-off, or reopened by a reviewer for this assignment). The period row
 * is created on first use.
 */
async function resolvePeriod(
  ctx: CommandContext,
  assignment: AssignmentContext,
  periodOn: IsoDate | undefined,
  today: IsoDate,
) {
  const kind = assignment.reportingFrequency;
  const wanted = periodContaining(periodOn ?? today, kind, assignment.cutoffDay);
  if (wanted.startsOn > today) {
    throw invalid("period_not_started", `Kỳ báo cáo ${wanted.label} chưa bắt đầu.`);
  }
  await ctx.tx
    .insert(reportingPeriods)
    .values({
      tenantId: ctx.tenantId,
      planId: assignment.planId,
      kind,
      startsOn: wanted.startsOn,
      endsOn: wanted.endsOn,
      cutoffOn: wanted.cutoffOn,
    })
    .onConflictDoNothing();
  const [row] = await ctx.tx
    .select()
    .from(reportingPeriods)
    .where(
      inTenant(
        reportingPeriods,
        ctx.tenantId,
        eq(reportingPeriods.planId, assignment.planId),
        eq(reportingPeriods.startsOn, wanted.startsOn),
      ),
    );
  if (!row) throw new AppError("internal_error", 500, "Không tạo được kỳ báo cáo.");
  const period = { ...row, label: wanted.label };
  if (!isPeriodClosed(row, today)) return period;

  const reopened = await ctx.tx
    .select({ id: progressReports.id })
    .from(progressReports)
    .where(
      inTenant(
        progressReports,
        ctx.tenantId,
        eq(progressReports.assignmentId, assignment.id),
        eq(progressReports.periodId, row.id),
        isNotNull(progressReports.reopenedAt),
      ),
    )
    .limit(1);
  if (reopened[0]) return period;
  throw conflict(
    "period_closed",
    `Kỳ báo cáo ${wanted.label} đã khóa sổ (hạn chót ${formatVietnameseDate(row.cutoffOn)}). ` +
      (periodOn
        ? "Hãy gửi báo cáo vào kỳ hiện tại, hoặc đề nghị cơ quan thường trực mở lại kỳ đã khóa."
        : "Hãy đề nghị cơ quan thường trực mở lại kỳ báo cáo."),
  );
}
