import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditPolicy } from "../../policies/audit.ts";
import {
  AUDIT_EXPORT_LIMIT,
  auditLogFilter,
  auditLogForExport,
  auditLogPage,
  listAuditLog,
} from "../../queries/auditLog.ts";
import { writeAuditLog } from "../../reports/auditLogFile.ts";
import { sendTableFile } from "../download.ts";
import { query } from "../operation.ts";
import { errorResponses } from "../schemas.ts";
import { requireSession } from "../session.ts";

const auditEntry = z.object({
  id: z.string(),
  seq: z.number(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorLabel: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  hash: z.string(),
});

/** The administrators' view of the audit log: read and export only (the table refuses any change). */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook("preHandler", requireSession(app.deps.handle.db));

  query(app, {
    method: "GET",
    url: "/api/audit",
    schema: {
      operationId: "listAuditLog",
      tags: ["audit"],
      summary: "Nhật ký hệ thống, mới nhất trước, theo bộ lọc",
      querystring: auditLogPage,
      response: {
        200: z.object({ items: z.array(auditEntry), nextCursor: z.string().nullable() }),
        ...errorResponses,
      },
    },
    authorize: (principal) => auditPolicy.read(principal),
    run: (ctx, { query }) => listAuditLog(ctx.db, ctx.tenantId, query),
  });

  query(app, {
    method: "GET",
    url: "/api/audit/export",
    schema: {
      operationId: "exportAuditLog",
      tags: ["audit"],
      summary: `Xuất nhật ký hệ thống theo bộ lọc ra CSV hoặc XLSX (tối đa ${AUDIT_EXPORT_LIMIT.toLocaleString("vi-VN")} dòng)`,
      querystring: auditLogFilter.extend({ format: z.enum(["csv", "xlsx"]).default("xlsx") }),
      response: errorResponses,
    },
    authorize: (principal) => auditPolicy.read(principal),
    run: async (ctx, { query }) => {
      const { rows, truncated } = await auditLogForExport(ctx.db, ctx.tenantId, query);
      const note = truncated
        ? `Chỉ xuất ${AUDIT_EXPORT_LIMIT.toLocaleString("vi-VN")} dòng mới nhất; hãy thu hẹp khoảng thời gian để xuất phần còn lại.`
        : undefined;
      const body = await writeAuditLog(rows, query.format, note);
      return sendTableFile(ctx.reply, body, query.format, "nhat-ky-he-thong");
    },
  });
};
