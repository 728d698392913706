import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { loginChallenges, totpRecoveryCodes, userTotp } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { LOGIN_CHALLENGE_ATTEMPTS } from "../domain/twoFactor.ts";
import { hashRecoveryCode } from "../lib/recoveryCodes.ts";
import { openSecret } from "../lib/secretBox.ts";
import { acceptTotp } from "../lib/totp.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import type { TotpLoginInput } from "./inputs/twoFactor.ts";

export type SecondFactorOutcome =
  | { ok: true; method: "totp" | "recovery_code" }
  | { ok: false; factor: "totp" | "recovery_code" };

/**
 * Checks the second step of a login against a pending challenge: a TOTP code of a time step not
 * used before (the step is kept, so a code seen over a shoulder cannot be replayed), or an unused
 * recovery code (then spent). Success consumes the challenge; a failure spends one of its attempts
 * and the last attempt ends it. Returns instead of throwing, so that the caller's transaction
 * commits the spent attempt with the failure's audit row.
 */
export async function verifySecondFactor(
  ctx: CommandContext,
  challenge: { id: string; userId: string },
  input: TotpLoginInput,
  key: Buffer | undefined,
): Promise<SecondFactorOutcome> {
  const ok = input.recoveryCode
    ? await spendRecoveryCode(ctx, challenge.userId, input.recoveryCode)
    : await acceptCode(ctx, challenge.userId, input.code ?? "", key);
  const method = input.recoveryCode ? "recovery_code" : "totp";
  if (ok) {
    await ctx.tx.delete(loginChallenges).where(eq(loginChallenges.id, challenge.id));
    if (method === "recovery_code") {
      await recordAudit(ctx, {
        action: "totp.recovery_code_used",
        entityType: "user",
        entityId: challenge.userId,
      });
    }
    return { ok: true, method };
  }
  await ctx.tx
    .update(loginChallenges)
    .set({ attempts: sql`${loginChallenges.attempts} + 1` })
    .where(eq(loginChallenges.id, challenge.id));
  await ctx.tx
    .delete(loginChallenges)
    .where(
      and(
        eq(loginChallenges.id, challenge.id),
        sql`${loginChallenges.attempts} >= ${LOGIN_CHALLENGE_ATTEMPTS}`,
      ),
    );
  return { ok: false, factor: method };
}

async function acceptCode(ctx: CommandContext, userId: string, code: string, key: Buffer | undefined) {
  const where = inTenant(userTotp, ctx.tenantId, eq(userTotp.userId, userId));
  const [row] = await ctx.tx.select().from(userTotp).where(where).for("update");
  if (!row?.enabledAt) return false;
  const step = await acceptTotp(openSecret(row.secret, key), code, row.lastUsedStep);
  if (step === null) return false;
  // Conditional on the stored step, so that two requests racing with one code cannot both pass.
  const moved = await ctx.tx
    .update(userTotp)
    .set({ lastUsedStep: step })
    .where(and(where, or(isNull(userTotp.lastUsedStep), lt(userTotp.lastUsedStep, step))))
    .returning({ step: userTotp.lastUsedStep });
  return moved.length === 1;
}

async function spendRecoveryCode(ctx: CommandContext, userId: string, code: string) {
  const spent = await ctx.tx
    .update(totpRecoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      inTenant(
        totpRecoveryCodes,
        ctx.tenantId,
        eq(totpRecoveryCodes.userId, userId),
        eq(totpRecoveryCodes.codeHash, hashRecoveryCode(code)),
        isNull(totpRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: totpRecoveryCodes.id });
  return spent.length === 1;
}
