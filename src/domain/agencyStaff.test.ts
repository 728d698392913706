import { describe, expect, it } from "vitest";
import { isAgencyHead, isAgencyStaff } from "./agencyStaff.ts";
import { needsAgency } from "./roles.ts";

describe("agency staff", () => {
  it("is an officer or head whose account names an agency", () => {
    expect(isAgencyStaff({ roles: ["agency_officer"], agencyId: "police" })).toBe(true);
    expect(isAgencyStaff({ roles: ["agency_head"], agencyId: "police" }, "police")).toBe(true);
    expect(isAgencyStaff({ roles: ["agency_head"], agencyId: "police" }, "finance")).toBe(false);
    expect(isAgencyStaff({ roles: ["agency_officer"], agencyId: null })).toBe(false);
    expect(isAgencyStaff({ roles: ["coordinator"], agencyId: "police" })).toBe(false);
  });

  it("tells the head of an agency from its officers", () => {
    expect(isAgencyHead({ roles: ["agency_head"], agencyId: "police" }, "police")).toBe(true);
    expect(isAgencyHead({ roles: ["agency_officer"], agencyId: "police" }, "police")).toBe(false);
    expect(isAgencyHead({ roles: ["agency_head"], agencyId: null })).toBe(false);
  });

  it("asks an account with an agency role to name its agency", () => {
    expect(needsAgency(["agency_officer"])).toBe(true);
    expect(needsAgency(["leader", "agency_head"])).toBe(true);
    expect(needsAgency(["coordinator"])).toBe(false);
  });
});
