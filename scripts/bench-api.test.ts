// The pure helpers of the API benchmark (bench/api/): arguments, percentiles, targets, the table.
// Here rather than in bench/ because vitest only collects src/ and scripts/.
import { describe, expect, it } from "vitest";
import { parseArgs, selected, UsageError } from "../bench/api/args.ts";
import { openPeriods } from "../bench/api/fixture.ts";
import { asJson, formatTable, meetsTarget, percentile, summarize } from "../bench/api/report.ts";

describe("bench api arguments", () => {
  it("defaults to 10 s per endpoint, 60 s of mixed load, 10 and 100 connections", () => {
    expect(parseArgs([])).toMatchObject({
      json: false,
      duration: 10,
      mixedDuration: 60,
      connections: 10,
      mixedConnections: 100,
      only: [],
    });
  });

  it("reads --json, --url, --duration (which shortens the mixed load too) and --connections", () => {
    const options = parseArgs([
      "--json",
      "--url",
      "http://127.0.0.1:3000/",
      "--duration=2.5",
      "--connections",
      "4",
    ]);
    expect(options).toMatchObject({
      json: true,
      url: "http://127.0.0.1:3000",
      duration: 2.5,
      mixedDuration: 2.5,
      connections: 4,
    });
  });

  it("refuses bad values with one line each", () => {
    expect(() => parseArgs(["--duration", "0"])).toThrow(UsageError);
    expect(() => parseArgs(["--connections", "2.5"])).toThrow(/số nguyên/);
    expect(() => parseArgs(["--url", "ftp://x"])).toThrow(/http/);
    expect(() => parseArgs(["--url"])).toThrow(/cần một địa chỉ/);
    expect(() => parseArgs(["--fast"])).toThrow(/--fast/);
  });

  it("selects measurements by words of their names", () => {
    const options = parseArgs(["--only", "mixed, Login"]);
    expect(selected(options, "mixed 80/20 (100 conn)")).toBe(true);
    expect(selected(options, "login")).toBe(true);
    expect(selected(options, "getTask")).toBe(false);
    expect(selected(parseArgs([]), "getTask")).toBe(true);
  });
});

describe("bench api figures", () => {
  it("takes nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it("summarizes latencies into the six JSON fields", () => {
    const row = summarize("getTask", [3, 1, 2, 4], 2, 1);
    expect(row).toEqual({ name: "getTask", p50: 2, p95: 4, p99: 4, rps: 2, errors: 1 });
    expect(summarize("login", [], 2, 0)).toMatchObject({ p50: null, rps: 0 });
    expect(Object.keys(asJson([{ ...row, target: "read", refused: 3 } as never])[0]!)).toEqual([
      "name",
      "p50",
      "p95",
      "p99",
      "rps",
      "errors",
    ]);
  });

  it("judges each target of the issue", () => {
    const figures = { p95: 49.9, p99: 299, rps: 500, errors: 0 };
    expect(meetsTarget({ ...figures, target: "list" })).toBe(true);
    expect(meetsTarget({ ...figures, p95: 50, target: "read" })).toBe(false);
    expect(meetsTarget({ ...figures, target: "mixed" })).toBe(true);
    expect(meetsTarget({ ...figures, errors: 1, target: "mixed" })).toBe(false);
    expect(meetsTarget({ ...figures, rps: 499.9, target: "mixed" })).toBe(false);
    expect(meetsTarget({ ...figures, target: "none" })).toBeNull();
    expect(meetsTarget({ ...figures, p95: null, target: "list" })).toBeNull();
  });

  it("prints an aligned table with the target and whether it is met", () => {
    const table = formatTable([
      { name: "listTasks", p50: 12.3, p95: 40, p99: 61.5, rps: 410.2, errors: 0, target: "list" },
      {
        name: "submitReport 1 MB",
        p50: 300,
        p95: 500,
        p99: 510,
        rps: 9,
        errors: 0,
        target: "none",
        refused: 2,
      },
      { name: "mixed", p50: null, p95: null, p99: null, rps: 0, errors: 3, target: "mixed" },
    ]).split("\n");
    expect(table[0]).toMatch(
      /^phép đo\s+p50 ms\s+p95 ms\s+p99 ms\s+req\/s\s+lỗi\s+từ chối\s+mục tiêu\s+kết quả$/,
    );
    expect(table[2]).toMatch(/^listTasks\s+12\.3\s+40\.0\s+61\.5\s+410\.2\s+0\s+p95 < 50 ms .* đạt$/);
    expect(table[3]).toMatch(/submitReport 1 MB .* 2 {2}—$/);
    expect(table[4]).toMatch(/^mixed\s+–\s+–\s+–\s+0\.0\s+3\s+≥ 500 rps/);
  });
});

describe("bench api report slots", () => {
  it("counts the previous month as open until its cut-off day", () => {
    const plan = { reportingFrequency: "month" as const, cutoffDay: 10 };
    expect(openPeriods(plan, "2026-12-02").map((p) => p.label)).toEqual(["Tháng 12/2026", "Tháng 11/2026"]);
    expect(openPeriods(plan, "2026-12-11").map((p) => p.label)).toEqual(["Tháng 12/2026"]);
    expect(openPeriods({ reportingFrequency: "quarter", cutoffDay: 10 }, "2026-12-02")).toHaveLength(1);
  });
});
