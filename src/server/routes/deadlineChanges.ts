import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { decideDeadlineChange } from "../../commands/decideDeadlineChange.ts";
import { requestDeadlineChange } from "../../commands/requestDeadlineChange.ts";
import { deadlineChangeDecisions, deadlineChangeStates } from "../../domain/assignments.ts";
import { deadlineChangePolicy } from "../../policies/deadlineChange.ts";
import { allow } from "../../policies/decision.ts";
import { deadlineChangeFilters, listDeadlineChanges } from "../../queries/deadlineChanges.ts";
import { assignmentContext } from "../../queries/reports.ts";
import { command, query } from "../operation.ts";
import { errorResponses } from "../schemas.ts";
import { requireSession } from "../session.ts";

const person = z.object({ id: z.string(), displayName: z.string() }).nullable();
const changeItem = z.object({
  id: z.string(),
  assignmentId: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  taskId: z.string(),
  taskRef: z.string(),
  taskTitle: z.string(),
  planName: z.string(),
  currentDueOn: z.string().nullable(),
  previousDueOn: z.string().nullable(),
  requestedDueOn: z.string(),
  reason: z.string(),
  state: z.enum(deadlineChangeStates),
  requestedBy: person,
  requestedAt: z.string(),
  decidedBy: person,
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
});

const changeResult = z.object({
  id: z.string(),
  state: z.enum(deadlineChangeStates),
  previousDueOn: z.string().nullable(),
  requestedDueOn: z.string(),
});

export const deadlineChangeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook("preHandler", requireSession(app.deps.handle.db));

  command(app, {
    method: "POST",
    url: "/api/assignments/:assignmentId/deadline-changes",
    status: 201,
    schema: {
      operationId: "requestDeadlineChange",
      tags: ["deadline-changes"],
      summary: "Cơ quan chủ trì đề nghị điều chỉnh thời hạn (kèm lý do)",
      params: z.object({ assignmentId: z.uuid() }),
      body: z.object({
        requestedDueOn: z.iso.date().describe("Thời hạn đề nghị (YYYY-MM-DD), không trước hôm nay"),
        reason: z.string().max(5_000).describe("Lý do"),
      }),
      response: { 201: changeResult, ...errorResponses },
    },
    load: (ctx, { params }) => assignmentContext(ctx.db, ctx.tenantId, params.assignmentId),
    missing: "nhiệm vụ được giao",
    authorize: (principal, assignment) => deadlineChangePolicy.canRequest(principal, assignment),
    run: (ctx, { body }, assignment) =>
      requestDeadlineChange(ctx, { ...body, assignmentId: assignment.id }, { assignment }),
  });

  command(app, {
    method: "POST",
    url: "/api/deadline-changes/:deadlineChangeId/decision",
    schema: {
      operationId: "decideDeadlineChange",
      tags: ["deadline-changes"],
      summary: "Cơ quan thường trực đồng ý hoặc không đồng ý điều chỉnh thời hạn (kèm ý kiến)",
      params: z.object({ deadlineChangeId: z.uuid() }),
      body: z.object({
        decision: z.enum(deadlineChangeDecisions),
        comment: z.string().max(5_000).optional().describe("Ý kiến (bắt buộc khi không đồng ý)"),
      }),
      response: { 200: changeResult.extend({ assignmentId: z.string() }), ...errorResponses },
    },
    authorize: (principal) => deadlineChangePolicy.decide(principal),
    run: (ctx, { params, body }) =>
      decideDeadlineChange(ctx, { ...body, deadlineChangeId: params.deadlineChangeId }),
  });

  query(app, {
    method: "GET",
    url: "/api/deadline-changes",
    schema: {
      operationId: "listDeadlineChanges",
      tags: ["deadline-changes"],
      summary: "Các đề nghị điều chỉnh thời hạn (cơ quan thường trực: tất cả; đơn vị: của mình)",
      querystring: deadlineChangeFilters,
      response: { 200: z.object({ total: z.number(), items: z.array(changeItem) }), ...errorResponses },
    },
    authorize: () => allow,
    run: (ctx, { query }) =>
      listDeadlineChanges(ctx.db, ctx.tenantId, deadlineChangePolicy.listScope(ctx.principal), query),
  });
};
