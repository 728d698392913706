import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { decideDeadlineChange } from "../../commands/decideDeadlineChange.ts";
import { requestDeadlineChange } from "../../commands/requestDeadlineChange.ts";
import { deadlineChangeDecisions, deadlineChangeStates } from "../../domain/assignments.ts";
import { forbidden, notFound } from "../../errors.ts";
import { deadlineChangePolicy } from "../../policies/deadlineChange.ts";
import { deadlineChangeFilters, listDeadlineChanges } from "../../queries/deadlineChanges.ts";
import { assignmentContext } from "../../queries/reports.ts";
import { actorOf } from "../actor.ts";
import { errorResponses } from "../schemas.ts";
import { principalOf, requireSession } from "../session.ts";

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
  const { db } = app.deps.handle;
  app.addHook("preHandler", requireSession(db));

  app.post(
    "/api/assignments/:assignmentId/deadline-changes",
    {
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
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const tenantId = principal.tenantId;
      const result = await db.transaction(async (tx) => {
        const assignment = await assignmentContext(tx, tenantId, request.params.assignmentId);
        if (!assignment) throw notFound("nhiệm vụ được giao");
        if (!deadlineChangePolicy.canRequest(principal, assignment).allowed) {
          throw forbidden("Chỉ cơ quan chủ trì nhiệm vụ được đề nghị điều chỉnh thời hạn.");
        }
        return requestDeadlineChange(
          { tx, tenantId, actor: actorOf(request, principal) },
          { ...request.body, assignmentId: assignment.id },
          { assignment },
        );
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    "/api/deadline-changes/:deadlineChangeId/decision",
    {
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
    },
    async (request) => {
      const principal = principalOf(request);
      const tenantId = principal.tenantId;
      return db.transaction(async (tx) => {
        if (!deadlineChangePolicy.decide(principal).allowed) {
          throw forbidden("Chỉ cơ quan thường trực được quyết định điều chỉnh thời hạn.");
        }
        return decideDeadlineChange(
          { tx, tenantId, actor: actorOf(request, principal) },
          { ...request.body, deadlineChangeId: request.params.deadlineChangeId },
        );
      });
    },
  );

  app.get(
    "/api/deadline-changes",
    {
      schema: {
        operationId: "listDeadlineChanges",
        tags: ["deadline-changes"],
        summary: "Các đề nghị điều chỉnh thời hạn (cơ quan thường trực: tất cả; đơn vị: của mình)",
        querystring: deadlineChangeFilters,
        response: { 200: z.object({ total: z.number(), items: z.array(changeItem) }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return listDeadlineChanges(
        db,
        principal.tenantId,
        deadlineChangePolicy.listScope(principal),
        request.query,
      );
    },
  );
};
