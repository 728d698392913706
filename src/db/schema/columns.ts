import { sql } from "drizzle-orm";
import { timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Every table that holds a province's data carries `tenant_id` and has (tenant_id, id) as its
 * primary key, and references other tenant rows by (tenant_id, x_id). That is what a distributed
 * PostgreSQL (Citus) needs to co-locate a province's rows by that key, and it makes a query that
 * forgets the tenant impossible to join across provinces by accident.
 */
export const tenantColumns = () => ({
  tenantId: uuid("tenant_id").notNull(),
  id: uuid("id").notNull().default(sql`gen_random_uuid()`),
});

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
