import { sql } from "drizzle-orm";
import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { roleName, users } from "./accounts.ts";
import { createdAt, tenantColumns, updatedAt } from "./columns.ts";
import { tenants } from "./tenancy.ts";

/**
 * Failed logins per account name and per client address, kept in the database so that every
 * server process behind a load balancer sees the same lockout. Not a province's data: a login
 * names no province until it succeeds (usernames are unique system-wide), so this table alone
 * has no tenant_id.
 */
export const loginThrottles = pgTable(
  "login_throttles",
  {
    /** "account" (the attempted username, known or not) or "address" (the client's IP). */
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    failures: integer("failures").notNull().default(0),
    lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.kind, t.subject] })],
);

/**
 * A user's TOTP authenticator: `secret` is written by src/lib/secretBox.ts (AES-256-GCM when a
 * key is configured). A row without `enabledAt` is an enrolment not yet confirmed with a code.
 * `lastUsedStep` is the time step of the last accepted code: a code is never accepted twice.
 */
export const userTotp = pgTable(
  "user_totp",
  {
    tenantId: uuid("tenant_id").notNull(),
    userId: uuid("user_id").notNull(),
    secret: text("secret").notNull(),
    enabledAt: timestamp("enabled_at", { withTimezone: true }),
    lastUsedStep: integer("last_used_step"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete(
      "cascade",
    ),
  ],
);

/** One-time recovery codes, stored as SHA-256 (they are long random strings, not passwords). */
export const totpRecoveryCodes = pgTable(
  "totp_recovery_codes",
  {
    ...tenantColumns(),
    userId: uuid("user_id").notNull(),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete(
      "cascade",
    ),
    index("totp_recovery_codes_user_idx").on(t.tenantId, t.userId),
  ],
);

/**
 * The second step of a login: the password was right, a TOTP code is still due. The client holds
 * the random challenge; the table its SHA-256, with a short life and a few attempts.
 */
export const loginChallenges = pgTable(
  "login_challenges",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    tokenHash: text("token_hash").notNull().unique(),
    tenantId: uuid("tenant_id").notNull(),
    userId: uuid("user_id").notNull(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete(
      "cascade",
    ),
  ],
);

/** A province's security settings, set by its administrators. */
export const tenantSecuritySettings = pgTable(
  "tenant_security_settings",
  {
    tenantId: uuid("tenant_id").primaryKey(),
    /** Holders of any of these roles must use a TOTP authenticator. */
    totpRequiredRoles: roleName("totp_required_roles").array().notNull().default(sql`'{}'`),
    updatedAt: updatedAt(),
  },
  (t) => [foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] })],
);
