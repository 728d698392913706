import { describe, expect, it } from "vitest";
import { aliasStep } from "./agencyAliases.ts";

describe("aliasStep", () => {
  it("adds a free name, keeps a known one, moves another's alias and refuses another's name", () => {
    expect(aliasStep("a", null)).toBe("add");
    expect(aliasStep("a", { kind: "name", agencyId: "a", agencyName: "A" })).toBe("known");
    expect(aliasStep("a", { kind: "alias", agencyId: "a", aliasId: "x" })).toBe("known");
    expect(aliasStep("a", { kind: "alias", agencyId: "b", aliasId: "x" })).toBe("move");
    expect(aliasStep("a", { kind: "name", agencyId: "b", agencyName: "B" })).toBe("taken");
  });
});
