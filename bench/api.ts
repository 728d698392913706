/**
 * API speed under load, printed, never asserted (issue 7, part 4):
 *
 *   npm run bench -- api [--json] [--url URL] [--duration S] [--connections N] [--only NAME,…]
 *
 * Starts `dondoc serve` on DATABASE_URL (a seeded data set) on a free port, or measures the
 * server at --url; logs in as the data set's demo accounts of lam-dong and finds what it needs
 * through the API; then measures with autocannon p50, p95, p99 latency, requests/s and errors of
 * each endpoint for a fixed time, and a mixed load (80% reads, 20% writes, 100 connections).
 * The targets of the issue are printed next to the figures, met or missed; exit 0 when it ran.
 */
import os from "node:os";
import { parseArgs, selected, USAGE, UsageError } from "./api/args.ts";
import { MULTIPART_TYPE, pdfOfSize, reportForm, uploadId } from "./api/evidence.ts";
import { Api, discover, type Fixture, LIMIT, PASSWORD, type Slot } from "./api/fixture.ts";
import { countOf, load, merge, type Outcome, type Step } from "./api/load.ts";
import { asJson, formatTable, type Measured, summarize, type TargetKind } from "./api/report.ts";
import { BenchError, connectToServer, startServer, type Target } from "./api/server.ts";

const log = (line: string) => process.stderr.write(`${line}\n`);
const MB = 1024 * 1024;
const NARRATIVE = "Báo cáo thử của phép đo hiệu năng (npm run bench -- api).";
const RETURN_COMMENT = "Phép đo hiệu năng (npm run bench -- api): trả lại báo cáo thử.";

const redact = (url: string) => {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(DATABASE_URL không đọc được)";
  }
};

interface Read {
  name: string;
  target: TargetKind;
  path: string;
  account: keyof Fixture["cookies"];
  what: string;
}

function reads(f: Fixture): Read[] {
  const plan = `kế hoạch "${f.plan.name}" (${f.plan.taskCount} nhiệm vụ)`;
  return [
    {
      name: "listTasks first page (plan)",
      target: "list",
      path: `/api/tasks?planId=${f.plan.id}&limit=${LIMIT}&offset=0`,
      account: "vanphong",
      what: `trang đầu (${LIMIT} dòng) của ${plan}`,
    },
    {
      name: "listTasks first page (province)",
      target: "list",
      path: `/api/tasks?limit=${LIMIT}&offset=0`,
      account: "vanphong",
      what: `trang đầu của mọi nhiệm vụ trong tỉnh (${f.provinceTotal})`,
    },
    {
      name: "listTasks deep page",
      target: "list",
      path: f.deepPage.path,
      account: "vanphong",
      what: `trang sâu: ${f.deepPage.how}`,
    },
    {
      name: "listTasks status=overdue",
      target: "list",
      path: `/api/tasks?status=overdue&limit=${LIMIT}&offset=0`,
      account: "vanphong",
      what: "lọc trạng thái quá hạn, toàn tỉnh",
    },
    {
      name: "listTasks q=cong an",
      target: "list",
      path: `/api/tasks?q=${encodeURIComponent("cong an")}&limit=${LIMIT}&offset=0`,
      account: "vanphong",
      what: 'tìm "cong an", toàn tỉnh',
    },
    {
      name: "listTasks agencyId",
      target: "list",
      path: `/api/tasks?agencyId=${f.agency.id}&limit=${LIMIT}&offset=0`,
      account: "vanphong",
      what: `lọc theo cơ quan (${f.agency.name}), toàn tỉnh`,
    },
    {
      name: "getTask",
      target: "read",
      path: `/api/tasks/${f.task.id}`,
      account: "vanphong",
      what: `nhiệm vụ ${f.task.ref} (${f.task.assignments} cơ quan được giao, nhiều nhất trang đầu)`,
    },
    {
      name: "getPlanSummary",
      target: "list",
      path: `/api/plans/${f.plan.id}/summary`,
      account: "lanhdao",
      what: `tổng hợp ${plan}, tài khoản lanhdao`,
    },
    {
      name: "my tasks (congan)",
      target: "list",
      path: f.myTasksPath,
      account: "congan",
      what: `"Nhiệm vụ của tôi" của ${f.agency.name} (${f.myTasks} nhiệm vụ, limit=500 như trang web)`,
    },
    {
      name: "listReviewQueue",
      target: "read",
      path: "/api/review-queue?limit=200&offset=0",
      account: "vanphong",
      what: `hàng chờ duyệt (${f.reviewQueueTotal} báo cáo, limit=200 như trang web)`,
    },
  ];
}

const isError = (status: number) => status < 200 || status >= 300;

interface QueueItem {
  id: string;
  state: string;
  agencyId: string;
  narrative: string;
  submittedAt: string | null;
}

const QUEUE_PAGE = 200;

/**
 * Returns every report this benchmark sent since `since` that still waits for a decision, found
 * on the server (a report sent just before a run stopped is created even though its answer was
 * never read): the standing office returns the submitted ones, the agency's head those awaiting
 * the head. The queue is oldest first, so it is read from its last page back to `since`.
 */
async function returnOwnReports(api: Api, f: Fixture, since: Date): Promise<number> {
  let returned = 0;
  for (const [account, action] of [
    ["vanphong", "review"],
    ["truongcongan", "head-decision"],
  ] as const) {
    const cookie = f.cookies[account];
    const own: string[] = [];
    const queue = (offset: number) =>
      api.get<{ total: number; items: QueueItem[] }>(
        `/api/review-queue?limit=${QUEUE_PAGE}&offset=${offset}`,
        cookie,
      );
    const { total } = await queue(0);
    for (let offset = Math.floor(Math.max(0, total - 1) / QUEUE_PAGE) * QUEUE_PAGE; offset >= 0; ) {
      const page = await queue(offset);
      for (const item of page.items) {
        if (item.agencyId === f.agency.id && item.narrative === NARRATIVE) own.push(item.id);
      }
      const oldest = page.items[0]?.submittedAt;
      if (!oldest || new Date(oldest) < since) break;
      offset -= QUEUE_PAGE;
    }
    const worker = async () => {
      for (let id = own.shift(); id; id = own.shift()) {
        try {
          await api.request("POST", `/api/reports/${id}/${action}`, cookie, {
            decision: "return",
            comment: RETURN_COMMENT,
          });
          returned++;
        } catch (error) {
          log(`  không trả lại được báo cáo ${id}: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
  }
  return returned;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the server has finished what the last run left in flight (autocannon stops
 * sending, the server keeps working on what it received): a light authenticated request
 * answers about as fast as before the runs, twice in a row, or 60 s have passed.
 */
async function settle(api: Api, cookie: string, baseline: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  let quick = 0;
  await sleep(300);
  while (quick < 2 && Date.now() < deadline) {
    const started = performance.now();
    await api.get("/api/me", cookie).catch(() => {});
    quick = performance.now() - started <= Math.max(50, 3 * baseline) ? quick + 1 : 0;
    await sleep(200);
  }
}

async function lightRequestTime(api: Api, cookie: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await api.get("/api/me", cookie);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2]!;
}

const slotKey = (s: Slot) => `${s.assignmentId}/${s.periodOn}`;
const reportFields = (slot: Slot) => ({ periodOn: slot.periodOn, percent: "50", narrative: NARRATIVE });

async function main(): Promise<number> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    log(`${error.message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!options.url && !databaseUrl) {
    log(
      "Cần DATABASE_URL (cơ sở dữ liệu PostgreSQL đã nạp dữ liệu, vd. bằng dondoc bench seed) hoặc --url của một máy chủ Đôn Đốc đang chạy.",
    );
    return 2;
  }

  let target: Target | undefined;
  const stopOnSignal = () => {
    log("Dừng phép đo…");
    void (target?.stop() ?? Promise.resolve()).then(() => process.exit(130));
  };
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  try {
    target = options.url ? await connectToServer(options.url) : await startServer(databaseUrl!, log);
    return await measure(target, options, databaseUrl);
  } catch (error) {
    if (error instanceof BenchError) {
      log(`Lỗi: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await target?.stop();
  }
}

async function measure(
  target: Target,
  options: ReturnType<typeof parseArgs>,
  databaseUrl: string | undefined,
): Promise<number> {
  const api = new Api(target.url);
  const f = await discover(api, log);
  const rows: Measured[] = [];
  const notes: string[] = [];
  const url = target.url;
  // A minute of slack for a server clock that differs from this one.
  const started = new Date(Date.now() - 60_000);
  const wrote = selected(options, "submitReport 1 MB") || selected(options, mixedName(options));

  // Reports left waiting by an earlier, interrupted run would refuse this run's submissions.
  if (wrote) {
    // Those of an interrupted run of the last day.
    const leftover = await returnOwnReports(api, f, new Date(Date.now() - 86_400_000));
    if (leftover) log(`  đã trả lại ${leftover} báo cáo thử của lần đo trước.`);
  }
  // A few sequential calls first, so that the first measured seconds are not the server's warm-up.
  const readList = reads(f);
  for (let i = 0; i < 3; i++) for (const r of readList) await api.get(r.path, f.cookies[r.account]);
  const baseline = await lightRequestTime(api, f.cookies.vanphong);
  const loadBefore = os.loadavg()[0]!;

  for (const read of readList) {
    if (!selected(options, read.name)) continue;
    log(`Đo ${read.name}: ${options.duration} s, ${options.connections} kết nối…`);
    const outcome = await load({
      url,
      connections: options.connections,
      duration: options.duration,
      sequence: () => [
        { name: read.name, method: "GET", path: read.path, headers: { cookie: f.cookies[read.account] } },
      ],
    });
    await settle(api, f.cookies.vanphong, baseline);
    const tally = merge(outcome);
    const errors = countOf(tally, isError) + outcome.socketErrors;
    rows.push({ ...summarize(read.name, tally.latencies, outcome.seconds, errors), target: read.target });
    notes.push(`${read.name}: GET ${read.path.split("?")[0]} (${read.account}) — ${read.what}`);
  }

  // Slots that already hold a pending report of the data set refuse every submission: not reused.
  const dead = new Set<string>();
  const submitName = "submitReport 1 MB";
  if (selected(options, submitName)) {
    const slots = f.slots;
    if (slots.length === 0) {
      notes.push(`${submitName}: bỏ qua — ${f.agency.name} không có nhiệm vụ chủ trì nào còn kỳ báo cáo mở.`);
    } else {
      log(`Đo ${submitName}: tối đa ${slots.length} báo cáo hoặc ${options.duration} s…`);
      let next = 0;
      const outcome = await load({
        url,
        connections: Math.min(options.connections, slots.length),
        duration: options.duration,
        amount: slots.length,
        sequence: () => [
          {
            name: submitName,
            method: "POST",
            path: "/api/assignments/x/reports",
            headers: { cookie: f.cookies.congan, "content-type": MULTIPART_TYPE },
            setupRequest(request, context) {
              const slot = slots[next++ % slots.length]!;
              context.slot = slot;
              return {
                ...request,
                path: `/api/assignments/${slot.assignmentId}/reports`,
                body: reportForm(reportFields(slot), {
                  name: "minh-chung-1mb.pdf",
                  bytes: pdfOfSize(MB, uploadId()),
                }),
              };
            },
            onResponse(status, _body, context) {
              if (status === 409) dead.add(slotKey(context.slot as Slot));
            },
          },
        ],
      });
      await settle(api, f.cookies.vanphong, baseline);
      rows.push(submitRow(submitName, outcome, "none"));
      notes.push(
        `${submitName}: POST /api/assignments/:id/reports (congan), multipart với một tệp PDF 1 MB, tối đa một lần cho mỗi lượt trong ${slots.length} lượt (nhiệm vụ ${f.agency.name} chủ trì × kỳ báo cáo còn mở). ` +
          "Mỗi nhiệm vụ, mỗi kỳ chỉ có một báo cáo chờ duyệt: lượt đã có báo cáo chờ duyệt trả 409, đếm ở cột «từ chối», không phải lỗi, và không tính vào độ trễ.",
      );
      const returned = await returnOwnReports(api, f, started);
      log(`  đã trả lại ${returned} báo cáo thử để giải phóng các lượt báo cáo.`);
    }
  }

  if (selected(options, mixedName(options))) {
    rows.push(...(await mixed(url, f, options, dead, notes)));
    await settle(api, f.cookies.vanphong, baseline);
    const returned = await returnOwnReports(api, f, started);
    if (returned) log(`  đã trả lại ${returned} báo cáo thử còn chờ duyệt.`);
  }

  // Last: argon2 keeps the server's threads busy for a while after the run stops.
  const loginName = "login";
  if (selected(options, loginName)) {
    log(`Đo ${loginName}: ${options.duration} s, ${options.connections} kết nối…`);
    const outcome = await load({
      url,
      connections: options.connections,
      duration: options.duration,
      sequence: () => [
        {
          name: loginName,
          method: "POST",
          path: "/api/auth/login",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username: "congan", password: PASSWORD }),
        },
      ],
    });
    const tally = merge(outcome);
    rows.push({
      ...summarize(
        loginName,
        tally.latencies,
        outcome.seconds,
        countOf(tally, isError) + outcome.socketErrors,
      ),
      target: "none",
    });
    notes.push(
      `${loginName}: POST /api/auth/login (congan; băm argon2id, mỗi lần mở một phiên); đo sau cùng vì các lần băm còn dở chiếm CPU sau khi dừng.`,
    );
  }

  const when = new Date().toISOString().slice(0, 16).replace("T", " ");
  const setup =
    `${when} UTC; máy chủ ${target.started ? `khởi động trên ${redact(databaseUrl!)}` : url}; ` +
    `mỗi API ${options.duration} s × ${options.connections} kết nối; tải hỗn hợp ${options.mixedDuration} s × ${options.mixedConnections} kết nối; ` +
    `${os.cpus().length} lõi, tải máy (load average 1 phút) ${loadBefore.toFixed(1)} lúc bắt đầu, ${os.loadavg()[0]!.toFixed(1)} lúc kết thúc.`;
  const targets =
    "Mục tiêu (issue 7, máy 2 lõi, PostgreSQL): quy mô tỉnh — mọi API đọc p95 < 50 ms; toàn quốc — listTasks và tổng hợp kế hoạch của một tỉnh p95 < 50 ms; " +
    "tải hỗn hợp ≥ 500 req/s, p99 < 300 ms, 0 lỗi. Lỗi = phản hồi không 2xx + lỗi kết nối. Phép đo không bao giờ thất bại vì thời gian.";
  if (options.json) {
    process.stdout.write(`${JSON.stringify(asJson(rows), null, 2)}\n`);
    log([setup, ...notes, targets].join("\n"));
  } else {
    process.stdout.write(`${[setup, "", formatTable(rows), "", ...notes, "", targets].join("\n")}\n`);
  }
  return 0;
}

function submitRow(name: string, outcome: Outcome, target: TargetKind): Measured {
  const tally = merge(outcome);
  const refused = countOf(tally, (s) => s === 409);
  // Latencies of refused submissions are left out: they say how fast a refusal is, not an upload.
  const counted = tally.latencies.filter((_, i) => tally.codes[i] !== 409);
  const errors = countOf(tally, (s) => isError(s) && s !== 409) + outcome.socketErrors;
  return { ...summarize(name, counted, outcome.seconds, errors), target, refused };
}

/**
 * 100 connections, each looping over eight reads (the pages people open most), a report
 * submission with a small PDF (congan) and the return of that report (vanphong, or the head for a
 * report awaiting the head), which frees the slot for the next submission: 80% reads, 20% writes.
 */
async function mixed(
  url: string,
  f: Fixture,
  options: ReturnType<typeof parseArgs>,
  dead: Set<string>,
  notes: string[],
): Promise<Measured[]> {
  const free = f.slots.filter((s) => !dead.has(slotKey(s)));
  const c = f.cookies;
  const get = (name: string, path: string, cookie: string): Step => ({
    name,
    method: "GET",
    path,
    headers: { cookie },
  });
  const taskIds = f.planTaskIds;
  const sequence = (): Step[] => {
    const readSteps: Step[] = [
      get("listTasks plan", `/api/tasks?planId=${f.plan.id}&limit=${LIMIT}&offset=0`, c.vanphong),
      get("listTasks status", `/api/tasks?status=overdue&limit=${LIMIT}&offset=0`, c.vanphong),
      get("listTasks q", `/api/tasks?q=cong%20an&limit=${LIMIT}&offset=0`, c.vanphong),
      get("listTasks agency", `/api/tasks?agencyId=${f.agency.id}&limit=${LIMIT}&offset=0`, c.vanphong),
      {
        ...get("getTask", `/api/tasks/${f.task.id}`, c.vanphong),
        setupRequest: (request) => ({
          ...request,
          path: `/api/tasks/${taskIds[Math.floor(Math.random() * taskIds.length)]}`,
        }),
      },
      get("getPlanSummary", `/api/plans/${f.plan.id}/summary`, c.lanhdao),
      get("my tasks", f.myTasksPath, c.congan),
      get("listReviewQueue", "/api/review-queue?limit=200&offset=0", c.vanphong),
    ];
    const submit: Step = {
      name: "submitReport",
      method: "POST",
      path: "/api/assignments/x/reports",
      headers: { cookie: c.congan, "content-type": MULTIPART_TYPE },
      setupRequest(request, context) {
        const slot = free.shift();
        if (!slot) return null;
        context.slot = slot;
        return {
          ...request,
          path: `/api/assignments/${slot.assignmentId}/reports`,
          body: reportForm(reportFields(slot), {
            name: "minh-chung.pdf",
            bytes: pdfOfSize(2048, uploadId()),
          }),
        };
      },
      onResponse(status, body, context) {
        const slot = context.slot as Slot;
        if (status === 201) {
          const report = JSON.parse(body) as { id: string; state: string };
          context.report = report;
        } else if (status !== 409) free.push(slot);
      },
    };
    const review: Step = {
      name: "reviewReport",
      method: "POST",
      path: "/api/reports/x/review",
      headers: { "content-type": "application/json" },
      setupRequest(request, context) {
        const report = context.report as { id: string; state: string } | undefined;
        if (!report) return null;
        const head = report.state === "awaiting_head";
        return {
          ...request,
          path: `/api/reports/${report.id}/${head ? "head-decision" : "review"}`,
          headers: { ...request.headers, cookie: head ? c.truongcongan : c.vanphong },
          body: JSON.stringify({ decision: "return", comment: RETURN_COMMENT }),
        };
      },
      onResponse(status, _body, context) {
        if (status === 200) free.push(context.slot as Slot);
      },
    };
    // Each connection starts at a different read, so that they do not all ask for the same page.
    const k = Math.floor(Math.random() * readSteps.length);
    return [...readSteps.slice(k), submit, review, ...readSteps.slice(0, k)];
  };

  log(
    `Đo tải hỗn hợp: ${options.mixedDuration} s, ${options.mixedConnections} kết nối, ${free.length} lượt báo cáo xoay vòng…`,
  );
  const outcome = await load({
    url,
    connections: options.mixedConnections,
    duration: options.mixedDuration,
    sequence,
  });
  const writes = new Set(["submitReport", "reviewReport"]);
  const all = merge(outcome);
  const readTally = merge(outcome, (n) => !writes.has(n));
  const writeTally = merge(outcome, (n) => writes.has(n));
  const submitTally = merge(outcome, (n) => n === "submitReport");
  const refused = countOf(submitTally, (s) => s === 409);
  const refusedOf = (n: string) => (n === "submitReport" ? (s: number) => s === 409 : () => false);
  const errorsOf = (names: (n: string) => boolean) => {
    let errors = 0;
    for (const [name, tally] of outcome.byName) {
      if (!names(name)) continue;
      const refusal = refusedOf(name);
      errors += countOf(tally, (s) => isError(s) && !refusal(s));
    }
    return errors;
  };
  const total = all.latencies.length;
  const rows: Measured[] = [
    {
      ...summarize(
        mixedName(options),
        all.latencies,
        outcome.seconds,
        errorsOf(() => true) + outcome.socketErrors,
      ),
      target: "mixed",
      refused,
    },
    {
      ...summarize(
        "mixed: reads",
        readTally.latencies,
        outcome.seconds,
        errorsOf((n) => !writes.has(n)),
      ),
      target: "none",
    },
    {
      ...summarize(
        "mixed: writes",
        writeTally.latencies,
        outcome.seconds,
        errorsOf((n) => writes.has(n)),
      ),
      target: "none",
      refused,
    },
  ];
  const share = total ? Math.round((writeTally.latencies.length / total) * 1000) / 10 : 0;
  const perName = [...outcome.byName]
    .map(([name, tally]) => {
      const s = summarize(name, tally.latencies, outcome.seconds, 0);
      const statuses = [...tally.statuses].map(([code, n]) => `${code}×${n}`).join(" ");
      return `${name} p50 ${s.p50} / p95 ${s.p95} / p99 ${s.p99} ms (${statuses})`;
    })
    .join("; ");
  notes.push(
    `${mixedName(options)}: mỗi kết nối lặp 8 lần đọc (listTasks kế hoạch, quá hạn, tìm kiếm, theo cơ quan; getTask ngẫu nhiên trong trang đầu; getPlanSummary; Nhiệm vụ của tôi; hàng chờ duyệt), ` +
      `1 báo cáo (congan, PDF 2 KB) và 1 lần trả lại báo cáo đó (vanphong) để giải phóng lượt báo cáo; ghi thực tế ${share}% của ${total} phản hồi, ` +
      `${outcome.resets} vòng bắt đầu lại vì hết lượt báo cáo trống; lỗi kết nối ${outcome.socketErrors}. Chi tiết: ${perName}.`,
  );
  return rows;
}

const mixedName = (options: ReturnType<typeof parseArgs>) => `mixed 80/20 (${options.mixedConnections} conn)`;

process.exitCode = await main();
