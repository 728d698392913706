import { eq } from "drizzle-orm";
import { totpRecoveryCodes, userTotp } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { conflict } from "../errors.ts";
import { openSecret } from "../lib/secretBox.ts";
import { acceptTotp } from "../lib/totp.ts";
import { wrongCode } from "./confirmTotpEnrolment.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { type TotpCodeInput, totpCodeInput } from "./inputs/twoFactor.ts";

/**
 * Turns the acting user's TOTP off. A current code is asked for, so that a session left open on
 * someone's desk is not enough; refused while the user's role requires TOTP.
 */
export async function disableTotp(
  ctx: CommandContext,
  user: { userId: string; totpRequired: boolean },
  raw: TotpCodeInput,
  key: Buffer | undefined,
): Promise<void> {
  const { code } = totpCodeInput.parse(raw);
  if (user.totpRequired) {
    throw conflict(
      "totp_required",
      "Vai trò của bạn bắt buộc xác thực hai lớp nên không thể tắt. Liên hệ quản trị viên nếu mất ứng dụng xác thực.",
    );
  }
  const where = inTenant(userTotp, ctx.tenantId, eq(userTotp.userId, user.userId));
  const [row] = await ctx.tx.select().from(userTotp).where(where).for("update");
  if (!row?.enabledAt) throw conflict("totp_not_enabled", "Tài khoản chưa bật xác thực hai lớp.");
  if ((await acceptTotp(openSecret(row.secret, key), code, row.lastUsedStep)) === null) throw wrongCode();
  await ctx.tx.delete(userTotp).where(where);
  await ctx.tx
    .delete(totpRecoveryCodes)
    .where(inTenant(totpRecoveryCodes, ctx.tenantId, eq(totpRecoveryCodes.userId, user.userId)));
  await recordAudit(ctx, { action: "totp.disabled", entityType: "user", entityId: user.userId });
}
