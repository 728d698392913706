import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { evidencePreview } from "../../domain/reports.ts";
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
export function contentDisposition(
  fileName: string,
  disposition: "attachment" | "inline" = "attachment",
): string {
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
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * The policy of an evidence answer: a sandboxed document that may load nothing. A preview (an
 * image or a PDF the browser renders itself) may also be framed by the app's own pages, for the
 * review page's dialog; everything else may be framed by no one. Chromium's PDF viewer works in
 * a sandboxed frame; a browser whose viewer does not shows a blank frame, and the dialog keeps
 * its download button.
 */
function evidencePolicy(preview: "image" | "pdf" | null): string {
  return `default-src 'none'; frame-ancestors ${preview ? "'self'" : "'none'"}; sandbox`;
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
      querystring: z.object({
        inline: z
          .enum(["1"])
          .optional()
          .describe("1: hiển thị ngay trong trang (chỉ ảnh PNG/JPEG và PDF; tệp khác vẫn tải về)"),
      }),
      produces: ["application/octet-stream"],
      response: errorResponses,
    },
    load: (ctx, { params }) => evidenceForDownload(ctx.db, ctx.tenantId, params.evidenceId),
    missing: "minh chứng",
    authorize: (principal, item) => reportPolicy.downloadEvidence(principal, item.holderAgencyIds),
    run: async ({ request, reply }, { query }, item) => {
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
      const preview = query.inline ? evidencePreview(item.mimeType) : null;
      reply
        .header("Content-Type", item.mimeType ?? "application/octet-stream")
        .header(
          "Content-Disposition",
          contentDisposition(item.fileName ?? "minh-chung", preview ? "inline" : "attachment"),
        )
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", evidencePolicy(preview))
        .header("Cache-Control", "private, no-store");
      // The app's pages refuse every frame (frame-ancestors 'none', X-Frame-Options DENY). A
      // preview must open inside the review page's dialog, so only here, and only for a type the
      // browser renders itself, the frame is allowed from the app's own origin.
      if (preview) reply.header("X-Frame-Options", "SAMEORIGIN");
      // A stream is sent as it is, never serialised against the (error) response schemas.
      return stream as never;
    },
  });
};
