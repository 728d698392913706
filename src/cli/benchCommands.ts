import type { Command } from "commander";
import type { BenchSeedResult } from "../benchdata/generate.ts";
import { DATA_FROM, DATA_TO, isScaleName } from "../benchdata/scale.ts";
import { loadConfig, StartupError } from "../config.ts";
import { formatVietnameseDate, vietnamDate } from "../domain/dates.ts";

interface SeedOptions {
  scale?: string;
  seed: string;
  asOf?: string;
  force?: boolean;
}

/** `dondoc bench …`: tools for measuring the system (the data set now). */
export function registerBenchCommands(program: Command) {
  const bench = program.command("bench").description("Công cụ đo hiệu năng");
  bench
    .command("seed")
    .description("Nạp bộ dữ liệu đo hiệu năng (một tỉnh hoặc toàn quốc) vào PostgreSQL tại DATABASE_URL")
    .option("--scale <scale>", "province (một tỉnh: 5.000 nhiệm vụ) hoặc national (34 tỉnh và Trung ương)")
    .option("--seed <n>", "hạt giống: cùng hạt giống (và cùng ngày mốc) cho cùng dữ liệu", "1")
    .option("--as-of <date>", "ngày mốc YYYY-MM-DD: không có gì xảy ra từ ngày này (mặc định hôm nay)")
    .option("--force", "xóa toàn bộ dữ liệu hiện có trong cơ sở dữ liệu trước khi nạp")
    .action(async (options: SeedOptions) => {
      const input = parseSeedOptions(options);
      const config = loadConfig();
      if (!config.databaseUrl) {
        throw new StartupError(
          "Bộ dữ liệu đo hiệu năng chỉ nạp vào PostgreSQL: hãy đặt DATABASE_URL=postgres://người_dùng@máy:cổng/cơ_sở_dữ_liệu.",
        );
      }
      // Loaded here, not at the top: `dondoc --help` must not pay for the drivers and argon2.
      const { openDatabase } = await import("../db/client.ts");
      const { migrate } = await import("../db/migrate.ts");
      const { BenchSeedRefused, seedBenchData } = await import("../benchdata/generate.ts");
      const handle = await openDatabase({ databaseUrl: config.databaseUrl });
      try {
        await migrate(handle);
        const result = await seedBenchData(handle.db, {
          ...input,
          // Two tenants at once, each on its own connection: the database then uses both cores.
          concurrency: 2,
          log: (line) => process.stderr.write(`${line}\n`),
        });
        process.stdout.write(summary(result, input, handle.location));
      } catch (error) {
        if (error instanceof BenchSeedRefused) throw new StartupError(error.message);
        throw error;
      } finally {
        await handle.close();
      }
    });
}

/** Checks the options before anything connects; a bad one is one clear line. */
export function parseSeedOptions(options: SeedOptions) {
  const scale = options.scale;
  if (!scale || !isScaleName(scale)) {
    throw new StartupError("--scale phải là province (một tỉnh) hoặc national (toàn quốc).");
  }
  if (!/^\d{1,9}$/.test(options.seed)) {
    throw new StartupError(`--seed phải là một số nguyên từ 0 đến 999999999 (nhận được "${options.seed}").`);
  }
  const today = vietnamDate(new Date());
  const earliest = "2025-03-01";
  const latest = today < DATA_TO ? today : DATA_TO;
  const asOf = options.asOf;
  if (asOf !== undefined && (!isIsoDate(asOf) || asOf < earliest || asOf > latest)) {
    throw new StartupError(
      `--as-of phải là một ngày dạng YYYY-MM-DD từ ${formatVietnameseDate(earliest)} đến ${formatVietnameseDate(latest)} ` +
        `(dữ liệu trải từ ${formatVietnameseDate(DATA_FROM)} và không có gì sau hôm nay).`,
    );
  }
  return { scale, seed: Number(options.seed), asOf, force: options.force ?? false };
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function summary(result: BenchSeedResult, input: { scale: string; seed: number }, location: string): string {
  const n = (value: number) => value.toLocaleString("vi-VN");
  const s = (ms: number) =>
    (ms / 1000).toLocaleString("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const rows = Object.entries(result.tables).map(
    ([table, t]) => `  ${table.padEnd(24)} ${n(t.rows).padStart(11)} ${s(t.milliseconds).padStart(9)}`,
  );
  return [
    `Đã nạp bộ dữ liệu ${input.scale} (hạt giống ${input.seed}, ngày mốc ${formatVietnameseDate(result.asOf)}) vào ${location} ` +
      `trong ${s(result.seconds * 1000)} s.`,
    `  ${"bảng".padEnd(24)} ${"số dòng".padStart(11)} ${"ghi (s)".padStart(9)}`,
    ...rows,
    "",
  ].join("\n");
}
