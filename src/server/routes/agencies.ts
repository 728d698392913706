import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { addAgencyAlias, aliasInput, removeAgencyAlias } from "../../commands/addAgencyAlias.ts";
import { agencyInput, saveAgency } from "../../commands/saveAgency.ts";
import { upsertAgencyTree } from "../../commands/upsertAgencyTree.ts";
import { agencyLevels } from "../../domain/agencyLevels.ts";
import { forbidden, invalid } from "../../errors.ts";
import { agencyPolicy } from "../../policies/agency.ts";
import { directoryAsSeeds, listAgencyDirectory } from "../../queries/agencies.ts";
import { readAgencyDirectory, writeAgencyDirectory } from "../../reports/agencyDirectoryFile.ts";
import { actorOf } from "../actor.ts";
import { errorResponses } from "../schemas.ts";
import { principalOf, requireSession } from "../session.ts";

const agencyEntry = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  level: z.enum(agencyLevels),
  parentId: z.string().nullable(),
  parentCode: z.string().nullable(),
  isGroup: z.boolean(),
  active: z.boolean(),
  aliases: z.array(z.object({ id: z.string(), alias: z.string() })),
  group: z
    .object({
      levels: z.array(z.string()).optional(),
      parentIds: z.array(z.string()).optional(),
      memberIds: z.array(z.string()),
    })
    .nullable(),
});
const agencyParams = z.object({ agencyId: z.uuid() });
const savedAgency = z.object({ id: z.string(), name: z.string() });

export const agencyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.handle;
  app.addHook("preHandler", requireSession(db));

  const manage = (request: Parameters<typeof principalOf>[0]) => {
    const principal = principalOf(request);
    if (!agencyPolicy.manage(principal).allowed)
      throw forbidden("Chỉ quản trị viên được sửa danh mục cơ quan, đơn vị.");
    return principal;
  };

  app.get(
    "/api/agencies",
    {
      schema: {
        operationId: "listAgencies",
        tags: ["agencies"],
        summary: "Danh mục cơ quan, đơn vị (cây, tên gọi khác, nhóm)",
        response: { 200: z.object({ items: z.array(agencyEntry) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listAgencyDirectory(db, principalOf(request).tenantId) }),
  );

  app.post(
    "/api/agencies",
    {
      schema: {
        operationId: "createAgency",
        tags: ["agencies"],
        summary: "Thêm cơ quan, đơn vị",
        body: agencyInput,
        response: { 200: savedAgency, ...errorResponses },
      },
    },
    async (request) => {
      const principal = manage(request);
      const agency = await db.transaction((tx) =>
        saveAgency({ tx, tenantId: principal.tenantId, actor: actorOf(request) }, request.body),
      );
      return { id: agency.id, name: agency.name };
    },
  );

  app.put(
    "/api/agencies/:agencyId",
    {
      schema: {
        operationId: "updateAgency",
        tags: ["agencies"],
        summary: "Sửa cơ quan, đơn vị",
        params: agencyParams,
        body: agencyInput,
        response: { 200: savedAgency, ...errorResponses },
      },
    },
    async (request) => {
      const principal = manage(request);
      const agency = await db.transaction((tx) =>
        saveAgency(
          { tx, tenantId: principal.tenantId, actor: actorOf(request) },
          request.body,
          request.params.agencyId,
        ),
      );
      return { id: agency.id, name: agency.name };
    },
  );

  app.post(
    "/api/agencies/:agencyId/aliases",
    {
      schema: {
        operationId: "addAgencyAlias",
        tags: ["agencies"],
        summary: "Thêm tên gọi khác cho cơ quan, đơn vị",
        params: agencyParams,
        body: aliasInput,
        response: { 200: z.object({ created: z.boolean() }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      if (!agencyPolicy.addAlias(principal).allowed) throw forbidden();
      const result = await db.transaction((tx) =>
        addAgencyAlias(
          { tx, tenantId: principal.tenantId, actor: actorOf(request) },
          request.params.agencyId,
          request.body,
        ),
      );
      return { created: result.created };
    },
  );

  app.delete(
    "/api/agencies/:agencyId/aliases/:aliasId",
    {
      schema: {
        operationId: "removeAgencyAlias",
        tags: ["agencies"],
        summary: "Xóa tên gọi khác",
        params: agencyParams.extend({ aliasId: z.uuid() }),
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = manage(request);
      await db.transaction((tx) =>
        removeAgencyAlias(
          { tx, tenantId: principal.tenantId, actor: actorOf(request) },
          request.params.agencyId,
          request.params.aliasId,
        ),
      );
      return { ok: true as const };
    },
  );

  app.get(
    "/api/agencies/export",
    {
      schema: {
        operationId: "exportAgencies",
        tags: ["agencies"],
        summary: "Xuất danh mục cơ quan, đơn vị ra CSV hoặc XLSX",
        querystring: z.object({ format: z.enum(["csv", "xlsx"]).default("xlsx") }),
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const seeds = directoryAsSeeds(await listAgencyDirectory(db, principal.tenantId));
      const { format } = request.query;
      const body = await writeAgencyDirectory(seeds, format);
      reply
        .header(
          "content-type",
          format === "csv"
            ? "text/csv; charset=utf-8"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        .header("content-disposition", `attachment; filename="danh-muc-co-quan.${format}"`);
      return reply.send(body);
    },
  );

  app.post(
    "/api/agencies/import",
    {
      schema: {
        operationId: "importAgencies",
        tags: ["agencies"],
        summary: "Nhập danh mục cơ quan, đơn vị từ CSV hoặc XLSX (thêm mới hoặc cập nhật theo mã)",
        consumes: ["multipart/form-data"],
        response: { 200: z.object({ count: z.number() }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = manage(request);
      const file = await request.file({ limits: { fileSize: 5 * 1024 * 1024 } });
      if (!file) throw invalid("file_missing", "Chưa chọn tệp danh mục.");
      const bytes = await file.toBuffer().catch(() => {
        throw invalid("file_too_large", "Tệp danh mục quá lớn (tối đa 5 MB).");
      });
      const format = /\.csv$/i.test(file.filename) ? "csv" : "xlsx";
      const tree = await readAgencyDirectory(bytes, format);
      await db.transaction((tx) =>
        upsertAgencyTree({ tx, tenantId: principal.tenantId, actor: actorOf(request) }, tree),
      );
      return { count: tree.length };
    },
  );
};
