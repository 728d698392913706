import { and, eq, gt } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { sessions, userRoles, users } from "../db/schema/index.ts";
import { tenantJoin } from "../db/tenancy.ts";
import { hashToken } from "../lib/sessionToken.ts";
import type { Principal, Role } from "../policies/index.ts";

/** Resolves a session token to a principal (user, tenant, agency, roles), or null. */
export async function principalFromToken(db: Executor, token: string | undefined): Promise<Principal | null> {
  if (!token) return null;
  const rows = await db
    .select({
      userId: users.id,
      tenantId: users.tenantId,
      username: users.username,
      agencyId: users.agencyId,
      disabled: users.disabled,
      role: userRoles.role,
    })
    .from(sessions)
    .innerJoin(users, tenantJoin(users.id, sessions.userId))
    .leftJoin(userRoles, tenantJoin(userRoles.userId, users.id))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date())));
  const first = rows[0];
  if (!first || first.disabled) return null;
  return {
    userId: first.userId,
    tenantId: first.tenantId,
    username: first.username,
    agencyId: first.agencyId,
    roles: rows.map((r) => r.role).filter((r): r is Role => !!r),
  };
}
