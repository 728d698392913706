/**
 * Query plans of the heavy reads, written to docs/queries/ (issue 7, part 4):
 *
 *   DATABASE_URL=postgres://… npm run bench -- explain [--out docs/queries/national]
 *
 * Runs the real query functions of src/queries (whatever they are at the time: they are looked
 * up by name when this runs) on the data set behind DATABASE_URL, as the routes call them, with a
 * drizzle logger that captures every SQL statement and its parameters; then runs
 * EXPLAIN (ANALYZE, BUFFERS) of each statement in a read-only transaction that is rolled back,
 * and writes one markdown file per query: the call, its statements, parameters, plans and
 * timings, with the date and the scale of the data.
 */

import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { POSTGRES_SESSION_OPTIONS, redactUrl as redact } from "../src/db/client.ts";
import * as schema from "../src/db/schema/index.ts";
import { vietnamDate } from "../src/domain/dates.ts";

let OUT = fileURLToPath(new URL("../docs/queries/", import.meta.url));
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Statement {
  sql: string;
  params: unknown[];
}

interface Case {
  file: string;
  title: string;
  /** The call as the route makes it, for the reader. */
  call: string;
  run: () => Promise<unknown>;
}

const json = (value: unknown) =>
  JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v)) ?? "undefined";

/** A function exported by a module of src/queries, or an explanation of why it is not there. */
async function exported<F>(module: string, name: string): Promise<F> {
  const loaded = (await import(new URL(`../src/queries/${module}`, import.meta.url).href)) as Record<
    string,
    unknown
  >;
  if (typeof loaded[name] !== "function") throw new Error(`src/queries/${module} không còn hàm ${name}`);
  return loaded[name] as F;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length) {
    if (args[0] !== "--out" || !args[1] || args.length > 2) {
      log("Cách dùng: npm run bench -- explain [--out THƯ_MỤC] (mặc định docs/queries/)");
      return 2;
    }
    OUT = `${path.resolve(args[1])}${path.sep}`;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    log("Cần DATABASE_URL: cơ sở dữ liệu PostgreSQL đã nạp dữ liệu (vd. bằng dondoc bench seed).");
    return 2;
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, options: POSTGRES_SESSION_OPTIONS });
  pool.on("error", () => {});
  try {
    await pool.query("select 1");
  } catch (error) {
    log(`Lỗi: không kết nối được ${redact(databaseUrl)}: ${(error as Error).message}`);
    await pool.end().catch(() => {});
    return 1;
  }
  try {
    return await explainAll(pool, databaseUrl);
  } finally {
    await pool.end();
  }
}

async function explainAll(pool: pg.Pool, databaseUrl: string): Promise<number> {
  let captured: Statement[] | null = null;
  const db = drizzle({
    client: pool,
    schema,
    logger: { logQuery: (sql, params) => captured?.push({ sql, params }) },
  }) as never;

  const tenantCode = process.env.DONDOC_TENANT || "lam-dong";
  const one = async <T>(text: string, values: unknown[] = []) =>
    (await pool.query(text, values)).rows[0] as T | undefined;
  const tenant = await one<{ id: string; name: string }>("select id, name from tenants where code = $1", [
    tenantCode,
  ]);
  if (!tenant) {
    log(`Lỗi: không có tỉnh "${tenantCode}" trong ${redact(databaseUrl)}.`);
    return 1;
  }
  const principalRow = await one<{
    userId: string;
    tenantId: string;
    username: string;
    agencyId: string | null;
    roles: string[];
  }>(
    `select u.id as "userId", u.tenant_id as "tenantId", u.username, u.agency_id as "agencyId",
            coalesce(array_agg(r.role::text) filter (where r.role is not null), '{}') as roles
       from users u left join user_roles r on r.tenant_id = u.tenant_id and r.user_id = u.id
      where u.tenant_id = $1 and u.username = 'vanphong'
      group by u.tenant_id, u.id`,
    [tenant.id],
  );
  if (!principalRow) {
    log('Lỗi: không có tài khoản "vanphong" (cơ quan thường trực) trong dữ liệu.');
    return 1;
  }
  const plan = await one<{ id: string; name: string; tasks: number }>(
    `select p.id, p.name, count(t.id)::int as tasks
       from plans p join tasks t on t.tenant_id = p.tenant_id and t.plan_id = p.id and t.removed_at is null
      where p.tenant_id = $1 group by p.tenant_id, p.id order by count(t.id) desc, p.id limit 1`,
    [tenant.id],
  );
  if (!plan) {
    log("Lỗi: dữ liệu không có kế hoạch nào có nhiệm vụ.");
    return 1;
  }

  const tenantId = tenant.id;
  const asOf = vietnamDate(new Date());
  const scope = { kind: "all" as const };
  const tasksModule = (await import(new URL("../src/queries/tasks.ts", import.meta.url).href)) as {
    taskFilters?: { parse(input: unknown): unknown };
  };
  // The route's filters, with the schema's defaults (and any parameter added since).
  const filters = (input: Record<string, unknown>) => tasksModule.taskFilters?.parse(input) ?? input;
  type ListTasks = (db: never, tenantId: string, scope: unknown, filters: unknown) => Promise<unknown>;
  const listTasks = () => exported<ListTasks>("tasks.ts", "listTasks");
  const cases: Case[] = [
    {
      file: "listTasks-first-page",
      title: "listTasks: first page of the largest plan",
      call: `listTasks(db, tenantId, { kind: "all" }, taskFilters.parse({ planId: "${plan.id}", limit: 50 }))`,
      run: async () => (await listTasks())(db, tenantId, scope, filters({ planId: plan.id, limit: 50 })),
    },
    {
      file: "listTasks-status-overdue",
      title: "listTasks: status filter (overdue), whole province",
      call: 'listTasks(db, tenantId, { kind: "all" }, taskFilters.parse({ status: "overdue", limit: 50 }))',
      run: async () => (await listTasks())(db, tenantId, scope, filters({ status: "overdue", limit: 50 })),
    },
    {
      file: "listTasks-search",
      title: 'listTasks: text search "cong an", whole province',
      call: 'listTasks(db, tenantId, { kind: "all" }, taskFilters.parse({ q: "cong an", limit: 50 }))',
      run: async () => (await listTasks())(db, tenantId, scope, filters({ q: "cong an", limit: 50 })),
    },
    {
      file: "getPlanSummary",
      title: "getPlanSummary: the largest plan",
      call: `getPlanSummary(db, tenantId, "${plan.id}", "${asOf}")`,
      run: async () =>
        (
          await exported<(db: never, t: string, p: string, a: string) => Promise<unknown>>(
            "planSummary.ts",
            "getPlanSummary",
          )
        )(db, tenantId, plan.id, asOf),
    },
    {
      file: "listReviewQueue",
      title: "listReviewQueue: the standing office's review queue",
      call: "listReviewQueue(db, tenantId, principal(vanphong), { limit: 200, offset: 0 })",
      run: async () =>
        (
          await exported<(db: never, t: string, p: unknown, page: unknown) => Promise<unknown>>(
            "reviewQueue.ts",
            "listReviewQueue",
          )
        )(db, tenantId, principalRow, { limit: 200, offset: 0 }),
    },
  ];

  const scale = await one<Record<string, number>>(
    `select (select count(*) from tenants)::int as tenants,
            (select count(*) from plans where tenant_id = $1)::int as plans,
            (select count(*) from tasks where tenant_id = $1)::int as tasks,
            (select count(*) from assignments where tenant_id = $1)::int as assignments,
            (select count(*) from progress_reports where tenant_id = $1)::int as reports,
            (select count(*) from tasks)::int as "allTasks",
            (select count(*) from assignments)::int as "allAssignments",
            (select count(*) from progress_reports)::int as "allReports"`,
    [tenantId],
  );
  const version = (await one<{ v: string }>("select current_setting('server_version') as v"))?.v ?? "?";
  let commit = "?";
  try {
    commit = execSync("git rev-parse --short HEAD", { stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
  } catch {}
  const when = `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const s = scale ?? {};
  const header = [
    `- Date: ${when}; code at ${commit} plus uncommitted changes; ${os.cpus().length} cores`,
    `- Database: ${redact(databaseUrl)} (PostgreSQL ${version}); tenant ${tenantCode} (${tenant.name}); statuses as of ${asOf}`,
    `- Scale: this tenant ${s.plans} plans, ${s.tasks} tasks, ${s.assignments} assignments, ${s.reports} reports; ` +
      `whole database ${s.tenants} tenants, ${s.allTasks} tasks, ${s.allAssignments} assignments, ${s.allReports} reports`,
  ];

  fs.mkdirSync(OUT, { recursive: true });
  const index: string[] = [];
  for (const c of cases) {
    log(`${c.file}…`);
    const lines = [`# ${c.title}`, "", ...header, `- Call: \`${c.call}\``];
    try {
      captured = null;
      await c.run(); // warm: caches and the connection, not measured
      captured = [];
      const started = performance.now();
      await c.run();
      const elapsed = performance.now() - started;
      const statements: Statement[] = captured;
      captured = null;
      lines.push(
        `- Function call (second run): ${elapsed.toFixed(1)} ms, ${statements.length} SQL statements`,
        "",
      );
      let planningTotal = 0;
      let executionTotal = 0;
      for (const [i, statement] of statements.entries()) {
        const plan = await explain(pool, statement);
        const planning = Number(/Planning Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN);
        const execution = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN);
        if (Number.isFinite(planning)) planningTotal += planning;
        if (Number.isFinite(execution)) executionTotal += execution;
        const timing = Number.isFinite(execution)
          ? ` — planning ${planning.toFixed(1)} ms, execution ${execution.toFixed(1)} ms`
          : "";
        lines.push(
          `## Statement ${i + 1}/${statements.length}${timing}`,
          "",
          "```sql",
          statement.sql,
          "```",
          "",
          `Parameters: \`${json(statement.params)}\``,
          "",
          "```",
          plan,
          "```",
          "",
        );
      }
      index.push(
        `| [${c.file}](${c.file}.md) | ${statements.length} | ${planningTotal.toFixed(1)} | ${executionTotal.toFixed(1)} | ${elapsed.toFixed(1)} |`,
      );
    } catch (error) {
      captured = null;
      lines.push("", `Could not run: ${(error as Error).message}`, "");
      index.push(`| [${c.file}](${c.file}.md) | – | – | – | failed: ${(error as Error).message} |`);
    }
    fs.writeFileSync(`${OUT}${c.file}.md`, `${lines.join("\n").trimEnd()}\n`);
  }
  fs.writeFileSync(
    `${OUT}README.md`,
    [
      "# Query plans of the heavy reads",
      "",
      "Written by `DATABASE_URL=postgres://… npm run bench -- explain` (bench/explain.ts): the SQL that",
      "the real query functions send, captured with a drizzle logger, and `EXPLAIN (ANALYZE, BUFFERS)` of",
      "each statement in a read-only transaction. The function call is timed on its second run (the",
      "first warms caches); it includes building the SQL, the round trips and presenting the rows.",
      "Run again after changing a query. docs/queries/ holds the province data set (`dondoc bench seed",
      "--scale province`), docs/queries/national/ the national one (`--out docs/queries/national`).",
      "",
      ...header,
      "",
      "| query | statements | planning (ms, sum) | execution (ms, sum) | function call (ms) |",
      "| --- | ---: | ---: | ---: | ---: |",
      ...index,
      "",
    ].join("\n"),
  );
  log(`Đã ghi ${cases.length} tệp vào ${path.relative(process.cwd(), OUT) || "."}/.`);
  return 0;
}

/** EXPLAIN (ANALYZE, BUFFERS) of one statement, in a read-only transaction rolled back after. */
async function explain(pool: pg.Pool, statement: Statement): Promise<string> {
  const client = await pool.connect();
  try {
    await client.query("begin read only");
    const result = await client.query<{ "QUERY PLAN": string }>(
      `explain (analyze, buffers) ${statement.sql}`,
      statement.params as unknown[],
    );
    return result.rows.map((r) => r["QUERY PLAN"]).join("\n");
  } catch (error) {
    return `(EXPLAIN failed: ${(error as Error).message})`;
  } finally {
    await client.query("rollback").catch(() => {});
    client.release();
  }
}

process.exitCode = await main();
