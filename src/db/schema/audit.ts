import { bigserial, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Who did what, when, from where, before and after. Written by each command inside its own
 * transaction, so an operation and its audit row commit or roll back together.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    tenantId: uuid("tenant_id").notNull(),
    id: bigserial("id", { mode: "number" }).notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id"),
    /** "user:…" | "cli" | "system" | "seed" */
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    requestId: text("request_id"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("audit_log_entity_idx").on(t.tenantId, t.entityType, t.entityId),
  ],
);
