import { type Principal, seesWholeProvince } from "./principal.ts";

/**
 * Which tasks a principal may see: the whole province, or only those their agency leads or
 * supports. Returned as a scope that queries apply in one go, rather than checked row by row.
 */
export type TaskScope = { kind: "all" } | { kind: "agencies"; agencyIds: string[] };

export function taskScope(p: Principal): TaskScope {
  if (seesWholeProvince(p)) return { kind: "all" };
  return { kind: "agencies", agencyIds: p.agencyId ? [p.agencyId] : [] };
}
