import type { Api, Fixture, Slot } from "./fixture.ts";
import { countOf, merge, type Outcome } from "./load.ts";
import { type Measured, summarize, type TargetKind } from "./report.ts";

export const log = (line: string) => process.stderr.write(`${line}\n`);
export const NARRATIVE = "Báo cáo thử của phép đo hiệu năng (npm run bench -- api).";
export const RETURN_COMMENT = "Phép đo hiệu năng (npm run bench -- api): trả lại báo cáo thử.";

export const isError = (status: number) => status < 200 || status >= 300;

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
export async function returnOwnReports(api: Api, f: Fixture, since: Date): Promise<number> {
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

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the server has finished what the last run left in flight (autocannon stops
 * sending, the server keeps working on what it received): a light authenticated request
 * answers about as fast as before the runs, twice in a row, or 60 s have passed.
 */
export async function settle(api: Api, cookie: string, baseline: number): Promise<void> {
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

export async function lightRequestTime(api: Api, cookie: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await api.get("/api/me", cookie);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2]!;
}

export const slotKey = (s: Slot) => `${s.assignmentId}/${s.periodOn}`;
export const reportFields = (slot: Slot) => ({
  periodOn: slot.periodOn,
  percent: "50",
  narrative: NARRATIVE,
});

export function submitRow(name: string, outcome: Outcome, target: TargetKind): Measured {
  const tally = merge(outcome);
  const refused = countOf(tally, (s) => s === 409);
  // Latencies of refused submissions are left out: they say how fast a refusal is, not an upload.
  const counted = tally.latencies.filter((_, i) => tally.codes[i] !== 409);
  const errors = countOf(tally, (s) => isError(s) && s !== 409) + outcome.socketErrors;
  return { ...summarize(name, counted, outcome.seconds, errors), target, refused };
}
