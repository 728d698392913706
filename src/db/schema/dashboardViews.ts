import { foreignKey, index, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { roleName, users } from "./accounts.ts";
import { createdAt, tenantColumns, updatedAt } from "./columns.ts";

/**
 * A dashboard configuration the standing office saved (scope, date, panels: the shape of
 * `dashboardViewConfig` in src/commands/inputs/dashboardView.ts) and the roles it is shared with.
 */
export const dashboardViews = pgTable(
  "dashboard_views",
  {
    ...tenantColumns(),
    name: text("name").notNull(),
    config: jsonb("config").notNull(),
    sharedWithRoles: roleName("shared_with_roles").array().notNull().default([]),
    ownerId: uuid("owner_id").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [users.tenantId, users.id] }),
    index("dashboard_views_owner_idx").on(t.tenantId, t.ownerId),
  ],
);
