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
  request.log.error({ err: error }, "unhandled error");
  return reply.status(500).send({ code: "internal_error", message: "Lỗi hệ thống. Vui lòng thử lại sau." });
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return reply
    .status(404)
    .send({ code: "not_found", message: `Không có đường dẫn ${request.method} ${request.url}.` });
}
