import type { FastifyRequest } from "fastify";
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
import { AppError, forbidden, invalid, notFound } from "../../errors.ts";
import { reportPolicy } from "../../policies/report.ts";
import { assignmentContext, listTaskReports, taskAccess } from "../../queries/reports.ts";
import { removeUnreferenced } from "../../storage/cleanup.ts";
import { evidenceStoreFor, uploadStagingDir } from "../../storage/index.ts";
import { UploadStaging, UploadTooLarge } from "../../storage/staging.ts";
import { actorOf } from "../actor.ts";
import { errorResponses } from "../schemas.ts";
import { principalOf, requireSession } from "../session.ts";

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
  evidence: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(evidenceKinds),
      fileName: z.string().nullable(),
      size: z.number().nullable(),
      mimeType: z.string().nullable(),
      url: z.string().nullable(),
      documentNumber: z.string().nullable(),
      downloadUrl: z.string().nullable(),
    }),
  ),
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

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { handle, config } = app.deps;
  const { db } = handle;
  const store = evidenceStoreFor(config);
  app.addHook("preHandler", requireSession(db));

  app.post(
    "/api/assignments/:assignmentId/reports",
    {
      // The body is multipart or JSON: read and validated in the handler (files are streamed to disk).
      validatorCompiler: (route) =>
        route.httpPart === "body" ? (data: unknown) => ({ value: data }) : validatorCompiler(route as never),
      schema: {
        operationId: "submitReport",
        tags: ["reports"],
        summary:
          "Báo cáo tiến độ một nhiệm vụ được giao (kèm minh chứng: tệp, đường dẫn, số hiệu văn bản) cho một kỳ báo cáo",
        consumes: ["multipart/form-data", "application/json"],
        params: z.object({ assignmentId: z.uuid() }),
        body: submitReportForm,
        response: { 201: submitted, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { assignmentId } = request.params;
      const tenantId = principal.tenantId;
      // Refuse early, before reading any upload, when the assignment is not the principal's to report on.
      const known = await assignmentContext(db, tenantId, assignmentId);
      if (!known) throw notFound("nhiệm vụ được giao");
      if (!reportPolicy.canReportOn(principal, known).allowed) throw notYours();

      const staging = new UploadStaging(uploadStagingDir(config));
      const created: string[] = [];
      try {
        const body = request.isMultipart()
          ? await readMultipart(request, staging, config.evidenceMaxBytes)
          : ((request.body as Record<string, unknown> | undefined) ?? {});
        const input = submitReportInput.parse({ ...body, assignmentId });
        const files = await prepareReportEvidence(staging.files, store, created);
        const result = await db.transaction(async (tx) => {
          const assignment = await assignmentContext(tx, tenantId, assignmentId);
          if (!assignment) throw notFound("nhiệm vụ được giao");
          if (!reportPolicy.canReportOn(principal, assignment).allowed) throw notYours();
          return submitReport({ tx, tenantId, actor: actorOf(request, principal) }, input, {
            assignment,
            submitterIsHead: isAgencyHead(principal, assignment.agencyId),
            files,
          });
        });
        return reply.status(201).send(result);
      } catch (error) {
        if (created.length) await removeUnreferenced(db, store, created).catch(() => {});
        throw error;
      } finally {
        await staging.dispose().catch(() => {});
      }
    },
  );

  app.get(
    "/api/tasks/:taskId/reports",
    {
      schema: {
        operationId: "listTaskReports",
        tags: ["reports"],
        summary:
          "Lịch sử báo cáo của một nhiệm vụ (kể cả báo cáo bị trả lại), minh chứng, ý kiến duyệt; và quyền thao tác của người dùng",
        params: z.object({ taskId: z.uuid() }),
        response: { 200: taskReportsResponse, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const holders = await taskAccess(db, principal.tenantId, request.params.taskId);
      if (!holders) throw notFound("nhiệm vụ");
      if (!reportPolicy.read(principal, holders).allowed)
        throw forbidden("Nhiệm vụ này không thuộc cơ quan, đơn vị của bạn.");
      return listTaskReports(db, principal.tenantId, request.params.taskId, principal, today());
    },
  );
};

const notYours = () =>
  forbidden("Nhiệm vụ này không được giao cho cơ quan, đơn vị của bạn; bạn không thể báo cáo.");

const TRUE = new Set(["true", "1", "on", "yes", "có"]);
const FALSE = new Set(["false", "0", "off", "no", "không", ""]);
const ARRAY_FIELDS = new Set(["links", "documentNumbers"]);
const FIELDS = new Set([
  "periodOn",
  "percent",
  "narrative",
  "difficulties",
  "proposals",
  "nothingToReport",
  "claimsCompletion",
  ...ARRAY_FIELDS,
]);

/**
 * Reads a multipart submission: every file part is streamed to the staging directory (hashed,
 * cut at the size limit), every field is collected and converted to the JSON shape of the
 * command's input (numbers, booleans, repeated fields as arrays).
 */
async function readMultipart(
  request: FastifyRequest,
  staging: UploadStaging,
  maxBytes: number,
): Promise<Record<string, unknown>> {
  const fields = new Map<string, string[]>();
  const maxMb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  try {
    const parts = request.parts({
      limits: { fileSize: maxBytes, files: MAX_EVIDENCE_FILES, fields: 100, fieldSize: 100_000, parts: 150 },
    });
    for await (const part of parts) {
      if (part.type === "file") {
        if (!part.filename) {
          part.file.resume();
          continue;
        }
        await staging.add(
          part.file,
          { fileName: part.filename, declaredType: part.mimetype },
          () => part.file.truncated,
        );
      } else {
        const name = part.fieldname.replace(/\[\]$/, "");
        if (!FIELDS.has(name)) continue;
        fields.set(name, [...(fields.get(name) ?? []), String(part.value ?? "")]);
      }
    }
  } catch (error) {
    if (error instanceof UploadTooLarge) {
      throw invalid(
        "evidence_too_large",
        `Tệp "${error.fileName}" vượt quá dung lượng cho phép (${maxMb} MB).`,
        { fileName: error.fileName, maxBytes },
      );
    }
    const code = (error as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") {
      throw invalid("evidence_too_large", `Tệp minh chứng vượt quá dung lượng cho phép (${maxMb} MB).`, {
        maxBytes,
      });
    }
    if (code === "FST_FILES_LIMIT") {
      throw invalid("evidence_too_many", `Mỗi báo cáo có tối đa ${MAX_EVIDENCE_FILES} tệp minh chứng.`);
    }
    if (code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT" || code === "FST_PROTO_VIOLATION") {
      throw invalid("invalid_request", "Biểu mẫu gửi lên có quá nhiều trường hoặc trường không hợp lệ.");
    }
    if (error instanceof AppError) throw error;
    throw invalid("invalid_request", "Không đọc được biểu mẫu gửi lên (multipart/form-data).");
  }

  const body: Record<string, unknown> = {};
  for (const [name, values] of fields) {
    if (ARRAY_FIELDS.has(name)) {
      body[name] = values
        .flatMap((v) => (v.trim().startsWith("[") ? parseJsonArray(v) : [v]))
        .filter((v) => v !== "");
      continue;
    }
    const value = values[values.length - 1]!;
    if (name === "percent") body.percent = value.trim() === "" ? undefined : Number(value);
    else if (name === "nothingToReport" || name === "claimsCompletion") {
      const folded = value.trim().toLowerCase();
      body[name] = TRUE.has(folded) ? true : FALSE.has(folded) ? false : value;
    } else if (name === "periodOn") body.periodOn = value.trim() || undefined;
    else body[name] = value;
  }
  return body;
}

function parseJsonArray(value: string): unknown[] {
  try {
    const parsed = JSON.parse(value);
    return Array.isArray(parsed) ? parsed : [value];
  } catch {
    return [value];
  }
}
