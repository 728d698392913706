import { describe, expect, it } from "vitest";
import { commentPolicy } from "./comment.ts";
import { deadlineChangePolicy } from "./deadlineChange.ts";
import type { Principal } from "./principal.ts";
import { reportPolicy } from "./report.ts";

const principal = (roles: Principal["roles"], agencyId: string | null = null): Principal => ({
  userId: "u",
  tenantId: "t",
  username: "x",
  agencyId,
  roles,
});
const held = [
  { id: "a1", agencyId: "police", role: "lead" as const },
  { id: "a2", agencyId: "finance", role: "coordinator" as const },
  { id: "a3", agencyId: "police", role: "coordinator" as const },
];

describe("report policies", () => {
  it("lets agency staff report on their own agency's assignments only, in one pass", () => {
    expect([...reportPolicy.reportableAssignmentIds(principal(["agency_officer"], "police"), held)]).toEqual([
      "a1",
      "a3",
    ]);
    expect([...reportPolicy.reportableAssignmentIds(principal(["agency_head"], "finance"), held)]).toEqual([
      "a2",
    ]);
    expect(reportPolicy.reportableAssignmentIds(principal(["coordinator"], "police"), held).size).toBe(0);
    expect(reportPolicy.reportableAssignmentIds(principal(["agency_officer"]), held).size).toBe(0);
  });

  it("leaves head approval to the head of the same agency and review to the standing office", () => {
    expect(reportPolicy.approveAsHead(principal(["agency_head"], "police"), "police").allowed).toBe(true);
    expect(reportPolicy.approveAsHead(principal(["agency_head"], "finance"), "police").allowed).toBe(false);
    expect(reportPolicy.approveAsHead(principal(["agency_officer"], "police"), "police").allowed).toBe(false);
    expect(reportPolicy.review(principal(["coordinator"])).allowed).toBe(true);
    expect(reportPolicy.review(principal(["admin"])).allowed).toBe(true);
    expect(reportPolicy.review(principal(["leader"])).allowed).toBe(false);
    expect(reportPolicy.read(principal(["agency_officer"], "finance"), ["police"]).allowed).toBe(false);
    expect(reportPolicy.read(principal(["leader"]), ["police"]).allowed).toBe(true);
  });

  it("lets only the lead agency ask for a deadline change", () => {
    expect([
      ...deadlineChangePolicy.requestableAssignmentIds(principal(["agency_officer"], "police"), held),
    ]).toEqual(["a1"]);
    expect(
      deadlineChangePolicy.requestableAssignmentIds(principal(["agency_head"], "finance"), held).size,
    ).toBe(0);
    expect(deadlineChangePolicy.decide(principal(["coordinator"])).allowed).toBe(true);
    expect(deadlineChangePolicy.decide(principal(["agency_head"], "police")).allowed).toBe(false);
  });

  it("lets leaders and the standing office comment", () => {
    expect(commentPolicy.commentableTaskIds(principal(["leader"]), ["t1", "t2"]).size).toBe(2);
    expect(commentPolicy.commentableTaskIds(principal(["agency_head"], "police"), ["t1"]).size).toBe(0);
  });
});
