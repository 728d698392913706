import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { addDirectiveComment } from "../../commands/addDirectiveComment.ts";
import { roles } from "../../domain/roles.ts";
import { commentPolicy } from "../../policies/comment.ts";
import { listDirectiveComments } from "../../queries/comments.ts";
import { taskAccess } from "../../queries/reports.ts";
import { command, query } from "../operation.ts";
import { errorResponses } from "../schemas.ts";
import { requireSession } from "../session.ts";

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
  app.addHook("preHandler", requireSession(app.deps.handle.db));

  command(app, {
    method: "POST",
    url: "/api/tasks/:taskId/comments",
    status: 201,
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
    authorize: (principal) => commentPolicy.add(principal),
    run: (ctx, { params, body }) => addDirectiveComment(ctx, { ...body, taskId: params.taskId }),
  });

  query(app, {
    method: "GET",
    url: "/api/tasks/:taskId/comments",
    schema: {
      operationId: "listDirectiveComments",
      tags: ["comments"],
      summary: "Các ý kiến chỉ đạo về một nhiệm vụ",
      params,
      response: { 200: z.object({ items: z.array(commentItem) }), ...errorResponses },
    },
    load: (ctx, { params }) => taskAccess(ctx.db, ctx.tenantId, params.taskId),
    missing: "nhiệm vụ",
    authorize: (principal, holders) => commentPolicy.read(principal, holders),
    run: async (ctx, { params }) => ({
      items: await listDirectiveComments(ctx.db, ctx.tenantId, params.taskId),
    }),
  });
};
