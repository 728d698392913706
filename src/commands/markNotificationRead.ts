import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { notifications } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { notFound } from "../errors.ts";
import { type CommandContext, recordAudit } from "./context.ts";

export const markNotificationReadInput = z.object({
  /** One notification, or every unread one of the user when omitted. */
  notificationId: z.uuid().optional(),
});
export type MarkNotificationReadInput = z.input<typeof markNotificationReadInput>;

/** Marks the actor's own notification(s) read; someone else's is "not found", never touched. */
export async function markNotificationRead(ctx: CommandContext, raw: MarkNotificationReadInput) {
  const input = markNotificationReadInput.parse(raw);
  const userId = ctx.actor.userId;
  if (!userId) throw notFound("thông báo");
  const mine = inTenant(notifications, ctx.tenantId, eq(notifications.userId, userId));
  if (input.notificationId) {
    const [found] = await ctx.tx
      .select({ id: notifications.id, readAt: notifications.readAt })
      .from(notifications)
      .where(and(mine, eq(notifications.id, input.notificationId)));
    if (!found) throw notFound("thông báo");
    if (found.readAt) return { marked: 0 };
  }
  const marked = await ctx.tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        mine,
        isNull(notifications.readAt),
        input.notificationId ? inArray(notifications.id, [input.notificationId]) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  if (marked.length) {
    await recordAudit(ctx, {
      action: "notification.read",
      entityType: "notification",
      entityId: input.notificationId ?? null,
      before: { read: false },
      after: { read: true, count: marked.length },
    });
  }
  return { marked: marked.length };
}
