import { foreignKey, jsonb, pgTable, uuid } from "drizzle-orm/pg-core";
import type { RankingSettings } from "../../domain/ranking.ts";
import { updatedAt } from "./columns.ts";
import { tenants } from "./tenancy.ts";

/**
 * A province's ranking settings (weights of the score's components, the overdue age cap, the
 * bands), set by the standing office or an administrator. No row: the defaults of
 * src/domain/ranking.ts. Stored whole as JSON, validated by the command's zod input on the way in.
 */
export const rankingSettings = pgTable(
  "ranking_settings",
  {
    tenantId: uuid("tenant_id").primaryKey(),
    settings: jsonb("settings").$type<RankingSettings>().notNull(),
    updatedBy: uuid("updated_by"),
    updatedAt: updatedAt(),
  },
  (t) => [foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] })],
);
