import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { changePassword, changePasswordInput, verifyPasswordChange } from "../../commands/changePassword.ts";
import { issueTemporaryPassword, resetPassword } from "../../commands/resetPassword.ts";
import { userPolicy } from "../../policies/user.ts";
import { findUser } from "../../queries/users.ts";
import { command } from "../operation.ts";
import { errorResponses } from "../schemas.ts";
import { requireSession, SESSION_COOKIE } from "../session.ts";

/**
 * Passwords: the owner's change and the administrator's reset. Both hash with argon2 in
 * `prepare`, outside the transaction, and end sessions in it.
 */
export const passwordRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook("preHandler", requireSession(app.deps.handle.db));

  command(app, {
    method: "POST",
    url: "/api/auth/password",
    // A session that must replace an issued password may still do exactly this.
    options: { config: { allowRestricted: true } },
    schema: {
      operationId: "changePassword",
      tags: ["auth"],
      summary: "Đổi mật khẩu của mình",
      body: changePasswordInput,
      response: {
        200: z.object({ ok: z.literal(true), sessionsEnded: z.number().int() }),
        ...errorResponses,
      },
    },
    authorize: (principal) => userPolicy.changeOwnPassword(principal),
    prepare: (ctx, { body }) => verifyPasswordChange(ctx.db, ctx.principal, body),
    run: async (ctx, _input, _subject, verified) => ({
      ok: true as const,
      ...(await changePassword(ctx, verified, ctx.request.cookies[SESSION_COOKIE])),
    }),
  });

  command(app, {
    method: "POST",
    url: "/api/users/:userId/password-reset",
    schema: {
      operationId: "resetUserPassword",
      tags: ["users"],
      summary: "Đặt lại mật khẩu của một tài khoản",
      description: "Trả về mật khẩu tạm thời một lần duy nhất; người dùng phải đổi nó ở lần đăng nhập sau.",
      params: z.object({ userId: z.uuid() }),
      response: { 200: z.object({ temporaryPassword: z.string() }), ...errorResponses },
    },
    load: (ctx, { params }) => findUser(ctx.db, ctx.tenantId, params.userId),
    missing: "tài khoản",
    authorize: (principal, target) => userPolicy.resetPassword(principal, target),
    prepare: (_ctx, _input, target) => issueTemporaryPassword(target.username),
    run: (ctx, { params }, _target, issued) => {
      // Shown once: no cache anywhere may keep it.
      ctx.reply.header("cache-control", "no-store");
      return resetPassword(ctx, params.userId, issued);
    },
  });
};
