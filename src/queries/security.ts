import { and, count, eq, gt, isNull, or } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import {
  loginChallenges,
  loginThrottles,
  tenantSecuritySettings,
  totpRecoveryCodes,
  users,
  userTotp,
} from "../db/schema/index.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";
import { retryAfterSeconds, type ThrottleKind } from "../domain/loginThrottle.ts";
import { hashToken } from "../lib/sessionToken.ts";
import type { Role } from "../policies/index.ts";

/** The roles a province requires TOTP of (none until an administrator says). */
export async function securitySettings(
  db: Executor,
  tenantId: string,
): Promise<{ totpRequiredRoles: Role[] }> {
  const [row] = await db
    .select({ roles: tenantSecuritySettings.totpRequiredRoles })
    .from(tenantSecuritySettings)
    .where(eq(tenantSecuritySettings.tenantId, tenantId));
  return { totpRequiredRoles: row?.roles ?? [] };
}

/** The longest lock among the account name and the address a login comes from, or null. */
export async function activeLoginLock(
  db: Executor,
  keys: { username: string; ip: string },
  now: Date,
): Promise<{ kind: ThrottleKind; retryAfter: number } | null> {
  const rows = await db
    .select({ kind: loginThrottles.kind, lockedUntil: loginThrottles.lockedUntil })
    .from(loginThrottles)
    .where(
      and(
        gt(loginThrottles.lockedUntil, now),
        or(
          and(eq(loginThrottles.kind, "account"), eq(loginThrottles.subject, keys.username)),
          and(eq(loginThrottles.kind, "address"), eq(loginThrottles.subject, keys.ip)),
        ),
      ),
    );
  let worst: { kind: ThrottleKind; retryAfter: number } | null = null;
  for (const row of rows) {
    const retryAfter = retryAfterSeconds(row.lockedUntil, now);
    if (retryAfter > 0 && (!worst || retryAfter > worst.retryAfter)) {
      worst = { kind: row.kind as ThrottleKind, retryAfter };
    }
  }
  return worst;
}

/** A pending second login step by its token, with the account it is for; null when unusable. */
export async function loginChallenge(db: Executor, token: string, now: Date) {
  const [row] = await db
    .select({
      id: loginChallenges.id,
      tenantId: loginChallenges.tenantId,
      userId: loginChallenges.userId,
      attempts: loginChallenges.attempts,
      username: users.username,
      disabled: users.disabled,
    })
    .from(loginChallenges)
    .innerJoin(users, tenantJoin(users.id, loginChallenges.userId))
    .where(and(eq(loginChallenges.tokenHash, hashToken(token)), gt(loginChallenges.expiresAt, now)));
  return row && !row.disabled ? row : null;
}

/** A user's authenticator (enabled or pending), with how many recovery codes are left. */
export async function totpState(db: Executor, tenantId: string, userId: string) {
  const [row] = await db
    .select({ secret: userTotp.secret, enabledAt: userTotp.enabledAt, lastUsedStep: userTotp.lastUsedStep })
    .from(userTotp)
    .where(inTenant(userTotp, tenantId, eq(userTotp.userId, userId)));
  const [codes] = await db
    .select({ left: count() })
    .from(totpRecoveryCodes)
    .where(
      inTenant(
        totpRecoveryCodes,
        tenantId,
        eq(totpRecoveryCodes.userId, userId),
        isNull(totpRecoveryCodes.usedAt),
      ),
    );
  return row ? { ...row, recoveryCodesLeft: codes?.left ?? 0 } : null;
}
