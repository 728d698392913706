import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { commitImport, commitImportInput } from "../../commands/commitImport.ts";
import {
  createImport,
  type Extractor,
  extractUpload,
  MAX_IMPORT_BYTES,
  sha256Hex,
} from "../../commands/createImport.ts";
import { discardImport } from "../../commands/discardImport.ts";
import { updateImport } from "../../commands/updateImport.ts";
import { importState } from "../../db/schema/index.ts";
import { assignmentRoles } from "../../domain/assignments.ts";
import { textProblem } from "../../domain/inputSafety.ts";
import { AppError, found, invalid, notFound } from "../../errors.ts";
import { extractionSchema } from "../../ingest/extraction.ts";
import type { ExtractionProgress } from "../../ingest/progress.ts";
import { agencyPolicy } from "../../policies/agency.ts";
import { allOf, allow } from "../../policies/decision.ts";
import { planPolicy } from "../../policies/plan.ts";
import type { Principal } from "../../policies/principal.ts";
import { getImportRow, importPreview, listOpenImports } from "../../queries/imports.ts";
import { errorFacts } from "../errors.ts";
import { forgetProgress, progressOf, reportProgress } from "../importProgress.ts";
import { command, query, type ReadContext } from "../operation.ts";
import { errorBody, errorResponses } from "../schemas.ts";
import { invalidText } from "../security.ts";
import { requireSession } from "../session.ts";

const MB = 1024 * 1024;

const importPreviewResponse = z.object({
  importId: z.string(),
  fileName: z.string(),
  state: z.enum(importState.enumValues),
  planId: z.string().nullable(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  extraction: extractionSchema,
  agencyResolution: z.array(
    z.object({
      name: z.string(),
      agencyId: z.string().nullable(),
      agencyName: z.string().nullable(),
      isGroup: z.boolean(),
    }),
  ),
  existingPlan: z.object({ planId: z.string(), name: z.string() }).nullable(),
});

const fieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
const commitResponse = z.object({
  planId: z.string(),
  reimport: z.boolean(),
  diff: z.object({
    added: z.array(z.string()),
    changed: z.array(z.object({ ref: z.string(), fields: z.array(fieldChange) })),
    removed: z.array(z.string()),
    conflicts: z.array(
      z.object({
        ref: z.string(),
        agencyId: z.string(),
        agencyName: z.string(),
        role: z.enum(assignmentRoles),
        reason: z.string(),
        message: z.string(),
      }),
    ),
  }),
  unresolvedAgencies: z.array(z.string()),
  createdAgencies: z.array(z.object({ name: z.string(), agencyId: z.string() })),
});

const importParams = z.object({ importId: z.uuid() });
const uploadErrors = { ...errorResponses, 413: errorBody, 415: errorBody, 422: errorBody };

export interface ImportRouteOptions {
  /** The extraction engine; runIsolated (worker with time and memory limits) unless a test replaces it. */
  extract?: Extractor;
}

/**
 * The import flow (PRODUCT.md §2, standing office): upload a plan file → preview of its
 * extraction → corrections → commit as a plan (or as a new version of a plan already kept).
 * Only those allowed by planPolicy.import may use it.
 */
export const importRoutes: FastifyPluginAsyncZod<ImportRouteOptions> = async (app, options) => {
  app.addHook("preHandler", requireSession(app.deps.handle.db));
  const importer = (principal: Principal) => planPolicy.import(principal);
  const preview = async (ctx: ReadContext, importId: string) =>
    importPreview(
      ctx.db,
      ctx.tenantId,
      found(await getImportRow(ctx.db, ctx.tenantId, importId), "bản nhập"),
    );

  command<typeof createImportSchema, undefined, Upload>(app, {
    method: "POST",
    url: "/api/imports",
    schema: createImportSchema,
    authorize: importer,
    // Reading and extracting the file run before, and outside, any transaction: they can take seconds.
    prepare: async ({ request, principal }, { query: { progress: token } }) => {
      const { bytes, fileName } = await readPlanFile(request);
      try {
        const extraction = await extractUpload(bytes, fileName, {
          extract: options.extract,
          // The file's name and the error's message may quote the document: neither is logged.
          onUnexpected: (error) =>
            request.log.error(
              { err: errorFacts(error), route: request.routeOptions.url },
              "extraction failed",
            ),
          // OCR of a scan takes tens of seconds: the page polls GET /api/imports/progress/:token.
          ...(token ? { onProgress: (p: ExtractionProgress) => reportProgress(principal, token, p) } : {}),
        });
        return { bytes, fileName, extraction };
      } finally {
        if (token) forgetProgress(principal, token);
      }
    },
    run: async (ctx, _input, _none, upload) => {
      const { importId } = await createImport(ctx, {
        fileName: upload.fileName,
        fileSha256: sha256Hex(upload.bytes),
        extraction: upload.extraction,
      });
      return preview(ctx, importId);
    },
  });

  query(app, {
    method: "GET",
    url: "/api/imports",
    schema: {
      operationId: "listImports",
      tags: ["imports"],
      summary: "Các bản nhập đang chờ lưu",
      response: {
        200: z.object({
          items: z.array(
            z.object({
              id: z.string(),
              fileName: z.string(),
              createdAt: z.string(),
              createdBy: z.string(),
              createdByName: z.string().describe("Tên hiển thị của người nhập"),
              documentNumber: z.string().nullable(),
              taskCount: z.number(),
            }),
          ),
        }),
        ...errorResponses,
      },
    },
    authorize: importer,
    run: async (ctx) => ({ items: await listOpenImports(ctx.db, ctx.tenantId) }),
  });

  query(app, {
    method: "GET",
    url: "/api/imports/progress/:token",
    schema: {
      operationId: "getImportProgress",
      tags: ["imports"],
      summary:
        "Tiến độ trích xuất của một tệp đang tải lên (nhận dạng chữ bản scan, theo trang); null khi chưa có hoặc đã xong",
      params: z.object({ token: z.uuid() }),
      response: {
        200: z.object({
          progress: z
            .object({ stage: z.enum(["ocr"]), done: z.number().int(), total: z.number().int() })
            .nullable(),
        }),
        ...errorResponses,
      },
    },
    authorize: importer,
    run: async (ctx, { params }) => ({ progress: progressOf(ctx.principal, params.token) }),
  });

  query(app, {
    method: "GET",
    url: "/api/imports/:importId",
    schema: {
      operationId: "getImport",
      tags: ["imports"],
      summary: "Bản xem trước của một lần nhập: kết quả trích xuất, đối chiếu cơ quan, kế hoạch đã có",
      params: importParams,
      response: { 200: importPreviewResponse, ...errorResponses },
    },
    authorize: importer,
    run: async (ctx, { params }) => {
      const row = await getImportRow(ctx.db, ctx.tenantId, params.importId);
      if (!row || row.state === "discarded") throw notFound("bản nhập");
      return importPreview(ctx.db, ctx.tenantId, row);
    },
  });

  command(app, {
    method: "PUT",
    url: "/api/imports/:importId",
    options: { bodyLimit: 20 * MB },
    schema: {
      operationId: "updateImport",
      tags: ["imports"],
      summary: "Lưu kết quả trích xuất đã sửa (gửi lại toàn bộ)",
      params: importParams,
      body: extractionSchema,
      response: { 200: importPreviewResponse, ...errorResponses },
    },
    authorize: importer,
    run: async (ctx, { params, body }) => {
      await updateImport(ctx, params.importId, body);
      return preview(ctx, params.importId);
    },
  });

  command(app, {
    method: "DELETE",
    url: "/api/imports/:importId",
    schema: {
      operationId: "discardImport",
      tags: ["imports"],
      summary: "Bỏ một lần nhập chưa lưu",
      params: importParams,
      response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
    },
    authorize: importer,
    run: async (ctx, { params }) => {
      await discardImport(ctx, params.importId);
      return { ok: true as const };
    },
  });

  command(app, {
    method: "POST",
    url: "/api/imports/:importId/commit",
    schema: {
      operationId: "commitImport",
      tags: ["imports"],
      summary:
        "Lưu bản nhập thành kế hoạch (hoặc cập nhật kế hoạch đã có của cùng văn bản, trả về các thay đổi), trọn vẹn hoặc không gì cả",
      params: importParams,
      // A commit without mappings or settings may come without a body.
      body: commitImportInput.nullish().transform((v) => v ?? commitImportInput.parse({})),
      response: { 200: commitResponse, ...errorResponses },
    },
    // Creating agencies and learning names while committing need their own rights.
    authorize: (principal, _none, { body }) =>
      allOf(
        importer(principal),
        body.agencyMappings.some((m) => "create" in m) ? agencyPolicy.createWhileImporting(principal) : allow,
        body.agencyMappings.length > 0 ? agencyPolicy.addAlias(principal) : allow,
      ),
    run: (ctx, { params, body }) => commitImport(ctx, params.importId, body),
  });
};

const createImportSchema = {
  operationId: "createImport",
  tags: ["imports"],
  summary:
    "Tải lên tệp kế hoạch (.docx, .pdf, .xlsx, .doc, .txt; tối đa 50 MB) và nhận bản xem trước kết quả trích xuất",
  consumes: ["multipart/form-data"],
  // A random token of the page's choosing, under which GET /api/imports/progress/:token tells
  // how far the extraction has got.
  querystring: z.object({ progress: z.uuid().optional() }),
  response: { 200: importPreviewResponse, ...uploadErrors },
};

interface Upload {
  bytes: Buffer;
  fileName: string;
  extraction: Awaited<ReturnType<typeof extractUpload>>;
}

/** The plan file of a multipart upload, whole in memory (extraction reads it at once). */
async function readPlanFile(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  if (!request.isMultipart()) {
    throw new AppError(
      "invalid_upload",
      415,
      "Hãy gửi tệp kế hoạch dưới dạng multipart/form-data (trường file).",
    );
  }
  const file = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
  if (!file) throw invalid("file_missing", "Chưa chọn tệp kế hoạch để nhập.");
  // Cut by characters, not UTF-16 units, so that the cut never leaves half an emoji.
  const fileName = Array.from((file.filename || "tep-tai-len").normalize("NFC"))
    .slice(0, 255)
    .join("");
  // The name is stored with the import: the same rule as any text field (security.ts).
  const problem = textProblem(fileName);
  if (problem) {
    file.file.resume();
    throw invalidText("form", { path: ["file"], problem });
  }
  try {
    return { bytes: await file.toBuffer(), fileName };
  } catch (error) {
    if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") {
      throw new AppError(
        "file_too_large",
        413,
        `Tệp quá lớn (giới hạn ${MAX_IMPORT_BYTES / MB} MB); hãy tách riêng phụ lục nhiệm vụ hoặc giảm dung lượng ảnh trong tệp rồi tải lên lại.`,
      );
    }
    throw invalid("invalid_upload", "Tệp tải lên không trọn vẹn; hãy tải lên lại.");
  }
}
