import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { validatorCompiler } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  MAX_EVIDENCE_FILES,
  prepareReportEvidence,
  submitReport,
  submitReportInput,
} from "../../commands/submitReport.ts";
import { isAgencyHead } from "../../domain/agencyStaff.ts";
import { assignmentRoles } from "../../domain/assignments.ts";
import { today } from "../../domain/dates.ts";
import { periodKinds } from "../../domain/periods.ts";
import { evidenceKinds, reportStates, reviewDecisions } from "../../domain/reports.ts";
import { reportPolicy } from "../../policies/report.ts";
import {
  type AssignmentContext,
  assignmentContext,
  listTaskReports,
  taskAccess,
} from "../../queries/reports.ts";
import { removeUnreferenced } from "../../storage/cleanup.ts";
import { evidenceStoreFor, uploadStagingDir } from "../../storage/index.ts";
import type { UploadStaging } from "../../storage/staging.ts";
import { command, query } from "../operation.ts";
import { errorResponses } from "../schemas.ts";
import { requireSession } from "../session.ts";
import { readForm, type UploadRules } from "../upload.ts";

const binary = z.string().meta({ format: "binary" });

/** The form of submitReport, for the OpenAPI document (multipart/form-data or JSON without files). */
const submitReportForm = z.object({
  periodOn: z.iso
    .date()
    .optional()
    .describe("Một ngày bất kỳ trong kỳ báo cáo; mặc định: kỳ chứa ngày hôm nay"),
  percent: z.number().int().min(0).max(100).optional().describe("Tỷ lệ hoàn thành (0–100)"),
  narrative: z.string().optional().describe("Kết quả thực hiện"),
  difficulties: z.string().optional().describe("Khó khăn, vướng mắc"),
  proposals: z.string().optional().describe("Đề xuất, kiến nghị"),
  nothingToReport: z.boolean().optional().describe('"Không phát sinh" trong kỳ'),
  claimsCompletion: z.boolean().optional().describe("Đề nghị xác nhận hoàn thành nhiệm vụ"),
  links: z
    .array(z.string())
    .optional()
    .describe("Đường dẫn minh chứng (http/https); lặp lại trường để gửi nhiều"),
  documentNumbers: z.array(z.string()).optional().describe("Số hiệu văn bản minh chứng; lặp lại trường"),
  files: z
    .array(binary)
    .optional()
    .describe("Tệp minh chứng (.pdf, .docx, .xlsx, .doc, .xls, .jpg, .png, .txt, .csv); tên trường tùy ý"),
});

/** One evidence item as every list of reports shows it (the task's reports, the review queue). */
export const evidenceItem = z.object({
  id: z.string(),
  kind: z.enum(evidenceKinds),
  fileName: z.string().nullable(),
  size: z.number().nullable(),
  mimeType: z.string().nullable(),
  url: z.string().nullable(),
  documentNumber: z.string().nullable(),
  downloadUrl: z.string().nullable(),
  /** Images and PDFs: the same file sent to be shown in the page (`?inline=1`). */
  previewUrl: z.string().nullable(),
  preview: z.enum(["image", "pdf"]).nullable(),
});

const person = z.object({ id: z.string(), displayName: z.string() }).nullable();
const period = z
  .object({
    id: z.string(),
    kind: z.enum(periodKinds),
    startsOn: z.string(),
    endsOn: z.string(),
    cutoffOn: z.string(),
    label: z.string(),
  })
  .nullable();

const reportItem = z.object({
  id: z.string(),
  assignmentId: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  period,
  percent: z.number().nullable(),
  narrative: z.string(),
  difficulties: z.string(),
  proposals: z.string(),
  nothingToReport: z.boolean(),
  claimsCompletion: z.boolean(),
  state: z.enum(reportStates),
  version: z.number(),
  submittedBy: person,
  submittedAt: z.string().nullable(),
  headApprovedBy: person,
  headApprovedAt: z.string().nullable(),
  headReturnedBy: person,
  headReturnedAt: z.string().nullable(),
  headComment: z.string(),
  review: z
    .object({
      decision: z.enum(reviewDecisions),
      comment: z.string(),
      reviewer: z.object({ id: z.string(), displayName: z.string() }),
      at: z.string(),
    })
    .nullable(),
  reopenedBy: person,
  reopenedAt: z.string().nullable(),
  reopenReason: z.string().nullable(),
  lock: z.enum(["approved", "period_closed"]).nullable(),
  evidence: z.array(evidenceItem),
  can: z.object({ headDecide: z.boolean(), review: z.boolean(), reopen: z.boolean() }),
});

const taskReportsResponse = z.object({
  assignments: z.array(
    z.object({
      assignmentId: z.string(),
      agencyId: z.string(),
      agencyName: z.string(),
      role: z.enum(assignmentRoles),
      dueOn: z.string().nullable(),
      completedOn: z.string().nullable(),
      canReport: z.boolean(),
      canRequestDeadlineChange: z.boolean(),
      pendingPeriodLabel: z
        .string()
        .nullable()
        .describe("Kỳ hiện tại đã có báo cáo đang chờ duyệt (không gửi thêm được cho đến khi có kết quả)"),
    }),
  ),
  reports: z.array(reportItem),
});

const submitted = z.object({
  id: z.string(),
  state: z.enum(reportStates).extract(["awaiting_head", "submitted"]),
  periodId: z.string(),
  periodLabel: z.string(),
  evidenceCount: z.number(),
});

const submitReportSchema = {
  operationId: "submitReport",
  tags: ["reports"],
  summary:
    "Báo cáo tiến độ một nhiệm vụ được giao (kèm minh chứng: tệp, đường dẫn, số hiệu văn bản) cho một kỳ báo cáo",
  consumes: ["multipart/form-data", "application/json"],
  params: z.object({ assignmentId: z.uuid() }),
  body: submitReportForm,
  response: { 201: submitted, ...errorResponses },
};

/** What staging and storing a report's evidence left, for the command and for the clean-up. */
interface StagedEvidence {
  body: z.output<typeof submitReportInput>;
  staging: UploadStaging;
  files: Awaited<ReturnType<typeof prepareReportEvidence>>;
  /** Files this request added to the store: removed again if the report is not saved. */
  created: string[];
}

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { handle, config } = app.deps;
  const { db } = handle;
  const store = evidenceStoreFor(config);
  app.addHook("preHandler", requireSession(db));
  const evidenceRules: UploadRules = {
    stagingDir: uploadStagingDir(config),
    maxBytes: config.evidenceMaxBytes,
    maxFiles: MAX_EVIDENCE_FILES,
    codes: { tooLarge: "evidence_too_large", tooMany: "evidence_too_many" },
    fileLabel: "Tệp minh chứng",
    tooManyMessage: `Mỗi báo cáo có tối đa ${MAX_EVIDENCE_FILES} tệp minh chứng.`,
  };

  command<typeof submitReportSchema, AssignmentContext, StagedEvidence>(app, {
    method: "POST",
    url: "/api/assignments/:assignmentId/reports",
    status: 201,
    // The body is multipart or JSON: read into the command's schema by `prepare`, after the
    // policy has said yes, so that a refused request reads no upload.
    options: {
      validatorCompiler: (route: { httpPart?: string }) =>
        route.httpPart === "body" ? (data: unknown) => ({ value: data }) : validatorCompiler(route as never),
    },
    schema: submitReportSchema,
    load: (ctx, { params }) => assignmentContext(ctx.db, ctx.tenantId, params.assignmentId),
    missing: "nhiệm vụ được giao",
    authorize: (principal, assignment) => reportPolicy.canReportOn(principal, assignment),
    prepare: async ({ request }, { params }) => {
      const form = await readForm(request, submitReportInput, evidenceRules, {
        assignmentId: params.assignmentId,
      });
      const created: string[] = [];
      try {
        const files = await prepareReportEvidence(form.staging.files, store, created);
        return { ...form, files, created };
      } catch (error) {
        await release({ ...form, files: [], created }, true);
        throw error;
      }
    },
    release: (staged, failed) => release(staged, failed),
    run: (ctx, _input, assignment, staged) =>
      submitReport(ctx, staged.body, {
        assignment,
        submitterIsHead: isAgencyHead(ctx.principal, assignment.agencyId),
        files: staged.files,
      }),
  });

  async function release(staged: StagedEvidence, failed: boolean) {
    if (failed && staged.created.length) await removeUnreferenced(db, store, staged.created).catch(() => {});
    await staged.staging.dispose().catch(() => {});
  }

  query(app, {
    method: "GET",
    url: "/api/tasks/:taskId/reports",
    schema: {
      operationId: "listTaskReports",
      tags: ["reports"],
      summary:
        "Lịch sử báo cáo của một nhiệm vụ (kể cả báo cáo bị trả lại), minh chứng, ý kiến duyệt; và quyền thao tác của người dùng",
      params: z.object({ taskId: z.uuid() }),
      response: { 200: taskReportsResponse, ...errorResponses },
    },
    load: (ctx, { params }) => taskAccess(ctx.db, ctx.tenantId, params.taskId),
    missing: "nhiệm vụ",
    authorize: (principal, holders) => reportPolicy.read(principal, holders),
    run: (ctx, { params }) => listTaskReports(ctx.db, ctx.tenantId, params.taskId, ctx.principal, today()),
  });
};
