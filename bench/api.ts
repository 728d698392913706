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
import { redactUrl as redact } from "../src/db/client.ts";
import { parseArgs, selected, USAGE, UsageError } from "./api/args.ts";
import { MULTIPART_TYPE, pdfOfSize, reportForm, uploadId } from "./api/evidence.ts";
import { Api, discover, type Fixture, LIMIT, PASSWORD, type Slot } from "./api/fixture.ts";
import { countOf, load, merge } from "./api/load.ts";
import { mixed, mixedName } from "./api/mixed.ts";
import { asJson, formatTable, type Measured, summarize, type TargetKind } from "./api/report.ts";
import { BenchError, connectToServer, startServer, type Target } from "./api/server.ts";
import {
  isError,
  lightRequestTime,
  log,
  reportFields,
  returnOwnReports,
  settle,
  slotKey,
  submitRow,
} from "./api/writes.ts";

const MB = 1024 * 1024;

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
      name: "getDashboard (province)",
      target: "dashboard",
      path: "/api/dashboard",
      account: "lanhdao",
      what: "tổng quan toàn tỉnh (số liệu, quá hạn theo độ dài, xu hướng 24 tháng, bảng cơ quan), lanhdao",
    },
    {
      name: "getDashboard (plan)",
      target: "dashboard",
      path: `/api/dashboard?scope=plan&id=${f.plan.id}`,
      account: "vanphong",
      what: `tổng quan ${plan}, vanphong (cả báo cáo chờ duyệt)`,
    },
    {
      name: "getDashboard (agency tree)",
      target: "dashboard",
      path: `/api/dashboard?scope=agencyTree&id=${f.agency.id}`,
      account: "vanphong",
      what: `tổng quan ${f.agency.name} và đơn vị trực thuộc`,
    },
    {
      name: "getDashboard (agency, congan)",
      target: "dashboard",
      path: `/api/dashboard?scope=agency&id=${f.agency.id}`,
      account: "congan",
      what: `tổng quan của chính ${f.agency.name}, tài khoản congan`,
    },
    {
      name: "getUpstreamView (province)",
      target: "dashboard",
      path: "/api/dashboard/upstream",
      account: "lanhdao",
      what: "nhiệm vụ cấp trên và các nhiệm vụ cụ thể hóa, toàn tỉnh",
    },
    {
      name: "listReviewQueue",
      target: "read",
      path: "/api/review-queue?limit=50",
      account: "vanphong",
      what: `hàng chờ duyệt (${f.reviewQueueTotal} báo cáo, trang đầu 50 báo cáo như trang web)`,
    },
    {
      name: "listAtRisk (province)",
      target: "list",
      path: "/api/at-risk?limit=50",
      account: "lanhdao",
      what: "cảnh báo sớm toàn tỉnh, trang đầu 50 dòng như trang web, tài khoản lanhdao",
    },
    {
      name: "listAtRisk (congan)",
      target: "list",
      path: "/api/at-risk?limit=50",
      account: "congan",
      what: `cảnh báo sớm của ${f.agency.name} và đơn vị trực thuộc`,
    },
    {
      name: "getRanking (all plans)",
      target: "list",
      path: "/api/ranking",
      account: "lanhdao",
      what: "xếp hạng mọi cơ quan, mọi kế hoạch, từ đầu năm đến hôm nay",
    },
    {
      name: "getRanking (plan)",
      target: "list",
      path: `/api/ranking?planId=${f.plan.id}`,
      account: "lanhdao",
      what: `xếp hạng theo ${plan}`,
    },
  ];
}

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

process.exitCode = await main();
