import type { FastifyReply, FastifyRequest } from "fastify";
import { TOUCH_INTERVAL_MS, touchSession } from "../commands/touchSession.ts";
import type { Database } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { Principal } from "../policies/index.ts";
import { type SessionView, sessionFromToken } from "../queries/sessions.ts";

export const SESSION_COOKIE = "dondoc_session";

declare module "fastify" {
  interface FastifyRequest {
    principal?: Principal;
    /** The session behind `principal`, with what the account still owes (set by requireSession). */
    sessionView?: SessionView;
  }
  interface FastifyContextConfig {
    /**
     * The route stays open to an account that must first change its password or enrol TOTP:
     * reading who is logged in, logging out, and the routes that settle what is owed.
     */
    allowRestricted?: boolean;
  }
}

/** Route options that keep a route open to a restricted account (see `allowRestricted`). */
export const allowRestricted = { config: { allowRestricted: true } } as const;

/**
 * preHandler for every authenticated route: resolves the cookie to a live session (absolute end
 * and idle timeout from the configuration), restarts its idle clock, and holds back an account
 * that owes a password change or a TOTP enrolment from everything but the routes that settle it.
 */
export function requireSession(db: Database) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const { idleMinutes } = request.server.deps.config.session;
    const now = new Date();
    const view = await sessionFromToken(db, request.cookies[SESSION_COOKIE], { now, idleMinutes });
    if (!view) throw new AppError("unauthenticated", 401, "Bạn cần đăng nhập.");
    if (now.getTime() - view.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      await touchSession(db, view.sessionId, now);
    }
    request.principal = view.principal;
    request.sessionView = view;
    if (request.routeOptions.config.allowRestricted) return;
    if (view.mustChangePassword) {
      throw new AppError(
        "password_change_required",
        403,
        "Bạn cần đổi mật khẩu được cấp trước khi tiếp tục làm việc.",
      );
    }
    if (view.totpRequired && !view.totpEnabled) {
      throw new AppError(
        "totp_enrollment_required",
        403,
        "Vai trò của bạn bắt buộc xác thực hai lớp. Vui lòng thiết lập ứng dụng xác thực trước khi tiếp tục.",
      );
    }
  };
}

export const principalOf = (request: FastifyRequest): Principal => {
  if (!request.principal) throw new AppError("unauthenticated", 401, "Bạn cần đăng nhập.");
  return request.principal;
};

export const sessionViewOf = (request: FastifyRequest): SessionView => {
  if (!request.sessionView) throw new AppError("unauthenticated", 401, "Bạn cần đăng nhập.");
  return request.sessionView;
};
