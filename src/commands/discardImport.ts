import { eq } from "drizzle-orm";
import { imports } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { lockOpenImport } from "./updateImport.ts";

/**
 * Drops an import that will not be committed. The row stays (state "discarded") for the audit
 * trail, but the import can no longer be read, corrected or committed.
 */
export async function discardImport(ctx: CommandContext, importId: string): Promise<void> {
  const row = await lockOpenImport(ctx, importId);
  await ctx.tx
    .update(imports)
    .set({ state: "discarded" })
    .where(inTenant(imports, ctx.tenantId, eq(imports.id, importId)));
  await recordAudit(ctx, {
    action: "import.discard",
    entityType: "import",
    entityId: importId,
    before: { state: row.state },
    after: { state: "discarded" },
  });
}
