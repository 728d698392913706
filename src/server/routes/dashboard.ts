import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { assignmentRoles } from "../../domain/assignments.ts";
import { dashboardScopeKinds } from "../../domain/dashboard.ts";
import { today } from "../../domain/dates.ts";
import { assignmentStatuses } from "../../domain/status.ts";
import { dashboardPolicy } from "../../policies/dashboard.ts";
import type { Principal } from "../../policies/principal.ts";
import { reportPolicy } from "../../policies/report.ts";
import { taskScope } from "../../policies/task.ts";
import {
  type DashboardScope,
  type DashboardTarget,
  dashboardTarget,
  getDashboard,
  leadScopeOf,
} from "../../queries/dashboard.ts";
import { asOfDate } from "../../queries/tasks.ts";
import { listUpstreamTasks } from "../../queries/upstream.ts";
import { query, type ReadContext } from "../operation.ts";
import { errorResponses } from "../schemas.ts";
import { requireSession } from "../session.ts";
import { totals } from "./plans.ts";

const status = z.enum(assignmentStatuses);

/** ?scope=plan&id=…&asOf=2026-06-30; the province needs no id. */
const dashboardQuery = z
  .object({
    scope: z.enum(dashboardScopeKinds).default("province"),
    id: z.uuid().optional(),
    asOf: asOfDate.optional(),
  })
  .refine((q) => q.scope === "province" || q.id !== undefined, {
    message: "Cần mã của kế hoạch, phần hoặc cơ quan được chọn",
    path: ["id"],
  });

const scopeOf = (q: z.infer<typeof dashboardQuery>): DashboardScope =>
  q.scope === "province" ? { kind: "province" } : { kind: q.scope, id: q.id! };

const scopeResponse = z.object({
  kind: z.enum(dashboardScopeKinds),
  id: z.string().nullable(),
  label: z.string(),
  planId: z.string().nullable(),
});

const trendRow = z.object({
  startsOn: z.string(),
  label: z.string(),
  completed: z.number(),
  becameOverdue: z.number(),
  reportsReceived: z.number(),
});

const dashboardResponse = z.object({
  asOf: z.string(),
  scope: scopeResponse,
  totals,
  sentence: z.string().describe('"hoàn thành 137/240 nhiệm vụ, trong đó 120 đúng hạn; 18 nhiệm vụ quá hạn"'),
  rates: z.string().nullable(),
  overdueAge: z.string().nullable(),
  overdueOver: z.array(z.object({ days: z.number(), count: z.number() })),
  overdueByAge: z.array(
    z.object({ minDays: z.number(), maxDays: z.number().nullable(), label: z.string(), count: z.number() }),
  ),
  dueWithin: z.array(z.object({ days: z.number(), count: z.number() })),
  trend: z.object({ month: z.array(trendRow), quarter: z.array(trendRow) }),
  board: z.array(totals.extend({ agencyId: z.string(), name: z.string() })),
  waitingForReview: z.number().nullable(),
  listQuery: z
    .record(z.string(), z.string())
    .describe(
      "Bộ lọc của danh sách nhiệm vụ (GET /api/tasks) ứng với phạm vi: mỗi con số là danh sách này thêm điều kiện của nó",
    ),
});

const upstreamResponse = z.object({
  asOf: z.string(),
  scope: scopeResponse,
  items: z.array(
    z.object({
      id: z.string(),
      ref: z.string(),
      title: z.string(),
      dueOn: z.string().nullable(),
      deadlineText: z.string(),
      planName: z.string(),
      documentNumber: z.string().nullable(),
      conflicts: z.number(),
      restatedBy: z.array(
        z.object({
          id: z.string(),
          planId: z.string(),
          planName: z.string(),
          ref: z.string(),
          title: z.string(),
          dueOn: z.string().nullable(),
          deadlineText: z.string(),
          status,
          deadlineConflict: z.boolean(),
          agencies: z.array(
            z.object({ agencyId: z.string(), name: z.string(), role: z.enum(assignmentRoles), status }),
          ),
        }),
      ),
    }),
  ),
});

const missing = "phạm vi tổng quan (kế hoạch, phần hoặc cơ quan)";

/**
 * Dashboards (issue 12): where the province, a plan, a section, an agency or an agency's subtree
 * stands as of a day, and the upstream view. Agency staff see their own agency's part.
 */
/** Both reads find their scope (404 when unknown) and ask the same policy of it. */
const dashboardAccess = {
  load: (ctx: ReadContext, { query }: { query: z.infer<typeof dashboardQuery> }) =>
    dashboardTarget(ctx.db, ctx.tenantId, scopeOf(query)),
  missing,
  authorize: (principal: Principal, target: DashboardTarget) =>
    dashboardPolicy.read(principal, { kind: target.scope.kind, agencyId: target.agencyId }),
};

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook("preHandler", requireSession(app.deps.handle.db));

  query(app, {
    method: "GET",
    url: "/api/dashboard",
    schema: {
      operationId: "getDashboard",
      tags: ["dashboard"],
      summary:
        "Tổng quan tại ngày asOf của toàn tỉnh, một kế hoạch, một phần, một cơ quan hoặc cơ quan cùng đơn vị trực thuộc: số nhiệm vụ theo trạng thái, tỷ lệ, câu tổng hợp, quá hạn theo độ dài, sắp đến hạn, xu hướng theo tháng và quý, bảng cơ quan × trạng thái, báo cáo chờ duyệt",
      querystring: dashboardQuery,
      response: { 200: dashboardResponse, ...errorResponses },
    },
    ...dashboardAccess,
    run: async (ctx, { query }, target) => {
      const asOf = query.asOf ?? today();
      const dashboard = await getDashboard(ctx.db, ctx.tenantId, target.scope, taskScope(ctx.principal), {
        asOf,
        reviews: reportPolicy.review(ctx.principal).allowed,
      });
      return { ...dashboard, scope: presentScope(target) };
    },
  });

  query(app, {
    method: "GET",
    url: "/api/dashboard/upstream",
    schema: {
      operationId: "getUpstreamView",
      tags: ["dashboard"],
      summary:
        "Nhiệm vụ cấp trên (trung ương) và mọi nhiệm vụ của tỉnh cụ thể hóa nó, các cơ quan được giao và trạng thái tại ngày asOf; đánh dấu thời hạn mâu thuẫn giữa các kế hoạch",
      querystring: dashboardQuery,
      response: { 200: upstreamResponse, ...errorResponses },
    },
    ...dashboardAccess,
    run: async (ctx, { query }, target) => {
      const asOf = query.asOf ?? today();
      const viewer = taskScope(ctx.principal);
      const items = await listUpstreamTasks(
        ctx.db,
        ctx.tenantId,
        leadScopeOf(target.scope, viewer),
        viewer,
        asOf,
      );
      return { asOf, scope: presentScope(target), items };
    },
  });
};

const presentScope = (target: Awaited<ReturnType<typeof dashboardTarget>> & object) => ({
  kind: target.scope.kind,
  id: target.scope.kind === "province" ? null : target.scope.id,
  label: target.label,
  planId: target.planId,
});
