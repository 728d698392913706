import { rankingSettings } from "../db/schema/index.ts";
import type { RankingSettings } from "../domain/ranking.ts";
import { rankingSettingsOf } from "../queries/ranking.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { type RankingSettingsInput, rankingSettingsInput } from "./inputs/rankingSettings.ts";

/** Sets how the province's ranking score is computed (weights, overdue age cap, bands). */
export async function saveRankingSettings(
  ctx: CommandContext,
  raw: RankingSettingsInput,
): Promise<RankingSettings> {
  const settings: RankingSettings = rankingSettingsInput.parse(raw);
  const before = await rankingSettingsOf(ctx.tx, ctx.tenantId);
  await ctx.tx
    .insert(rankingSettings)
    .values({ tenantId: ctx.tenantId, settings, updatedBy: ctx.actor.userId })
    .onConflictDoUpdate({
      target: rankingSettings.tenantId,
      set: { settings, updatedBy: ctx.actor.userId, updatedAt: new Date() },
    });
  await recordAudit(ctx, {
    action: "ranking.settings_saved",
    entityType: "tenant",
    entityId: ctx.tenantId,
    before,
    after: settings,
  });
  return settings;
}
