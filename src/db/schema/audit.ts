import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Who did what, when, from where, before and after. Written by each command inside its own
 * transaction, so an operation and its audit row commit or roll back together; a refused request
 * is written on its own after the rollback (src/server/operation.ts).
 *
 * Append-only and hash-chained per tenant (docs/decisions/0011-audit-chain.md): the trigger
 * `audit_log_chain` (migration 0005) fills `seq`, `prev_hash` and `hash` on insert, whatever
 * the column defaults below say, and other triggers refuse UPDATE, DELETE and TRUNCATE.
 * `dondoc audit verify` recomputes the chain.
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
    /** Position in the tenant's chain, 1, 2, 3… without gaps; set by the trigger. */
    seq: bigint("seq", { mode: "number" }).notNull().default(0),
    /** The previous row's hash (64 zeros for the first row of a tenant); set by the trigger. */
    prevHash: text("prev_hash").notNull().default(""),
    /** SHA-256 (hex) of prev_hash and the row's canonical text; set by the trigger. */
    hash: text("hash").notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("audit_log_entity_idx").on(t.tenantId, t.entityType, t.entityId),
    uniqueIndex("audit_log_chain_idx").on(t.tenantId, t.seq),
  ],
);
