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
