import { eq } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { tenants } from "../db/schema/index.ts";

/** Returns the tenant's id, creating the tenant on first start. */
export async function ensureTenant(db: Executor, tenant: { code: string; name: string }): Promise<string> {
  const existing = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.code, tenant.code));
  if (existing[0]) return existing[0].id;
  const inserted = await db
    .insert(tenants)
    .values({ code: tenant.code, name: tenant.name, kind: "province" })
    .onConflictDoNothing()
    .returning({ id: tenants.id });
  if (inserted[0]) return inserted[0].id;
  const again = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.code, tenant.code));
  return again[0]!.id;
}
