import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { addDirectiveComment } from "../../commands/addDirectiveComment.ts";
import { forbidden, notFound } from "../../commands/errors.ts";
import { roles } from "../../domain/roles.ts";
import { commentPolicy } from "../../policies/comment.ts";
import { listDirectiveComments } from "../../queries/comments.ts";
import { taskAccess } from "../../queries/reports.ts";
import { actorOf } from "../actor.ts";
import { errorResponses } from "../schemas.ts";
import { principalOf, requireSession } from "../session.ts";

const params = z.object({ taskId: z.uuid() });
const commentItem = z.object({
  id: z.string(),
  body: z.string(),
  createdAt: z.string(),
  author: z.object({
    id: z.string(),
    displayName: z.string(),
    agencyName: z.string().nullable(),
    roles: z.array(z.enum(roles)),
  }),
});

export const commentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.handle;
  app.addHook("preHandler", requireSession(db));

  app.post(
    "/api/tasks/:taskId/comments",
    {
      schema: {
        operationId: "addDirectiveComment",
        tags: ["comments"],
        summary: "Lãnh đạo (hoặc cơ quan thường trực) cho ý kiến chỉ đạo về một nhiệm vụ",
        params,
        body: z.object({ body: z.string().max(10_000).describe("Nội dung ý kiến chỉ đạo") }),
        response: {
          201: z.object({ id: z.string(), taskId: z.string(), createdAt: z.string() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const tenantId = principal.tenantId;
      const result = await db.transaction(async (tx) => {
        if (!commentPolicy.add(principal))
          throw forbidden("Chỉ lãnh đạo và cơ quan thường trực cho ý kiến chỉ đạo.");
        return addDirectiveComment(
          { tx, tenantId, actor: actorOf(request, principal) },
          { ...request.body, taskId: request.params.taskId },
        );
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    "/api/tasks/:taskId/comments",
    {
      schema: {
        operationId: "listDirectiveComments",
        tags: ["comments"],
        summary: "Các ý kiến chỉ đạo về một nhiệm vụ",
        params,
        response: { 200: z.object({ items: z.array(commentItem) }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const holders = await taskAccess(db, principal.tenantId, request.params.taskId);
      if (!holders) throw notFound("nhiệm vụ");
      if (!commentPolicy.read(principal, holders))
        throw forbidden("Nhiệm vụ này không thuộc cơ quan, đơn vị của bạn.");
      return { items: await listDirectiveComments(db, principal.tenantId, request.params.taskId) };
    },
  );
};
