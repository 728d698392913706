import type { AssignmentPlan } from "./assignments.ts";
import { Ids, Rng } from "./prng.ts";
import { type HistoryContext, writeHistory } from "./reports.ts";

/**
 * The report rate `p` that brings a tenant near its target number of reports. Counting periods
 * by hand missed it by a third (claim periods, returns, windows with no day left), so the history
 * generator itself is run on a sample, with throwaway ids and randomness, at p = 0, 1 (and 2 if
 * need be), and p is read off the line between. Below 1, p is the chance of reporting in a period;
 * above, the chance of an extra update within it.
 */
export function calibrate(
  assignments: AssignmentPlan[],
  target: number,
  context: (p: number, rng: Rng, ids: Ids) => HistoryContext,
): number {
  const step = assignments.length > 5_000 ? 10 : 1;
  const sample = assignments.filter((_, i) => i % step === 0);
  if (sample.length === 0) return 1;
  const reportsAt = (p: number) => {
    const ctx = context(p, new Rng(`calibration:${p}`), new Ids(0));
    let reports = 0;
    for (const a of sample) {
      writeHistory(a, ctx);
      reports += ctx.out.reports.length;
      ctx.out.reports.length = 0;
      ctx.out.reviews.length = 0;
      ctx.out.evidence.length = 0;
    }
    return (reports * assignments.length) / sample.length;
  };
  const none = reportsAt(0);
  const once = reportsAt(1);
  if (target <= once) return clamp((target - none) / Math.max(1, once - none), 0.02, 1);
  const twice = reportsAt(2);
  return clamp(1 + (target - once) / Math.max(1, twice - once), 1, 2);
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
