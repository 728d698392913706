import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createDashboardView } from "../../commands/createDashboardView.ts";
import { deleteDashboardView } from "../../commands/deleteDashboardView.ts";
import { dashboardViewConfigShape, dashboardViewInput } from "../../commands/inputs/dashboardView.ts";
import { updateDashboardView } from "../../commands/updateDashboardView.ts";
import { roles } from "../../domain/roles.ts";
import { dashboardViewPolicy } from "../../policies/dashboardView.ts";
import { findDashboardView, listDashboardViews } from "../../queries/dashboardViews.ts";
import { command, query } from "../operation.ts";
import { errorResponses } from "../schemas.ts";
import { requireSession } from "../session.ts";

const params = z.object({ viewId: z.uuid() });
const viewItem = z.object({
  id: z.string(),
  name: z.string(),
  config: dashboardViewConfigShape,
  sharedWithRoles: z.array(z.enum(roles)),
  ownerName: z.string(),
  updatedAt: z.string(),
});

/** Dashboards the standing office saves and shares with leaders (issue 12, custom views). */
export const dashboardViewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook("preHandler", requireSession(app.deps.handle.db));

  query(app, {
    method: "GET",
    url: "/api/dashboard-views",
    schema: {
      operationId: "listDashboardViews",
      tags: ["dashboard"],
      summary: "Các trang tổng quan đã lưu mà người dùng được xem (được chia sẻ cho vai trò của mình)",
      response: { 200: z.object({ items: z.array(viewItem) }), ...errorResponses },
    },
    authorize: (principal) => dashboardViewPolicy.list(principal),
    run: async (ctx) => ({
      items: await listDashboardViews(ctx.db, ctx.tenantId, {
        roles: ctx.principal.roles,
        managesViews: dashboardViewPolicy.manage(ctx.principal).allowed,
      }),
    }),
  });

  command(app, {
    method: "POST",
    url: "/api/dashboard-views",
    status: 201,
    schema: {
      operationId: "createDashboardView",
      tags: ["dashboard"],
      summary: "Lưu một trang tổng quan (phạm vi, ngày xem, nội dung) và chia sẻ cho các vai trò",
      body: dashboardViewInput,
      response: { 201: z.object({ id: z.string() }), ...errorResponses },
    },
    authorize: (principal) => dashboardViewPolicy.manage(principal),
    run: (ctx, { body }) => createDashboardView(ctx, ctx.principal.userId, body),
  });

  command(app, {
    method: "PUT",
    url: "/api/dashboard-views/:viewId",
    schema: {
      operationId: "updateDashboardView",
      tags: ["dashboard"],
      summary: "Sửa một trang tổng quan đã lưu",
      params,
      body: dashboardViewInput,
      response: { 200: z.object({ id: z.string() }), ...errorResponses },
    },
    load: (ctx, { params }) => findDashboardView(ctx.db, ctx.tenantId, params.viewId),
    missing: "trang tổng quan đã lưu",
    authorize: (principal) => dashboardViewPolicy.manage(principal),
    run: (ctx, { params, body }) => updateDashboardView(ctx, params.viewId, body),
  });

  command(app, {
    method: "DELETE",
    url: "/api/dashboard-views/:viewId",
    schema: {
      operationId: "deleteDashboardView",
      tags: ["dashboard"],
      summary: "Xóa một trang tổng quan đã lưu",
      params,
      response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
    },
    load: (ctx, { params }) => findDashboardView(ctx.db, ctx.tenantId, params.viewId),
    missing: "trang tổng quan đã lưu",
    authorize: (principal) => dashboardViewPolicy.manage(principal),
    run: (ctx, { params }) => deleteDashboardView(ctx, params.viewId),
  });
};
