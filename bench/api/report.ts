/** Figures of the API benchmark: percentiles, the targets of issue 7, the printed table. Pure. */

/** One line of `--json`: latencies in milliseconds, requests per second, errors counted. */
export interface Figures {
  name: string;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  rps: number;
  errors: number;
}

/**
 * Which target of the issue applies: `list` (listTasks and a plan summary: p95 < 50 ms at
 * province and national scale), `read` (other reads: p95 < 50 ms at province scale), `mixed`
 * (≥ 500 requests/s, p99 < 300 ms, no errors), or none (writes, login: no target given).
 */
export type TargetKind = "list" | "read" | "dashboard" | "mixed" | "none";

export interface Measured extends Figures {
  target: TargetKind;
  /** Responses refused by a business rule (409), not counted as errors. */
  refused?: number;
}

export const TARGET_TEXT: Record<TargetKind, string> = {
  list: "p95 < 50 ms (tỉnh, toàn quốc)",
  read: "p95 < 50 ms (tỉnh)",
  dashboard: "p95 < 100 ms (tỉnh)",
  mixed: "≥ 500 rps, p99 < 300 ms, 0 lỗi",
  none: "—",
};

/** Whether the figures meet their target; null when there is no target or nothing was measured. */
export function meetsTarget(
  row: Pick<Measured, "target" | "p95" | "p99" | "rps" | "errors">,
): boolean | null {
  switch (row.target) {
    case "list":
    case "read":
      return row.p95 === null ? null : row.p95 < 50;
    case "dashboard":
      // Issue 12: every dashboard under 100 ms on the province data set.
      return row.p95 === null ? null : row.p95 < 100;
    case "mixed":
      return row.p99 === null ? null : row.rps >= 500 && row.p99 < 300 && row.errors === 0;
    default:
      return null;
  }
}

/** The nearest-rank percentile of values sorted ascending; null for no values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Figures from the latencies (ms) of the responses counted, the seconds measured and the errors. */
export function summarize(
  name: string,
  latencies: readonly number[],
  seconds: number,
  errors: number,
): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => {
    const value = percentile(sorted, p);
    return value === null ? null : round1(value);
  };
  return {
    name,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    rps: seconds > 0 ? round1(latencies.length / seconds) : 0,
    errors,
  };
}

/** The `--json` shape: exactly the six fields, in order. */
export const asJson = (rows: readonly Figures[]): Figures[] =>
  rows.map(({ name, p50, p95, p99, rps, errors }) => ({ name, p50, p95, p99, rps, errors }));

const ms = (n: number | null) => (n === null ? "–" : n.toFixed(1));
const VERDICT = (met: boolean | null) => (met === null ? "" : met ? "đạt" : "KHÔNG ĐẠT");

/** A plain-text table: name, p50, p95, p99, rps, errors, refused, target and verdict. */
export function formatTable(rows: readonly Measured[]): string {
  const header = ["phép đo", "p50 ms", "p95 ms", "p99 ms", "req/s", "lỗi", "từ chối", "mục tiêu", "kết quả"];
  const body = rows.map((r) => [
    r.name,
    ms(r.p50),
    ms(r.p95),
    ms(r.p99),
    r.rps.toFixed(1),
    String(r.errors),
    r.refused === undefined ? "" : String(r.refused),
    TARGET_TEXT[r.target],
    VERDICT(meetsTarget(r)),
  ]);
  const numeric = new Set([1, 2, 3, 4, 5, 6]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}
