import { describe, expect, it } from "vitest";
import { findParentCycle } from "./agencyTree.ts";

const tree = (edges: [string, string | null][]) => new Map(edges);

describe("findParentCycle", () => {
  it("finds none in a tree", () => {
    expect(
      findParentCycle(
        tree([
          ["a", null],
          ["b", "a"],
          ["c", "b"],
          ["d", "a"],
        ]),
      ),
    ).toBeNull();
  });

  it("finds an agency made its own ancestor, however deep", () => {
    const parents = tree([
      ["a", "c"],
      ["b", "a"],
      ["c", "b"],
      ["d", "c"],
    ]);
    expect(findParentCycle(parents)?.sort()).toEqual(["a", "b", "c"]);
    // Walking up from a descendant of the loop reaches it too.
    expect(findParentCycle(parents, ["d"])?.sort()).toEqual(["a", "b", "c"]);
  });

  it("finds an agency that is its own parent", () => {
    expect(findParentCycle(tree([["a", "a"]]))).toEqual(["a"]);
  });

  it("walks only from the agencies asked about", () => {
    const parents = tree([
      ["a", "b"],
      ["b", "a"],
      ["c", null],
    ]);
    expect(findParentCycle(parents, ["c"])).toBeNull();
  });
});
