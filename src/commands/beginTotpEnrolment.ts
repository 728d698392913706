import { eq } from "drizzle-orm";
import { userTotp } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { conflict } from "../errors.ts";
import { sealSecret } from "../lib/secretBox.ts";
import { newTotpSecret, totpUri } from "../lib/totp.ts";
import { type CommandContext, recordAudit } from "./context.ts";

/**
 * Starts (or restarts) setting up an authenticator for the acting user: a new secret, pending
 * until a code from it is confirmed. Returned once, to be shown as a QR code and as text.
 */
export async function beginTotpEnrolment(
  ctx: CommandContext,
  user: { userId: string; username: string },
  key: Buffer | undefined,
): Promise<{ secret: string; uri: string }> {
  const where = inTenant(userTotp, ctx.tenantId, eq(userTotp.userId, user.userId));
  const [existing] = await ctx.tx.select({ enabledAt: userTotp.enabledAt }).from(userTotp).where(where);
  if (existing?.enabledAt) {
    throw conflict(
      "totp_already_enabled",
      "Tài khoản đã bật xác thực hai lớp. Hãy tắt trước khi thiết lập lại.",
    );
  }
  const secret = newTotpSecret();
  const sealed = sealSecret(secret, key);
  if (existing) await ctx.tx.update(userTotp).set({ secret: sealed, lastUsedStep: null }).where(where);
  else await ctx.tx.insert(userTotp).values({ tenantId: ctx.tenantId, userId: user.userId, secret: sealed });
  await recordAudit(ctx, { action: "totp.enrolment_started", entityType: "user", entityId: user.userId });
  return { secret, uri: totpUri(secret, user.username) };
}
