import { foreignKey, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { createdAt, tenantColumns } from "./columns.ts";

export const importState = pgEnum("import_state", ["previewed", "committed", "discarded"]);

/** An uploaded plan file and its extraction, kept between preview, correction and commit. */
export const imports = pgTable(
  "imports",
  {
    ...tenantColumns(),
    fileName: text("file_name").notNull(),
    fileSha256: text("file_sha256").notNull(),
    /** The extraction as corrected so far (the contract of src/ingest/extraction.ts). */
    extraction: jsonb("extraction").notNull(),
    state: importState("state").notNull().default("previewed"),
    planId: uuid("plan_id"),
    createdBy: uuid("created_by").notNull(),
    createdAt: createdAt(),
    committedAt: timestamp("committed_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.createdBy], foreignColumns: [users.tenantId, users.id] }),
  ],
);
