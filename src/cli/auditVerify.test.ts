import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../commands/context.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { rowsOf } from "../db/migrate.ts";
import { createTestDatabase } from "../testing/database.ts";
import { asTest, makeTenant } from "../testing/factories.ts";
import { type Anchor, parseAnchor, verifyAudit } from "./auditVerify.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function verify(anchors: Anchor[] = []) {
  const lines: string[] = [];
  const ok = await verifyAudit(handle.db, (line) => lines.push(line), { anchors });
  return { ok, lines };
}

describe("dondoc audit verify", () => {
  it("prints each tenant's count and latest hash, then names the first altered entry", async () => {
    const tenant = await makeTenant(handle.db);
    for (const title of ["một", "hai", "ba"]) {
      await asTest(handle.db, tenant, (ctx) =>
        recordAudit(ctx, { action: "task.update", entityType: "task", entityId: title, after: { title } }),
      );
    }
    const intact = await verify();
    expect(intact.ok).toBe(true);
    expect(intact.lines.join("\n")).toMatch(
      /3\/3 bản ghi hợp lệ, chuỗi nguyên vẹn\. Bản ghi cuối số 3, mã băm [0-9a-f]{64}/,
    );

    const [row] = rowsOf<{ id: string }>(
      await handle.db.execute(
        sql`select id::text as id from audit_log where tenant_id = ${tenant} and seq = 2`,
      ),
    );
    await handle.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await handle.db.execute(
      sql`update audit_log set actor_label = 'user:khac' where tenant_id = ${tenant} and seq = 2`,
    );
    await handle.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);

    const broken = await verify();
    expect(broken.ok).toBe(false);
    expect(broken.lines.join("\n")).toContain(`CHUỖI BỊ PHÁ tại bản ghi số 2 (id ${row!.id}, lúc `);
    expect(broken.lines.join("\n")).toMatch(/thao tác task\.update\): nội dung không còn khớp mã băm.*1\/3/);
  });

  it("catches a whole chain rewritten consistently, by the anchor written down before", async () => {
    const tenant = await makeTenant(handle.db);
    for (const title of ["một", "hai", "ba"]) {
      await asTest(handle.db, tenant, (ctx) =>
        recordAudit(ctx, { action: "task.update", entityType: "task", entityId: title, after: { title } }),
      );
    }
    const printed = (await verify()).lines.find((line) => line.includes(tenant))!;
    const anchor = parseAnchor(/mốc: ([^)]+)\)/.exec(printed)![1]!)!;
    expect(anchor).toMatchObject({ tenantId: tenant, seq: 3 });
    // (The first test left another tenant's chain broken: this one's anchor is what is looked at.)
    expect((await verify([anchor])).lines).toContain("1 mốc đã lưu vẫn khớp.");

    // The owner rewrites row 2 and recomputes every hash from there on with the trigger's own formula.
    await handle.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    try {
      await handle.db.execute(
        sql`update audit_log set after = '{"title": "khác"}' where tenant_id = ${tenant} and seq = 2`,
      );
      for (const seq of [2, 3]) {
        await handle.db.execute(sql`
          update audit_log a set
            prev_hash = (select hash from audit_log p where p.tenant_id = a.tenant_id and p.seq = a.seq - 1),
            hash = audit_log_hash(a)
          where tenant_id = ${tenant} and seq = ${seq}`);
        // hash was computed over the old prev_hash in the same statement: once more with the new one.
        await handle.db.execute(
          sql`update audit_log a set hash = audit_log_hash(a) where tenant_id = ${tenant} and seq = ${seq}`,
        );
      }
    } finally {
      await handle.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    }
    const rewritten = await verify([anchor]);
    const line = rewritten.lines.find((l) => l.includes(tenant))!;
    expect(line).toMatch(/3\/3 bản ghi hợp lệ, chuỗi nguyên vẹn/);
    expect(rewritten.lines).not.toContain("1 mốc đã lưu vẫn khớp.");
    expect(rewritten.lines.join("\n")).toContain(`Mốc ${tenant}:3: mã băm đã khác`);
    expect(parseAnchor("not-an-anchor")).toBeNull();
  });
});
