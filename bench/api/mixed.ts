/** The mixed load of the API benchmark: 80% reads, 20% writes, many connections. */
import type { parseArgs } from "./args.ts";
import { MULTIPART_TYPE, pdfOfSize, reportForm, uploadId } from "./evidence.ts";
import { type Fixture, LIMIT, type Slot } from "./fixture.ts";
import { countOf, load, merge, type Step } from "./load.ts";
import { type Measured, summarize } from "./report.ts";
import { isError, log, RETURN_COMMENT, reportFields, slotKey } from "./writes.ts";

/**
 * 100 connections, each looping over eight reads (the pages people open most), a report
 * submission with a small PDF (congan) and the return of that report (vanphong, or the head for a
 * report awaiting the head), which frees the slot for the next submission: 80% reads, 20% writes.
 */
export async function mixed(
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
      get("listReviewQueue", "/api/review-queue?limit=50", c.vanphong),
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

export const mixedName = (options: ReturnType<typeof parseArgs>) =>
  `mixed 80/20 (${options.mixedConnections} conn)`;
