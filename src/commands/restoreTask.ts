import { eq } from "drizzle-orm";
import { tasks } from "../db/schema/index.ts";
import { refreshStatusFacts } from "../db/statusFacts.ts";
import { inTenant } from "../db/tenancy.ts";
import { conflict, notFound } from "../errors.ts";
import { type CommandContext, recordAudit } from "./context.ts";

/** Undoes `deleteTask`: the task, its assignments and reports count again as before. */
export async function restoreTask(
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
  if (!task.deletedAt) throw conflict("task_not_deleted", "Nhiệm vụ này chưa bị xóa.");
  await tx
    .update(tasks)
    .set({ deletedAt: null, deletedBy: null, updatedAt: new Date() })
    .where(inTenant(tasks, tenantId, eq(tasks.id, taskId)));
  await refreshStatusFacts(tx, tenantId, { taskIds: [taskId] });
  await recordAudit(ctx, {
    action: "task.restored",
    entityType: "task",
    entityId: taskId,
    before: { ref: task.ref, title: task.title, deletedAt: task.deletedAt.toISOString() },
    after: { deletedAt: null },
  });
  return { taskId, ref: task.ref };
}
