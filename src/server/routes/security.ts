import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { beginTotpEnrolment } from "../../commands/beginTotpEnrolment.ts";
import { confirmTotpEnrolment } from "../../commands/confirmTotpEnrolment.ts";
import { disableTotp } from "../../commands/disableTotp.ts";
import { securitySettingsInput, totpCodeInput } from "../../commands/inputs/twoFactor.ts";
import { resetUserTotp } from "../../commands/resetUserTotp.ts";
import { saveSecuritySettings } from "../../commands/saveSecuritySettings.ts";
import { roles } from "../../policies/principal.ts";
import { securityPolicy } from "../../policies/security.ts";
import { securitySettings } from "../../queries/security.ts";
import { command, query } from "../operation.ts";
import { errorResponses } from "../schemas.ts";
import { allowRestricted, requireSession, sessionViewOf } from "../session.ts";

const ok = z.object({ ok: z.literal(true) });
const settingsResponse = z.object({ totpRequiredRoles: z.array(z.enum(roles)) });

/**
 * Each user's own second factor (TOTP: set up, confirm, turn off) and the administrators' side:
 * which roles must use it, and resetting a user's authenticator. Setting up stays open to an
 * account the TOTP gate holds back (`allowRestricted`), since it is how that account gets through.
 */
export const securityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { handle, config } = app.deps;
  app.addHook("preHandler", requireSession(handle.db));

  command(app, {
    method: "POST",
    url: "/api/me/totp/enrolment",
    options: allowRestricted,
    schema: {
      operationId: "beginTotpEnrolment",
      tags: ["security"],
      summary: "Bắt đầu thiết lập xác thực hai lớp",
      response: { 200: z.object({ secret: z.string(), uri: z.string() }), ...errorResponses },
    },
    authorize: (principal) => securityPolicy.manageOwnTotp(principal),
    run: (ctx) => beginTotpEnrolment(ctx, ctx.principal, config.secretKey),
  });

  command(app, {
    method: "POST",
    url: "/api/me/totp/confirmation",
    options: allowRestricted,
    schema: {
      operationId: "confirmTotpEnrolment",
      tags: ["security"],
      summary: "Xác nhận thiết lập xác thực hai lớp",
      body: totpCodeInput,
      response: { 200: z.object({ recoveryCodes: z.array(z.string()) }), ...errorResponses },
    },
    authorize: (principal) => securityPolicy.manageOwnTotp(principal),
    run: (ctx, { body }) => confirmTotpEnrolment(ctx, ctx.principal.userId, body, config.secretKey),
  });

  command(app, {
    method: "POST",
    url: "/api/me/totp/disable",
    schema: {
      operationId: "disableTotp",
      tags: ["security"],
      summary: "Tắt xác thực hai lớp",
      body: totpCodeInput,
      response: { 200: ok, ...errorResponses },
    },
    authorize: (principal) => securityPolicy.manageOwnTotp(principal),
    run: async (ctx, { body }) => {
      const { totpRequired } = sessionViewOf(ctx.request);
      await disableTotp(ctx, { userId: ctx.principal.userId, totpRequired }, body, config.secretKey);
      return { ok: true as const };
    },
  });

  command(app, {
    method: "POST",
    url: "/api/users/:userId/totp/reset",
    schema: {
      operationId: "resetUserTotp",
      tags: ["security"],
      summary: "Đặt lại xác thực hai lớp của một tài khoản",
      params: z.object({ userId: z.uuid() }),
      response: { 200: ok, ...errorResponses },
    },
    authorize: (principal) => securityPolicy.resetTotp(principal),
    run: async (ctx, { params }) => {
      await resetUserTotp(ctx, params.userId);
      return { ok: true as const };
    },
  });

  query(app, {
    method: "GET",
    url: "/api/security/settings",
    schema: {
      operationId: "getSecuritySettings",
      tags: ["security"],
      summary: "Cài đặt bảo mật của tỉnh",
      response: { 200: settingsResponse, ...errorResponses },
    },
    authorize: (principal) => securityPolicy.manageSettings(principal),
    run: (ctx) => securitySettings(ctx.db, ctx.tenantId),
  });

  command(app, {
    method: "PUT",
    url: "/api/security/settings",
    schema: {
      operationId: "saveSecuritySettings",
      tags: ["security"],
      summary: "Lưu cài đặt bảo mật của tỉnh",
      body: securitySettingsInput,
      response: { 200: settingsResponse, ...errorResponses },
    },
    authorize: (principal) => securityPolicy.manageSettings(principal),
    run: (ctx, { body }) => saveSecuritySettings(ctx, body),
  });
};
