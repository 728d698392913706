import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../db/client.ts";
import { notifications } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { INT4_MAX } from "../domain/inputSafety.ts";

export const notificationFilters = z.object({
  unreadOnly: z.stringbool().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(INT4_MAX).default(0),
});
export type NotificationFilters = z.infer<typeof notificationFilters>;

/** The user's own notifications: unread first, then newest first; with the unread count. */
export async function listNotifications(
  db: Executor,
  tenantId: string,
  userId: string,
  filters: NotificationFilters,
) {
  const mine = inTenant(notifications, tenantId, eq(notifications.userId, userId));
  const where = filters.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
  const rows = await db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(sql`${notifications.readAt} is not null`, desc(notifications.createdAt), desc(notifications.id))
    .limit(filters.limit)
    .offset(filters.offset);
  const [totals] = await db
    .select({ total: count(), unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)` })
    .from(notifications)
    .where(mine);
  return {
    total: filters.unreadOnly ? Number(totals?.unread ?? 0) : Number(totals?.total ?? 0),
    unread: Number(totals?.unread ?? 0),
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
  };
}
