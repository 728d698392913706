import { and, eq, inArray } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Executor } from "../../db/client.ts";
import { agencies, planSections, plans } from "../../db/schema/index.ts";
import { today } from "../../domain/dates.ts";
import { notFound } from "../../errors.ts";
import { taskScope } from "../../policies/task.ts";
import { getPlan } from "../../queries/plans.ts";
import {
  periodRollup,
  type RollupDimension,
  rollupDimensions,
  rollupQuery,
  statusRollup,
} from "../../queries/statusRollups.ts";
import { asOfDate } from "../../queries/tasks.ts";
import { errorResponses } from "../schemas.ts";
import { principalOf, requireSession } from "../session.ts";
import { totals } from "./plans.ts";

const rollupRow = totals.extend({ key: z.string().nullable(), label: z.string().nullable() });

/**
 * Counts by status grouped by tenant, plan, section, agency or agency subtree, as of a day: what
 * dashboards and periodic reports aggregate on. Agency staff get only their agency's part.
 */
export const rollupRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.handle;
  app.addHook("preHandler", requireSession(db));

  app.get(
    "/api/rollups/status",
    {
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
    },
    async (request) => {
      const principal = principalOf(request);
      const scope = taskScope(principal);
      const asOf = request.query.asOf ?? today();
      const rows = await statusRollup(db, principal.tenantId, request.query.by, {
        asOf,
        planId: request.query.planId,
        role: request.query.role,
        agencyIds: scope.kind === "agencies" ? scope.agencyIds : undefined,
      });
      const labels = await labelsOf(
        db,
        principal.tenantId,
        request.query.by,
        rows.map((r) => r.key),
      );
      return {
        asOf,
        by: request.query.by,
        items: rows.map((r) => ({ ...r, label: r.key === null ? null : (labels.get(r.key) ?? null) })),
      };
    },
  );

  app.get(
    "/api/plans/:planId/periods",
    {
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
    },
    async (request) => {
      const principal = principalOf(request);
      const plan = await getPlan(db, principal.tenantId, request.params.planId);
      if (!plan) throw notFound("kế hoạch");
      const asOf = request.query.asOf ?? today();
      const items = await periodRollup(db, principal.tenantId, { planId: plan.id, ...request.query, asOf });
      return { asOf, items };
    },
  );
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

/** Names of the groups, in one query for the whole list. */
async function labelsOf(
  db: Executor,
  tenantId: string,
  by: RollupDimension,
  keys: (string | null)[],
): Promise<Map<string, string>> {
  const ids = keys.filter((k): k is string => k !== null);
  if (ids.length === 0 || by === "tenant") return new Map();
  if (by === "plan") {
    const rows = await db
      .select({ id: plans.id, label: plans.name })
      .from(plans)
      .where(and(eq(plans.tenantId, tenantId), inArray(plans.id, ids)));
    return new Map(rows.map((r) => [r.id, r.label]));
  }
  if (by === "section") {
    const rows = await db
      .select({ id: planSections.id, numeral: planSections.numeral, title: planSections.title })
      .from(planSections)
      .where(and(eq(planSections.tenantId, tenantId), inArray(planSections.id, ids)));
    return new Map(rows.map((r) => [r.id, `${r.numeral}. ${r.title}`]));
  }
  const rows = await db
    .select({ id: agencies.id, label: agencies.name })
    .from(agencies)
    .where(and(eq(agencies.tenantId, tenantId), inArray(agencies.id, ids)));
  return new Map(rows.map((r) => [r.id, r.label]));
}
