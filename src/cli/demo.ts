import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { and, eq } from "drizzle-orm";
import type { CommandContext } from "../commands/context.ts";
import { seedActor } from "../commands/context.ts";
import { createPlanFromExtraction } from "../commands/createPlanFromExtraction.ts";
import { createUser } from "../commands/createUser.ts";
import { upsertAgencyTree } from "../commands/upsertAgencyTree.ts";
import type { Database } from "../db/client.ts";
import { plans, users } from "../db/schema/index.ts";
import { lamDongAgencies } from "../db/seed/lamDongAgencies.ts";
import { inTenant } from "../db/tenancy.ts";
import type { Role } from "../domain/roles.ts";
import type { Extraction } from "../ingest/extraction.ts";

/** Printed in the README; for the demo only. */
export const DEMO_PASSWORD = "DonDoc@2026";

export const demoUsers: { username: string; displayName: string; roles: Role[]; agency?: string }[] = [
  { username: "admin", displayName: "Quản trị hệ thống", roles: ["admin"] },
  {
    username: "vanphong",
    displayName: "Nguyễn Thị Thu (Sở KH&CN)",
    roles: ["coordinator"],
    agency: "so-khcn",
  },
  {
    username: "lanhdao",
    displayName: "Trần Văn Minh (Lãnh đạo UBND tỉnh)",
    roles: ["leader"],
    agency: "ubnd-tinh",
  },
  {
    username: "congan",
    displayName: "Lê Văn Hùng (Công an tỉnh)",
    roles: ["agency_officer"],
    agency: "cong-an",
  },
  {
    username: "truongcongan",
    displayName: "Phạm Quốc Bảo (Công an tỉnh)",
    roles: ["agency_head"],
    agency: "cong-an",
  },
  {
    username: "taichinh",
    displayName: "Võ Thị Lan (Sở Tài chính)",
    roles: ["agency_officer"],
    agency: "so-tai-chinh",
  },
];

export const demoPlanFiles = ["lam-dong-3450-kh-ubnd", "lam-dong-1535-cv-tu"];
const fixturesDir = fileURLToPath(new URL("../../fixtures/plans/", import.meta.url));

export function loadDemoExtraction(name: string): Extraction {
  return JSON.parse(fs.readFileSync(`${fixturesDir}${name}.expected.json`, "utf8")) as Extraction;
}

/**
 * The demo province: agency tree, one account per role, and the two real plans. Idempotent:
 * what exists is left as it is, so restarting keeps the data users changed. A CLI concern
 * (`dondoc seed`, `dondoc serve --demo`): it drives the commands as an operator would.
 */
export async function seedDemo(db: Database, tenantId: string): Promise<{ created: boolean }> {
  return db.transaction(async (tx) => {
    const ctx: CommandContext = { tx, tenantId, actor: seedActor };
    const anyPlan = await tx.select({ id: plans.id }).from(plans).where(inTenant(plans, tenantId)).limit(1);
    if (anyPlan[0]) return { created: false };

    const agencyIds = await upsertAgencyTree(ctx, lamDongAgencies);
    for (const user of demoUsers) {
      const exists = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.username, user.username)));
      if (exists[0]) continue;
      await createUser(
        ctx,
        {
          username: user.username,
          displayName: user.displayName,
          password: DEMO_PASSWORD,
          roles: user.roles,
          agencyId: user.agency ? agencyIds.get(user.agency) : null,
        },
        // The demo's password is published: forcing a change would only lock visitors out.
        { mustChangePassword: false },
      );
    }
    for (const name of demoPlanFiles) await createPlanFromExtraction(ctx, loadDemoExtraction(name));
    return { created: true };
  });
}
