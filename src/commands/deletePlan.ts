import { eq } from "drizzle-orm";
import { plans } from "../db/schema/index.ts";
import { refreshStatusFacts } from "../db/statusFacts.ts";
import { inTenant } from "../db/tenancy.ts";
import { conflict, notFound } from "../errors.ts";
import { type CommandContext, recordAudit } from "./context.ts";

/**
 * The standing office deletes a plan: the plan and its tasks leave every read (src/db/liveRows.ts
 * reads the plan's mark, so its tasks are not marked one by one and a restore cannot revive a
 * task deleted on its own before). Reports and audit history stay; `restorePlan` undoes it.
 */
export async function deletePlan(ctx: CommandContext, planId: string): Promise<{ planId: string }> {
  const { tx, tenantId } = ctx;
  const [plan] = await tx
    .select({ id: plans.id, name: plans.name, deletedAt: plans.deletedAt })
    .from(plans)
    .where(inTenant(plans, tenantId, eq(plans.id, planId)))
    .for("update");
  if (!plan) throw notFound("kế hoạch");
  if (plan.deletedAt) throw conflict("plan_deleted", "Kế hoạch này đã bị xóa.");
  const now = new Date();
  await tx
    .update(plans)
    .set({ deletedAt: now, deletedBy: ctx.actor.userId, updatedAt: now })
    .where(inTenant(plans, tenantId, eq(plans.id, planId)));
  await refreshStatusFacts(tx, tenantId, { planId });
  await recordAudit(ctx, {
    action: "plan.deleted",
    entityType: "plan",
    entityId: planId,
    before: { name: plan.name, deletedAt: null },
    after: { deletedAt: now.toISOString() },
  });
  return { planId };
}
