import type { FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { Principal } from "../policies/index.ts";
import { principalFromToken } from "../queries/sessions.ts";

export const SESSION_COOKIE = "dondoc_session";

declare module "fastify" {
  interface FastifyRequest {
    principal?: Principal;
  }
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
