import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { approveReportAsHead } from "../../commands/approveReportAsHead.ts";
import { reopenReport } from "../../commands/reopenReport.ts";
import { reviewDecisions, reviewReport } from "../../commands/reviewReport.ts";
import { INT4_MAX } from "../../domain/inputSafety.ts";
import { reportStates } from "../../domain/reports.ts";
import { found } from "../../errors.ts";
import { reportPolicy } from "../../policies/report.ts";
import { reportContext } from "../../queries/reports.ts";
import { decisionStages, listReviewDecisions, reviewDecisionsQuery } from "../../queries/reviewDecisions.ts";
import { listReviewQueue, reviewQueuePage } from "../../queries/reviewQueue.ts";
import { command, query, type WriteContext } from "../operation.ts";
import { errorResponses } from "../schemas.ts";
import { requireSession } from "../session.ts";
import { evidenceItem } from "./reports.ts";

const params = z.object({ reportId: z.uuid() });
const comment = z.string().max(10_000).optional().describe("Ý kiến (bắt buộc khi trả lại)");
const version = z
  .number()
  .int()
  .positive()
  .max(INT4_MAX)
  .optional()
  .describe("Phiên bản báo cáo đã xem (chống ghi đè)");

const reportState = z.enum(reportStates);
const decided = z.object({ id: z.string(), state: reportState, version: z.number() });

const queueItem = z.object({
  id: z.string(),
  state: reportState,
  version: z.number(),
  percent: z.number().nullable(),
  nothingToReport: z.boolean(),
  claimsCompletion: z.boolean(),
  narrative: z.string(),
  submittedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  submittedAt: z.string().nullable(),
  assignmentId: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  dueOn: z.string().nullable(),
  taskId: z.string(),
  taskRef: z.string(),
  taskTitle: z.string(),
  planId: z.string(),
  planName: z.string(),
  periodLabel: z.string().nullable(),
  evidenceCount: z.number(),
  evidence: z.array(evidenceItem),
});

const personRef = z.object({ id: z.string(), displayName: z.string() });

const decisionItem = z.object({
  /** Report id and stage: a report decided by its head and then the office is two rows. */
  key: z.string(),
  reportId: z.string(),
  stage: z.enum(decisionStages),
  decision: z.enum(reviewDecisions),
  decidedBy: personRef.nullable(),
  decidedAt: z.string(),
  comment: z.string(),
  state: reportState,
  version: z.number(),
  percent: z.number().nullable(),
  narrative: z.string(),
  nothingToReport: z.boolean(),
  claimsCompletion: z.boolean(),
  submittedBy: personRef.nullable(),
  submittedAt: z.string().nullable(),
  assignmentId: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  dueOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  taskId: z.string(),
  taskRef: z.string(),
  taskTitle: z.string(),
  planId: z.string(),
  planName: z.string(),
  planNumber: z.string().nullable(),
  periodLabel: z.string().nullable(),
  evidence: z.array(evidenceItem),
});

export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook("preHandler", requireSession(app.deps.handle.db));
  const reportOf = async (ctx: WriteContext, reportId: string) =>
    found(await reportContext(ctx.tx, ctx.tenantId, reportId), "báo cáo");

  command(app, {
    method: "POST",
    url: "/api/reports/:reportId/review",
    schema: {
      operationId: "reviewReport",
      tags: ["reports"],
      summary:
        "Cơ quan thường trực duyệt hoặc trả lại báo cáo (một lần); duyệt báo cáo hoàn thành thì nhiệm vụ hoàn thành vào ngày gửi báo cáo",
      params,
      body: z.object({ decision: z.enum(reviewDecisions), comment, version }),
      response: { 200: decided.extend({ completedOn: z.string().nullable() }), ...errorResponses },
    },
    authorize: (principal) => reportPolicy.review(principal),
    run: async (ctx, { params, body }) =>
      reviewReport(
        ctx,
        { ...body, reportId: params.reportId },
        { context: await reportOf(ctx, params.reportId) },
      ),
  });

  command(app, {
    method: "POST",
    url: "/api/reports/:reportId/head-decision",
    schema: {
      operationId: "approveReportAsHead",
      tags: ["reports"],
      summary: "Lãnh đạo đơn vị duyệt (chuyển cơ quan thường trực) hoặc trả lại báo cáo của cán bộ",
      params,
      body: z.object({ decision: z.enum(reviewDecisions), comment, version }),
      response: { 200: decided, ...errorResponses },
    },
    load: (ctx, { params }) => reportContext(ctx.db, ctx.tenantId, params.reportId),
    missing: "báo cáo",
    authorize: (principal, context) => reportPolicy.approveAsHead(principal, context.assignment.agencyId),
    run: (ctx, { params, body }, context) =>
      approveReportAsHead(ctx, { ...body, reportId: params.reportId }, { context }),
  });

  command(app, {
    method: "POST",
    url: "/api/reports/:reportId/reopen",
    schema: {
      operationId: "reopenReport",
      tags: ["reports"],
      summary:
        "Cơ quan thường trực mở lại báo cáo đã khóa (đã duyệt: rút lại việc duyệt; kỳ đã khóa sổ: cho phép đơn vị sửa)",
      params,
      body: z.object({ reason: z.string().max(5_000).describe("Lý do mở lại") }),
      response: { 200: decided.extend({ lock: z.enum(["approved", "period_closed"]) }), ...errorResponses },
    },
    authorize: (principal) => reportPolicy.reopen(principal),
    run: async (ctx, { params, body }) => {
      const context = await reportOf(ctx, params.reportId);
      const result = await reopenReport(ctx, { ...body, reportId: params.reportId }, { context });
      return { ...result, lock: result.lock! };
    },
  });

  query(app, {
    method: "GET",
    url: "/api/review-queue",
    schema: {
      operationId: "listReviewQueue",
      tags: ["reports"],
      summary:
        "Báo cáo chờ người dùng quyết định: chờ duyệt (cơ quan thường trực) hoặc chờ lãnh đạo đơn vị duyệt (lãnh đạo đơn vị)",
      querystring: reviewQueuePage,
      response: {
        200: z.object({ total: z.number(), nextCursor: z.string().nullable(), items: z.array(queueItem) }),
        ...errorResponses,
      },
    },
    authorize: (principal) => reportPolicy.reviewQueue(principal),
    run: (ctx, { query }) => listReviewQueue(ctx.db, ctx.tenantId, ctx.principal, query),
  });

  query(app, {
    method: "GET",
    url: "/api/review-decisions",
    schema: {
      operationId: "listReviewDecisions",
      tags: ["reports"],
      summary:
        "Báo cáo đã quyết định (duyệt hoặc trả lại), mới nhất trước: mọi quyết định (cơ quan thường trực) hoặc quyết định về báo cáo của đơn vị mình (lãnh đạo đơn vị)",
      querystring: reviewDecisionsQuery,
      response: {
        200: z.object({
          nextCursor: z.string().nullable(),
          items: z.array(decisionItem),
          deciders: z.array(personRef),
        }),
        ...errorResponses,
      },
    },
    authorize: (principal) => reportPolicy.reviewQueue(principal),
    run: (ctx, { query }) => listReviewDecisions(ctx.db, ctx.tenantId, ctx.principal, query),
  });
};
