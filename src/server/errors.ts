import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ZodError } from "zod";
import { AppError } from "../errors.ts";

/** Every error leaves as JSON with a stable `code` and a Vietnamese `message`; never a stack trace. */
export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return reply
      .status(error.status)
      .send({ code: error.code, message: error.message, details: error.details });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({ path: v.instancePath, message: v.message }));
    const first = issues[0];
    return reply.status(400).send({
      code: "invalid_request",
      message: `Dữ liệu gửi lên không hợp lệ${first ? `: ${first.path || "nội dung"} ${first.message}` : ""}.`,
      details: issues,
    });
  }
  if (error instanceof ZodError) {
    return reply.status(400).send({
      code: "invalid_request",
      message: `Dữ liệu gửi lên không hợp lệ: ${error.issues[0]?.message ?? ""}`,
      details: error.issues,
    });
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    return reply.status(fastifyError.statusCode).send({
      code: fastifyError.code?.toLowerCase() ?? "bad_request",
      message: "Yêu cầu không hợp lệ.",
    });
  }
  request.log.error({ err: errorFacts(error), route: request.routeOptions.url }, "unhandled error");
  return reply.status(500).send({ code: "internal_error", message: "Lỗi hệ thống. Vui lòng thử lại sau." });
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return reply
    .status(404)
    .send({ code: "not_found", message: `Không có đường dẫn ${request.method} ${request.url}.` });
}

/**
 * What the log keeps of an unexpected error: its kind, the database's code and the names of the
 * constraint, table and column, and where in the code it was thrown. Never its message: a
 * database error's message and its query parameters carry what the user submitted (a search, a
 * name, a password), and the log is read by people who must not see it.
 */
export function errorFacts(error: unknown): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  const chain: string[] = [];
  for (let e = error as ErrorLike | undefined, depth = 0; e && depth < 5; e = e.cause as ErrorLike, depth++) {
    chain.push(e.name ?? e.constructor?.name ?? "Error");
    for (const key of ["code", "constraint", "table", "column", "routine", "severity"] as const) {
      const value = e[key];
      if (facts[key] === undefined && typeof value === "string") facts[key] = value;
    }
  }
  facts.type = chain.join(" ← ");
  // The frames name files and lines of our code; the first line (the message) is dropped.
  const stack = (error as ErrorLike | undefined)?.stack;
  if (typeof stack === "string") {
    facts.stack = stack
      .split("\n")
      .filter((line) => /^\s+at /.test(line))
      .join("\n");
  }
  return facts;
}

interface ErrorLike {
  name?: string;
  stack?: string;
  cause?: unknown;
  constructor?: { name?: string };
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  routine?: unknown;
  severity?: unknown;
}

/**
 * Fastify's request log line without the query string: it carries searches and names typed by
 * users. The path stays (ids only); the body is never logged.
 */
export const logSerializers = {
  req(request: FastifyRequest) {
    return {
      method: request.method,
      url: request.url.split("?")[0],
      route: request.routeOptions?.url,
      remoteAddress: request.ip,
    };
  },
};
