import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createUser, createUserInput } from "../../commands/createUser.ts";
import { deleteUser } from "../../commands/deleteUser.ts";
import { updateUserInput } from "../../commands/inputs/createUser.ts";
import { restoreUser } from "../../commands/restoreUser.ts";
import { setUserDisabled } from "../../commands/setUserDisabled.ts";
import { updateUser } from "../../commands/updateUser.ts";
import { roles } from "../../policies/principal.ts";
import { userPolicy } from "../../policies/user.ts";
import { listUsers } from "../../queries/users.ts";
import { command, query } from "../operation.ts";
import { errorResponses } from "../schemas.ts";
import { requireSession } from "../session.ts";

const userRow = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  /** Set on a deleted account (listed only with `deleted=true`). */
  deletedAt: z.string().nullable(),
  roles: z.array(z.enum(roles)),
});

/** Accounts are issued by administrators: there is no sign-up. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook("preHandler", requireSession(app.deps.handle.db));

  query(app, {
    method: "GET",
    url: "/api/users",
    schema: {
      operationId: "listUsers",
      tags: ["users"],
      summary: "Danh sách tài khoản (deleted=true: các tài khoản đã xóa)",
      querystring: z.object({ deleted: z.enum(["true", "false"]).optional() }),
      response: { 200: z.object({ items: z.array(userRow) }), ...errorResponses },
    },
    authorize: (principal) => userPolicy.list(principal),
    run: async (ctx, { query }) => ({
      items: await listUsers(ctx.db, ctx.tenantId, { deleted: query.deleted === "true" }),
    }),
  });

  command(app, {
    method: "POST",
    url: "/api/users",
    schema: {
      operationId: "createUser",
      tags: ["users"],
      summary: "Cấp tài khoản",
      body: createUserInput,
      response: { 200: z.object({ id: z.string(), username: z.string() }), ...errorResponses },
    },
    authorize: (principal) => userPolicy.create(principal),
    run: (ctx, { body }) => createUser(ctx, body, { mustChangePassword: true }),
  });

  command(app, {
    method: "PUT",
    url: "/api/users/:userId/disabled",
    schema: {
      operationId: "setUserDisabled",
      tags: ["users"],
      summary: "Khóa hoặc mở khóa tài khoản",
      params: z.object({ userId: z.uuid() }),
      body: z.object({ disabled: z.boolean() }),
      response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
    },
    authorize: (principal) => userPolicy.create(principal),
    run: async (ctx, { params, body }) => {
      await setUserDisabled(ctx, params.userId, body.disabled);
      return { ok: true as const };
    },
  });

  command(app, {
    method: "PATCH",
    url: "/api/users/:userId",
    schema: {
      operationId: "updateUser",
      tags: ["users"],
      summary: "Sửa tài khoản: họ tên, thư điện tử, vai trò, cơ quan (chỉ gửi trường cần sửa)",
      params: z.object({ userId: z.uuid() }),
      body: updateUserInput,
      response: { 200: z.object({ id: z.string(), changed: z.array(z.string()) }), ...errorResponses },
    },
    authorize: (principal) => userPolicy.update(principal),
    run: (ctx, { params, body }) => updateUser(ctx, params.userId, body),
  });

  command(app, {
    method: "DELETE",
    url: "/api/users/:userId",
    schema: {
      operationId: "deleteUser",
      tags: ["users"],
      summary:
        "Xóa tài khoản (xóa mềm: không đăng nhập được, phiên kết thúc, nhật ký và tên trên báo cáo được giữ)",
      params: z.object({ userId: z.uuid() }),
      response: { 200: z.object({ id: z.string() }), ...errorResponses },
    },
    authorize: (principal, _subject, { params }) => userPolicy.remove(principal, { id: params.userId }),
    run: (ctx, { params }) => deleteUser(ctx, params.userId),
  });

  command(app, {
    method: "POST",
    url: "/api/users/:userId/restore",
    schema: {
      operationId: "restoreUser",
      tags: ["users"],
      summary: "Khôi phục tài khoản đã xóa",
      params: z.object({ userId: z.uuid() }),
      response: { 200: z.object({ id: z.string() }), ...errorResponses },
    },
    authorize: (principal) => userPolicy.update(principal),
    run: (ctx, { params }) => restoreUser(ctx, params.userId),
  });
};
