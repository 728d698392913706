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

/**
 * Soft deletion: a row deleted from the interface stays (its reports, audit history and name on
 * past records with it) and can be restored; every read leaves it out.
 */
export const softDelete = () => ({
  deletedAt: timestamp("deleted_at", { withTimezone: true }),
  /** The account that deleted it; the audit row says the same, this serves the "deleted" lists. */
  deletedBy: uuid("deleted_by"),
});
