import { defineConfig } from "drizzle-kit";

// One migration history for PGlite and PostgreSQL: generated SQL in ./drizzle, applied by src/db/migrate.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema/index.ts",
  out: "./drizzle",
});
