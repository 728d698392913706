import { describe, expect, it } from "vitest";
import { abilities, type Principal } from "./index.ts";
import { taskScope } from "./task.ts";

const principal = (roles: Principal["roles"], agencyId: string | null = null): Principal => ({
  userId: "u",
  tenantId: "t",
  username: "x",
  agencyId,
  roles,
});

describe("policies", () => {
  it("lets only the standing office and admins import plans", () => {
    expect(abilities(principal(["coordinator"])).plan.import).toBe(true);
    expect(abilities(principal(["leader"])).plan.import).toBe(false);
    expect(abilities(principal(["agency_officer"], "a")).plan.import).toBe(false);
  });
  it("scopes agency officers to their own agency", () => {
    expect(taskScope(principal(["agency_officer"], "a1"))).toEqual({ kind: "agencies", agencyIds: ["a1"] });
    expect(taskScope(principal(["agency_head"]))).toEqual({ kind: "agencies", agencyIds: [] });
    expect(taskScope(principal(["leader"]))).toEqual({ kind: "all" });
  });
  it("lets only admins issue accounts", () => {
    expect(abilities(principal(["admin"])).user.create).toBe(true);
    expect(abilities(principal(["coordinator"])).user.create).toBe(false);
  });
});
