import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { agencyLevels } from "../../domain/agencyLevels.ts";
import { createdAt, tenantColumns, updatedAt } from "./columns.ts";
import { tenants } from "./tenancy.ts";

export const agencyLevel = pgEnum("agency_level", agencyLevels);

/**
 * The agency tree (Tỉnh ủy → ban; UBND tỉnh → sở; xã, phường, đặc khu). A group ("Các sở, ban,
 * ngành", "UBND cấp xã") is an agency row with isGroup: its members are listed explicitly and/or
 * by a rule (for example every agency of level "commune"), so a new commune joins the group.
 */
export const agencies = pgTable(
  "agencies",
  {
    ...tenantColumns(),
    parentId: uuid("parent_id"),
    level: agencyLevel("level").notNull(),
    name: text("name").notNull(),
    shortName: text("short_name"),
    code: text("code"),
    isGroup: boolean("is_group").notNull().default(false),
    /** For groups: which agencies belong by rule, e.g. {"levels": ["department"]}. */
    memberRule: jsonb("member_rule").$type<{ levels?: string[]; parentIds?: string[] }>(),
    /** Folded name (no diacritics, lower case) used to resolve names found in documents. */
    nameKey: text("name_key").notNull(),
    position: integer("position").notNull().default(0),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    unique("agencies_tenant_name_key").on(t.tenantId, t.nameKey),
    unique("agencies_tenant_code").on(t.tenantId, t.code),
    index("agencies_parent_idx").on(t.tenantId, t.parentId),
  ],
);

/** Other names an agency goes by in documents ("Sở KH&CN"); learnt when an importer maps a name. */
export const agencyAliases = pgTable(
  "agency_aliases",
  {
    ...tenantColumns(),
    agencyId: uuid("agency_id").notNull(),
    alias: text("alias").notNull(),
    aliasKey: text("alias_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.agencyId],
      foreignColumns: [agencies.tenantId, agencies.id],
    }).onDelete("cascade"),
    unique("agency_aliases_tenant_key").on(t.tenantId, t.aliasKey),
  ],
);

/** Explicit members of a group agency. */
export const agencyGroupMembers = pgTable(
  "agency_group_members",
  {
    tenantId: uuid("tenant_id").notNull(),
    groupId: uuid("group_id").notNull(),
    memberId: uuid("member_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.groupId, t.memberId] }),
    foreignKey({
      columns: [t.tenantId, t.groupId],
      foreignColumns: [agencies.tenantId, agencies.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.tenantId, t.memberId],
      foreignColumns: [agencies.tenantId, agencies.id],
    }).onDelete("cascade"),
  ],
);
