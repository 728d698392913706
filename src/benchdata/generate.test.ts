import argon2 from "argon2";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, demoUsers } from "../cli/demo.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { rowsOf } from "../db/migrate.ts";
import { createTestDatabase } from "../testing/database.ts";
import { BenchSeedRefused, type BenchSeedResult, seedBenchData } from "./generate.ts";

const AS_OF = "2026-06-30";
const CHECKED = [
  "agencies",
  "users",
  "tasks",
  "assignments",
  "deadline_changes",
  "progress_reports",
  "reviews",
  "evidence",
];

let handle: DatabaseHandle;
let first: BenchSeedResult;
let firstChecksums: Record<string, string>;

const query = async <T>(text: string) => rowsOf<T>(await handle.db.execute(sql.raw(text)));

/** One digest per table over every column of every row, in a fixed order. */
async function checksums(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of CHECKED) {
    const [row] = await query<{ digest: string }>(
      `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${table} t`,
    );
    out[table] = row!.digest;
  }
  return out;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  first = await seedBenchData(handle.db, { scale: "tiny", seed: 7, asOf: AS_OF });
  firstChecksums = await checksums();
}, 120_000);

afterAll(async () => {
  await handle?.close();
});

describe("bench data set (tiny scale)", () => {
  it("has the tenants, agencies, plans and rows in the expected ratios", async () => {
    const t = first.tables;
    expect(t.tenants!.rows).toBe(3);
    expect(t.tasks!.rows).toBe(2 * 40 + 10);
    const perTask = t.assignments!.rows / t.tasks!.rows;
    expect(perTask).toBeGreaterThan(2);
    expect(perTask).toBeLessThan(8);
    const perAssignment = t.progress_reports!.rows / t.assignments!.rows;
    expect(perAssignment).toBeGreaterThan(1);
    expect(perAssignment).toBeLessThan(8);
    expect(t.reviews!.rows).toBeLessThanOrEqual(t.progress_reports!.rows);
    expect(t.reviews!.rows).toBeGreaterThan(t.progress_reports!.rows * 0.6);
    const [central] = await query<{ kind: string; ministries: number }>(
      `select t.kind, count(a.*)::int as ministries from tenants t join agencies a on a.tenant_id = t.id
       where t.code = 'trung-uong' and a.level = 'department' group by t.kind`,
    );
    expect(central).toEqual({ kind: "central", ministries: 4 });
    const sections = await query<{ numeral: string }>(
      "select distinct numeral from plan_sections order by 1",
    );
    expect(sections.map((s) => s.numeral)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]);
  });

  it("gives Lâm Đồng the demo accounts with their roles, one shared password, unique usernames", async () => {
    const rows = await query<{ username: string; role: string; agency: string | null; hash: string }>(
      `select u.username, r.role, a.code as agency, u.password_hash as hash
       from users u join tenants t on t.id = u.tenant_id join user_roles r on r.user_id = u.id
       left join agencies a on a.tenant_id = u.tenant_id and a.id = u.agency_id
       where t.code = 'lam-dong'`,
    );
    for (const demo of demoUsers) {
      const row = rows.find((r) => r.username === demo.username);
      expect(row, demo.username).toBeDefined();
      expect(row!.role).toBe(demo.roles[0]);
      expect(row!.agency).toBe(demo.agency ?? null);
    }
    expect(await argon2.verify(rows[0]!.hash, DEMO_PASSWORD)).toBe(true);
    const [counts] = await query<{ users: number; usernames: number; hashes: number }>(
      "select count(*)::int as users, count(distinct username)::int as usernames, count(distinct password_hash)::int as hashes from users",
    );
    expect(counts!.usernames).toBe(counts!.users);
    expect(counts!.hashes).toBe(1);
  });

  it("keeps reports, reviews, completions and deadline changes consistent", async () => {
    const [c] = await query<Record<string, number>>(`select
      (select count(*)::int from reviews v join progress_reports r on r.tenant_id = v.tenant_id and r.id = v.report_id
        where v.created_at <= r.submitted_at) as review_before_submission,
      (select count(*)::int from progress_reports r where r.state in ('approved', 'returned')
        and not exists (select 1 from reviews v where v.tenant_id = r.tenant_id and v.report_id = r.id)) as decided_without_review,
      (select count(*)::int from progress_reports r where r.state in ('draft', 'awaiting_head', 'submitted')
        and exists (select 1 from reviews v where v.tenant_id = r.tenant_id and v.report_id = r.id)) as waiting_with_review,
      (select count(*)::int from assignments a left join lateral (
          select min(((r.submitted_at at time zone 'UTC') + interval '7 hours')::date) as d from progress_reports r
          where r.tenant_id = a.tenant_id and r.assignment_id = a.id and r.state = 'approved' and r.claims_completion) c on true
        where a.completed_on is distinct from c.d) as completion_mismatch,
      (select count(*)::int from assignments a join lateral (
          select d.requested_due_on from deadline_changes d where d.tenant_id = a.tenant_id and d.assignment_id = a.id
          and d.state = 'approved' order by d.decided_at desc limit 1) d on true
        where a.due_on is distinct from d.requested_due_on) as due_mismatch,
      (select count(*)::int from deadline_changes where state = 'approved' and previous_due_on is null
        and assignment_id in (select a.id from assignments a join tasks t on t.id = a.task_id where t.deadline_kind <> 'unspecified')) as lost_original,
      (select count(*)::int from progress_reports where greatest(submitted_at, updated_at, created_at) >= timestamptz '${AS_OF} 00:00+07') as after_as_of,
      (select count(*)::int from progress_reports where state = 'submitted') as waiting,
      (select count(*)::int from assignments where completed_on is not null) as completed`);
    expect(c).toMatchObject({
      review_before_submission: 0,
      decided_without_review: 0,
      waiting_with_review: 0,
      completion_mismatch: 0,
      due_mismatch: 0,
      lost_original: 0,
      after_as_of: 0,
    });
    expect(c!.waiting).toBeGreaterThan(0);
    expect(c!.completed).toBeGreaterThan(0);
  });

  it("derives the status facts of every assignment", async () => {
    const [c] = await query<{ assignments: number; facts: number }>(
      "select (select count(*)::int from assignments) as assignments, (select count(*)::int from assignment_status_facts) as facts",
    );
    expect(c!.facts).toBe(c!.assignments);
  });

  it("refuses a database that holds data, and leaves it as it was", async () => {
    await expect(seedBenchData(handle.db, { scale: "tiny", seed: 8, asOf: AS_OF })).rejects.toThrow(
      BenchSeedRefused,
    );
    await expect(seedBenchData(handle.db, { scale: "tiny", seed: 8, asOf: AS_OF })).rejects.toThrow(
      /đã có dữ liệu \(90 nhiệm vụ\).*--force/,
    );
    expect(await checksums()).toEqual(firstChecksums);
  });

  it("gives the same rows for the same seed (whatever the concurrency) and others for another seed", async () => {
    await seedBenchData(handle.db, { scale: "tiny", seed: 7, asOf: AS_OF, force: true, concurrency: 2 });
    expect(await checksums()).toEqual(firstChecksums);
    await seedBenchData(handle.db, { scale: "tiny", seed: 8, asOf: AS_OF, force: true });
    const other = await checksums();
    for (const table of ["tasks", "assignments", "progress_reports"])
      expect(other[table]).not.toBe(firstChecksums[table]);
  }, 120_000);
});
