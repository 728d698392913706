import { eq } from "drizzle-orm";
import { tasks } from "../db/schema/index.ts";
import { refreshStatusFacts } from "../db/statusFacts.ts";
import { inTenant } from "../db/tenancy.ts";
import { conflict, notFound } from "../errors.ts";
import { type CommandContext, recordAudit } from "./context.ts";

/**
 * The standing office deletes a task: it leaves every list, count and queue, and `restoreTask`
 * brings it back as it was. A task that has reports, even approved ones, may be deleted: the
 * deletion is soft, so the reports stay attached to it and return on restore, and refusing would
 * leave a wrongly entered task counted in every figure with no way out; the confirmation the web
 * asks says the reports go with it.
 */
export async function deleteTask(
  ctx: CommandContext,
  taskId: string,
): Promise<{ taskId: string; ref: string }> {
  const { tx, tenantId } = ctx;
  const [task] = await tx
    .select({ id: tasks.id, ref: tasks.ref, title: tasks.title, deletedAt: tasks.deletedAt })
    .from(tasks)
    .where(inTenant(tasks, tenantId, eq(tasks.id, taskId)))
    .for("update");
  if (!task) throw notFound("nhiệm vụ");
  if (task.deletedAt) throw conflict("task_deleted", "Nhiệm vụ này đã bị xóa.");
  const now = new Date();
  await tx
    .update(tasks)
    .set({ deletedAt: now, deletedBy: ctx.actor.userId, updatedAt: now })
    .where(inTenant(tasks, tenantId, eq(tasks.id, taskId)));
  await refreshStatusFacts(tx, tenantId, { taskIds: [taskId] });
  await recordAudit(ctx, {
    action: "task.deleted",
    entityType: "task",
    entityId: taskId,
    before: { ref: task.ref, title: task.title, deletedAt: null },
    after: { deletedAt: now.toISOString() },
  });
  return { taskId, ref: task.ref };
}
