import { asc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { agencies, userRoles, users } from "../db/schema/index.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";
import type { Principal, Role } from "../policies/index.ts";

export async function userProfile(db: Executor, principal: Principal) {
  const [row] = await db
    .select({
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      agencyId: users.agencyId,
      agencyName: agencies.name,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .leftJoin(agencies, tenantJoin(agencies.id, users.agencyId))
    .where(inTenant(users, principal.tenantId, eq(users.id, principal.userId)));
  return row!;
}

/**
 * Every account of the province with its roles and agency, for the administrators' list; the
 * deleted ones only when asked for (the list to restore from).
 */
export async function listUsers(db: Executor, tenantId: string, options: { deleted?: boolean } = {}) {
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      email: users.email,
      agencyId: users.agencyId,
      agencyName: agencies.name,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
      deletedAt: users.deletedAt,
    })
    .from(users)
    .leftJoin(agencies, tenantJoin(agencies.id, users.agencyId))
    .where(inTenant(users, tenantId, options.deleted ? isNotNull(users.deletedAt) : isNull(users.deletedAt)))
    .orderBy(asc(users.username));
  const roleRows = await db
    .select({ userId: userRoles.userId, role: userRoles.role })
    .from(userRoles)
    .where(inTenant(userRoles, tenantId));
  return rows.map((row) => ({
    ...row,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    roles: roleRows.filter((r) => r.userId === row.id).map((r) => r.role as Role),
  }));
}

/** An account of the province, for the operations an administrator runs on it; null when absent. */
export async function findUser(db: Executor, tenantId: string, userId: string) {
  const [row] = await db
    .select({ id: users.id, username: users.username, disabled: users.disabled })
    .from(users)
    .where(inTenant(users, tenantId, eq(users.id, userId)));
  return row ?? null;
}
