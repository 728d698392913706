import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createTask, createTaskInput } from "../../commands/createTask.ts";
import { updateTask, updateTaskInput } from "../../commands/updateTask.ts";
import { deadlineKinds } from "../../domain/deadline.ts";
import { forbidden, notFound } from "../../errors.ts";
import { planPolicy } from "../../policies/plan.ts";
import type { Principal } from "../../policies/principal.ts";
import { taskScope } from "../../policies/task.ts";
import { conflictKinds, listTaskConflicts } from "../../queries/conflicts.ts";
import { getPlan } from "../../queries/plans.ts";
import { actorOf } from "../actor.ts";
import { errorResponses } from "../schemas.ts";
import { principalOf, requireSession } from "../session.ts";

const conflictTask = z.object({
  id: z.string(),
  planId: z.string(),
  planName: z.string(),
  documentNumber: z.string().nullable(),
  ref: z.string(),
  title: z.string(),
  leads: z.array(z.string()),
  deadlineText: z.string(),
  deadlineKind: z.enum(deadlineKinds),
  dueOn: z.string().nullable(),
});

const conflictsResponse = z.object({
  items: z.array(
    z.object({
      kind: z.enum(conflictKinds),
      upstreamDocumentNumber: z.string(),
      upstreamTaskId: z.string().nullable(),
      similarity: z.number(),
      task: conflictTask,
      other: conflictTask,
    }),
  ),
});

/** Manual task creation and editing by the standing office, and the cross-plan conflicts of a plan. */
export const taskEditingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.handle;
  app.addHook("preHandler", requireSession(db));

  const editor = (request: Parameters<typeof principalOf>[0]): Principal => {
    const principal = principalOf(request);
    if (!planPolicy.edit(principal).allowed) {
      throw forbidden("Chỉ cơ quan thường trực và quản trị viên được thêm, sửa nhiệm vụ.");
    }
    return principal;
  };

  app.post(
    "/api/plans/:planId/tasks",
    {
      schema: {
        operationId: "createTask",
        tags: ["tasks"],
        summary:
          "Thêm một nhiệm vụ vào kế hoạch (cơ quan chủ trì, phối hợp chọn từ danh mục; thời hạn ghi như văn bản)",
        params: z.object({ planId: z.uuid() }),
        body: createTaskInput,
        response: { 200: z.object({ taskId: z.string(), ref: z.string() }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = editor(request);
      return db.transaction((tx) =>
        createTask(
          { tx, tenantId: principal.tenantId, actor: actorOf(request, principal) },
          request.params.planId,
          request.body,
        ),
      );
    },
  );

  app.patch(
    "/api/tasks/:taskId",
    {
      schema: {
        operationId: "updateTask",
        tags: ["tasks"],
        summary: "Sửa các trường của một nhiệm vụ (chỉ gửi trường cần sửa); nhật ký ghi giá trị trước và sau",
        params: z.object({ taskId: z.uuid() }),
        body: updateTaskInput,
        response: {
          200: z.object({ taskId: z.string(), ref: z.string(), changed: z.array(z.string()) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const principal = editor(request);
      return db.transaction((tx) =>
        updateTask(
          { tx, tenantId: principal.tenantId, actor: actorOf(request, principal) },
          request.params.taskId,
          request.body,
        ),
      );
    },
  );

  app.get(
    "/api/plans/:planId/conflicts",
    {
      schema: {
        operationId: "listTaskConflicts",
        tags: ["plans"],
        summary:
          "Nhiệm vụ của kế hoạch và của kế hoạch khác cùng cụ thể hóa một nhiệm vụ cấp trên: thời hạn khác nhau, hoặc có thể trùng lặp",
        params: z.object({ planId: z.uuid() }),
        response: { 200: conflictsResponse, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      if (!planPolicy.read(principal).allowed) throw forbidden();
      const plan = await getPlan(db, principal.tenantId, request.params.planId);
      if (!plan) throw notFound("kế hoạch");
      return {
        items: await listTaskConflicts(db, principal.tenantId, plan.id, taskScope(principal)),
      };
    },
  );
};
