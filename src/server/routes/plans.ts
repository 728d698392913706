import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { today } from "../../domain/dates.ts";
import { periodKinds } from "../../domain/periods.ts";
import { assignmentStatuses } from "../../domain/status.ts";
import { planPolicy } from "../../policies/plan.ts";
import { getPlanSummary } from "../../queries/planSummary.ts";
import { getPlan, listPlans } from "../../queries/plans.ts";
import { asOfDate, leadAgenciesOfPlan } from "../../queries/tasks.ts";
import { query } from "../operation.ts";
import { countsBy, errorResponses } from "../schemas.ts";
import { requireSession } from "../session.ts";

const planSummary = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number().nullable(),
  reportingFrequency: z.enum(periodKinds),
  documentNumber: z.string().nullable(),
  documentType: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  title: z.string().nullable(),
  taskCount: z.number(),
});

const planDetail = planSummary.omit({ taskCount: true }).extend({
  cutoffDay: z.number(),
  requireHeadApproval: z.boolean(),
  /** The body's "Tổ chức thực hiện" section, where the import kept it. */
  organisationText: z.string().nullable(),
  sections: z.array(z.object({ id: z.string(), numeral: z.string(), title: z.string() })),
  leadAgencies: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const totals = z.object({
  total: z.number(),
  byStatus: countsBy(assignmentStatuses),
  dueSoFar: z.number(),
  done: z.number(),
  completionRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
});

const planSummaryResponse = z.object({
  asOf: z.string(),
  totals,
  bySection: z.array(totals.extend({ numeral: z.string().nullable(), title: z.string().nullable() })),
  byAgency: z.array(totals.extend({ agencyId: z.string(), agencyName: z.string() })),
});

/** Plans are read by every account of the province (planPolicy.read). */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook("preHandler", requireSession(app.deps.handle.db));

  query(app, {
    method: "GET",
    url: "/api/plans",
    schema: {
      operationId: "listPlans",
      tags: ["plans"],
      summary: "Danh sách kế hoạch",
      response: { 200: z.object({ items: z.array(planSummary) }), ...errorResponses },
    },
    authorize: (principal) => planPolicy.list(principal),
    run: async (ctx) => {
      const items = await listPlans(ctx.db, ctx.tenantId);
      return { items: items.map((p) => ({ ...p, taskCount: Number(p.taskCount) })) };
    },
  });

  query(app, {
    method: "GET",
    url: "/api/plans/:planId",
    schema: {
      operationId: "getPlan",
      tags: ["plans"],
      summary: "Một kế hoạch, với các phần và cơ quan chủ trì",
      params: z.object({ planId: z.uuid() }),
      response: { 200: planDetail, ...errorResponses },
    },
    load: (ctx, { params }) => getPlan(ctx.db, ctx.tenantId, params.planId),
    missing: "kế hoạch",
    authorize: (principal) => planPolicy.read(principal),
    run: async (ctx, _input, plan) => ({
      ...plan,
      leadAgencies: await leadAgenciesOfPlan(ctx.db, ctx.tenantId, plan.id),
    }),
  });

  query(app, {
    method: "GET",
    url: "/api/plans/:planId/summary",
    schema: {
      operationId: "getPlanSummary",
      tags: ["plans"],
      summary: "Số lượng theo trạng thái: tổng, theo phần, theo cơ quan chủ trì (tại ngày asOf)",
      params: z.object({ planId: z.uuid() }),
      querystring: z.object({ asOf: asOfDate.optional() }),
      response: { 200: planSummaryResponse, ...errorResponses },
    },
    load: (ctx, { params }) => getPlan(ctx.db, ctx.tenantId, params.planId),
    missing: "kế hoạch",
    authorize: (principal) => planPolicy.read(principal),
    run: (ctx, { query }, plan) => getPlanSummary(ctx.db, ctx.tenantId, plan.id, query.asOf ?? today()),
  });
};
