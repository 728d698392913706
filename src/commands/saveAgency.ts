import { eq } from "drizzle-orm";
import { agencies } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { agencyKey } from "../domain/agencyKey.ts";
import { findParentCycle } from "../domain/agencyTree.ts";
import { conflict, invalid, notFound } from "../errors.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { type AgencyInput, agencyInput } from "./inputs/saveAgency.ts";

export { type AgencyInput, agencyInput };

/** Creates an agency (agencyId absent) or updates one; names stay unique by folded key. */
export async function saveAgency(ctx: CommandContext, raw: AgencyInput, agencyId?: string) {
  const input = agencyInput.parse(raw);
  const nameKey = agencyKey(input.name);
  const [sameName] = await ctx.tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(inTenant(agencies, ctx.tenantId, eq(agencies.nameKey, nameKey)));
  if (sameName && sameName.id !== agencyId) {
    throw conflict("agency_name_taken", `Đã có cơ quan, đơn vị tên "${input.name}".`);
  }
  if (input.parentId) {
    if (input.parentId === agencyId)
      throw invalid("agency_parent_self", "Cơ quan không thể là cấp trên của chính nó.");
    const [parent] = await ctx.tx
      .select({ id: agencies.id, name: agencies.name })
      .from(agencies)
      .where(inTenant(agencies, ctx.tenantId, eq(agencies.id, input.parentId)));
    if (!parent) throw invalid("agency_parent_missing", "Cơ quan cấp trên không tồn tại.");
    if (agencyId) await refuseCycle(ctx, agencyId, parent);
  }
  const values = {
    name: input.name,
    shortName: input.shortName ?? null,
    code: input.code ?? null,
    level: input.level,
    parentId: input.parentId ?? null,
    nameKey,
    ...(input.active === undefined ? {} : { active: input.active }),
  };
  if (!agencyId) {
    const [created] = await ctx.tx
      .insert(agencies)
      .values({ tenantId: ctx.tenantId, ...values })
      .returning();
    await recordAudit(ctx, {
      action: "agency.create",
      entityType: "agency",
      entityId: created!.id,
      after: created,
    });
    return created!;
  }
  const [before] = await ctx.tx
    .select()
    .from(agencies)
    .where(inTenant(agencies, ctx.tenantId, eq(agencies.id, agencyId)));
  if (!before) throw notFound("cơ quan, đơn vị");
  const [after] = await ctx.tx
    .update(agencies)
    .set({ ...values, updatedAt: new Date() })
    .where(inTenant(agencies, ctx.tenantId, eq(agencies.id, agencyId)))
    .returning();
  await recordAudit(ctx, {
    action: "agency.update",
    entityType: "agency",
    entityId: agencyId,
    before,
    after,
  });
  return after!;
}

/** The directory import refuses a loop of parents; moving one agency under another must too. */
async function refuseCycle(ctx: CommandContext, agencyId: string, parent: { id: string; name: string }) {
  const rows = await ctx.tx
    .select({ id: agencies.id, parentId: agencies.parentId })
    .from(agencies)
    .where(inTenant(agencies, ctx.tenantId));
  const parentOf = new Map(rows.map((row) => [row.id, row.parentId]));
  parentOf.set(agencyId, parent.id);
  if (findParentCycle(parentOf, [agencyId])) {
    throw invalid(
      "agency_parent_cycle",
      `Không thể đặt "${parent.name}" làm cấp trên: đơn vị này đang trực thuộc chính cơ quan được sửa.`,
    );
  }
}
