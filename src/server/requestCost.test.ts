import type { Logger } from "drizzle-orm";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencies, assignments } from "../db/schema/index.ts";
import { login, type TrackingApp, trackingApp } from "../testing/tracking.ts";

/**
 * What a request costs in SQL statements, and whether one slow kind of request can hold the
 * others hostage. Counts, not times: an N+1 query shows as a count that grows with the page,
 * and a blocked connection as requests finishing in the wrong order, on any machine.
 */
let statements = 0;
let userLookups = 0;
const counter: Logger = {
  logQuery(query) {
    statements++;
    if (/from "users" where "users"\."username" = \$1/.test(query)) userLookups++;
  },
};

let t: TrackingApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await trackingApp({ logger: counter });
  for (const user of ["vanphong", "congan", "lanhdao"]) cookies[user] = await login(t.app, user);
});

afterAll(async () => {
  await t?.close();
});

async function cost(user: string, url: string): Promise<{ statements: number; body: unknown }> {
  const before = statements;
  const response = await t.app.inject({ method: "GET", url, headers: { cookie: cookies[user]! } });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return { statements: statements - before, body: response.json() };
}

async function policeAssignments(limit: number) {
  return t.db
    .select({ id: assignments.id })
    .from(assignments)
    .innerJoin(
      agencies,
      and(eq(agencies.tenantId, assignments.tenantId), eq(agencies.id, assignments.agencyId)),
    )
    .where(
      and(eq(assignments.tenantId, t.tenantId), eq(agencies.code, "cong-an"), eq(assignments.role, "lead")),
    )
    .limit(limit);
}

describe("SQL statements per request", () => {
  it("reads the main pages in a few statements, however many rows they show", async () => {
    const plans = (await cost("vanphong", "/api/plans")).body as {
      items: { id: string; taskCount: number }[];
    };
    const planId = plans.items.reduce((a, b) => (b.taskCount > a.taskCount ? b : a)).id;

    const small = await cost("vanphong", `/api/tasks?planId=${planId}&limit=5`);
    const large = await cost("vanphong", `/api/tasks?planId=${planId}&limit=100`);
    expect((large.body as { items: unknown[] }).items.length).toBeGreaterThan(50);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(4);

    const filtered = await cost("vanphong", `/api/tasks?planId=${planId}&status=overdue&asOf=2026-12-31`);
    expect(filtered.statements).toBeLessThanOrEqual(small.statements);

    const summary = await cost("lanhdao", `/api/plans/${planId}/summary`);
    expect((summary.body as { byAgency: unknown[] }).byAgency.length).toBeGreaterThan(10);
    expect(summary.statements).toBeLessThanOrEqual(6);

    const mine = await cost("congan", "/api/tasks?limit=100");
    expect((mine.body as { items: unknown[] }).items.length).toBeGreaterThan(5);
    expect(mine.statements).toBe(small.statements);

    const rollup = await cost("lanhdao", "/api/rollups/status?by=agencyTree");
    expect(rollup.statements).toBeLessThanOrEqual(4);

    const tasks = (large.body as { items: { id: string; leadStatusCounts: Record<string, number> }[] }).items;
    const few = tasks.find((task) => Object.values(task.leadStatusCounts).reduce((a, b) => a + b, 0) === 1)!;
    const many = tasks.reduce((a, b) =>
      Object.keys(b.leadStatusCounts).length >= 1 && total(b) > total(a) ? b : a,
    );
    expect(total(many)).toBeGreaterThan(10);
    const taskFew = await cost("vanphong", `/api/tasks/${few.id}`);
    const taskMany = await cost("vanphong", `/api/tasks/${many.id}`);
    expect(taskMany.statements).toBe(taskFew.statements);
  });

  it("reads the review queue in the same number of statements for one report or many", async () => {
    const targets = await policeAssignments(6);
    const submit = (assignmentId: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/assignments/${assignmentId}/reports`,
        headers: { cookie: cookies.congan! },
        payload: { narrative: "Đã triển khai", percent: 40, links: ["https://congan.lamdong.gov.vn/a"] },
      });
    expect((await submit(targets[0]!.id)).statusCode).toBe(201);
    const one = await cost("vanphong", "/api/review-queue");
    for (const target of targets.slice(1)) expect((await submit(target.id)).statusCode).toBe(201);
    const several = await cost("vanphong", "/api/review-queue");
    expect((several.body as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(6);
    expect(several.statements).toBe(one.statements);
  });
});

const total = (task: { leadStatusCounts: Record<string, number> }) =>
  Object.values(task.leadStatusCounts).reduce((a, b) => a + b, 0);

describe("a burst of failed logins", () => {
  it("does not hold the database: other requests answer while the passwords are checked", async () => {
    const finished: string[] = [];
    userLookups = 0;
    const logins = Array.from({ length: 30 }, (_, i) =>
      t.app
        .inject({
          method: "POST",
          url: "/api/auth/login",
          // From many addresses and mostly unknown names: one address or one account would be
          // locked (or refused by the flood guard) long before thirty tries, which is tested in
          // routes/auth.test.ts; here the point is where the password checks run.
          payload: { username: i % 8 ? `khong-co-${i}` : "congan", password: `sai-mat-khau-${i}` },
          remoteAddress: `10.9.0.${i + 1}`,
        })
        .then((response) => {
          expect(response.statusCode).toBe(401);
          finished.push("login");
        }),
    );
    // The reads go once the logins have reached the database, so that they queue behind them.
    while (userLookups < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    const reads = ["/api/plans", "/api/me", "/api/notifications"].map((url) =>
      t.app.inject({ method: "GET", url, headers: { cookie: cookies.vanphong! } }).then((response) => {
        expect(response.statusCode).toBe(200);
        finished.push("read");
      }),
    );
    await Promise.all([...logins, ...reads]);
    // Password checks take CPU, not the connection: reads sent after thirty logins overtake most
    // of them. With the check inside a transaction, every read waited for every login before it.
    const lastRead = finished.lastIndexOf("read");
    expect(lastRead).toBeLessThan(20);
  }, 300_000);
});
