import {
  boolean,
  date,
  foreignKey,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { targetOps } from "../../domain/indicatorTarget.ts";
import { users } from "./accounts.ts";
import { agencies } from "./agencies.ts";
import { createdAt, tenantColumns } from "./columns.ts";
import { plans } from "./plans.ts";

/** Stock: a value at the reporting date; flow: a value within the period. Decides aggregation. */
export const indicatorValueKind = pgEnum("indicator_value_kind", ["stock", "flow"]);
export const indicatorAggregation = pgEnum("indicator_aggregation", [
  "none",
  "sum",
  "average",
  "ratio_of_sums",
]);

/** Chỉ tiêu; nests (11 → 11.1, 11.2) through parentId. */
export const indicators = pgTable(
  "indicators",
  {
    ...tenantColumns(),
    planId: uuid("plan_id").notNull(),
    parentId: uuid("parent_id"),
    section: text("section"),
    number: text("number").notNull(),
    ref: text("ref").notNull(),
    name: text("name").notNull(),
    unit: text("unit").notNull().default(""),
    valueKind: indicatorValueKind("value_kind").notNull().default("stock"),
    aggregation: indicatorAggregation("aggregation").notNull().default("none"),
    monitorsText: jsonb("monitors_text").$type<string[]>().notNull().default([]),
    sources: jsonb("sources").$type<string[]>().notNull().default([]),
    position: integer("position").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    unique("indicators_plan_ref").on(t.tenantId, t.planId, t.ref),
  ],
);

/** The monitoring agencies (Cơ quan chủ trì theo dõi, đánh giá) of an indicator. */
export const indicatorMonitors = pgTable(
  "indicator_monitors",
  {
    tenantId: uuid("tenant_id").notNull(),
    indicatorId: uuid("indicator_id").notNull(),
    agencyId: uuid("agency_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.indicatorId, t.agencyId] }),
    foreignKey({
      columns: [t.tenantId, t.indicatorId],
      foreignColumns: [indicators.tenantId, indicators.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.tenantId, t.agencyId], foreignColumns: [agencies.tenantId, agencies.id] }),
  ],
);

export const targetOp = pgEnum("target_op", targetOps);

export const indicatorTargets = pgTable(
  "indicator_targets",
  {
    ...tenantColumns(),
    indicatorId: uuid("indicator_id").notNull(),
    year: smallint("year").notNull(),
    text: text("text").notNull(),
    op: targetOp("op"),
    valueNumber: numeric("value_number"),
    valueBoolean: boolean("value_boolean"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.indicatorId],
      foreignColumns: [indicators.tenantId, indicators.id],
    }).onDelete("cascade"),
    unique("indicator_targets_year").on(t.tenantId, t.indicatorId, t.year),
  ],
);

/** An actual value reported for a period (and an agency, when measured per agency or commune). */
export const indicatorValues = pgTable(
  "indicator_values",
  {
    ...tenantColumns(),
    indicatorId: uuid("indicator_id").notNull(),
    agencyId: uuid("agency_id"),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    valueNumber: numeric("value_number"),
    valueBoolean: boolean("value_boolean"),
    valueText: text("value_text"),
    /** For ratio indicators: numerator and denominator, so ratios roll up as a ratio of sums. */
    numerator: numeric("numerator"),
    denominator: numeric("denominator"),
    note: text("note").notNull().default(""),
    reportedBy: uuid("reported_by").notNull(),
    reportedAt: timestamp("reported_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.indicatorId],
      foreignColumns: [indicators.tenantId, indicators.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.tenantId, t.agencyId], foreignColumns: [agencies.tenantId, agencies.id] }),
    foreignKey({ columns: [t.tenantId, t.reportedBy], foreignColumns: [users.tenantId, users.id] }),
  ],
);
