import { and, eq, gt } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { sessions, tenantSecuritySettings, userRoles, users, userTotp } from "../db/schema/index.ts";
import { tenantJoin } from "../db/tenancy.ts";
import { totpRequiredFor } from "../domain/twoFactor.ts";
import { hashToken } from "../lib/sessionToken.ts";
import type { Principal, Role } from "../policies/index.ts";

/** A live session: who it belongs to and what the account still owes before it may work. */
export interface SessionView {
  sessionId: string;
  lastSeenAt: Date;
  principal: Principal;
  /** An issued or reset password not yet replaced by the user. */
  mustChangePassword: boolean;
  totpEnabled: boolean;
  /** The province requires TOTP of one of the user's roles. */
  totpRequired: boolean;
}

/**
 * Resolves a session token to its session, or null when there is none, it has passed its absolute
 * end, or it has been idle longer than `idleMinutes`, or the account is locked.
 */
export async function sessionFromToken(
  db: Executor,
  token: string | undefined,
  options: { now?: Date; idleMinutes?: number } = {},
): Promise<SessionView | null> {
  if (!token) return null;
  const now = options.now ?? new Date();
  const rows = await db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      tenantId: users.tenantId,
      username: users.username,
      agencyId: users.agencyId,
      disabled: users.disabled,
      deletedAt: users.deletedAt,
      mustChangePassword: users.mustChangePassword,
      totpEnabledAt: userTotp.enabledAt,
      totpRoles: tenantSecuritySettings.totpRequiredRoles,
      role: userRoles.role,
    })
    .from(sessions)
    .innerJoin(users, tenantJoin(users.id, sessions.userId))
    .leftJoin(userRoles, tenantJoin(userRoles.userId, users.id))
    .leftJoin(userTotp, tenantJoin(userTotp.userId, users.id))
    .leftJoin(tenantSecuritySettings, eq(tenantSecuritySettings.tenantId, users.tenantId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)));
  const first = rows[0];
  if (!first || first.disabled || first.deletedAt) return null;
  if (options.idleMinutes && now.getTime() - first.lastSeenAt.getTime() > options.idleMinutes * 60_000) {
    return null;
  }
  const roles = rows.map((r) => r.role).filter((r): r is Role => !!r);
  return {
    sessionId: first.sessionId,
    lastSeenAt: first.lastSeenAt,
    principal: {
      userId: first.userId,
      tenantId: first.tenantId,
      username: first.username,
      agencyId: first.agencyId,
      roles,
    },
    mustChangePassword: first.mustChangePassword,
    totpEnabled: !!first.totpEnabledAt,
    totpRequired: totpRequiredFor(roles, first.totpRoles ?? []),
  };
}

/** Resolves a session token to a principal (user, tenant, agency, roles), or null. */
export async function principalFromToken(db: Executor, token: string | undefined): Promise<Principal | null> {
  return (await sessionFromToken(db, token))?.principal ?? null;
}
