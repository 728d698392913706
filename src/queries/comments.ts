import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { agencies, directiveComments, userRoles, users } from "../db/schema/index.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";
import type { Role } from "../domain/roles.ts";

/** Directive comments on a task, oldest first, with each author's name, agency and roles. */
export async function listDirectiveComments(db: Executor, tenantId: string, taskId: string) {
  const rows = await db
    .select({
      id: directiveComments.id,
      body: directiveComments.body,
      createdAt: directiveComments.createdAt,
      authorId: users.id,
      authorName: users.displayName,
      agencyName: agencies.name,
    })
    .from(directiveComments)
    .innerJoin(users, tenantJoin(users.id, directiveComments.authorId))
    .leftJoin(agencies, tenantJoin(agencies.id, users.agencyId))
    .where(inTenant(directiveComments, tenantId, eq(directiveComments.taskId, taskId)))
    .orderBy(asc(directiveComments.createdAt), asc(directiveComments.id));
  const authorIds = [...new Set(rows.map((r) => r.authorId))];
  const roles = authorIds.length
    ? await db
        .select({ userId: userRoles.userId, role: userRoles.role })
        .from(userRoles)
        .where(inTenant(userRoles, tenantId, inArray(userRoles.userId, authorIds)))
    : [];
  const rolesOf = new Map<string, Role[]>();
  for (const r of roles) rolesOf.set(r.userId, [...(rolesOf.get(r.userId) ?? []), r.role]);
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    createdAt: r.createdAt.toISOString(),
    author: {
      id: r.authorId,
      displayName: r.authorName,
      agencyName: r.agencyName,
      roles: rolesOf.get(r.authorId) ?? [],
    },
  }));
}
