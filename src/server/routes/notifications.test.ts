import { describe, expect, it } from "vitest";
import { openReportApp, PLAN_CV, reportKit } from "../../testing/reportKit.ts";
import type { TrackingApp } from "../../testing/tracking.ts";

/** Each user's notifications: listed unread first, marked read one by one or all at once. */

let t: TrackingApp;
const cookies = openReportApp((app) => {
  t = app;
});

const { policeTask, submitJson, post, get, review } = reportKit(() => t, cookies);

describe("notifications", () => {
  it("lists the user's own, unread first, and marks them read", async () => {
    // Three decisions on the police's reports (two returns, one approval) for the agency, three
    // submissions for the standing office.
    const { assignmentId } = await policeTask("3");
    for (const decision of ["return", "return", "approve"]) {
      const submitted = await submitJson("congan", assignmentId, { narrative: "Báo cáo" });
      expect(submitted.statusCode, submitted.body).toBe(201);
      expect(
        (await review("vanphong", submitted.json().id, { decision, comment: "Ý kiến" })).statusCode,
      ).toBe(200);
    }
    const first = (await get("congan", "/api/notifications")).json();
    // Every message names the plan by its số hiệu, the task by its ref and its title's start.
    const titles = first.items.map((n: { title: string }) => n.title);
    expect(titles).toContain(`Báo cáo nhiệm vụ 3 (số ${PLAN_CV}) bị trả lại`);
    expect(titles).toContain(`Báo cáo nhiệm vụ 3 (số ${PLAN_CV}) đã được duyệt`);
    for (const item of first.items) expect(item.body).toMatch(/^nhiệm vụ 3 \(số 1535-CV\/TU\) “[^”]{5,}”/);
    const office = (await get("vanphong", "/api/notifications")).json().items;
    expect(office[0]).toMatchObject({
      kind: "report_submitted",
      title: `Báo cáo mới chờ xét duyệt: nhiệm vụ 3 (số ${PLAN_CV})`,
      body: expect.stringMatching(/^Công an tỉnh báo cáo nhiệm vụ 3 \(số 1535-CV\/TU\) “.+” \(/),
    });
    expect(first.unread).toBeGreaterThan(2);
    expect(first.items.every((n: { readAt: string | null }) => n.readAt === null)).toBe(true);
    const target = first.items[0];
    const marked = await post("congan", `/api/notifications/${target.id}/read`);
    expect(marked.json()).toEqual({ marked: 1 });
    const after = (await get("congan", `/api/notifications?limit=200`)).json();
    expect(after.unread).toBe(first.unread - 1);
    expect(after.items.at(-1).id).toBe(target.id);
    expect(after.items.findIndex((n: { readAt: string | null }) => n.readAt !== null)).toBe(after.unread);
    // Someone else's notification is not found, and not touched.
    const theirs = (await get("vanphong", "/api/notifications")).json().items[0];
    expect((await post("congan", `/api/notifications/${theirs.id}/read`)).statusCode).toBe(404);
    expect((await get("vanphong", "/api/notifications")).json().items[0].readAt).toBeNull();
    const all = await post("congan", "/api/notifications/read-all");
    expect(all.json().marked).toBe(after.unread);
    expect((await get("congan", "/api/notifications?unreadOnly=true")).json()).toMatchObject({
      unread: 0,
      items: [],
    });
  });
});
