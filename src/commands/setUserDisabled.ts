import { eq } from "drizzle-orm";
import { sessions, users } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { invalid, notFound } from "../errors.ts";
import { type CommandContext, recordAudit } from "./context.ts";

/** Locks or unlocks an account; locking also ends its open sessions at once. */
export async function setUserDisabled(ctx: CommandContext, userId: string, disabled: boolean) {
  if (disabled && ctx.actor.userId === userId) {
    throw invalid("cannot_disable_self", "Không thể tự khóa tài khoản của chính mình.");
  }
  const [before] = await ctx.tx
    .select({ disabled: users.disabled, username: users.username })
    .from(users)
    .where(inTenant(users, ctx.tenantId, eq(users.id, userId)));
  if (!before) throw notFound("tài khoản");
  await ctx.tx
    .update(users)
    .set({ disabled, updatedAt: new Date() })
    .where(inTenant(users, ctx.tenantId, eq(users.id, userId)));
  if (disabled) {
    await ctx.tx.delete(sessions).where(inTenant(sessions, ctx.tenantId, eq(sessions.userId, userId)));
  }
  await recordAudit(ctx, {
    action: disabled ? "user.disable" : "user.enable",
    entityType: "user",
    entityId: userId,
    before: { disabled: before.disabled },
    after: { disabled },
  });
}
