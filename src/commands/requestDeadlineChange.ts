import { eq } from "drizzle-orm";
import { deadlineChanges } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { formatVietnameseDate, vietnamDate } from "../domain/dates.ts";
import { conflict, invalid, isUniqueViolation } from "../errors.ts";
import type { AssignmentContext } from "../queries/reports.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import {
  type RequestDeadlineChangeInput,
  requestDeadlineChangeInput,
} from "./inputs/requestDeadlineChange.ts";
import { notificationLinks, notify, taskLabelsOf, usersWithRoles } from "./notify.ts";

export { type RequestDeadlineChangeInput, requestDeadlineChangeInput };

/**
 * The lead agency asks to move its due date (or to set one, when the plan gave none), with a
 * reason. The date may not be in the past nor before the plan's own document date; one request
 * per assignment waits at a time. The standing office is notified.
 */
export async function requestDeadlineChange(
  ctx: CommandContext,
  raw: RequestDeadlineChangeInput,
  options: { assignment: AssignmentContext; now?: Date },
) {
  const input = requestDeadlineChangeInput.parse(raw);
  const { assignment } = options;
  const today = vietnamDate(options.now ?? new Date());
  const wanted = input.requestedDueOn;

  if (assignment.taskRemovedAt) {
    throw conflict("task_removed", "Nhiệm vụ này đã bị loại khỏi kế hoạch.");
  }
  if (assignment.completedOn) {
    throw conflict(
      "assignment_completed",
      "Nhiệm vụ đã được xác nhận hoàn thành; không cần điều chỉnh thời hạn.",
    );
  }
  if (wanted < today) {
    throw invalid(
      "deadline_in_past",
      `Thời hạn đề nghị (${formatVietnameseDate(wanted)}) đã qua; hãy chọn từ hôm nay (${formatVietnameseDate(today)}) trở đi.`,
    );
  }
  if (assignment.documentIssuedOn && wanted < assignment.documentIssuedOn) {
    throw invalid(
      "deadline_before_document",
      `Thời hạn đề nghị (${formatVietnameseDate(wanted)}) sớm hơn ngày ban hành văn bản ${assignment.documentNumber ?? ""} (${formatVietnameseDate(assignment.documentIssuedOn)}).`,
    );
  }
  if (assignment.dueOn === wanted) {
    throw invalid("deadline_unchanged", "Thời hạn đề nghị trùng với thời hạn hiện tại.");
  }
  const pending = await ctx.tx
    .select({ id: deadlineChanges.id })
    .from(deadlineChanges)
    .where(
      inTenant(
        deadlineChanges,
        ctx.tenantId,
        eq(deadlineChanges.assignmentId, assignment.id),
        eq(deadlineChanges.state, "pending"),
      ),
    );
  if (pending[0]) throw pendingConflict();

  let created: typeof deadlineChanges.$inferSelect;
  try {
    [created] = (await ctx.tx
      .insert(deadlineChanges)
      .values({
        tenantId: ctx.tenantId,
        assignmentId: assignment.id,
        previousDueOn: assignment.dueOn,
        requestedDueOn: wanted,
        reason: input.reason,
        requestedBy: ctx.actor.userId!,
        requestedAt: options.now ?? new Date(),
      })
      .returning()) as [typeof deadlineChanges.$inferSelect];
  } catch (error) {
    if (isUniqueViolation(error)) throw pendingConflict();
    throw error;
  }

  await recordAudit(ctx, {
    action: "deadline_change.request",
    entityType: "deadline_change",
    entityId: created.id,
    after: {
      assignmentId: assignment.id,
      taskRef: assignment.taskRef,
      previousDueOn: assignment.dueOn,
      requestedDueOn: wanted,
      reason: input.reason,
    },
  });

  const from = assignment.dueOn ? formatVietnameseDate(assignment.dueOn) : "chưa xác định";
  const task = await taskLabelsOf(ctx, assignment.taskId);
  await notify(ctx, await usersWithRoles(ctx, ["coordinator"]), {
    kind: "deadline_change_requested",
    title: `${assignment.agencyName} đề nghị điều chỉnh thời hạn ${task.short}`,
    body: `${task.full}: từ ${from} sang ${formatVietnameseDate(wanted)}. Lý do: ${input.reason}`,
    link: notificationLinks.task(assignment.taskId),
  });

  return {
    id: created.id,
    state: created.state,
    previousDueOn: created.previousDueOn,
    requestedDueOn: created.requestedDueOn,
  };
}

const pendingConflict = () =>
  conflict(
    "deadline_change_pending",
    "Đã có một đề nghị điều chỉnh thời hạn của nhiệm vụ này đang chờ quyết định.",
  );
