import type { FastifyRequest } from "fastify";
import type { Actor } from "../commands/context.ts";
import type { Principal } from "../policies/index.ts";

/** The audit actor of a request: who, from which address and browser, under which request id. */
export function actorOf(
  request: FastifyRequest,
  principal = request.principal as Principal | undefined,
): Actor {
  return {
    userId: principal?.userId ?? null,
    label: principal ? `user:${principal.username}` : "anonymous",
    ip: request.ip,
    userAgent: request.headers["user-agent"],
    requestId: request.id,
  };
}
