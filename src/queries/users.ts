import { and, eq } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { agencies, users } from "../db/schema/index.ts";
import type { Principal } from "../policies/index.ts";

export async function userProfile(db: Executor, principal: Principal) {
  const [row] = await db
    .select({
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      agencyId: users.agencyId,
      agencyName: agencies.name,
    })
    .from(users)
    .leftJoin(agencies, and(eq(agencies.tenantId, users.tenantId), eq(agencies.id, users.agencyId)))
    .where(and(eq(users.tenantId, principal.tenantId), eq(users.id, principal.userId)));
  return row!;
}
