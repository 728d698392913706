import { eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { rankingSettingsInput, rankingSettingsShape } from "../../commands/inputs/rankingSettings.ts";
import { saveRankingSettings } from "../../commands/saveRankingSettings.ts";
import type { Executor } from "../../db/client.ts";
import { agencies } from "../../db/schema/index.ts";
import { inTenant } from "../../db/tenancy.ts";
import { agencyLevels } from "../../domain/agencyLevels.ts";
import { today } from "../../domain/dates.ts";
import { riskReasons } from "../../domain/earlyWarning.ts";
import { peerGroupLabels, peerGroups, rankingBands, rankingComponents } from "../../domain/ranking.ts";
import { notFound } from "../../errors.ts";
import { evaluationPolicy } from "../../policies/evaluation.ts";
import type { Principal } from "../../policies/principal.ts";
import { taskScope } from "../../policies/task.ts";
import { atRiskQuery, listAtRisk } from "../../queries/atRisk.ts";
import { getPlan } from "../../queries/plans.ts";
import { rankAgencies, rankingSettingsOf } from "../../queries/ranking.ts";
import { asOfDate } from "../../queries/tasks.ts";
import { command, query } from "../operation.ts";
import { errorResponses } from "../schemas.ts";
import { requireSession } from "../session.ts";

/**
 * Early warning and ranking (issue 12 parts 2, 3 and 5; docs/EVALUATION.md): the at-risk list
 * scoped like every read, the ranking of agencies by peer group for a period, and the weights
 * the standing office sets.
 */
const nullableNumber = z.number().nullable();
const components = z.object(
  Object.fromEntries(rankingComponents.map((c) => [c, nullableNumber])) as Record<
    (typeof rankingComponents)[number],
    typeof nullableNumber
  >,
);

const rankingRow = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  level: z.enum(agencyLevels),
  peerGroup: z.enum(peerGroups),
  counts: z.object({
    judged: z.number(),
    doneOnTime: z.number(),
    dueSoFar: z.number(),
    overdue: z.number(),
    overdueWeight: z.number(),
    periodsDue: z.number(),
    periodsOnTime: z.number(),
    periodsReported: z.number(),
    reviewed: z.number(),
    returned: z.number(),
  }),
  components,
  score: nullableNumber,
  band: z.enum(rankingBands).nullable(),
  position: nullableNumber,
  ranked: z.number(),
  shared: z.boolean(),
  phrase: z.string(),
});

const settingsResponse = rankingSettingsShape;

const atRiskRow = z.object({
  assignmentId: z.string(),
  taskId: z.string(),
  taskRef: z.string(),
  taskTitle: z.string(),
  planId: z.string(),
  planName: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  status: z.string(),
  startOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  daysLeft: nullableNumber,
  progress: nullableNumber,
  elapsed: nullableNumber,
  returns: z.number(),
  refusedOn: z.string().nullable(),
  period: z
    .object({ startsOn: z.string(), endsOn: z.string(), cutoffOn: z.string(), label: z.string() })
    .nullable(),
  reasons: z.array(z.enum(riskReasons)),
});

const rankingQuery = z
  .object({
    planId: z.uuid().optional(),
    agencyId: z.uuid().optional().describe("Chỉ dòng của cơ quan này (vị trí vẫn tính trong nhóm)"),
    from: asOfDate.optional().describe("Từ ngày; mặc định ngày đầu năm của asOf"),
    to: asOfDate.optional().describe("Đến ngày; mặc định asOf"),
    asOf: asOfDate.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "Ngày kết thúc của kỳ đánh giá phải sau ngày bắt đầu",
    path: ["to"],
  })
  .refine((q) => !q.from || !q.to || Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) <= 10, {
    message: "Kỳ đánh giá dài tối đa 10 năm",
    path: ["to"],
  });

/** The plan and agency a request names, each a 404 when the province has no such row. */
async function loadFilters(db: Executor, tenantId: string, q: { planId?: string; agencyId?: string }) {
  if (q.planId && !(await getPlan(db, tenantId, q.planId))) throw notFound("kế hoạch");
  if (q.agencyId) {
    const [row] = await db
      .select({ id: agencies.id })
      .from(agencies)
      .where(inTenant(agencies, tenantId, eq(agencies.id, q.agencyId)));
    if (!row) throw notFound("cơ quan, đơn vị");
  }
  return { ...q };
}

const authorizeAgency = (principal: Principal, agencyId: string | undefined) =>
  agencyId ? evaluationPolicy.readAgency(principal, agencyId) : evaluationPolicy.readRanking(principal);

export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook("preHandler", requireSession(app.deps.handle.db));

  query(app, {
    method: "GET",
    url: "/api/at-risk",
    schema: {
      operationId: "listAtRisk",
      tags: ["evaluation"],
      summary:
        "Nhiệm vụ có nguy cơ chậm (cảnh báo sớm) tại ngày asOf, mỗi dòng kèm lý do và số liệu: không báo cáo cả kỳ, tiến độ chậm so với thời gian, bị từ chối gia hạn khi sắp đến hạn, báo cáo bị trả lại nhiều lần",
      querystring: atRiskQuery,
      response: {
        200: z.object({
          asOf: z.string(),
          total: z.number(),
          nextCursor: z.string().nullable(),
          items: z.array(atRiskRow),
        }),
        ...errorResponses,
      },
    },
    load: (ctx, { query }) => loadFilters(ctx.db, ctx.tenantId, query),
    authorize: (principal, _subject, { query }) => authorizeAgency(principal, query.agencyId),
    run: (ctx, { query }) =>
      listAtRisk(ctx.db, ctx.tenantId, taskScope(ctx.principal), { ...query, asOf: query.asOf ?? today() }),
  });

  query(app, {
    method: "GET",
    url: "/api/ranking",
    schema: {
      operationId: "getRanking",
      tags: ["evaluation"],
      summary:
        "Xếp hạng cơ quan, đơn vị theo nhóm (sở, ban, ngành; xã, phường; khác) trong một kỳ, theo một kế hoạch hoặc mọi kế hoạch, kèm điểm từng tiêu chí",
      querystring: rankingQuery,
      response: {
        200: z.object({
          asOf: z.string(),
          from: z.string(),
          to: z.string(),
          planId: z.string().nullable(),
          groups: z.array(z.object({ peerGroup: z.enum(peerGroups), label: z.string(), ranked: z.number() })),
          settings: settingsResponse,
          items: z.array(rankingRow),
        }),
        ...errorResponses,
      },
    },
    load: (ctx, { query }) => loadFilters(ctx.db, ctx.tenantId, query),
    authorize: (principal, _subject, { query }) => authorizeAgency(principal, query.agencyId),
    run: async (ctx, { query }) => {
      const asOf = query.asOf ?? today();
      const to = query.to ?? asOf;
      const from = query.from ?? `${to.slice(0, 4)}-01-01`;
      const settings = await rankingSettingsOf(ctx.db, ctx.tenantId);
      const rows = await rankAgencies(
        ctx.db,
        ctx.tenantId,
        { planId: query.planId, from, to, asOf },
        settings,
      );
      const groups = peerGroups.map((peerGroup) => ({
        peerGroup,
        label: peerGroupLabels[peerGroup],
        ranked: rows.find((r) => r.peerGroup === peerGroup)?.ranked ?? 0,
      }));
      const items = query.agencyId ? rows.filter((r) => r.agencyId === query.agencyId) : rows;
      return { asOf, from, to, planId: query.planId ?? null, groups, settings, items };
    },
  });

  query(app, {
    method: "GET",
    url: "/api/ranking/settings",
    schema: {
      operationId: "getRankingSettings",
      tags: ["evaluation"],
      summary: "Cách tính điểm xếp hạng của tỉnh: trọng số các tiêu chí, ngưỡng xếp loại",
      response: { 200: settingsResponse, ...errorResponses },
    },
    authorize: (principal) => evaluationPolicy.readRanking(principal),
    run: (ctx) => rankingSettingsOf(ctx.db, ctx.tenantId),
  });

  command(app, {
    method: "PUT",
    url: "/api/ranking/settings",
    schema: {
      operationId: "saveRankingSettings",
      tags: ["evaluation"],
      summary: "Lưu cách tính điểm xếp hạng của tỉnh",
      body: rankingSettingsInput,
      response: { 200: settingsResponse, ...errorResponses },
    },
    authorize: (principal) => evaluationPolicy.manageRankingSettings(principal),
    run: (ctx, { body }) => saveRankingSettings(ctx, body),
  });
};
