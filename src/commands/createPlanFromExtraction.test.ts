import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoExtraction } from "../cli/demo.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { agencies, assignments, auditLog, plans, tasks } from "../db/schema/index.ts";
import { lamDongAgencies } from "../db/seed/lamDongAgencies.ts";
import { getPlan } from "../queries/plans.ts";
import { createTestDatabase } from "../testing/database.ts";
import { asTest, makeAgencies, makeTenant } from "../testing/factories.ts";
import { createPlanFromExtraction } from "./createPlanFromExtraction.ts";

let handle: DatabaseHandle;
let tenantId: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  tenantId = await makeTenant(handle.db);
  await makeAgencies(handle.db, tenantId, lamDongAgencies);
});
afterAll(() => handle.close());

const countRows = async (table: typeof plans | typeof tasks) =>
  (await handle.db.select({ n: count() }).from(table).where(eq(table.tenantId, tenantId)))[0]!.n;

describe("createPlanFromExtraction", () => {
  it("saves the plan, its tasks and resolved assignments, with an audit row", async () => {
    const extraction = loadDemoExtraction("lam-dong-1535-cv-tu");
    const result = await asTest(handle.db, tenantId, (ctx) => createPlanFromExtraction(ctx, extraction));
    const saved = await handle.db.select().from(tasks).where(eq(tasks.planId, result.planId));
    expect(saved).toHaveLength(extraction.tasks.length);
    const leads = await handle.db
      .select({ n: count() })
      .from(assignments)
      .innerJoin(tasks, eq(tasks.id, assignments.taskId))
      .where(eq(tasks.planId, result.planId));
    expect(leads[0]!.n).toBeGreaterThanOrEqual(extraction.tasks.length);
    const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, result.planId));
    expect(audit.map((a) => a.action)).toEqual(["plan.create_from_extraction"]);
    expect(saved.find((t) => t.ref === "1")?.searchKey).toContain("cong an tinh");
  });

  it("keeps the body's 'Tổ chức thực hiện' text with the plan's document", async () => {
    const extraction = {
      ...loadDemoExtraction("lam-dong-1535-cv-tu"),
      organisation: "1. Sở Tài chính: tham mưu bố trí kinh phí.\n2. Sở Nội vụ: tổng hợp, báo cáo.",
    };
    const { planId } = await asTest(handle.db, tenantId, (ctx) => createPlanFromExtraction(ctx, extraction));
    expect((await getPlan(handle.db, tenantId, planId))?.organisationText).toBe(extraction.organisation);
  });

  it("expands a group into one assignment per member agency", async () => {
    const base = loadDemoExtraction("lam-dong-1535-cv-tu");
    const task = {
      ...base.tasks[0]!,
      ref: "G.1",
      leads: ["Các sở, ban, ngành", "Sở Tài chính"],
      coordinators: ["UBND cấp xã"],
    };
    const result = await asTest(handle.db, tenantId, (ctx) =>
      createPlanFromExtraction(ctx, { ...base, tasks: [task], indicators: [] }),
    );
    const rows = await handle.db
      .select({ role: assignments.role, name: agencies.name, viaGroupId: assignments.viaGroupId })
      .from(assignments)
      .innerJoin(tasks, eq(tasks.id, assignments.taskId))
      .innerJoin(agencies, eq(agencies.id, assignments.agencyId))
      .where(eq(tasks.planId, result.planId));
    const leads = rows.filter((r) => r.role === "lead").map((r) => r.name);
    const departments = lamDongAgencies.filter((a) => a.level === "department" && a.parent === "ubnd-tinh");
    expect(leads).toHaveLength(departments.length);
    expect(leads).toContain("Sở Tài chính");
    expect(leads).toContain("Công an tỉnh");
    expect(leads).not.toContain("Ban Tổ chức Tỉnh ủy");
    const communes = rows.filter((r) => r.role === "coordinator").map((r) => r.name);
    expect(communes).toHaveLength(lamDongAgencies.filter((a) => a.level === "commune").length);
    expect(rows.filter((r) => r.viaGroupId === null).map((r) => r.name)).toEqual([]);
    expect(result.unresolvedAgencies).toEqual([]);
  });

  it("writes nothing when it fails halfway", async () => {
    const extraction = loadDemoExtraction("lam-dong-1535-cv-tu");
    const plansBefore = await countRows(plans);
    const tasksBefore = await countRows(tasks);
    // Two tasks with the same ref violate a unique constraint after the document and plan rows
    // are already inserted: the whole import must roll back.
    const broken = { ...extraction, tasks: [...extraction.tasks, extraction.tasks[0]!] };
    await expect(
      asTest(handle.db, tenantId, (ctx) => createPlanFromExtraction(ctx, broken)),
    ).rejects.toThrow();
    expect(await countRows(plans)).toBe(plansBefore);
    expect(await countRows(tasks)).toBe(tasksBefore);
  });
});
