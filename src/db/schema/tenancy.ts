import { sql } from "drizzle-orm";
import { pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns.ts";

export const tenantKind = pgEnum("tenant_kind", ["central", "province"]);

/** A province (or the central level): the unit by which data is owned, scoped and distributed. */
export const tenants = pgTable("tenants", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  kind: tenantKind("kind").notNull().default("province"),
  createdAt: createdAt(),
});
