import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createTask, createTaskInput } from "../../commands/createTask.ts";
import { deleteTask } from "../../commands/deleteTask.ts";
import { mapTaskLeadInput } from "../../commands/inputs/mapTaskLead.ts";
import { mapTaskLead } from "../../commands/mapTaskLead.ts";
import { restoreTask } from "../../commands/restoreTask.ts";
import { updateTask, updateTaskInput } from "../../commands/updateTask.ts";
import { deadlineKinds } from "../../domain/deadline.ts";
import { planPolicy } from "../../policies/plan.ts";
import { taskScope } from "../../policies/task.ts";
import { conflictKinds, listTaskConflicts } from "../../queries/conflicts.ts";
import { getPlan } from "../../queries/plans.ts";
import { command, query } from "../operation.ts";
import { errorResponses } from "../schemas.ts";
import { requireSession } from "../session.ts";

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
  app.addHook("preHandler", requireSession(app.deps.handle.db));

  command(app, {
    method: "POST",
    url: "/api/plans/:planId/tasks",
    schema: {
      operationId: "createTask",
      tags: ["tasks"],
      summary:
        "Thêm một nhiệm vụ vào kế hoạch (cơ quan chủ trì, phối hợp chọn từ danh mục; thời hạn ghi như văn bản)",
      params: z.object({ planId: z.uuid() }),
      body: createTaskInput,
      response: { 200: z.object({ taskId: z.string(), ref: z.string() }), ...errorResponses },
    },
    authorize: (principal) => planPolicy.edit(principal),
    run: (ctx, { params, body }) => createTask(ctx, params.planId, body),
  });

  command(app, {
    method: "PATCH",
    url: "/api/tasks/:taskId",
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
    authorize: (principal) => planPolicy.edit(principal),
    run: (ctx, { params, body }) => updateTask(ctx, params.taskId, body),
  });

  command(app, {
    method: "DELETE",
    url: "/api/tasks/:taskId",
    schema: {
      operationId: "deleteTask",
      tags: ["tasks"],
      summary: "Xóa một nhiệm vụ (xóa mềm: báo cáo và nhật ký được giữ, khôi phục được)",
      params: z.object({ taskId: z.uuid() }),
      response: { 200: z.object({ taskId: z.string(), ref: z.string() }), ...errorResponses },
    },
    authorize: (principal) => planPolicy.edit(principal),
    run: (ctx, { params }) => deleteTask(ctx, params.taskId),
  });

  command(app, {
    method: "POST",
    url: "/api/tasks/:taskId/restore",
    schema: {
      operationId: "restoreTask",
      tags: ["tasks"],
      summary: "Khôi phục một nhiệm vụ đã xóa (hoàn tác)",
      params: z.object({ taskId: z.uuid() }),
      response: { 200: z.object({ taskId: z.string(), ref: z.string() }), ...errorResponses },
    },
    authorize: (principal) => planPolicy.edit(principal),
    run: (ctx, { params }) => restoreTask(ctx, params.taskId),
  });

  command(app, {
    method: "POST",
    url: "/api/tasks/:taskId/lead-mappings",
    schema: {
      operationId: "mapTaskLead",
      tags: ["tasks"],
      summary:
        "Giao cơ quan chủ trì mà văn bản ghi nhưng danh mục chưa có: chọn cơ quan trong danh mục (ghi nhớ làm tên gọi khác)",
      params: z.object({ taskId: z.uuid() }),
      body: mapTaskLeadInput,
      response: {
        200: z.object({ taskIds: z.array(z.string()), assignments: z.number(), aliasAdded: z.boolean() }),
        ...errorResponses,
      },
    },
    authorize: (principal) => planPolicy.edit(principal),
    run: (ctx, { params, body }) => mapTaskLead(ctx, params.taskId, body),
  });

  query(app, {
    method: "GET",
    url: "/api/plans/:planId/conflicts",
    schema: {
      operationId: "listTaskConflicts",
      tags: ["plans"],
      summary:
        "Nhiệm vụ của kế hoạch và của kế hoạch khác cùng cụ thể hóa một nhiệm vụ cấp trên: thời hạn khác nhau, hoặc có thể trùng lặp",
      params: z.object({ planId: z.uuid() }),
      response: { 200: conflictsResponse, ...errorResponses },
    },
    load: (ctx, { params }) => getPlan(ctx.db, ctx.tenantId, params.planId),
    missing: "kế hoạch",
    authorize: (principal) => planPolicy.read(principal),
    run: async (ctx, _input, plan) => ({
      items: await listTaskConflicts(ctx.db, ctx.tenantId, plan.id, taskScope(ctx.principal)),
    }),
  });
};
