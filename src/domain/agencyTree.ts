/**
 * The agency directory is a tree: following parents from any agency must end at a root. A loop
 * (an agency made its own ancestor) would make the agency and everything under it unreachable
 * from the root, and the directory screen would lose the branch.
 */

/**
 * The first loop of parents met when walking up from the given agencies (all of them when none
 * are given), as the ids on the loop, or null when every walk ends at a root.
 */
export function findParentCycle(
  parentOf: ReadonlyMap<string, string | null>,
  starts: Iterable<string> = parentOf.keys(),
): string[] | null {
  const done = new Set<string>();
  for (const start of starts) {
    const onPath = new Map<string, number>();
    const path: string[] = [];
    for (let id: string | null = start; id !== null && !done.has(id); id = parentOf.get(id) ?? null) {
      const at = onPath.get(id);
      if (at !== undefined) return path.slice(at);
      onPath.set(id, path.length);
      path.push(id);
    }
    for (const id of path) done.add(id);
  }
  return null;
}
