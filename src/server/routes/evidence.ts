import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, notFound } from "../../errors.ts";
import { reportPolicy } from "../../policies/report.ts";
import { evidenceForDownload } from "../../queries/reports.ts";
import { evidenceStoreFor, StoredFileMissing } from "../../storage/index.ts";
import { query } from "../operation.ts";
import { errorResponses } from "../schemas.ts";
import { requireSession } from "../session.ts";

/**
 * Content-Disposition for a Vietnamese file name: an ASCII fallback for old clients and the
 * exact name in RFC 5987 encoding (filename*), which every current browser uses.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export const evidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { handle, config } = app.deps;
  const store = evidenceStoreFor(config);
  app.addHook("preHandler", requireSession(handle.db));

  query(app, {
    method: "GET",
    url: "/api/evidence/:evidenceId",
    schema: {
      operationId: "downloadEvidence",
      tags: ["reports"],
      summary: "Tải tệp minh chứng (chỉ người được xem nhiệm vụ)",
      params: z.object({ evidenceId: z.uuid() }),
      produces: ["application/octet-stream"],
      response: errorResponses,
    },
    load: (ctx, { params }) => evidenceForDownload(ctx.db, ctx.tenantId, params.evidenceId),
    missing: "minh chứng",
    authorize: (principal, item) => reportPolicy.downloadEvidence(principal, item.holderAgencyIds),
    run: async ({ request, reply }, _input, item) => {
      if (item.kind !== "file" || !item.sha256) throw notFound("tệp minh chứng");
      let stream: Awaited<ReturnType<typeof store.get>>;
      try {
        stream = await store.get(item.sha256);
      } catch (error) {
        if (error instanceof StoredFileMissing) {
          request.log.error({ sha256: item.sha256 }, "evidence file missing from the store");
          throw new AppError(
            "evidence_file_missing",
            500,
            "Không tìm thấy tệp minh chứng trong kho lưu trữ. Hãy báo quản trị hệ thống.",
          );
        }
        throw error;
      }
      if (item.size !== null) reply.header("Content-Length", item.size);
      reply
        .header("Content-Type", item.mimeType ?? "application/octet-stream")
        .header("Content-Disposition", contentDisposition(item.fileName ?? "minh-chung"))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .header("Cache-Control", "private, no-store");
      // A stream is sent as it is, never serialised against the (error) response schemas.
      return stream as never;
    },
  });
};
