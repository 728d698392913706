import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { addAgencyAlias, aliasInput, removeAgencyAlias } from "../../commands/addAgencyAlias.ts";
import { agencyInput, saveAgency } from "../../commands/saveAgency.ts";
import { upsertAgencyTree } from "../../commands/upsertAgencyTree.ts";
import type { AgencySeed } from "../../domain/agencyDirectory.ts";
import { agencyLevels } from "../../domain/agencyLevels.ts";
import { bidiControlMessage, findUnsafeText, hasBidiControl } from "../../domain/inputSafety.ts";
import { invalid } from "../../errors.ts";
import { agencyPolicy } from "../../policies/agency.ts";
import { directoryAsSeeds, listAgencyDirectory } from "../../queries/agencies.ts";
import { readAgencyDirectory, writeAgencyDirectory } from "../../reports/agencyDirectoryFile.ts";
import { sendTableFile } from "../download.ts";
import { command, query } from "../operation.ts";
import { errorResponses } from "../schemas.ts";
import { invalidText } from "../security.ts";
import { requireSession } from "../session.ts";

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
  app.addHook("preHandler", requireSession(app.deps.handle.db));

  query(app, {
    method: "GET",
    url: "/api/agencies",
    schema: {
      operationId: "listAgencies",
      tags: ["agencies"],
      summary: "Danh mục cơ quan, đơn vị (cây, tên gọi khác, nhóm)",
      response: { 200: z.object({ items: z.array(agencyEntry) }), ...errorResponses },
    },
    authorize: (principal) => agencyPolicy.list(principal),
    run: async (ctx) => ({ items: await listAgencyDirectory(ctx.db, ctx.tenantId) }),
  });

  command(app, {
    method: "POST",
    url: "/api/agencies",
    schema: {
      operationId: "createAgency",
      tags: ["agencies"],
      summary: "Thêm cơ quan, đơn vị",
      body: agencyInput,
      response: { 200: savedAgency, ...errorResponses },
    },
    authorize: (principal) => agencyPolicy.manage(principal),
    run: async (ctx, { body }) => {
      const agency = await saveAgency(ctx, body);
      return { id: agency.id, name: agency.name };
    },
  });

  command(app, {
    method: "PUT",
    url: "/api/agencies/:agencyId",
    schema: {
      operationId: "updateAgency",
      tags: ["agencies"],
      summary: "Sửa cơ quan, đơn vị",
      params: agencyParams,
      body: agencyInput,
      response: { 200: savedAgency, ...errorResponses },
    },
    authorize: (principal) => agencyPolicy.manage(principal),
    run: async (ctx, { params, body }) => {
      const agency = await saveAgency(ctx, body, params.agencyId);
      return { id: agency.id, name: agency.name };
    },
  });

  command(app, {
    method: "POST",
    url: "/api/agencies/:agencyId/aliases",
    schema: {
      operationId: "addAgencyAlias",
      tags: ["agencies"],
      summary: "Thêm tên gọi khác cho cơ quan, đơn vị",
      params: agencyParams,
      body: aliasInput,
      response: { 200: z.object({ created: z.boolean() }), ...errorResponses },
    },
    authorize: (principal) => agencyPolicy.addAlias(principal),
    run: async (ctx, { params, body }) => ({
      created: (await addAgencyAlias(ctx, params.agencyId, body)).created,
    }),
  });

  command(app, {
    method: "DELETE",
    url: "/api/agencies/:agencyId/aliases/:aliasId",
    schema: {
      operationId: "removeAgencyAlias",
      tags: ["agencies"],
      summary: "Xóa tên gọi khác",
      params: agencyParams.extend({ aliasId: z.uuid() }),
      response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
    },
    authorize: (principal) => agencyPolicy.manage(principal),
    run: async (ctx, { params }) => {
      await removeAgencyAlias(ctx, params.agencyId, params.aliasId);
      return { ok: true as const };
    },
  });

  query(app, {
    method: "GET",
    url: "/api/agencies/export",
    schema: {
      operationId: "exportAgencies",
      tags: ["agencies"],
      summary: "Xuất danh mục cơ quan, đơn vị ra CSV hoặc XLSX",
      querystring: z.object({ format: z.enum(["csv", "xlsx"]).default("xlsx") }),
      response: errorResponses,
    },
    authorize: (principal) => agencyPolicy.list(principal),
    run: async (ctx, { query }) => {
      const seeds = directoryAsSeeds(await listAgencyDirectory(ctx.db, ctx.tenantId));
      const body = await writeAgencyDirectory(seeds, query.format);
      return sendTableFile(ctx.reply, body, query.format, "danh-muc-co-quan");
    },
  });

  command<typeof importAgenciesSchema, undefined, AgencySeed[]>(app, {
    method: "POST",
    url: "/api/agencies/import",
    schema: importAgenciesSchema,
    authorize: (principal) => agencyPolicy.manage(principal),
    // The file is read and parsed before the transaction: it holds no connection meanwhile.
    prepare: async ({ request }) => {
      const file = await request.file({ limits: { fileSize: 5 * 1024 * 1024 } });
      if (!file) throw invalid("file_missing", "Chưa chọn tệp danh mục.");
      const bytes = await file.toBuffer().catch(() => {
        throw invalid("file_too_large", "Tệp danh mục quá lớn (tối đa 5 MB).");
      });
      const tree = await readAgencyDirectory(bytes, /\.csv$/i.test(file.filename) ? "csv" : "xlsx");
      // A file's cells become names like a form's fields: the same rule (security.ts).
      for (const seed of tree) {
        const unsafe = findUnsafeText(seed);
        if (unsafe) throw invalidText("form", { ...unsafe, path: [seed.code, ...unsafe.path] });
        if ([seed.name, seed.shortName ?? "", ...(seed.aliases ?? [])].some(hasBidiControl)) {
          throw invalid("invalid_name", `Tên của cơ quan mã "${seed.code}" ${bidiControlMessage}.`);
        }
      }
      return tree;
    },
    run: async (ctx, _input, _none, tree) => {
      await upsertAgencyTree(ctx, tree);
      return { count: tree.length };
    },
  });
};

const importAgenciesSchema = {
  operationId: "importAgencies",
  tags: ["agencies"],
  summary: "Nhập danh mục cơ quan, đơn vị từ CSV hoặc XLSX (thêm mới hoặc cập nhật theo mã)",
  consumes: ["multipart/form-data"],
  response: { 200: z.object({ count: z.number() }), ...errorResponses },
};
