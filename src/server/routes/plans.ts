import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../../commands/errors.ts";
import { deadlineKindSchema } from "../../ingest/extraction.ts";
import { taskScope } from "../../policies/task.ts";
import { getPlan, listPlans } from "../../queries/plans.ts";
import { leadAgenciesOfPlan, listTasks, taskFilters } from "../../queries/tasks.ts";
import { errorResponses } from "../schemas.ts";
import { principalOf, requireSession } from "../session.ts";

const planSummary = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number().nullable(),
  reportingFrequency: z.string(),
  documentNumber: z.string().nullable(),
  documentType: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  title: z.string().nullable(),
  taskCount: z.number(),
});

const planDetail = planSummary.omit({ taskCount: true }).extend({
  cutoffDay: z.number(),
  sections: z.array(z.object({ id: z.string(), numeral: z.string(), title: z.string() })),
  leadAgencies: z.array(z.object({ id: z.string(), name: z.string() })),
});

const taskRow = z.object({
  id: z.string(),
  planId: z.string(),
  ref: z.string(),
  number: z.string(),
  section: z.string().nullable(),
  title: z.string(),
  responsible: z.string(),
  leads: z.array(z.string()),
  coordinators: z.array(z.string()),
  output: z.string(),
  note: z.string(),
  sources: z.array(z.string()),
  deadlineText: z.string(),
  deadlineKind: deadlineKindSchema,
  dueOn: z.string().nullable(),
});

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.handle;
  app.addHook("preHandler", requireSession(db));

  app.get(
    "/api/plans",
    {
      schema: {
        operationId: "listPlans",
        tags: ["plans"],
        summary: "Danh sách kế hoạch",
        response: { 200: z.object({ items: z.array(planSummary) }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const items = await listPlans(db, principal.tenantId);
      return { items: items.map((p) => ({ ...p, taskCount: Number(p.taskCount) })) };
    },
  );

  app.get(
    "/api/plans/:planId",
    {
      schema: {
        operationId: "getPlan",
        tags: ["plans"],
        summary: "Một kế hoạch, với các phần và cơ quan chủ trì",
        params: z.object({ planId: z.uuid() }),
        response: { 200: planDetail, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const plan = await getPlan(db, principal.tenantId, request.params.planId);
      if (!plan) throw notFound("kế hoạch");
      const leadAgencies = await leadAgenciesOfPlan(db, principal.tenantId, plan.id);
      return { ...plan, leadAgencies };
    },
  );

  app.get(
    "/api/tasks",
    {
      schema: {
        operationId: "listTasks",
        tags: ["tasks"],
        summary: "Danh sách nhiệm vụ, lọc theo kế hoạch, phần, cơ quan chủ trì, loại thời hạn, từ khóa",
        querystring: taskFilters,
        response: { 200: z.object({ total: z.number(), items: z.array(taskRow) }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return listTasks(db, principal.tenantId, taskScope(principal), request.query);
    },
  );
};
