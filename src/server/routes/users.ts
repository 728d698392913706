import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createUser, createUserInput } from "../../commands/createUser.ts";
import { setUserDisabled } from "../../commands/setUserDisabled.ts";
import { forbidden } from "../../errors.ts";
import { roles } from "../../policies/principal.ts";
import { userPolicy } from "../../policies/user.ts";
import { listUsers } from "../../queries/users.ts";
import { actorOf } from "../actor.ts";
import { errorResponses } from "../schemas.ts";
import { principalOf, requireSession } from "../session.ts";

const userRow = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  roles: z.array(z.enum(roles)),
});

/** Accounts are issued by administrators: there is no sign-up. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.handle;
  app.addHook("preHandler", requireSession(db));
  const admin = (request: Parameters<typeof principalOf>[0]) => {
    const principal = principalOf(request);
    if (!userPolicy.create(principal).allowed) throw forbidden("Chỉ quản trị viên được quản lý tài khoản.");
    return principal;
  };

  app.get(
    "/api/users",
    {
      schema: {
        operationId: "listUsers",
        tags: ["users"],
        summary: "Danh sách tài khoản",
        response: { 200: z.object({ items: z.array(userRow) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listUsers(db, admin(request).tenantId) }),
  );

  app.post(
    "/api/users",
    {
      schema: {
        operationId: "createUser",
        tags: ["users"],
        summary: "Cấp tài khoản",
        body: createUserInput,
        response: { 200: z.object({ id: z.string(), username: z.string() }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = admin(request);
      return db.transaction((tx) =>
        createUser({ tx, tenantId: principal.tenantId, actor: actorOf(request) }, request.body),
      );
    },
  );

  app.put(
    "/api/users/:userId/disabled",
    {
      schema: {
        operationId: "setUserDisabled",
        tags: ["users"],
        summary: "Khóa hoặc mở khóa tài khoản",
        params: z.object({ userId: z.uuid() }),
        body: z.object({ disabled: z.boolean() }),
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = admin(request);
      await db.transaction((tx) =>
        setUserDisabled(
          { tx, tenantId: principal.tenantId, actor: actorOf(request) },
          request.params.userId,
          request.body.disabled,
        ),
      );
      return { ok: true as const };
    },
  );
};
