import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agencies, auditLog, plans } from "../../db/schema/index.ts";
import { defaultRankingSettings } from "../../domain/ranking.ts";
import { openReportApp, POLICE, reportKit } from "../../testing/reportKit.ts";
import type { TrackingApp } from "../../testing/tracking.ts";

/**
 * The at-risk list, the ranking and its settings over HTTP on the demo province, as each role:
 * what each may ask (403), what does not exist (404), a period backwards (400).
 */
let t: TrackingApp;
const cookies = openReportApp((app) => {
  t = app;
});
const { get } = reportKit(() => t, cookies);

const UNKNOWN = "00000000-0000-4000-8000-000000000001";

async function agencyId(name: string) {
  const [row] = await t.db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.tenantId, t.tenantId), eq(agencies.name, name)));
  return row!.id;
}

const put = (user: string, url: string, payload: unknown) =>
  t.app.inject({ method: "PUT", url, headers: { cookie: cookies[user]! }, payload: payload as object });

describe("GET /api/ranking", () => {
  it("refuses a period that ends before it starts, in Vietnamese", async () => {
    const response = await get("lanhdao", "/api/ranking?from=2026-06-01&to=2026-01-31");
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Ngày kết thúc của kỳ đánh giá phải sau ngày bắt đầu");
  });

  it("answers 404 for a plan or agency the province does not have", async () => {
    expect((await get("lanhdao", `/api/ranking?planId=${UNKNOWN}`)).statusCode).toBe(404);
    const agency = await get("vanphong", `/api/ranking?agencyId=${UNKNOWN}`);
    expect(agency.statusCode).toBe(404);
    expect(agency.json().message).toContain("Không tìm thấy cơ quan, đơn vị");
  });

  it("gives agency staff their own row and refuses another agency's", async () => {
    const police = await agencyId(POLICE);
    const own = await get("congan", `/api/ranking?agencyId=${police}&from=2026-01-01&to=2026-12-31`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().items.map((r: { agencyId: string }) => r.agencyId)).toEqual([police]);
    expect(own.json().items[0].phrase).toMatch(/^(đứng thứ|đồng hạng) \d+\/\d+$|^chưa xếp hạng$/);
    const finance = await agencyId("Sở Tài chính");
    const other = await get("congan", `/api/ranking?agencyId=${finance}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toContain("cơ quan, đơn vị mình");
    expect((await get("lanhdao", `/api/ranking?agencyId=${finance}`)).statusCode).toBe(200);
  });

  it("ranks every agency of the province for a plan, peers apart, positions counted within the group", async () => {
    const [plan] = await t.db
      .select({ id: plans.id })
      .from(plans)
      .where(eq(plans.tenantId, t.tenantId))
      .limit(1);
    const response = await get("vanphong", `/api/ranking?planId=${plan!.id}&from=2025-01-01&to=2026-12-31`);
    expect(response.statusCode, response.body).toBe(200);
    const { items, groups } = response.json() as {
      items: { peerGroup: string; position: number | null; ranked: number }[];
      groups: { peerGroup: string; ranked: number }[];
    };
    expect(items.length).toBeGreaterThan(5);
    for (const group of groups) {
      const rows = items.filter((r) => r.peerGroup === group.peerGroup);
      expect(rows.filter((r) => r.position !== null)).toHaveLength(group.ranked);
      for (const row of rows)
        if (row.position !== null) expect(row.position).toBeLessThanOrEqual(group.ranked);
    }
  });
});

describe("GET /api/at-risk", () => {
  it("keeps agency staff to their agency and refuses another's", async () => {
    const police = await agencyId(POLICE);
    const own = await get("congan", "/api/at-risk?limit=500");
    expect(own.statusCode, own.body).toBe(200);
    for (const row of own.json().items) expect(row.agencyId).toBe(police);
    const finance = await agencyId("Sở Tài chính");
    expect((await get("congan", `/api/at-risk?agencyId=${finance}`)).statusCode).toBe(403);
    expect((await get("lanhdao", `/api/at-risk?agencyId=${finance}`)).statusCode).toBe(200);
    expect((await get("lanhdao", `/api/at-risk?planId=${UNKNOWN}`)).statusCode).toBe(404);
    expect((await get("lanhdao", "/api/at-risk?after=khong-hop-le")).statusCode).toBe(400);
  });

  it("shows the province to a leader, each row with its reasons", async () => {
    const response = await get("lanhdao", "/api/at-risk?limit=20&asOf=2026-12-31");
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.total).toBeGreaterThan(0);
    for (const row of body.items) expect(row.reasons.length).toBeGreaterThan(0);
  });
});

describe("ranking settings", () => {
  const settings = { ...defaultRankingSettings, weights: { ...defaultRankingSettings.weights, returns: 0 } };

  it("lets the standing office change the weights, audited, and nobody else", async () => {
    expect((await put("congan", "/api/ranking/settings", settings)).statusCode).toBe(403);
    expect((await put("lanhdao", "/api/ranking/settings", settings)).statusCode).toBe(403);
    const saved = await put("vanphong", "/api/ranking/settings", settings);
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await get("congan", "/api/ranking/settings")).json().weights.returns).toBe(0);
    expect((await get("lanhdao", "/api/ranking?asOf=2026-12-31")).json().settings.weights.returns).toBe(0);
    const rows = await t.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, t.tenantId), eq(auditLog.action, "ranking.settings_saved")));
    expect(rows).toHaveLength(1);
  });

  it("refuses bands that do not go down and weights that are all zero", async () => {
    const bands = await put("vanphong", "/api/ranking/settings", {
      ...settings,
      bands: { excellent: 50, good: 80, fair: 65, average: 40 },
    });
    expect(bands.statusCode).toBe(400);
    expect(bands.body).toContain("Ngưỡng xếp loại phải giảm dần");
    const zero = await put("admin", "/api/ranking/settings", {
      ...settings,
      weights: { onTime: 0, overdue: 0, timeliness: 0, completeness: 0, returns: 0 },
    });
    expect(zero.statusCode).toBe(400);
  });
});
