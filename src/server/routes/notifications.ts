import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { markNotificationRead } from "../../commands/markNotificationRead.ts";
import { allow } from "../../policies/decision.ts";
import { listNotifications, notificationFilters } from "../../queries/notifications.ts";
import { command, query } from "../operation.ts";
import { errorResponses } from "../schemas.ts";
import { requireSession } from "../session.ts";

const notificationItem = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

/** Each user's own notifications: nothing to authorize beyond the session. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook("preHandler", requireSession(app.deps.handle.db));

  query(app, {
    method: "GET",
    url: "/api/notifications",
    schema: {
      operationId: "listNotifications",
      tags: ["notifications"],
      summary: "Thông báo của người dùng: chưa đọc trước, mới nhất trước",
      querystring: notificationFilters,
      response: {
        200: z.object({ total: z.number(), unread: z.number(), items: z.array(notificationItem) }),
        ...errorResponses,
      },
    },
    authorize: () => allow,
    run: (ctx, { query }) => listNotifications(ctx.db, ctx.tenantId, ctx.principal.userId, query),
  });

  command(app, {
    method: "POST",
    url: "/api/notifications/:notificationId/read",
    schema: {
      operationId: "markNotificationRead",
      tags: ["notifications"],
      summary: "Đánh dấu một thông báo đã đọc",
      params: z.object({ notificationId: z.uuid() }),
      response: { 200: z.object({ marked: z.number() }), ...errorResponses },
    },
    authorize: () => allow,
    run: (ctx, { params }) => markNotificationRead(ctx, { notificationId: params.notificationId }),
  });

  command(app, {
    method: "POST",
    url: "/api/notifications/read-all",
    schema: {
      operationId: "markAllNotificationsRead",
      tags: ["notifications"],
      summary: "Đánh dấu mọi thông báo của người dùng đã đọc",
      response: { 200: z.object({ marked: z.number() }), ...errorResponses },
    },
    authorize: () => allow,
    run: (ctx) => markNotificationRead(ctx, {}),
  });
};
