import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { agencies, agencyAliases, agencyGroupMembers } from "../db/schema/index.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";
import type { NameOwner } from "../domain/agencyAliases.ts";
import { type AgencySeed, groupMemberIds } from "../domain/agencyDirectory.ts";
import { agencyKey } from "../domain/agencyKey.ts";

export interface ResolvedAgency {
  id: string;
  isGroup: boolean;
}

/** Looks names up by folded key among agency names and aliases; returns key → agency. */
export async function resolveAgencyNames(
  db: Executor,
  tenantId: string,
  names: string[],
): Promise<Map<string, ResolvedAgency>> {
  const keys = [...new Set(names.map(agencyKey))].filter(Boolean);
  const found = new Map<string, ResolvedAgency>();
  if (keys.length === 0) return found;
  const byName = await db
    .select({ id: agencies.id, key: agencies.nameKey, isGroup: agencies.isGroup })
    .from(agencies)
    .where(inTenant(agencies, tenantId, inArray(agencies.nameKey, keys)));
  for (const row of byName) found.set(row.key, { id: row.id, isGroup: row.isGroup });
  const byAlias = await db
    .select({ id: agencies.id, key: agencyAliases.aliasKey, isGroup: agencies.isGroup })
    .from(agencyAliases)
    .innerJoin(agencies, tenantJoin(agencies.id, agencyAliases.agencyId))
    .where(inTenant(agencyAliases, tenantId, inArray(agencyAliases.aliasKey, keys)));
  for (const row of byAlias)
    if (!found.has(row.key)) found.set(row.key, { id: row.id, isGroup: row.isGroup });
  return found;
}

/** What a name key means in the directory: an agency's own name first, else an alias. */
export async function nameOwner(db: Executor, tenantId: string, key: string): Promise<NameOwner> {
  const [byName] = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(inTenant(agencies, tenantId, eq(agencies.nameKey, key)));
  if (byName) return { kind: "name", agencyId: byName.id, agencyName: byName.name };
  const [alias] = await db
    .select({ id: agencyAliases.id, agencyId: agencyAliases.agencyId })
    .from(agencyAliases)
    .where(inTenant(agencyAliases, tenantId, eq(agencyAliases.aliasKey, key)));
  return alias ? { kind: "alias", agencyId: alias.agencyId, aliasId: alias.id } : null;
}

/**
 * The member agencies of groups: explicit members plus, for a group defined by a rule, every
 * active agency of the listed levels. "UBND cấp xã" thus always means today's communes.
 */
export async function groupMembers(
  db: Executor,
  tenantId: string,
  groupIds: string[],
): Promise<Map<string, string[]>> {
  const members = new Map<string, string[]>(groupIds.map((id) => [id, []]));
  if (groupIds.length === 0) return members;
  const groups = await db
    .select({ id: agencies.id, rule: agencies.memberRule })
    .from(agencies)
    .where(inTenant(agencies, tenantId, inArray(agencies.id, groupIds)));
  const explicit = await db
    .select({ groupId: agencyGroupMembers.groupId, memberId: agencyGroupMembers.memberId })
    .from(agencyGroupMembers)
    .where(inTenant(agencyGroupMembers, tenantId, inArray(agencyGroupMembers.groupId, groupIds)));
  for (const row of explicit) members.get(row.groupId)?.push(row.memberId);
  const levels = [...new Set(groups.flatMap((g) => g.rule?.levels ?? []))];
  if (levels.length > 0) {
    const byLevel = await db
      .select({
        id: agencies.id,
        level: agencies.level,
        parentId: agencies.parentId,
        isGroup: agencies.isGroup,
        active: agencies.active,
      })
      .from(agencies)
      .where(
        inTenant(
          agencies,
          tenantId,
          eq(agencies.isGroup, false),
          eq(agencies.active, true),
          inArray(agencies.level, levels as (typeof agencies.level.enumValues)[number][]),
        ),
      )
      .orderBy(asc(agencies.position));
    for (const group of groups) {
      const list = members.get(group.id)!;
      members.set(group.id, groupMemberIds({ ...group.rule, memberIds: list }, byLevel));
    }
  }
  return members;
}

export interface AgencyDirectoryEntry {
  id: string;
  code: string | null;
  name: string;
  shortName: string | null;
  level: AgencySeed["level"];
  parentId: string | null;
  parentCode: string | null;
  isGroup: boolean;
  active: boolean;
  aliases: { id: string; alias: string }[];
  group: { levels?: string[]; parentIds?: string[]; memberIds: string[] } | null;
}

/** The whole directory of a province, in tree order, with aliases and group definitions. */
export async function listAgencyDirectory(db: Executor, tenantId: string): Promise<AgencyDirectoryEntry[]> {
  const rows = await db
    .select()
    .from(agencies)
    .where(inTenant(agencies, tenantId))
    .orderBy(asc(agencies.position), asc(agencies.name));
  const aliases = await db.select().from(agencyAliases).where(inTenant(agencyAliases, tenantId));
  const members = await db.select().from(agencyGroupMembers).where(inTenant(agencyGroupMembers, tenantId));
  const codeOf = new Map(rows.map((r) => [r.id, r.code]));
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.shortName,
    level: row.level,
    parentId: row.parentId,
    parentCode: row.parentId ? (codeOf.get(row.parentId) ?? null) : null,
    isGroup: row.isGroup,
    active: row.active,
    aliases: aliases.filter((a) => a.agencyId === row.id).map((a) => ({ id: a.id, alias: a.alias })),
    group: row.isGroup
      ? {
          ...(row.memberRule ?? {}),
          memberIds: members.filter((m) => m.groupId === row.id).map((m) => m.memberId),
        }
      : null,
  }));
}

/** The directory in the shape of its spreadsheet (codes instead of ids). */
export function directoryAsSeeds(entries: AgencyDirectoryEntry[]): AgencySeed[] {
  const codeOf = new Map(entries.map((e) => [e.id, e.code ?? e.id]));
  return entries.map((e) => ({
    code: e.code ?? e.id,
    name: e.name,
    shortName: e.shortName ?? undefined,
    level: e.level,
    parent: e.parentCode ?? undefined,
    aliases: e.aliases.map((a) => a.alias).filter((a) => a !== e.shortName),
    group: e.group
      ? {
          ...(e.group.levels ? { levels: e.group.levels } : {}),
          ...(e.group.parentIds ? { parents: e.group.parentIds.map((id) => codeOf.get(id) ?? id) } : {}),
          ...(e.group.memberIds.length
            ? { members: e.group.memberIds.map((id) => codeOf.get(id) ?? id) }
            : {}),
        }
      : undefined,
  }));
}
