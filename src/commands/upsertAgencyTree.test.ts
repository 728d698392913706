import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client.ts";
import { auditLog } from "../db/schema/index.ts";
import { createTestDatabase } from "../testing/database.ts";
import { makeAgencies, makeTenant } from "../testing/factories.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe("upsertAgencyTree's audit row", () => {
  it("names the agencies created and, for the others, only the fields that changed", async () => {
    const tenant = await makeTenant(handle.db);
    await makeAgencies(handle.db, tenant, [
      { code: "ubnd", name: "UBND tỉnh", level: "province" },
      { code: "sotc", name: "Sở Tài chính", level: "department", parent: "ubnd" },
    ]);
    await makeAgencies(handle.db, tenant, [
      { code: "ubnd", name: "UBND tỉnh", level: "province" },
      { code: "sotc", name: "Sở Tài chính tỉnh", shortName: "STC", level: "department", parent: "ubnd" },
      { code: "soyt", name: "Sở Y tế", level: "department", parent: "ubnd" },
    ]);
    const rows = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenant), eq(auditLog.action, "agency.upsert_tree")))
      .orderBy(auditLog.seq);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      before: null,
      after: { count: 2, created: ["ubnd", "sotc"], changed: {} },
    });
    expect(rows[1]).toMatchObject({
      before: { changed: { sotc: { name: "Sở Tài chính", shortName: null } } },
      after: {
        count: 3,
        created: ["soyt"],
        changed: { sotc: { name: "Sở Tài chính tỉnh", shortName: "STC" } },
      },
    });
  });
});
