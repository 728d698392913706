/** What a name (by its agencyKey) already means in a province's directory, if anything. */
export type NameOwner =
  | { kind: "name"; agencyId: string; agencyName: string }
  | { kind: "alias"; agencyId: string; aliasId: string }
  | null;

/**
 * What remembering `name` as another name of an agency comes to, given what the name means now:
 *
 *  - `known`: it already means that agency (its own name or one of its aliases): nothing to do;
 *  - `add`: it means nothing yet: it becomes an alias of the agency;
 *  - `move`: it is another agency's alias: an import (of a document or of the directory) says
 *    what the name means now, so the alias moves; a hand-typed alias refuses instead, since
 *    the person typing it may not know the name was taken;
 *  - `taken`: it is another agency's own name, which resolution always prefers: refused, since
 *    an alias there would never be used.
 */
export type AliasStep = "known" | "add" | "move" | "taken";

export function aliasStep(agencyId: string, owner: NameOwner): AliasStep {
  if (!owner) return "add";
  if (owner.agencyId === agencyId) return "known";
  return owner.kind === "name" ? "taken" : "move";
}
