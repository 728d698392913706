import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../commands/context.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { rowsOf } from "../db/migrate.ts";
import { createTestDatabase } from "../testing/database.ts";
import { asTest, makeTenant } from "../testing/factories.ts";
import { verifyAudit } from "./auditVerify.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function verify() {
  const lines: string[] = [];
  const ok = await verifyAudit(handle.db, (line) => lines.push(line));
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
});
