import { eq } from "drizzle-orm";
import { assignments, deadlineChanges, tasks } from "../db/schema/index.ts";
import { refreshStatusFacts } from "../db/statusFacts.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";
import { formatVietnameseDate } from "../domain/dates.ts";
import { conflict, notFound } from "../errors.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { type DecideDeadlineChangeInput, decideDeadlineChangeInput } from "./inputs/decideDeadlineChange.ts";
import { notificationLinks, notify, taskLabelsOf } from "./notify.ts";

export { type DecideDeadlineChangeInput, decideDeadlineChangeInput };

/**
 * The standing office approves or refuses a pending request, once (conditional on state =
 * 'pending'). Approval moves the assignment's due date; the date it replaces is kept in the
 * request (previousDueOn), so the original stays in the history and in reports.
 */
export async function decideDeadlineChange(
  ctx: CommandContext,
  raw: DecideDeadlineChangeInput,
  options: { now?: Date } = {},
) {
  const input = decideDeadlineChangeInput.parse(raw);
  const now = options.now ?? new Date();
  const approve = input.decision === "approve";

  const [request] = await ctx.tx
    .select({
      id: deadlineChanges.id,
      assignmentId: deadlineChanges.assignmentId,
      requestedDueOn: deadlineChanges.requestedDueOn,
      requestedBy: deadlineChanges.requestedBy,
      state: deadlineChanges.state,
      currentDueOn: assignments.dueOn,
      taskId: tasks.id,
    })
    .from(deadlineChanges)
    .innerJoin(assignments, tenantJoin(assignments.id, deadlineChanges.assignmentId))
    .innerJoin(tasks, tenantJoin(tasks.id, assignments.taskId))
    .where(inTenant(deadlineChanges, ctx.tenantId, eq(deadlineChanges.id, input.deadlineChangeId)));
  if (!request) throw notFound("đề nghị điều chỉnh thời hạn");

  const [decided] = await ctx.tx
    .update(deadlineChanges)
    .set({
      state: approve ? "approved" : "refused",
      decidedBy: ctx.actor.userId,
      decidedAt: now,
      decisionComment: input.comment,
      // The date actually replaced, should the due date have moved since the request.
      ...(approve ? { previousDueOn: request.currentDueOn } : {}),
    })
    .where(
      inTenant(
        deadlineChanges,
        ctx.tenantId,
        eq(deadlineChanges.id, request.id),
        eq(deadlineChanges.state, "pending"),
      ),
    )
    .returning();
  if (!decided) {
    throw conflict("deadline_change_decided", "Đề nghị này đã được quyết định; không thể quyết định lại.");
  }
  if (approve) {
    await ctx.tx
      .update(assignments)
      .set({ dueOn: decided.requestedDueOn, updatedAt: now })
      .where(inTenant(assignments, ctx.tenantId, eq(assignments.id, request.assignmentId)));
  }

  await refreshStatusFacts(ctx.tx, ctx.tenantId, { assignmentIds: [request.assignmentId] });
  await recordAudit(ctx, {
    action: approve ? "deadline_change.approve" : "deadline_change.refuse",
    entityType: "deadline_change",
    entityId: decided.id,
    before: { state: "pending", dueOn: request.currentDueOn },
    after: {
      state: decided.state,
      dueOn: approve ? decided.requestedDueOn : request.currentDueOn,
      comment: input.comment,
    },
  });

  const task = await taskLabelsOf(ctx, request.taskId);
  await notify(ctx, [request.requestedBy], {
    kind: "deadline_change_decided",
    title: approve
      ? `Đồng ý điều chỉnh thời hạn ${task.short} đến ${formatVietnameseDate(decided.requestedDueOn)}`
      : `Không đồng ý điều chỉnh thời hạn ${task.short}`,
    body: [task.full, input.comment ? `Ý kiến của cơ quan thường trực: ${input.comment}` : ""]
      .filter(Boolean)
      .join(". "),
    link: notificationLinks.task(request.taskId),
  });

  return {
    id: decided.id,
    state: decided.state,
    previousDueOn: decided.previousDueOn,
    requestedDueOn: decided.requestedDueOn,
    assignmentId: decided.assignmentId,
  };
}
