import { eq, inArray } from "drizzle-orm";
import { documents, plans, progressReports, reportingPeriods } from "../db/schema/index.ts";
import { refreshStatusFacts } from "../db/statusFacts.ts";
import { inTenant } from "../db/tenancy.ts";
import { type PeriodKind, periodContaining } from "../domain/periods.ts";
import { foldForSearch } from "../domain/text.ts";
import { conflict, notFound } from "../errors.ts";
import { type CommandContext, changedFields, recordAudit } from "./context.ts";
import { type UpdatePlanInput, updatePlanInput } from "./inputs/createPlanFromExtraction.ts";

/**
 * The standing office edits a plan after import: its name, year, document metadata and its
 * reporting settings, without a re-import. One audit row holds the fields before and after.
 *
 * A changed reporting period or cut-off day moves the plan's reporting periods in the same
 * transaction (`realignPeriods`), then the plan's status facts are recomputed, so a month's
 * reports count in the quarter that holds it and no period keeps the old cut-off.
 */
export async function updatePlan(
  ctx: CommandContext,
  planId: string,
  raw: UpdatePlanInput,
): Promise<{ planId: string; changed: string[] }> {
  const input = updatePlanInput.parse(raw);
  const { tx, tenantId } = ctx;
  const [current] = await tx
    .select({
      name: plans.name,
      year: plans.year,
      reportingFrequency: plans.reportingFrequency,
      cutoffDay: plans.cutoffDay,
      requireHeadApproval: plans.requireHeadApproval,
      documentId: plans.documentId,
      documentNumber: documents.number,
      issuedOn: documents.issuedOn,
      title: documents.title,
      deletedAt: plans.deletedAt,
    })
    .from(plans)
    .innerJoin(documents, inTenant(documents, tenantId, eq(documents.id, plans.documentId)))
    .where(inTenant(plans, tenantId, eq(plans.id, planId)))
    .for("update", { of: plans });
  if (!current || current.deletedAt) throw notFound("kế hoạch");
  const { documentId, deletedAt: _, ...before } = current;
  const after = {
    name: input.name ?? before.name,
    year: input.year !== undefined ? input.year : before.year,
    reportingFrequency: input.reportingFrequency ?? before.reportingFrequency,
    cutoffDay: input.cutoffDay ?? before.cutoffDay,
    requireHeadApproval: input.requireHeadApproval ?? before.requireHeadApproval,
    documentNumber: input.documentNumber !== undefined ? input.documentNumber : before.documentNumber,
    issuedOn: input.issuedOn !== undefined ? input.issuedOn : before.issuedOn,
    title: input.title !== undefined ? input.title : before.title,
  };
  const diff = changedFields(before, after);
  if (!diff) return { planId, changed: [] };
  const now = new Date();
  await tx
    .update(plans)
    .set({
      name: after.name,
      year: after.year,
      reportingFrequency: after.reportingFrequency,
      cutoffDay: after.cutoffDay,
      requireHeadApproval: after.requireHeadApproval,
      updatedAt: now,
    })
    .where(inTenant(plans, tenantId, eq(plans.id, planId)));
  await tx
    .update(documents)
    .set({
      number: after.documentNumber,
      numberKey: after.documentNumber ? foldForSearch(after.documentNumber).replace(/\s+/g, "") : null,
      issuedOn: after.issuedOn,
      title: after.title,
    })
    .where(inTenant(documents, tenantId, eq(documents.id, documentId)));
  if (after.reportingFrequency !== before.reportingFrequency || after.cutoffDay !== before.cutoffDay) {
    await realignPeriods(ctx, planId, after.reportingFrequency, after.cutoffDay);
    await refreshStatusFacts(tx, tenantId, { planId });
  }
  await recordAudit(ctx, { action: "plan.update", entityType: "plan", entityId: planId, ...diff });
  return { planId, changed: Object.keys(diff.after) };
}

/**
 * Gives the plan's reporting periods the new kind and cut-off: each period becomes the new
 * period containing its first day (a month becomes its quarter, a quarter its first month); the
 * reports of periods merged into one move to it. Two reports waiting for a decision on the same
 * assignment would then share a period, which the review cannot tell apart: that change is
 * refused until they are decided.
 */
async function realignPeriods(ctx: CommandContext, planId: string, kind: PeriodKind, cutoffDay: number) {
  const { tx, tenantId } = ctx;
  const rows = await tx
    .select({ id: reportingPeriods.id, startsOn: reportingPeriods.startsOn })
    .from(reportingPeriods)
    .where(inTenant(reportingPeriods, tenantId, eq(reportingPeriods.planId, planId)));
  const targets = new Map<string, { period: ReturnType<typeof periodContaining>; ids: string[] }>();
  for (const row of rows) {
    const period = periodContaining(row.startsOn, kind, cutoffDay);
    const target = targets.get(period.startsOn) ?? { period, ids: [] };
    target.ids.push(row.id);
    targets.set(period.startsOn, target);
  }
  for (const { period, ids } of targets.values()) {
    const keeper = rows.find((r) => ids.includes(r.id) && r.startsOn === period.startsOn);
    const merged = ids.filter((id) => id !== keeper?.id);
    if (merged.length > 0) await assertNoPendingClash(ctx, ids, period.label);
    let targetId = keeper?.id;
    if (keeper) {
      await tx
        .update(reportingPeriods)
        .set({ kind, endsOn: period.endsOn, cutoffOn: period.cutoffOn })
        .where(inTenant(reportingPeriods, tenantId, eq(reportingPeriods.id, keeper.id)));
    } else {
      const [inserted] = await tx
        .insert(reportingPeriods)
        .values({
          tenantId,
          planId,
          kind,
          startsOn: period.startsOn,
          endsOn: period.endsOn,
          cutoffOn: period.cutoffOn,
        })
        .returning({ id: reportingPeriods.id });
      targetId = inserted!.id;
    }
    if (merged.length > 0) {
      await tx
        .update(progressReports)
        .set({ periodId: targetId })
        .where(inTenant(progressReports, tenantId, inArray(progressReports.periodId, merged)));
      await tx
        .delete(reportingPeriods)
        .where(inTenant(reportingPeriods, tenantId, inArray(reportingPeriods.id, merged)));
    }
  }
}

async function assertNoPendingClash(ctx: CommandContext, periodIds: string[], label: string) {
  const pending = await ctx.tx
    .select({ assignmentId: progressReports.assignmentId })
    .from(progressReports)
    .where(
      inTenant(
        progressReports,
        ctx.tenantId,
        inArray(progressReports.periodId, periodIds),
        inArray(progressReports.state, ["awaiting_head", "submitted"]),
      ),
    );
  const seen = new Set<string>();
  for (const p of pending) {
    if (seen.has(p.assignmentId)) {
      throw conflict(
        "pending_reports_in_period",
        `Một cơ quan có hai báo cáo đang chờ duyệt sẽ cùng thuộc kỳ ${label}; hãy duyệt hoặc trả lại trước khi đổi kỳ báo cáo.`,
      );
    }
    seen.add(p.assignmentId);
  }
}
