import { decide } from "./decision.ts";
import { type Principal, seesWholeProvince } from "./principal.ts";

export const NOT_YOUR_TASK = "Nhiệm vụ này không thuộc cơ quan, đơn vị của bạn.";

/**
 * Which tasks a principal may see: the whole province, or only those their agency leads or
 * supports. Returned as a scope that queries apply in one go, rather than checked row by row.
 */
export type TaskScope = { kind: "all" } | { kind: "agencies"; agencyIds: string[] };

export function taskScope(p: Principal): TaskScope {
  if (seesWholeProvince(p)) return { kind: "all" };
  return { kind: "agencies", agencyIds: p.agencyId ? [p.agencyId] : [] };
}

/** Whether a task held by these agencies (any role) is visible within the scope. */
export function scopeAllows(scope: TaskScope, holderAgencyIds: Iterable<string>): boolean {
  if (scope.kind === "all") return true;
  const allowed = new Set(scope.agencyIds);
  for (const id of holderAgencyIds) if (allowed.has(id)) return true;
  return false;
}

/** A task, its reports and comments are read by whoever's scope holds one of its agencies. */
export const taskPolicy = {
  read: (p: Principal, holderAgencyIds: Iterable<string>) =>
    decide(scopeAllows(taskScope(p), holderAgencyIds), NOT_YOUR_TASK),
};
