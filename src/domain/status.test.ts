import { describe, expect, it } from "vitest";
import {
  type AssignmentFacts,
  assignmentStatus,
  dueOn,
  latenessText,
  statusText,
  statusTotals,
  taskStatus,
} from "./status.ts";

const task = (overrides: Partial<AssignmentFacts> = {}): AssignmentFacts => ({
  deadlineKind: "date",
  originalDue: "2026-04-30",
  deadlineChanges: [],
  activeReportDates: [],
  completion: null,
  ...overrides,
});

describe("assignmentStatus: each row of PRODUCT.md §3", () => {
  it("not_started: no report yet, not past due", () => {
    expect(assignmentStatus(task(), "2026-03-01").status).toBe("not_started");
  });
  it("in_progress: reported, not done, not past due", () => {
    expect(assignmentStatus(task({ activeReportDates: ["2026-02-10"] }), "2026-03-01").status).toBe(
      "in_progress",
    );
  });
  it("a report submitted after asOf does not count yet", () => {
    expect(assignmentStatus(task({ activeReportDates: ["2026-03-10"] }), "2026-03-01").status).toBe(
      "not_started",
    );
  });
  it("overdue: past due and not done, with its age in days", () => {
    const result = assignmentStatus(task({ activeReportDates: ["2026-02-10"] }), "2026-08-28");
    expect(result).toMatchObject({ status: "overdue", daysOverdue: 120, dueSoon: false });
  });
  it("done_on_time: completion approved, submitted on or before due", () => {
    const facts = task({ completion: { submittedOn: "2026-04-20", approvedOn: "2026-04-22" } });
    expect(assignmentStatus(facts, "2026-05-01").status).toBe("done_on_time");
  });
  it("done_late: completion approved, submitted after due", () => {
    const facts = task({ completion: { submittedOn: "2026-05-05", approvedOn: "2026-05-06" } });
    expect(assignmentStatus(facts, "2026-06-01")).toMatchObject({ status: "done_late", daysOverdue: 5 });
  });
  it("recurring: no due date, never overdue", () => {
    const facts = task({ deadlineKind: "recurring", originalDue: null });
    expect(assignmentStatus(facts, "2030-01-01").status).toBe("recurring");
  });
  it("no_deadline: unspecified, waiting for one", () => {
    const facts = task({ deadlineKind: "unspecified", originalDue: null });
    expect(assignmentStatus(facts, "2026-06-01").status).toBe("no_deadline");
  });
});

describe("assignmentStatus: boundaries", () => {
  it("due today is not overdue, and is due soon with 0 days left", () => {
    expect(assignmentStatus(task(), "2026-04-30")).toMatchObject({
      status: "not_started",
      dueSoon: true,
      daysLeft: 0,
    });
    expect(assignmentStatus(task(), "2026-05-01")).toMatchObject({ status: "overdue", daysOverdue: 1 });
  });
  it("due soon is an overlay within N days, default 7", () => {
    expect(assignmentStatus(task(), "2026-04-23").dueSoon).toBe(true);
    expect(assignmentStatus(task(), "2026-04-22").dueSoon).toBe(false);
    expect(assignmentStatus(task(), "2026-04-16", { dueSoonDays: 14 }).dueSoon).toBe(true);
  });
  it("completion submitted on the due date is on time, even when approved weeks later", () => {
    const facts = task({ completion: { submittedOn: "2026-04-30", approvedOn: "2026-05-25" } });
    expect(assignmentStatus(facts, "2026-06-01").status).toBe("done_on_time");
    // Before the approval the task was not yet done: past due, it was overdue.
    expect(assignmentStatus(facts, "2026-05-10").status).toBe("overdue");
  });
  it("returned then resubmitted late: the approved resubmission's date decides", () => {
    // The first claim (28/4) was returned, so it is not the completion; the fix came on 3/5.
    const facts = task({
      activeReportDates: ["2026-05-03"],
      completion: { submittedOn: "2026-05-03", approvedOn: "2026-05-04" },
    });
    expect(assignmentStatus(facts, "2026-05-02").status).toBe("overdue");
    expect(assignmentStatus(facts, "2026-05-04")).toMatchObject({ status: "done_late", daysOverdue: 3 });
  });
  it("extension approved after the original due date: overdue until approved, then in time", () => {
    const facts = task({ deadlineChanges: [{ newDue: "2026-06-30", approvedOn: "2026-05-15" }] });
    expect(assignmentStatus(facts, "2026-05-10")).toMatchObject({ status: "overdue", due: "2026-04-30" });
    expect(assignmentStatus(facts, "2026-05-15")).toMatchObject({ status: "not_started", due: "2026-06-30" });
    const done = { ...facts, completion: { submittedOn: "2026-06-20", approvedOn: "2026-06-21" } };
    expect(assignmentStatus(done, "2026-07-01").status).toBe("done_on_time");
  });
  it("the latest approved change wins, and the original stays available", () => {
    const facts = task({
      deadlineChanges: [
        { newDue: "2026-06-30", approvedOn: "2026-04-01" },
        { newDue: "2026-09-30", approvedOn: "2026-06-01" },
      ],
    });
    expect(dueOn(facts, "2026-05-01")).toBe("2026-06-30");
    expect(dueOn(facts, "2026-07-01")).toBe("2026-09-30");
    expect(facts.originalDue).toBe("2026-04-30");
  });
  it("a recurring task with a final date is overdue only after that date", () => {
    const facts = task({ deadlineKind: "recurring", originalDue: "2026-12-31" });
    expect(assignmentStatus(facts, "2026-12-31").status).toBe("recurring");
    expect(assignmentStatus(facts, "2027-01-01").status).toBe("overdue");
  });
  it("a completed recurring task with no due date is done on time", () => {
    const facts = task({
      deadlineKind: "recurring",
      originalDue: null,
      completion: { submittedOn: "2026-12-01", approvedOn: "2026-12-02" },
    });
    expect(assignmentStatus(facts, "2026-12-05").status).toBe("done_on_time");
  });
});

describe("task status and totals", () => {
  it("is done only when every lead is done", () => {
    expect(taskStatus(["done_on_time", "done_on_time"], "not_started")).toBe("done_on_time");
    expect(taskStatus(["done_on_time", "done_late"], "not_started")).toBe("done_late");
    expect(taskStatus(["done_on_time", "overdue", "in_progress"], "not_started")).toBe("overdue");
    expect(taskStatus(["done_on_time", "not_started"], "not_started")).toBe("not_started");
    expect(taskStatus([], "no_deadline")).toBe("no_deadline");
  });

  it("computes completion and on-time rates over what is due so far", () => {
    const totals = statusTotals(
      [
        { status: "done_on_time", due: "2026-03-31" },
        { status: "done_late", due: "2026-03-31" },
        { status: "overdue", due: "2026-04-30" },
        { status: "not_started", due: "2026-12-31" },
        { status: "recurring", due: null },
        { status: "done_on_time", due: "2026-12-31" },
      ],
      "2026-06-01",
    );
    expect(totals).toMatchObject({ total: 6, dueSoFar: 4, done: 3 });
    expect(totals.completionRate).toBeCloseTo(3 / 4);
    expect(totals.onTimeRate).toBeCloseTo(2 / 3);
    expect(totals.byStatus.overdue).toBe(1);
  });
});

describe("status wording", () => {
  it("names the overdue case with no report apart, and only that case", () => {
    const never = assignmentStatus(task(), "2026-08-28");
    expect(never).toMatchObject({ status: "overdue", unreported: true });
    expect(statusText(never.status, never.unreported)).toBe("Quá hạn, chưa báo cáo");
    const reported = assignmentStatus(task({ activeReportDates: ["2026-02-10"] }), "2026-08-28");
    expect(reported).toMatchObject({ status: "overdue", unreported: false });
    expect(statusText(reported.status, reported.unreported)).toBe("Đang thực hiện quá hạn");
    // A report submitted after the day read does not count on that day.
    expect(assignmentStatus(task({ activeReportDates: ["2026-09-01"] }), "2026-08-28").unreported).toBe(true);
    // Not overdue: never qualified, whatever was reported.
    expect(assignmentStatus(task(), "2026-03-01")).toMatchObject({
      status: "not_started",
      unreported: false,
    });
    expect(statusText("not_started", true)).toBe("Chưa thực hiện");
  });

  it("says how late a late completion was, counted to its submission, not to today", () => {
    const facts = task({ completion: { submittedOn: "2026-05-12", approvedOn: "2026-05-20" } });
    const result = assignmentStatus(facts, "2027-05-01");
    expect(result.daysOverdue).toBe(12);
    expect(latenessText(result.status, result.daysOverdue)).toBe("hoàn thành chậm 12 ngày so với hạn");
    expect(latenessText("overdue", 1200)).toBe("quá hạn 1.200 ngày");
    expect(latenessText("done_on_time", null)).toBeNull();
    expect(latenessText("overdue", 0)).toBeNull();
  });
});
