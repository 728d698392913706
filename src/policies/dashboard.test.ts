import { describe, expect, it } from "vitest";
import { DASHBOARD_AGENCY_REFUSED, DASHBOARD_PROVINCE_REFUSED, dashboardPolicy } from "./dashboard.ts";
import type { Principal } from "./principal.ts";

const principal = (roles: Principal["roles"], agencyId: string | null = null): Principal => ({
  userId: "u",
  tenantId: "t",
  username: "x",
  agencyId,
  roles,
});

describe("dashboardPolicy.read", () => {
  it("lets leaders, the office and admins see every scope", () => {
    for (const role of ["leader", "coordinator", "admin"] as const) {
      for (const kind of ["province", "plan", "section", "agency", "agencyTree"] as const) {
        expect(dashboardPolicy.read(principal([role], "own"), { kind, agencyId: "other" }).allowed).toBe(
          true,
        );
      }
    }
  });
  it("keeps agency staff to their own agency, plans and sections counted over their part", () => {
    const officer = principal(["agency_officer"], "own");
    expect(dashboardPolicy.read(officer, { kind: "province", agencyId: null })).toEqual({
      allowed: false,
      reason: DASHBOARD_PROVINCE_REFUSED,
    });
    expect(dashboardPolicy.read(officer, { kind: "agency", agencyId: "other" })).toEqual({
      allowed: false,
      reason: DASHBOARD_AGENCY_REFUSED,
    });
    expect(dashboardPolicy.read(officer, { kind: "agencyTree", agencyId: "other" }).allowed).toBe(false);
    expect(dashboardPolicy.read(officer, { kind: "agency", agencyId: "own" }).allowed).toBe(true);
    expect(dashboardPolicy.read(officer, { kind: "agencyTree", agencyId: "own" }).allowed).toBe(true);
    expect(dashboardPolicy.read(officer, { kind: "plan", agencyId: null }).allowed).toBe(true);
    // An account with no agency holds nothing of its own.
    expect(
      dashboardPolicy.read(principal(["agency_head"]), { kind: "agency", agencyId: "own" }).allowed,
    ).toBe(false);
  });
});
