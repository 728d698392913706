import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { taskLinkKind } from "../../db/schema/index.ts";
import { assignmentRoles, deadlineChangeStates } from "../../domain/assignments.ts";
import { today } from "../../domain/dates.ts";
import { assignmentStatuses } from "../../domain/status.ts";
import { deadlineKindSchema } from "../../ingest/extraction.ts";
import { allow } from "../../policies/decision.ts";
import { taskPolicy, taskScope } from "../../policies/task.ts";
import { getTask } from "../../queries/task.ts";
import { asOfDate, listTasks, taskFilters } from "../../queries/tasks.ts";
import { query } from "../operation.ts";
import { countsBy, errorResponses } from "../schemas.ts";
import { requireSession } from "../session.ts";

const status = z.enum(assignmentStatuses);

const taskFields = {
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
};

const taskRow = z.object({
  ...taskFields,
  status,
  dueSoon: z.boolean(),
  daysOverdue: z.number().nullable(),
  unreported: z.boolean().describe("Quá hạn mà chưa có báo cáo nào (không kể báo cáo bị trả lại)"),
  leadStatusCounts: countsBy(assignmentStatuses).partial(),
  ownAssignment: z
    .object({
      assignmentId: z.string(),
      role: z.enum(assignmentRoles),
      status,
      due: z.string().nullable(),
      daysOverdue: z.number().nullable(),
      dueSoon: z.boolean(),
      unreported: z.boolean(),
    })
    .nullable(),
});

const assignmentStatusRow = z.object({
  assignmentId: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  role: z.enum(assignmentRoles),
  viaGroupId: z.string().nullable(),
  status,
  due: z.string().nullable(),
  originalDue: z.string().nullable(),
  daysOverdue: z.number().nullable(),
  dueSoon: z.boolean(),
  daysLeft: z.number().nullable(),
  unreported: z.boolean().describe("Quá hạn mà chưa có báo cáo nào (không kể báo cáo bị trả lại)"),
});

const taskDetail = z.object({
  ...taskFields,
  planName: z.string(),
  documentNumber: z.string().nullable(),
  sectionTitle: z.string().nullable(),
  removedAt: z.string().nullable(),
  asOf: z.string(),
  assignments: z.array(assignmentStatusRow),
  /** Leads the document names that gave no assignment (src/queries/unmappedLeads.ts). */
  unmappedLeads: z.array(z.string()),
  links: z.array(
    z.object({
      kind: z.enum(taskLinkKind.enumValues),
      upstreamDocumentNumber: z.string(),
      upstreamTaskId: z.string().nullable(),
    }),
  ),
  deadlineChanges: z.array(
    z.object({
      id: z.string(),
      assignmentId: z.string(),
      previousDueOn: z.string().nullable(),
      requestedDueOn: z.string(),
      reason: z.string(),
      state: z.enum(deadlineChangeStates),
      requestedAt: z.string(),
      decidedAt: z.string().nullable(),
      decisionComment: z.string().nullable(),
    }),
  ),
});

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook("preHandler", requireSession(app.deps.handle.db));

  query(app, {
    method: "GET",
    url: "/api/tasks",
    schema: {
      operationId: "listTasks",
      tags: ["tasks"],
      summary:
        "Danh sách nhiệm vụ với trạng thái tại ngày asOf; lọc theo kế hoạch, phần, cơ quan chủ trì, trạng thái, từ khóa",
      querystring: taskFilters,
      response: {
        200: z.object({
          total: z.number(),
          asOf: z.string(),
          nextCursor: z.string().nullable(),
          items: z.array(taskRow),
        }),
        ...errorResponses,
      },
    },
    // The scope narrows the list itself: an agency sees the tasks it holds.
    authorize: () => allow,
    run: (ctx, { query }) => listTasks(ctx.db, ctx.tenantId, taskScope(ctx.principal), query),
  });

  query(app, {
    method: "GET",
    url: "/api/tasks/:taskId",
    schema: {
      operationId: "getTask",
      tags: ["tasks"],
      summary:
        "Một nhiệm vụ: các cơ quan được giao và trạng thái của từng cơ quan, liên kết, lịch sử gia hạn",
      params: z.object({ taskId: z.uuid() }),
      querystring: z.object({ asOf: asOfDate.optional() }),
      response: { 200: taskDetail, ...errorResponses },
    },
    load: (ctx, { params, query }) =>
      getTask(ctx.db, ctx.tenantId, params.taskId, query.asOf ?? today(), taskScope(ctx.principal)),
    missing: "nhiệm vụ",
    authorize: (principal, task) =>
      taskPolicy.read(
        principal,
        task.assignments.map((a) => a.agencyId),
      ),
    run: async (_ctx, _input, task) => task,
  });
};
