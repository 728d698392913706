import { eq } from "drizzle-orm";
import { assignments, directiveComments, tasks } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { notFound } from "../errors.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { type AddDirectiveCommentInput, addDirectiveCommentInput } from "./inputs/addDirectiveComment.ts";
import { notificationLinks, notify, taskLabelsOf, usersOfAgencies } from "./notify.ts";

export { type AddDirectiveCommentInput, addDirectiveCommentInput };

/** Ý kiến chỉ đạo: a leader's (or the standing office's) directive on a task; its lead agencies are told. */
export async function addDirectiveComment(
  ctx: CommandContext,
  raw: AddDirectiveCommentInput,
  options: { now?: Date } = {},
) {
  const input = addDirectiveCommentInput.parse(raw);
  const [task] = await ctx.tx
    .select({ id: tasks.id, ref: tasks.ref, title: tasks.title })
    .from(tasks)
    .where(inTenant(tasks, ctx.tenantId, eq(tasks.id, input.taskId)));
  if (!task) throw notFound("nhiệm vụ");

  const [comment] = await ctx.tx
    .insert(directiveComments)
    .values({
      tenantId: ctx.tenantId,
      taskId: task.id,
      authorId: ctx.actor.userId!,
      body: input.body,
      createdAt: options.now ?? new Date(),
    })
    .returning();

  await recordAudit(ctx, {
    action: "directive_comment.add",
    entityType: "directive_comment",
    entityId: comment!.id,
    after: { taskId: task.id, taskRef: task.ref, body: input.body },
  });

  const leads = await ctx.tx
    .selectDistinct({ agencyId: assignments.agencyId })
    .from(assignments)
    .where(
      inTenant(assignments, ctx.tenantId, eq(assignments.taskId, task.id), eq(assignments.role, "lead")),
    );
  const labels = await taskLabelsOf(ctx, task.id);
  await notify(
    ctx,
    await usersOfAgencies(
      ctx,
      leads.map((l) => l.agencyId),
    ),
    {
      kind: "directive_comment",
      title: `Ý kiến chỉ đạo về ${labels.short}`,
      body: `${labels.full}: ${input.body}`,
      link: notificationLinks.task(task.id),
    },
  );

  return { id: comment!.id, taskId: task.id, createdAt: comment!.createdAt.toISOString() };
}
