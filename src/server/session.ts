import { and, eq, gt } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import { hashToken } from "../commands/startSession.ts";
import type { Database } from "../db/client.ts";
import { sessions, userRoles, users } from "../db/schema/index.ts";
import { AppError } from "../errors.ts";
import type { Principal, Role } from "../policies/index.ts";

export const SESSION_COOKIE = "dondoc_session";

declare module "fastify" {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** Resolves the session cookie to a principal (user, tenant, agency, roles), or null. */
export async function principalFromToken(db: Database, token: string | undefined): Promise<Principal | null> {
  if (!token) return null;
  const rows = await db
    .select({
      userId: users.id,
      tenantId: users.tenantId,
      username: users.username,
      agencyId: users.agencyId,
      disabled: users.disabled,
      role: userRoles.role,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
    .leftJoin(userRoles, and(eq(userRoles.tenantId, users.tenantId), eq(userRoles.userId, users.id)))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date())));
  const first = rows[0];
  if (!first || first.disabled) return null;
  return {
    userId: first.userId,
    tenantId: first.tenantId,
    username: first.username,
    agencyId: first.agencyId,
    roles: rows.map((r) => r.role).filter((r): r is Role => !!r),
  };
}

/** preHandler for every authenticated route. */
export function requireSession(db: Database) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const principal = await principalFromToken(db, request.cookies[SESSION_COOKIE]);
    if (!principal) throw new AppError("unauthenticated", 401, "Bạn cần đăng nhập.");
    request.principal = principal;
  };
}

export const principalOf = (request: FastifyRequest): Principal => {
  if (!request.principal) throw new AppError("unauthenticated", 401, "Bạn cần đăng nhập.");
  return request.principal;
};
