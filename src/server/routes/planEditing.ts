import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { deletePlan } from "../../commands/deletePlan.ts";
import { updatePlanInput } from "../../commands/inputs/createPlanFromExtraction.ts";
import { restorePlan } from "../../commands/restorePlan.ts";
import { updatePlan } from "../../commands/updatePlan.ts";
import { planPolicy } from "../../policies/plan.ts";
import { taskScope } from "../../policies/task.ts";
import { getPlan, listDeletedPlans } from "../../queries/plans.ts";
import { unmappedLeads } from "../../queries/unmappedLeads.ts";
import { command, query } from "../operation.ts";
import { errorResponses } from "../schemas.ts";
import { requireSession } from "../session.ts";

/** Editing, deleting and restoring a plan after import, and the leads its tasks could not be given. */
export const planEditingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook("preHandler", requireSession(app.deps.handle.db));

  query(app, {
    method: "GET",
    url: "/api/deleted-plans",
    schema: {
      operationId: "listDeletedPlans",
      tags: ["plans"],
      summary: "Kế hoạch đã xóa (để khôi phục)",
      response: {
        200: z.object({
          items: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              documentNumber: z.string().nullable(),
              deletedAt: z.string(),
              deletedBy: z.string().nullable(),
            }),
          ),
        }),
        ...errorResponses,
      },
    },
    authorize: (principal) => planPolicy.edit(principal),
    run: async (ctx) => ({ items: await listDeletedPlans(ctx.db, ctx.tenantId) }),
  });

  command(app, {
    method: "PATCH",
    url: "/api/plans/:planId",
    schema: {
      operationId: "updatePlan",
      tags: ["plans"],
      summary:
        "Sửa kế hoạch: tên, năm, số hiệu, ngày ban hành, trích yếu, kỳ báo cáo, ngày chốt, lãnh đạo đơn vị duyệt (chỉ gửi trường cần sửa)",
      params: z.object({ planId: z.uuid() }),
      body: updatePlanInput,
      response: { 200: z.object({ planId: z.string(), changed: z.array(z.string()) }), ...errorResponses },
    },
    authorize: (principal) => planPolicy.edit(principal),
    run: (ctx, { params, body }) => updatePlan(ctx, params.planId, body),
  });

  command(app, {
    method: "DELETE",
    url: "/api/plans/:planId",
    schema: {
      operationId: "deletePlan",
      tags: ["plans"],
      summary: "Xóa một kế hoạch (xóa mềm: nhiệm vụ, báo cáo và nhật ký được giữ, khôi phục được)",
      params: z.object({ planId: z.uuid() }),
      response: { 200: z.object({ planId: z.string() }), ...errorResponses },
    },
    authorize: (principal) => planPolicy.edit(principal),
    run: (ctx, { params }) => deletePlan(ctx, params.planId),
  });

  command(app, {
    method: "POST",
    url: "/api/plans/:planId/restore",
    schema: {
      operationId: "restorePlan",
      tags: ["plans"],
      summary: "Khôi phục một kế hoạch đã xóa (hoàn tác)",
      params: z.object({ planId: z.uuid() }),
      response: { 200: z.object({ planId: z.string() }), ...errorResponses },
    },
    authorize: (principal) => planPolicy.edit(principal),
    run: (ctx, { params }) => restorePlan(ctx, params.planId),
  });

  query(app, {
    method: "GET",
    url: "/api/plans/:planId/unmapped-leads",
    schema: {
      operationId: "listUnmappedLeads",
      tags: ["plans"],
      summary: "Nhiệm vụ có cơ quan chủ trì văn bản ghi nhưng chưa giao được (chưa có trong danh mục)",
      params: z.object({ planId: z.uuid() }),
      response: {
        200: z.object({
          items: z.array(
            z.object({ taskId: z.string(), ref: z.string(), title: z.string(), names: z.array(z.string()) }),
          ),
        }),
        ...errorResponses,
      },
    },
    load: (ctx, { params }) => getPlan(ctx.db, ctx.tenantId, params.planId),
    missing: "kế hoạch",
    authorize: (principal) => planPolicy.read(principal),
    run: async (ctx, _input, plan) => ({
      items: await unmappedLeads(ctx.db, ctx.tenantId, { planId: plan.id, scope: taskScope(ctx.principal) }),
    }),
  });
};
