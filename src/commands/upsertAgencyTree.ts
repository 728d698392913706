import { eq } from "drizzle-orm";
import { agencies, agencyAliases, agencyGroupMembers } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { aliasStep } from "../domain/agencyAliases.ts";
import type { AgencySeed } from "../domain/agencyDirectory.ts";
import { agencyKey } from "../domain/agencyKey.ts";
import { findParentCycle } from "../domain/agencyTree.ts";
import { invalid } from "../errors.ts";
import { nameOwner } from "../queries/agencies.ts";
import { type CommandContext, changedFields, recordAudit } from "./context.ts";

/**
 * Creates or updates agencies by code, parents before children, with aliases and group members.
 * Used by the demo seed now and by the directory import (CSV/XLSX) later.
 */
export async function upsertAgencyTree(
  ctx: CommandContext,
  tree: AgencySeed[],
): Promise<Map<string, string>> {
  const idByCode = new Map<string, string>();
  const existing = await ctx.tx
    .select({
      id: agencies.id,
      code: agencies.code,
      name: agencies.name,
      shortName: agencies.shortName,
      level: agencies.level,
      parentId: agencies.parentId,
    })
    .from(agencies)
    .where(inTenant(agencies, ctx.tenantId));
  for (const row of existing) if (row.code) idByCode.set(row.code, row.id);
  const previous = new Map(existing.filter((row) => row.code).map((row) => [row.code!, row]));
  // What the audit row says: agencies created, and for those that existed, the fields that changed.
  const created: string[] = [];
  const changed: { before: Record<string, unknown>; after: Record<string, unknown> } = {
    before: {},
    after: {},
  };

  // A group may name agencies that come later in the file only as members, so they are checked
  // here rather than by the database, with a message naming the group.
  const requireCode = (code: string, groupName: string) => {
    const id = idByCode.get(code);
    if (!id)
      throw invalid("agency_member_missing", `Đơn vị mã "${code}" nêu trong nhóm "${groupName}" chưa có.`);
    return id;
  };

  for (const [position, seed] of tree.entries()) {
    const parentId = seed.parent ? idByCode.get(seed.parent) : undefined;
    if (seed.parent && !parentId) {
      throw invalid("agency_parent_missing", `Cơ quan cấp trên "${seed.parent}" của "${seed.name}" chưa có.`);
    }
    const values = {
      tenantId: ctx.tenantId,
      code: seed.code,
      name: seed.name,
      shortName: seed.shortName ?? null,
      level: seed.level,
      parentId: parentId ?? null,
      isGroup: !!seed.group,
      memberRule: seed.group?.levels
        ? {
            levels: seed.group.levels,
            ...(seed.group.parents
              ? { parentIds: seed.group.parents.map((code) => requireCode(code, seed.name)) }
              : {}),
          }
        : null,
      nameKey: agencyKey(seed.name),
      position,
    };
    const [row] = await ctx.tx
      .insert(agencies)
      .values(values)
      .onConflictDoUpdate({
        target: [agencies.tenantId, agencies.code],
        set: { ...values, updatedAt: new Date() },
      })
      .returning({ id: agencies.id });
    idByCode.set(seed.code, row!.id);
    const old = previous.get(seed.code);
    if (!old) created.push(seed.code);
    else {
      const pick = (a: {
        name: string;
        shortName: string | null;
        level: string;
        parentId: string | null;
      }) => ({
        name: a.name,
        shortName: a.shortName,
        level: a.level,
        parentId: a.parentId,
      });
      const diff = changedFields(pick(old), pick(values));
      if (diff) {
        changed.before[seed.code] = diff.before;
        changed.after[seed.code] = diff.after;
      }
    }

    const aliases = [seed.shortName, ...(seed.aliases ?? [])].filter((a): a is string => !!a);
    for (const alias of aliases) {
      const aliasKey = agencyKey(alias);
      const owner = await nameOwner(ctx.tx, ctx.tenantId, aliasKey);
      const step = aliasStep(row!.id, owner);
      if (step === "taken" && owner?.kind === "name") {
        throw invalid(
          "agency_alias_taken",
          `Tên gọi khác "${alias}" của "${seed.name}" là tên của cơ quan "${owner.agencyName}" trong danh mục.`,
        );
      }
      if (owner?.kind === "alias" && step === "move") {
        await ctx.tx
          .update(agencyAliases)
          .set({ agencyId: row!.id, alias })
          .where(inTenant(agencyAliases, ctx.tenantId, eq(agencyAliases.id, owner.aliasId)));
      } else if (step === "add") {
        await ctx.tx
          .insert(agencyAliases)
          .values({ tenantId: ctx.tenantId, agencyId: row!.id, alias, aliasKey });
      }
    }
  }

  await refuseCycles(ctx);

  for (const seed of tree) {
    const members = seed.group?.members;
    if (!members?.length) continue;
    const groupId = idByCode.get(seed.code)!;
    const memberIds = members.map((code) => requireCode(code, seed.name));
    await ctx.tx
      .delete(agencyGroupMembers)
      .where(inTenant(agencyGroupMembers, ctx.tenantId, eq(agencyGroupMembers.groupId, groupId)));
    await ctx.tx
      .insert(agencyGroupMembers)
      .values(memberIds.map((memberId) => ({ tenantId: ctx.tenantId, groupId, memberId })));
  }

  await recordAudit(ctx, {
    action: "agency.upsert_tree",
    entityType: "agency",
    before: Object.keys(changed.before).length ? { changed: changed.before } : null,
    after: { count: tree.length, created, changed: changed.after },
  });
  return idByCode;
}

/**
 * The file's own loops are refused when it is read (agencyDirectoryFile.ts); a file can still
 * close one through agencies it does not list (B under A in the file, A already under B), so the
 * whole directory is checked once written, inside the transaction that rolls it back.
 */
async function refuseCycles(ctx: CommandContext) {
  const rows = await ctx.tx
    .select({ id: agencies.id, parentId: agencies.parentId, name: agencies.name })
    .from(agencies)
    .where(inTenant(agencies, ctx.tenantId));
  const cycle = findParentCycle(new Map(rows.map((row) => [row.id, row.parentId])));
  if (!cycle) return;
  const names = new Map(rows.map((row) => [row.id, row.name]));
  throw invalid(
    "directory_cycle",
    `Các cơ quan ${cycle.map((id) => `"${names.get(id)}"`).join(", ")} nằm trong một vòng cấp trên – cấp dưới.`,
  );
}
