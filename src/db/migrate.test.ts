import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing/database.ts";
import type { DatabaseHandle } from "./client.ts";
import { migrate, migrationStatus, rowsOf } from "./migrate.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe("migrations", () => {
  it("are all applied, and applying again changes nothing", async () => {
    const before = await migrationStatus(handle);
    expect(before.applied).toBe(before.known);
    expect(before.known).toBeGreaterThan(0);
    await migrate(handle);
    expect(await migrationStatus(handle)).toEqual(before);
  });

  it("give every table of province data a tenant key", async () => {
    const result = await handle.db.execute(sql`
      select t.table_name,
             bool_or(c.column_name = 'tenant_id') as has_tenant
      from information_schema.tables t
      join information_schema.columns c on c.table_schema = t.table_schema and c.table_name = t.table_name
      where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
      group by t.table_name`);
    const tables = rowsOf<{ table_name: string; has_tenant: boolean }>(result);
    const names = tables.map((t) => t.table_name);
    for (const wanted of [
      "documents",
      "agencies",
      "agency_aliases",
      "plans",
      "plan_sections",
      "tasks",
      "task_links",
      "assignments",
      "deadline_changes",
      "reporting_periods",
      "progress_reports",
      "evidence",
      "reviews",
      "indicators",
      "indicator_targets",
      "indicator_values",
      "users",
      "user_roles",
      "sessions",
      "notifications",
      "feedback_items",
      "audit_log",
    ]) {
      expect(names).toContain(wanted);
    }
    const withoutTenant = tables.filter((t) => !t.has_tenant).map((t) => t.table_name);
    // login_throttles counts failures per username and address before any province is known
    // (usernames are unique system-wide): like tenants, a reference table under Citus.
    expect(withoutTenant.sort()).toEqual(["login_throttles", "tenants"]);
  });
});
