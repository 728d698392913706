import { describe, expect, it } from "vitest";
import { commentPolicy } from "./comment.ts";
import { deadlineChangePolicy } from "./deadlineChange.ts";
import type { Principal } from "./principal.ts";
import { reportLock, reportPolicy } from "./report.ts";

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
    expect(reportPolicy.approveAsHead(principal(["agency_head"], "police"), "police")).toBe(true);
    expect(reportPolicy.approveAsHead(principal(["agency_head"], "finance"), "police")).toBe(false);
    expect(reportPolicy.approveAsHead(principal(["agency_officer"], "police"), "police")).toBe(false);
    expect(reportPolicy.review(principal(["coordinator"]))).toBe(true);
    expect(reportPolicy.review(principal(["admin"]))).toBe(true);
    expect(reportPolicy.review(principal(["leader"]))).toBe(false);
    expect(reportPolicy.read(principal(["agency_officer"], "finance"), ["police"])).toBe(false);
    expect(reportPolicy.read(principal(["leader"]), ["police"])).toBe(true);
  });

  it("lets only the lead agency ask for a deadline change", () => {
    expect([
      ...deadlineChangePolicy.requestableAssignmentIds(principal(["agency_officer"], "police"), held),
    ]).toEqual(["a1"]);
    expect(
      deadlineChangePolicy.requestableAssignmentIds(principal(["agency_head"], "finance"), held).size,
    ).toBe(0);
    expect(deadlineChangePolicy.decide(principal(["coordinator"]))).toBe(true);
    expect(deadlineChangePolicy.decide(principal(["agency_head"], "police"))).toBe(false);
  });

  it("lets leaders and the standing office comment", () => {
    expect(commentPolicy.commentableTaskIds(principal(["leader"]), ["t1", "t2"]).size).toBe(2);
    expect(commentPolicy.commentableTaskIds(principal(["agency_head"], "police"), ["t1"]).size).toBe(0);
  });
});

describe("reportLock", () => {
  const period = { cutoffOn: "2026-05-10", closedAt: null };
  const report = { state: "submitted", reopenedAt: null, submittedAt: new Date("2026-05-03T03:00:00Z") };
  it("locks approved reports and reports of a period past its cut-off", () => {
    expect(reportLock({ ...report, state: "approved" }, period, "2026-05-04")).toBe("approved");
    expect(reportLock(report, period, "2026-05-10")).toBeNull();
    expect(reportLock(report, period, "2026-05-11")).toBe("period_closed");
    expect(reportLock(report, { ...period, closedAt: new Date() }, "2026-05-04")).toBe("period_closed");
  });
  it("lifts the period lock after a reopen, and for a report let in after the cut-off", () => {
    expect(reportLock({ ...report, reopenedAt: new Date() }, period, "2026-06-01")).toBeNull();
    expect(
      reportLock({ ...report, submittedAt: new Date("2026-05-20T03:00:00Z") }, period, "2026-06-01"),
    ).toBeNull();
    // The cut-off is a Vietnamese calendar day: 18:00 UTC on the 10th is already the 11th in Vietnam.
    expect(
      reportLock({ ...report, submittedAt: new Date("2026-05-10T18:00:00Z") }, period, "2026-06-01"),
    ).toBeNull();
  });
});
