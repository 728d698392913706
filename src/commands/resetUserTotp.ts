import { eq } from "drizzle-orm";
import { loginChallenges, totpRecoveryCodes, users, userTotp } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { notFound } from "../errors.ts";
import { type CommandContext, recordAudit } from "./context.ts";

/**
 * An administrator removes a user's authenticator (lost phone, no recovery code left): the user
 * logs in with the password alone and, where the role requires it, enrols again at once.
 */
export async function resetUserTotp(ctx: CommandContext, userId: string): Promise<void> {
  const [user] = await ctx.tx
    .select({ id: users.id })
    .from(users)
    .where(inTenant(users, ctx.tenantId, eq(users.id, userId)));
  if (!user) throw notFound("tài khoản");
  const removed = await ctx.tx
    .delete(userTotp)
    .where(inTenant(userTotp, ctx.tenantId, eq(userTotp.userId, userId)))
    .returning({ enabledAt: userTotp.enabledAt });
  await ctx.tx
    .delete(totpRecoveryCodes)
    .where(inTenant(totpRecoveryCodes, ctx.tenantId, eq(totpRecoveryCodes.userId, userId)));
  await ctx.tx
    .delete(loginChallenges)
    .where(inTenant(loginChallenges, ctx.tenantId, eq(loginChallenges.userId, userId)));
  await recordAudit(ctx, {
    action: "totp.reset",
    entityType: "user",
    entityId: userId,
    before: { totpEnabled: !!removed[0]?.enabledAt },
    after: { totpEnabled: false },
  });
}
