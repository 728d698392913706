import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { today } from "../../domain/dates.ts";
import { allow } from "../../policies/decision.ts";
import { planPolicy } from "../../policies/plan.ts";
import { taskScope } from "../../policies/task.ts";
import { getPlan } from "../../queries/plans.ts";
import {
  periodRollup,
  rollupDimensions,
  rollupLabels,
  rollupQuery,
  statusRollup,
} from "../../queries/statusRollups.ts";
import { asOfDate } from "../../queries/tasks.ts";
import { query } from "../operation.ts";
import { errorResponses } from "../schemas.ts";
import { requireSession } from "../session.ts";
import { totals } from "./plans.ts";

const rollupRow = totals.extend({ key: z.string().nullable(), label: z.string().nullable() });

/**
 * Counts by status grouped by tenant, plan, section, agency or agency subtree, as of a day: what
 * dashboards and periodic reports aggregate on. Agency staff get only their agency's part.
 */
export const rollupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook("preHandler", requireSession(app.deps.handle.db));

  query(app, {
    method: "GET",
    url: "/api/rollups/status",
    schema: {
      operationId: "getStatusRollup",
      tags: ["rollups"],
      summary:
        "Số lượng theo trạng thái, tỷ lệ hoàn thành và đúng hạn, nhóm theo tỉnh, kế hoạch, phần, cơ quan hoặc cây cơ quan (tại ngày asOf)",
      querystring: rollupQuery.extend({ asOf: asOfDate.optional() }),
      response: {
        200: z.object({ asOf: z.string(), by: z.enum(rollupDimensions), items: z.array(rollupRow) }),
        ...errorResponses,
      },
    },
    // The scope narrows the counts: agency staff count only their agency's part.
    authorize: () => allow,
    run: async (ctx, { query }) => {
      const scope = taskScope(ctx.principal);
      const asOf = query.asOf ?? today();
      const rows = await statusRollup(ctx.db, ctx.tenantId, query.by, {
        asOf,
        planId: query.planId,
        role: query.role,
        agencyIds: scope.kind === "agencies" ? scope.agencyIds : undefined,
      });
      const labels = await rollupLabels(
        ctx.db,
        ctx.tenantId,
        query.by,
        rows.map((r) => r.key),
      );
      return {
        asOf,
        by: query.by,
        items: rows.map((r) => ({ ...r, label: r.key === null ? null : (labels.get(r.key) ?? null) })),
      };
    },
  });

  query(app, {
    method: "GET",
    url: "/api/plans/:planId/periods",
    schema: {
      operationId: "getPlanPeriods",
      tags: ["rollups"],
      summary:
        "Theo từng kỳ báo cáo của kế hoạch: số nhiệm vụ đến hạn, hoàn thành (đúng hạn, quá hạn), chuyển sang quá hạn, đã báo cáo; nhiệm vụ thường xuyên báo cáo đúng hạn, muộn, thiếu",
      params: z.object({ planId: z.uuid() }),
      querystring: z
        .object({ from: asOfDate, to: asOfDate, asOf: asOfDate.optional() })
        .refine((q) => q.from <= q.to, { message: "Ngày bắt đầu phải trước ngày kết thúc", path: ["from"] })
        .refine((q) => Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) <= 10, {
          message: "Khoảng thời gian tối đa 10 năm",
          path: ["to"],
        }),
      response: { 200: z.object({ asOf: z.string(), items: z.array(periodRow) }), ...errorResponses },
    },
    load: (ctx, { params }) => getPlan(ctx.db, ctx.tenantId, params.planId),
    missing: "kế hoạch",
    authorize: (principal) => planPolicy.read(principal),
    run: async (ctx, { query }, plan) => {
      const asOf = query.asOf ?? today();
      return { asOf, items: await periodRollup(ctx.db, ctx.tenantId, { planId: plan.id, ...query, asOf }) };
    },
  });
};

const periodRow = z.object({
  startsOn: z.string(),
  endsOn: z.string(),
  cutoffOn: z.string(),
  label: z.string(),
  due: z.number(),
  completedOnTime: z.number(),
  completedLate: z.number(),
  becameOverdue: z.number(),
  reported: z.number(),
  recurring: z.object({ onTime: z.number(), late: z.number(), missing: z.number(), open: z.number() }),
});
