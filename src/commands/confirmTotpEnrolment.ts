import { eq } from "drizzle-orm";
import { totpRecoveryCodes, userTotp } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { RECOVERY_CODE_COUNT } from "../domain/twoFactor.ts";
import { conflict, invalid } from "../errors.ts";
import { hashRecoveryCode, newRecoveryCodes } from "../lib/recoveryCodes.ts";
import { openSecret } from "../lib/secretBox.ts";
import { acceptTotp } from "../lib/totp.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { type TotpCodeInput, totpCodeInput } from "./inputs/twoFactor.ts";

export const wrongCode = () =>
  invalid("invalid_totp_code", "Mã xác thực không đúng hoặc đã được dùng. Hãy nhập mã mới trên ứng dụng.");

/**
 * Turns TOTP on once the user proves the authenticator works with a current code, and hands out
 * fresh recovery codes: returned this once, stored only as hashes.
 */
export async function confirmTotpEnrolment(
  ctx: CommandContext,
  userId: string,
  raw: TotpCodeInput,
  key: Buffer | undefined,
): Promise<{ recoveryCodes: string[] }> {
  const { code } = totpCodeInput.parse(raw);
  const where = inTenant(userTotp, ctx.tenantId, eq(userTotp.userId, userId));
  const [row] = await ctx.tx.select().from(userTotp).where(where).for("update");
  if (!row) throw conflict("totp_not_started", "Chưa bắt đầu thiết lập xác thực hai lớp.");
  if (row.enabledAt) throw conflict("totp_already_enabled", "Tài khoản đã bật xác thực hai lớp.");
  const step = await acceptTotp(openSecret(row.secret, key), code, row.lastUsedStep);
  if (step === null) throw wrongCode();
  const now = new Date();
  await ctx.tx.update(userTotp).set({ enabledAt: now, lastUsedStep: step }).where(where);
  const recoveryCodes = newRecoveryCodes(RECOVERY_CODE_COUNT);
  await ctx.tx
    .delete(totpRecoveryCodes)
    .where(inTenant(totpRecoveryCodes, ctx.tenantId, eq(totpRecoveryCodes.userId, userId)));
  await ctx.tx
    .insert(totpRecoveryCodes)
    .values(
      recoveryCodes.map((code) => ({ tenantId: ctx.tenantId, userId, codeHash: hashRecoveryCode(code) })),
    );
  await recordAudit(ctx, {
    action: "totp.enabled",
    entityType: "user",
    entityId: userId,
    after: { recoveryCodes: RECOVERY_CODE_COUNT },
  });
  return { recoveryCodes };
}
