import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { assignments, tasks } from "../db/schema/index.ts";
import { agencyInScope, heldBy, taskInScope } from "./scopeSql.ts";

const render = (condition: ReturnType<typeof sql>) => new PgDialect().sqlToQuery(condition);
const squash = (text: string) => text.replace(/\s+/g, " ");
const agency = "5b0c7c1e-0000-4000-8000-000000000001";

describe("task scope as SQL", () => {
  it("is true for the whole province", () => {
    expect(render(taskInScope({ kind: "all" }, tasks)).sql).toBe("true");
    expect(render(agencyInScope({ kind: "all" }, assignments.agencyId)).sql).toBe("true");
  });

  it("keeps the tasks an agency holds, on a table or on a raw alias", () => {
    const onTable = render(taskInScope({ kind: "agencies", agencyIds: [agency] }, tasks));
    expect(squash(onTable.sql)).toBe(
      'exists (select 1 from assignments held where held.tenant_id = "tasks"."tenant_id"' +
        ' and held.task_id = "tasks"."id" and held.agency_id in ($1::uuid))',
    );
    expect(onTable.params).toEqual([agency]);
    const onAlias = render(heldBy({ tenantId: sql`t.tenant_id`, id: sql`t.id` }, [agency], "lead"));
    expect(squash(onAlias.sql)).toContain(
      "held.task_id = t.id and held.agency_id in ($1::uuid) and held.role = $2",
    );
  });

  it("matches nothing for an agency scope without an agency", () => {
    const query = render(agencyInScope({ kind: "agencies", agencyIds: [] }, assignments.agencyId));
    expect(query.sql).toBe('"assignments"."agency_id" in ($1::uuid)');
    expect(query.params).toEqual(["00000000-0000-0000-0000-000000000000"]);
  });
});
