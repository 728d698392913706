import { eq } from "drizzle-orm";
import type { z } from "zod";
import { agencies, agencyAliases } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { aliasStep } from "../domain/agencyAliases.ts";
import { agencyKey } from "../domain/agencyKey.ts";
import { conflict, notFound } from "../errors.ts";
import { nameOwner } from "../queries/agencies.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { aliasInput } from "./inputs/addAgencyAlias.ts";

export { aliasInput };

/**
 * Remembers another name for an agency ("Sở KH&CN"), so the next document naming it that way
 * resolves without asking. A name already meaning another agency is refused.
 */
export async function addAgencyAlias(ctx: CommandContext, agencyId: string, raw: z.input<typeof aliasInput>) {
  const { alias } = aliasInput.parse(raw);
  const aliasKey = agencyKey(alias);
  const [agency] = await ctx.tx
    .select({ id: agencies.id, nameKey: agencies.nameKey })
    .from(agencies)
    .where(inTenant(agencies, ctx.tenantId, eq(agencies.id, agencyId)));
  if (!agency) throw notFound("cơ quan, đơn vị");
  const step = aliasStep(agencyId, await nameOwner(ctx.tx, ctx.tenantId, aliasKey));
  if (step === "known") return { created: false };
  // Typed by hand, a name another agency goes by is refused rather than moved (see aliasStep).
  if (step !== "add") throw conflict("alias_taken", `Tên "${alias}" đã dùng cho một cơ quan, đơn vị khác.`);
  const [row] = await ctx.tx
    .insert(agencyAliases)
    .values({ tenantId: ctx.tenantId, agencyId, alias, aliasKey })
    .returning({ id: agencyAliases.id });
  await recordAudit(ctx, {
    action: "agency.alias_add",
    entityType: "agency",
    entityId: agencyId,
    after: { alias },
  });
  return { created: true, id: row!.id };
}

export async function removeAgencyAlias(ctx: CommandContext, agencyId: string, aliasId: string) {
  const removed = await ctx.tx
    .delete(agencyAliases)
    .where(
      inTenant(
        agencyAliases,
        ctx.tenantId,
        eq(agencyAliases.agencyId, agencyId),
        eq(agencyAliases.id, aliasId),
      ),
    )
    .returning();
  if (!removed[0]) throw notFound("tên gọi khác");
  await recordAudit(ctx, {
    action: "agency.alias_remove",
    entityType: "agency",
    entityId: agencyId,
    before: removed[0],
  });
}
