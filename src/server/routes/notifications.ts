import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { markNotificationRead } from "../../commands/markNotificationRead.ts";
import { listNotifications, notificationFilters } from "../../queries/notifications.ts";
import { actorOf } from "../actor.ts";
import { errorResponses } from "../schemas.ts";
import { principalOf, requireSession } from "../session.ts";

const notificationItem = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.handle;
  app.addHook("preHandler", requireSession(db));

  app.get(
    "/api/notifications",
    {
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
    },
    async (request) => {
      const principal = principalOf(request);
      return listNotifications(db, principal.tenantId, principal.userId, request.query);
    },
  );

  app.post(
    "/api/notifications/:notificationId/read",
    {
      schema: {
        operationId: "markNotificationRead",
        tags: ["notifications"],
        summary: "Đánh dấu một thông báo đã đọc",
        params: z.object({ notificationId: z.uuid() }),
        response: { 200: z.object({ marked: z.number() }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return db.transaction((tx) =>
        markNotificationRead(
          { tx, tenantId: principal.tenantId, actor: actorOf(request, principal) },
          { notificationId: request.params.notificationId },
        ),
      );
    },
  );

  app.post(
    "/api/notifications/read-all",
    {
      schema: {
        operationId: "markAllNotificationsRead",
        tags: ["notifications"],
        summary: "Đánh dấu mọi thông báo của người dùng đã đọc",
        response: { 200: z.object({ marked: z.number() }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return db.transaction((tx) =>
        markNotificationRead({ tx, tenantId: principal.tenantId, actor: actorOf(request, principal) }, {}),
      );
    },
  );
};
