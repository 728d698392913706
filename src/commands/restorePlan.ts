import { eq } from "drizzle-orm";
import { plans } from "../db/schema/index.ts";
import { refreshStatusFacts } from "../db/statusFacts.ts";
import { inTenant } from "../db/tenancy.ts";
import { conflict, notFound } from "../errors.ts";
import { type CommandContext, recordAudit } from "./context.ts";

/** Undoes `deletePlan`: the plan and its tasks (those not deleted on their own) count again. */
export async function restorePlan(ctx: CommandContext, planId: string): Promise<{ planId: string }> {
  const { tx, tenantId } = ctx;
  const [plan] = await tx
    .select({ id: plans.id, name: plans.name, deletedAt: plans.deletedAt })
    .from(plans)
    .where(inTenant(plans, tenantId, eq(plans.id, planId)))
    .for("update");
  if (!plan) throw notFound("kế hoạch");
  if (!plan.deletedAt) throw conflict("plan_not_deleted", "Kế hoạch này chưa bị xóa.");
  await tx
    .update(plans)
    .set({ deletedAt: null, deletedBy: null, updatedAt: new Date() })
    .where(inTenant(plans, tenantId, eq(plans.id, planId)));
  await refreshStatusFacts(tx, tenantId, { planId });
  await recordAudit(ctx, {
    action: "plan.restored",
    entityType: "plan",
    entityId: planId,
    before: { name: plan.name, deletedAt: plan.deletedAt.toISOString() },
    after: { deletedAt: null },
  });
  return { planId };
}
