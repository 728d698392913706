import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { commitImport, commitImportInput } from "../../commands/commitImport.ts";
import type { CommandContext } from "../../commands/context.ts";
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
import { AppError, forbidden, invalid, notFound } from "../../errors.ts";
import { extractionSchema } from "../../ingest/extraction.ts";
import { agencyPolicy } from "../../policies/agency.ts";
import { planPolicy } from "../../policies/plan.ts";
import type { Principal } from "../../policies/principal.ts";
import { getImportRow, importPreview, listOpenImports } from "../../queries/imports.ts";
import { actorOf } from "../actor.ts";
import { errorBody, errorResponses } from "../schemas.ts";
import { principalOf, requireSession } from "../session.ts";

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
  const { db } = app.deps.handle;
  app.addHook("preHandler", requireSession(db));

  const importer = (request: Parameters<typeof principalOf>[0]): Principal => {
    const principal = principalOf(request);
    if (!planPolicy.import(principal).allowed) {
      throw forbidden("Chỉ cơ quan thường trực và quản trị viên được nhập kế hoạch.");
    }
    return principal;
  };
  const context =
    (request: Parameters<typeof principalOf>[0], principal: Principal) =>
    (tx: CommandContext["tx"]): CommandContext => ({
      tx,
      tenantId: principal.tenantId,
      actor: actorOf(request, principal),
    });

  app.post(
    "/api/imports",
    {
      schema: {
        operationId: "createImport",
        tags: ["imports"],
        summary:
          "Tải lên tệp kế hoạch (.docx, .pdf, .xlsx, .doc, .txt; tối đa 50 MB) và nhận bản xem trước kết quả trích xuất",
        consumes: ["multipart/form-data"],
        response: { 200: importPreviewResponse, ...uploadErrors },
      },
    },
    async (request) => {
      const principal = importer(request);
      if (!request.isMultipart()) {
        throw new AppError(
          "invalid_upload",
          415,
          "Hãy gửi tệp kế hoạch dưới dạng multipart/form-data (trường file).",
        );
      }
      const file = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
      if (!file) throw invalid("file_missing", "Chưa chọn tệp kế hoạch để nhập.");
      let bytes: Buffer;
      try {
        bytes = await file.toBuffer();
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
      const fileName = (file.filename || "tep-tai-len").normalize("NFC").slice(0, 255);
      // Extraction runs before, and outside, any transaction: it can take seconds.
      const extraction = await extractUpload(bytes, fileName, {
        extract: options.extract,
        onUnexpected: (error) => request.log.error({ err: error, fileName }, "extraction failed"),
      });
      return db.transaction(async (tx) => {
        const { importId } = await createImport(context(request, principal)(tx), {
          fileName,
          fileSha256: sha256Hex(bytes),
          extraction,
        });
        const row = await getImportRow(tx, principal.tenantId, importId);
        return importPreview(tx, principal.tenantId, row!);
      });
    },
  );

  app.get(
    "/api/imports",
    {
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
                documentNumber: z.string().nullable(),
                taskCount: z.number(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const principal = importer(request);
      return { items: await listOpenImports(db, principal.tenantId) };
    },
  );

  app.get(
    "/api/imports/:importId",
    {
      schema: {
        operationId: "getImport",
        tags: ["imports"],
        summary: "Bản xem trước của một lần nhập: kết quả trích xuất, đối chiếu cơ quan, kế hoạch đã có",
        params: importParams,
        response: { 200: importPreviewResponse, ...errorResponses },
      },
    },
    async (request) => {
      const principal = importer(request);
      const row = await getImportRow(db, principal.tenantId, request.params.importId);
      if (!row || row.state === "discarded") throw notFound("bản nhập");
      return importPreview(db, principal.tenantId, row);
    },
  );

  app.put(
    "/api/imports/:importId",
    {
      bodyLimit: 20 * MB,
      schema: {
        operationId: "updateImport",
        tags: ["imports"],
        summary: "Lưu kết quả trích xuất đã sửa (gửi lại toàn bộ)",
        params: importParams,
        body: extractionSchema,
        response: { 200: importPreviewResponse, ...errorResponses },
      },
    },
    async (request) => {
      const principal = importer(request);
      return db.transaction(async (tx) => {
        await updateImport(context(request, principal)(tx), request.params.importId, request.body);
        const row = await getImportRow(tx, principal.tenantId, request.params.importId);
        return importPreview(tx, principal.tenantId, row!);
      });
    },
  );

  app.delete(
    "/api/imports/:importId",
    {
      schema: {
        operationId: "discardImport",
        tags: ["imports"],
        summary: "Bỏ một lần nhập chưa lưu",
        params: importParams,
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = importer(request);
      await db.transaction((tx) => discardImport(context(request, principal)(tx), request.params.importId));
      return { ok: true as const };
    },
  );

  app.post(
    "/api/imports/:importId/commit",
    {
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
    },
    async (request) => {
      const principal = importer(request);
      const creates = request.body.agencyMappings.some((m) => "create" in m);
      if (creates && !agencyPolicy.createWhileImporting(principal).allowed) {
        throw forbidden("Bạn không có quyền thêm cơ quan mới vào danh mục; hãy chọn một cơ quan có sẵn.");
      }
      if (request.body.agencyMappings.length > 0 && !agencyPolicy.addAlias(principal).allowed) {
        throw forbidden("Bạn không có quyền ghi nhận tên gọi khác của cơ quan.");
      }
      return db.transaction((tx) =>
        commitImport(context(request, principal)(tx), request.params.importId, request.body),
      );
    },
  );
};
