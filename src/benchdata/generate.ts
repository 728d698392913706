import argon2 from "argon2";
import { sql } from "drizzle-orm";
import { DEMO_PASSWORD } from "../cli/demo.ts";
import type { Database, Transaction } from "../db/client.ts";
import { refreshStatusFacts } from "../db/statusFacts.ts";
import { type IsoDate, vietnamDate } from "../domain/dates.ts";
import { buildTree, centralSeeds, provinceSeeds, type TenantSpec, type TenantTree } from "./agencies.ts";
import { type AssignmentPlan, expandAssignments } from "./assignments.ts";
import { type Day, dayOf, instantOf } from "./calendar.ts";
import { calibrate } from "./calibrate.ts";
import { communeCounts, provinces } from "./places.ts";
import { assignmentsPerTask, buildPlans, buildTasks, type UpstreamIndex } from "./plans.ts";
import { Ids, Rng } from "./prng.ts";
import { type HistoryContext, writeHistory } from "./reports.ts";
import { addAssignment, addHistory, addPlan, addTask, addTree, addUsers, registerTables } from "./rows.ts";
import { DATA_FROM, DATA_TO, type Scale, type ScaleName, scales } from "./scale.ts";
import { baseUserCount, buildUsers } from "./users.ts";
import { BulkWriter, emptyDatabase, existingData } from "./writer.ts";

export interface BenchSeedOptions {
  scale: ScaleName | Scale;
  seed: number;
  /** The day the data set is "today" for: nothing happens on or after it. Default: today, at most 2026-12-31. */
  asOf?: IsoDate;
  /** Empty a database that already holds data instead of refusing it. */
  force?: boolean;
  /** Tenants written at once, each on its own connection (PostgreSQL: 2 uses both cores; PGlite: 1). */
  concurrency?: number;
  /** Progress lines (what, how many, how long). */
  log?: (line: string) => void;
}

export interface BenchSeedResult {
  asOf: IsoDate;
  /** Rows written per table, and the time the database spent writing them. */
  tables: Record<string, { rows: number; milliseconds: number }>;
  seconds: number;
}

/** The database already holds data and `force` was not given. */
export class BenchSeedRefused extends Error {
  override name = "BenchSeedRefused";
}

interface Planned {
  spec: TenantSpec;
  tree: TenantTree;
}

interface Run {
  scale: Scale;
  seed: number;
  ids: Ids;
  lastDay: Day;
  passwordHash: string;
  upstream: UpstreamIndex;
  totals: BenchSeedResult["tables"];
  log: (line: string) => void;
  started: number;
}

/**
 * Fills an empty, migrated database with the benchmark data set. Each tenant is written in one
 * transaction (its raw rows, then its status facts), so a tenant is there whole or not at all;
 * tenants go `concurrency` at a time, the central level first because provincial tasks link to
 * its tasks. Works on PostgreSQL and PGlite (tests); only the CLI insists on PostgreSQL.
 * Deterministic: the same seed, scale and as-of day give the same rows, whatever the concurrency.
 */
export async function seedBenchData(db: Database, options: BenchSeedOptions): Promise<BenchSeedResult> {
  const started = performance.now();
  const scale = typeof options.scale === "string" ? scales[options.scale] : options.scale;
  const asOf = options.asOf ?? minIso(vietnamDate(new Date()), DATA_TO);
  const lastDay = dayOf(asOf) - 1;
  if (lastDay < dayOf(DATA_FROM) + 60) throw new Error(`as-of day ${asOf} leaves no room for a history`);
  const log = options.log ?? (() => {});
  const root = new Rng(`dondoc-bench:${options.seed}`);
  const ids = new Ids(options.seed);
  const planned = planTenants(scale, ids, root.fork("tenants"));
  // One hash for every account (hashing 10,000 passwords would take minutes); salted from the
  // seed so that the users table, too, is the same on every run.
  const salt = Buffer.from(Array.from({ length: 16 }, () => root.int(0, 255)));
  const passwordHash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id, salt });

  await db.transaction((tx) => refuseOrEmpty(tx, options.force ?? false, log));
  const run: Run = {
    scale,
    seed: options.seed,
    ids,
    lastDay,
    passwordHash,
    upstream: new Map(),
    totals: {},
    log,
    started,
  };
  const write = (tenant: Planned) => db.transaction((tx) => generateTenant(run, tx, tenant));
  for (const tenant of planned.filter((p) => p.spec.kind === "central")) await write(tenant);
  await inParallel(
    planned.filter((p) => p.spec.kind !== "central"),
    Math.max(1, options.concurrency ?? 1),
    write,
  );
  const vacuumed = performance.now();
  // Nothing may rely on autovacuum (it is off on some servers): visibility map and statistics
  // are set here, so that the first benchmark run does not pay for them.
  await db.execute(sql`vacuum (analyze)`);
  log(line(started, `VACUUM (ANALYZE) xong (${seconds(vacuumed)} s)`));
  return { asOf, tables: run.totals, seconds: (performance.now() - started) / 1000 };
}

/** Runs `work` over the items, at most `limit` at a time; the first failure stops the rest. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>) {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (rejected) throw rejected.reason;
}

async function refuseOrEmpty(tx: Transaction, force: boolean, log: (line: string) => void) {
  const existing = await existingData(tx);
  if (existing.tasks === 0 && existing.tenants === 0) return;
  if (!force) {
    const what =
      existing.tasks > 0
        ? `${existing.tasks.toLocaleString("vi-VN")} nhiệm vụ`
        : `${existing.tenants.toLocaleString("vi-VN")} tỉnh/đơn vị dữ liệu`;
    throw new BenchSeedRefused(
      `Cơ sở dữ liệu đã có dữ liệu (${what}); bộ dữ liệu đo hiệu năng chỉ nạp vào cơ sở dữ liệu trống. ` +
        "Thêm --force để xóa toàn bộ dữ liệu hiện có rồi nạp lại.",
    );
  }
  await emptyDatabase(tx);
  log("Đã xóa dữ liệu cũ (--force).");
}

/** Tenants, their agency trees and their share of tasks and accounts, before anything is written. */
function planTenants(scale: Scale, ids: Ids, rng: Rng): Planned[] {
  const communes = communeCounts(scale.provinces, scale.communes);
  const planned: Planned[] = provinces.slice(0, scale.provinces).map((province, index) => {
    const spec: TenantSpec = {
      index,
      id: ids.of("tenant", 0, index),
      code: province.code,
      name: `${province.city ? "Thành phố" : "Tỉnh"} ${province.name}`,
      kind: "province",
      province,
      communes: communes[index]!,
      tasks: 0,
      extraUsers: 0,
    };
    return {
      spec,
      tree: buildTree(spec, provinceSeeds(spec, scale.departments, rng.fork(province.code)), ids),
    };
  });
  if (scale.central) {
    const index = scale.provinces;
    const spec: TenantSpec = {
      index,
      id: ids.of("tenant", 0, index),
      code: "trung-uong",
      name: "Ban Chỉ đạo Trung ương",
      kind: "central",
      communes: 0,
      tasks: scale.plansCentral * scale.tasksPerCentralPlan,
      extraUsers: 0,
    };
    planned.push({ spec, tree: buildTree(spec, centralSeeds(scale.ministries), ids) });
  }
  shareTasks(scale, planned);
  shareUsers(scale, planned);
  return planned;
}

/** The same number of tasks in every province, enough for the scale's assignment count. */
function shareTasks(scale: Scale, planned: Planned[]) {
  const provincial = planned.filter((p) => p.spec.kind === "province");
  const central = planned.find((p) => p.spec.kind === "central");
  const centralAssignments = central
    ? central.spec.tasks * assignmentsPerTask(0, central.tree.departments.length)
    : 0;
  const perTask = provincial.reduce(
    (sum, p) => sum + assignmentsPerTask(p.tree.communes.length, p.tree.departments.length),
    0,
  );
  const tasks = scale.tasksPerProvince ?? Math.round((scale.assignments - centralAssignments) / perTask);
  for (const p of provincial) p.spec.tasks = tasks;
}

/** Extra officers, spread over the provinces, so the scale's user total holds exactly. */
function shareUsers(scale: Scale, planned: Planned[]) {
  if (!scale.users) return;
  const base = planned.reduce((sum, p) => sum + baseUserCount(p.spec, p.tree), 0);
  const extra = Math.max(0, scale.users - base);
  const provincial = planned.filter((p) => p.spec.kind === "province");
  provincial.forEach((p, i) => {
    p.spec.extraUsers = Math.floor(extra / provincial.length) + (i < extra % provincial.length ? 1 : 0);
  });
}

async function generateTenant(run: Run, tx: Transaction, { spec, tree }: Planned) {
  const tenantStarted = performance.now();
  // Hash joins and sorts of the facts refresh over a province's reports stay in memory.
  await tx.execute(sql`set local work_mem = '128MB'`);
  const writer = new BulkWriter(tx, run.scale.batchSize);
  const tables = registerTables(writer);
  // Derived from the seed and the tenant alone, so that the order tenants run in does not matter.
  const rng = new Rng(`dondoc-bench:${run.seed}:tenant:${spec.code}`);
  const at = instantOf(dayOf(DATA_FROM), 8 * 60);
  const users = buildUsers(spec, tree, run.ids, rng.fork("users"));
  addTree(tables, spec, tree, at);
  addUsers(tables, spec, users, run.passwordHash, at);

  const planCount = spec.kind === "central" ? run.scale.plansCentral : run.scale.plansPerProvince;
  const plans = buildPlans(spec, planCount, run.lastDay, run.ids, rng.fork("plans"));
  const taskCounts = split(spec.tasks, plans.length, rng.fork("split"));
  const taskRng = rng.fork("tasks");
  const fateCtx = { spec, users, lastDay: run.lastDay, ids: run.ids, rng: rng.fork("fates") };
  const assignments: AssignmentPlan[] = [];
  let taskTotal = 0;
  for (const [i, plan] of plans.entries()) {
    addPlan(tables, spec, plan);
    const tasks = buildTasks(spec, tree, plan, taskCounts[i]!, run.upstream, run.ids, taskRng);
    taskTotal += tasks.length;
    if (spec.kind === "central") {
      run.upstream.set(plan.number, { tenantId: spec.id, taskIds: tasks.map((t) => t.id) });
    }
    for (const task of tasks) {
      addTask(tables, spec, task, () => run.ids.next("taskLink", spec.index));
      for (const a of expandAssignments(task, fateCtx)) {
        assignments.push(a);
        addAssignment(tables, spec, a);
      }
    }
    await writer.drain();
  }

  const target = run.scale.reportsPerAssignment * assignments.length;
  const p = calibrate(assignments, target, (rate, r, ids) =>
    historyContext(run, spec, tree, users, rate, r, ids),
  );
  const history = historyContext(run, spec, tree, users, p, rng.fork("history"), run.ids);
  for (const [i, a] of assignments.entries()) {
    writeHistory(a, history);
    addHistory(tables, spec, history.out);
    if (i % 256 === 0) await writer.drain();
  }
  await writer.finish();
  const factsStarted = performance.now();
  // The tenant's rows are in no statistics yet (after TRUNCATE there are none at all): the planner
  // would take them for one row and nest loops over the refresh's CTE (quadratic), or, told not
  // to, hash the tenant's reviews against its assignments on tenant alone (a temp file that filled
  // the disk). ANALYZE here sees this transaction's own rows. It is self-exclusive until commit, so
  // the other worker's refresh waits for this one; the table order is the same, so never a deadlock.
  await tx.execute(sql`analyze assignments, tasks, deadline_changes, progress_reports`);
  await refreshStatusFacts(tx, spec.id);
  const stats = writer.stats();
  for (const [table, s] of Object.entries(stats)) {
    const total = run.totals[table] ?? { rows: 0, milliseconds: 0 };
    total.rows += s.rows;
    total.milliseconds += s.milliseconds;
    run.totals[table] = total;
  }
  run.log(
    line(
      run.started,
      `${spec.code}: ${plans.length} kế hoạch, ${n(taskTotal)} nhiệm vụ, ${n(assignments.length)} phân công, ` +
        `${n(stats.progress_reports?.rows ?? 0)} báo cáo, ${n(stats.reviews?.rows ?? 0)} lượt duyệt ` +
        `(${seconds(tenantStarted)} s, trong đó dữ kiện trạng thái ${seconds(factsStarted)} s; hệ số báo cáo ${p.toFixed(2)})`,
    ),
  );
}

function historyContext(
  run: Run,
  spec: TenantSpec,
  tree: TenantTree,
  users: HistoryContext["users"],
  p: number,
  rng: Rng,
  ids: Ids,
): HistoryContext {
  const abbreviations = new Map(tree.units.map((a) => [a.id, abbreviate(a.shortName ?? a.name)]));
  return {
    tenant: spec.index,
    users,
    lastDay: run.lastDay,
    limit: instantOf(run.lastDay, 23 * 60 + 59),
    p,
    domain: spec.province?.domain ?? "chinhphu.vn",
    abbreviation: (agencyId) => abbreviations.get(agencyId) ?? "UBND",
    ids,
    rng,
    out: { reports: [], reviews: [], evidence: [] },
  };
}

/** `total` split into `parts` uneven shares that add up exactly. */
function split(total: number, parts: number, rng: Rng): number[] {
  if (parts === 0) return [];
  const weights = Array.from({ length: parts }, () => 0.6 + 0.8 * rng.float());
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((w * total) / sum));
  let rest = total - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts, rest--) shares[i]! += 1;
  return shares;
}

/** "Sở Khoa học và Công nghệ" → "SKHCN", as agencies abbreviate themselves in document numbers. */
function abbreviate(name: string): string {
  const letters = name
    .split(/[\s,&-]+/)
    .filter((w) => w && w !== "và" && w !== "các")
    .map((w) => w[0]!.toUpperCase());
  return letters.join("").slice(0, 8) || "UBND";
}

const minIso = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
const n = (value: number) => value.toLocaleString("vi-VN");
const seconds = (since: number) =>
  ((performance.now() - since) / 1000).toLocaleString("vi-VN", { maximumFractionDigits: 1 });
const line = (started: number, text: string) => `[${seconds(started).padStart(6)} s] ${text}`;
