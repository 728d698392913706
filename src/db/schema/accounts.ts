import { sql } from "drizzle-orm";
import {
  boolean,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { roles } from "../../domain/roles.ts";
import { agencies } from "./agencies.ts";
import { createdAt, softDelete, tenantColumns, updatedAt } from "./columns.ts";
import { tenants } from "./tenancy.ts";

/** Accounts are issued by administrators (no self sign-up). Usernames are unique system-wide. */
export const users = pgTable(
  "users",
  {
    ...tenantColumns(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    email: text("email"),
    /** argon2id hash. */
    passwordHash: text("password_hash").notNull(),
    /** The agency the user works for; officers and heads see only what it holds. */
    agencyId: uuid("agency_id"),
    disabled: boolean("disabled").notNull().default(false),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    ...softDelete(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }),
    foreignKey({ columns: [t.tenantId, t.agencyId], foreignColumns: [agencies.tenantId, agencies.id] }),
    unique("users_username").on(t.username),
  ],
);

export const roleName = pgEnum("role_name", roles);

export const userRoles = pgTable(
  "user_roles",
  {
    tenantId: uuid("tenant_id").notNull(),
    userId: uuid("user_id").notNull(),
    role: roleName("role").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.role] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete(
      "cascade",
    ),
  ],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    tokenHash: text("token_hash").notNull().unique(),
    tenantId: uuid("tenant_id").notNull(),
    userId: uuid("user_id").notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete(
      "cascade",
    ),
    index("sessions_user_idx").on(t.tenantId, t.userId),
  ],
);
