import { eq, inArray } from "drizzle-orm";
import { indicators, indicatorTargets, indicatorValues } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import type { Extraction } from "../ingest/extraction.ts";
import type { CommandContext } from "./context.ts";

/** Indicators by ref: updated, added, or deleted when gone and never reported on. */
export async function syncIndicators(ctx: CommandContext, planId: string, extraction: Extraction) {
  const { tx, tenantId } = ctx;
  const all = await tx
    .select({ id: indicators.id, ref: indicators.ref })
    .from(indicators)
    .where(inTenant(indicators, tenantId, eq(indicators.planId, planId)));
  const byRef = new Map(all.map((i) => [i.ref, i.id]));
  const seen = new Set<string>();
  let added = 0;
  let updated = 0;
  for (const [position, indicator] of extraction.indicators.entries()) {
    const values = {
      section: indicator.section,
      number: indicator.number,
      name: indicator.name,
      unit: indicator.unit,
      monitorsText: indicator.monitors,
      sources: indicator.sources,
      position,
    };
    let id = byRef.get(indicator.ref);
    if (id && !seen.has(id)) {
      await tx
        .update(indicators)
        .set(values)
        .where(inTenant(indicators, tenantId, eq(indicators.id, id)));
      await tx
        .delete(indicatorTargets)
        .where(inTenant(indicatorTargets, tenantId, eq(indicatorTargets.indicatorId, id)));
      updated++;
    } else {
      const [row] = await tx
        .insert(indicators)
        .values({ tenantId, planId, ref: indicator.ref, ...values })
        .returning({ id: indicators.id });
      id = row!.id;
      added++;
    }
    seen.add(id);
    if (indicator.targets.length > 0) {
      await tx.insert(indicatorTargets).values(
        indicator.targets.map((target) => ({
          tenantId,
          indicatorId: id!,
          year: target.year,
          text: target.text,
          op: target.op,
          valueNumber: typeof target.value === "number" ? String(target.value) : null,
          valueBoolean: typeof target.value === "boolean" ? target.value : null,
        })),
      );
    }
  }
  const gone = all.filter((i) => !seen.has(i.id)).map((i) => i.id);
  let deleted = 0;
  let kept = 0;
  if (gone.length > 0) {
    const withValues = new Set(
      (
        await tx
          .select({ id: indicatorValues.indicatorId })
          .from(indicatorValues)
          .where(inTenant(indicatorValues, tenantId, inArray(indicatorValues.indicatorId, gone)))
      ).map((r) => r.id),
    );
    const deletable = gone.filter((id) => !withValues.has(id));
    if (deletable.length > 0) {
      // Nested indicators (11.1 under 11) lose their parent rather than block the deletion.
      await tx
        .update(indicators)
        .set({ parentId: null })
        .where(inTenant(indicators, tenantId, inArray(indicators.parentId, deletable)));
      await tx.delete(indicators).where(inTenant(indicators, tenantId, inArray(indicators.id, deletable)));
    }
    deleted = deletable.length;
    kept = gone.length - deletable.length;
  }
  return { added, updated, deleted, keptWithValues: kept };
}
