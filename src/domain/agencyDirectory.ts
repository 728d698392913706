import type { AgencyLevel } from "./agencyLevels.ts";

/**
 * One agency as a directory states it (a CSV/XLSX file, the demo province, a bench data set):
 * by code, under its parent's code, with the other names it goes by and, for a group, who is in it.
 * Codes rather than ids, so a tree can be written before any of it is in a database.
 */
export interface AgencySeed {
  code: string;
  name: string;
  shortName?: string;
  level: AgencyLevel;
  parent?: string;
  aliases?: string[];
  /** A group: by rule (levels, optionally only children of the given parents) and/or explicit members. */
  group?: { levels?: string[]; parents?: string[]; members?: string[] };
}

/** A stored group rule: agencies of these levels, optionally only the children of these parents. */
export interface GroupRule {
  levels?: string[];
  parentIds?: string[];
}

/**
 * Whether an agency belongs to a group by its rule: an active, real agency (not a group) of one
 * of the levels, under one of the parents when the rule names parents. Explicit members are
 * listed apart; the server and the directory screen both count with this rule.
 */
export function matchesGroupRule(
  rule: GroupRule | null | undefined,
  agency: { level: string; parentId: string | null; isGroup: boolean; active: boolean },
): boolean {
  if (!rule?.levels?.length || agency.isGroup || !agency.active) return false;
  if (!rule.levels.includes(agency.level)) return false;
  return !rule.parentIds || (agency.parentId !== null && rule.parentIds.includes(agency.parentId));
}

/** Every member of a group: its explicit members and, after them, those its rule takes in. */
export function groupMemberIds<
  A extends { id: string; level: string; parentId: string | null; isGroup: boolean; active: boolean },
>(group: GroupRule & { memberIds: string[] }, agencies: A[]): string[] {
  const ids = new Set(group.memberIds);
  for (const agency of agencies) if (matchesGroupRule(group, agency)) ids.add(agency.id);
  return [...ids];
}
