import { describe, expect, it } from "vitest";
import { openReportApp, reportKit } from "../../testing/reportKit.ts";
import type { TrackingApp } from "../../testing/tracking.ts";

/**
 * "Quá hạn, chưa báo cáo": the API marks an overdue assignment, and a task, that nobody has
 * reported on (a returned report does not count), on the task list, the task page and the
 * agency's own part; a report clears it.
 */

let t: TrackingApp;
const cookies = openReportApp((app) => {
  t = app;
});

const { policeTask, submitJson, get, review } = reportKit(() => t, cookies);
const LATER = "2031-01-01";

interface Row {
  id: string;
  status: string;
  unreported: boolean;
  ownAssignment: { status: string; unreported: boolean } | null;
}

async function taskRow(user: string, taskId: string, agencyId: string) {
  const list = (await get(user, `/api/tasks?asOf=${LATER}&limit=500&leadAgencyId=${agencyId}`)).json();
  return (list.items as Row[]).find((row) => row.id === taskId)!;
}
async function policeAssignment(taskId: string, agencyId: string) {
  const detail = (await get("vanphong", `/api/tasks/${taskId}?asOf=${LATER}`)).json();
  return (detail.assignments as { agencyId: string; status: string; unreported: boolean }[]).find(
    (a) => a.agencyId === agencyId,
  )!;
}

describe("overdue with no report", () => {
  it("is marked until a report that is not returned exists", async () => {
    const { assignmentId, taskId, agencyId } = await policeTask("5");
    expect(await policeAssignment(taskId, agencyId)).toMatchObject({ status: "overdue", unreported: true });
    expect(await taskRow("vanphong", taskId, agencyId)).toMatchObject({
      status: "overdue",
      unreported: true,
    });
    expect((await taskRow("congan", taskId, agencyId)).ownAssignment).toMatchObject({
      status: "overdue",
      unreported: true,
    });

    // A returned report leaves it unreported.
    const first = await submitJson("congan", assignmentId, { narrative: "Báo cáo lần đầu" });
    expect(first.statusCode, first.body).toBe(201);
    expect(
      (await review("vanphong", first.json().id, { decision: "return", comment: "Bổ sung" })).statusCode,
    ).toBe(200);
    expect((await policeAssignment(taskId, agencyId)).unreported).toBe(true);

    const second = await submitJson("congan", assignmentId, { narrative: "Báo cáo bổ sung" });
    expect(second.statusCode, second.body).toBe(201);
    expect(await policeAssignment(taskId, agencyId)).toMatchObject({ status: "overdue", unreported: false });
    expect(await taskRow("vanphong", taskId, agencyId)).toMatchObject({
      status: "overdue",
      unreported: false,
    });
    expect((await taskRow("congan", taskId, agencyId)).ownAssignment?.unreported).toBe(false);
  });
});
