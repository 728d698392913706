import { eq, isNull, type SQL } from "drizzle-orm";
import { alias, PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { assignments, tasks, tenants } from "./schema/index.ts";
import { inTenant, sameTenant, tenantJoin } from "./tenancy.ts";

const dialect = new PgDialect();
const render = (condition: SQL) => dialect.sqlToQuery(condition);

describe("tenant joins and filters", () => {
  it("joins on the key and on the tenant of the key columns' own tables", () => {
    expect(render(tenantJoin(tasks.id, assignments.taskId)).sql).toBe(
      '("tasks"."tenant_id" = "assignments"."tenant_id" and "tasks"."id" = "assignments"."task_id")',
    );
    expect(render(sameTenant(tasks, assignments)).sql).toBe(
      '"tasks"."tenant_id" = "assignments"."tenant_id"',
    );
  });

  it("takes the tenant of an alias from the alias, and adds the other conditions", () => {
    const own = alias(tasks, "own_task");
    expect(render(tenantJoin(own.id, assignments.taskId, isNull(own.removedAt))).sql).toBe(
      '("own_task"."tenant_id" = "assignments"."tenant_id" and "own_task"."id" = "assignments"."task_id"' +
        ' and "own_task"."removed_at" is null)',
    );
  });

  it("starts a filter with the province", () => {
    const query = render(inTenant(tasks, "t-1", eq(tasks.id, "x"), undefined));
    expect(query.sql).toBe('("tasks"."tenant_id" = $1 and "tasks"."id" = $2)');
    expect(query.params).toEqual(["t-1", "x"]);
  });

  it("refuses a table without tenant_id", () => {
    expect(() => tenantJoin(tenants.id, assignments.tenantId)).toThrow(/tenants has no tenant_id/);
  });
});
