import { describe, expect, it } from "vitest";
import { openReportApp, reportKit } from "../../testing/reportKit.ts";
import type { TrackingApp } from "../../testing/tracking.ts";

/** Saved dashboards: the office saves and shares them; each role lists those shared with it. */

let t: TrackingApp;
const cookies = openReportApp((app) => {
  t = app;
});
const { get, post } = reportKit(() => t, cookies);
const send = (user: string, method: "PUT" | "DELETE", url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });
const names = async (user: string) =>
  (await get(user, "/api/dashboard-views")).json().items.map((v: { name: string }) => v.name);

describe("saved dashboards", () => {
  it("shares a view with the roles chosen, lets the office change it, and audits each step", async () => {
    const plans = (await get("vanphong", "/api/plans")).json().items as { id: string }[];
    const saved = await post("vanphong", "/api/dashboard-views", {
      name: "  Tiến độ kế hoạch chuyển đổi số ",
      config: { scope: "plan", scopeId: plans[0]!.id, panels: ["trend", "totals", "trend"] },
      sharedWithRoles: ["leader"],
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const { id } = saved.json();
    const listed = await get("lanhdao", "/api/dashboard-views");
    expect(listed.statusCode, listed.body).toBe(200);
    const [view] = listed.json().items;
    // Trimmed, panels in the declared order without repeats, the month trend by default.
    expect(view).toMatchObject({
      id,
      name: "Tiến độ kế hoạch chuyển đổi số",
      config: { scope: "plan", scopeId: plans[0]!.id, panels: ["totals", "trend"], trend: "month" },
      sharedWithRoles: ["leader"],
      ownerName: expect.any(String),
    });
    expect(await names("congan")).toEqual([]);
    expect(await names("admin")).toEqual(["Tiến độ kế hoạch chuyển đổi số"]);

    const shared = await send("vanphong", "PUT", `/api/dashboard-views/${id}`, {
      name: "Toàn tỉnh",
      config: { scope: "province", scopeId: plans[0]!.id, panels: ["agencyBoard"], trend: "quarter" },
      sharedWithRoles: ["agency_head", "leader"],
    });
    expect(shared.statusCode, shared.body).toBe(200);
    // A province-wide scope names no row: the id sent along is dropped.
    const [changed] = (await get("truongcongan", "/api/dashboard-views")).json().items;
    expect(changed.config).toEqual({ scope: "province", panels: ["agencyBoard"], trend: "quarter" });
    expect(changed.sharedWithRoles).toEqual(["leader", "agency_head"]);
    expect(await names("congan")).toEqual([]);

    expect((await send("lanhdao", "DELETE", `/api/dashboard-views/${id}`)).statusCode).toBe(403);
    expect((await send("vanphong", "DELETE", `/api/dashboard-views/${id}`)).statusCode).toBe(200);
    expect((await send("vanphong", "DELETE", `/api/dashboard-views/${id}`)).statusCode).toBe(404);
    expect(await names("lanhdao")).toEqual([]);
    const audit = (await get("admin", "/api/audit?action=dashboard_view.&limit=10")).json().items;
    expect(audit.map((row: { action: string }) => row.action)).toEqual([
      "dashboard_view.delete",
      "dashboard_view.update",
      "dashboard_view.create",
    ]);
  });

  it("refuses a view without a name, panels, or the row its scope names", async () => {
    const bad = await post("vanphong", "/api/dashboard-views", {
      name: " ",
      config: { scope: "agency", panels: [] },
    });
    expect(bad.statusCode).toBe(400);
    const messages = JSON.stringify(bad.json());
    expect(messages).toContain("Cần đặt tên cho trang tổng quan");
    expect(bad.json().code).toBe("invalid_request");
    const noScope = await post("vanphong", "/api/dashboard-views", {
      name: "Một cơ quan",
      config: { scope: "agency", panels: ["totals"] },
    });
    expect(noScope.statusCode).toBe(400);
    expect(JSON.stringify(noScope.json())).toContain("Cần chọn kế hoạch, phần hoặc cơ quan của phạm vi");
    const byLeader = await post("lanhdao", "/api/dashboard-views", {
      name: "Của lãnh đạo",
      config: { scope: "province", panels: ["totals"] },
    });
    expect(byLeader.statusCode).toBe(403);
    expect(byLeader.json().message).toContain("cơ quan thường trực");
  });
});
