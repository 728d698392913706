/**
 * Extraction quality, printed field by field:
 *
 *   npm run bench -- extract-quality [--verbose] [folder…]
 *
 * Scores the engine on every document that has a hand-checked `<name>.expected.json` beside it
 * (fixtures/plans, fixtures/prose, fixtures/shapes, fixtures/holdout*, plus the same names in fixtures/generated,
 * plus any folder given, such as a set of documents kept outside the project): one line per file
 * with its score and the fields it got wrong, then the score per field over all files, the mean
 * and the lowest. `--verbose` lists each wrong field with what was expected and what came out.
 * The bar (issue 9): mean ≥ 0.97, every file ≥ 0.90. Never fails on a score.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { extractFile } from "../src/ingest/extract.ts";
import type { Extraction } from "../src/ingest/extraction.ts";
import { type FieldTally, scoreExtraction } from "../src/ingest/testing/score.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
// A folder named both by default and on the command line is scored once.
const folders = [
  ...new Set([
    ...[
      "fixtures/plans",
      "fixtures/prose",
      "fixtures/shapes",
      "fixtures/holdout",
      "fixtures/holdout2",
      "fixtures/holdout3",
      "fixtures/holdout4",
      "fixtures/holdout5",
      "fixtures/holdout6",
    ].map((f) => join(root, f)),
    ...args.filter((a) => !a.startsWith("--")).map((a) => resolve(a)),
  ]),
];
const generated = join(root, "fixtures/generated");
const DOCUMENT = /\.(txt|md|docx|doc|pdf|xlsx)$/i;

interface Case {
  file: string;
  expected: string;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      if (!name.endsWith(".expected.json")) continue;
      const stem = name.replace(/\.expected\.json$/, "");
      const expected = join(folder, name);
      const seen = new Set<string>();
      for (const dir of [folder, generated]) {
        if (!existsSync(dir)) continue;
        for (const file of readdirSync(dir).sort()) {
          if (!DOCUMENT.test(file) || file.replace(DOCUMENT, "") !== stem || seen.has(file)) continue;
          seen.add(file);
          out.push({ file: join(dir, file), expected });
        }
      }
    }
  }
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

async function main() {
  const all = cases();
  if (all.length === 0) {
    process.stdout.write("Không có tài liệu nào có tệp .expected.json đi kèm.\n");
    return;
  }
  const totals: Record<string, FieldTally> = {};
  const scores: number[] = [];
  const width = Math.max(...all.map((c) => basename(c.file).length));
  for (const { file, expected } of all) {
    const answer = JSON.parse(readFileSync(expected, "utf8")) as Extraction;
    let score: number;
    let detail: string;
    try {
      const actual = await extractFile(new Uint8Array(readFileSync(file)), basename(file));
      const s = scoreExtraction(actual, answer);
      score = s.score;
      for (const [f, t] of Object.entries(s.fields)) {
        const sum = totals[f] ?? { right: 0, total: 0 };
        totals[f] = sum;
        sum.right += t.right;
        sum.total += t.total;
      }
      const weak = Object.entries(s.fields)
        .filter(([, t]) => t.right < t.total)
        .map(([f, t]) => `${f} ${t.right}/${t.total}`);
      const counts = `${actual.tasks.length}/${answer.tasks.length} nv, ${actual.indicators.length}/${answer.indicators.length} ct`;
      detail = `${counts}${weak.length ? `; sai: ${weak.join(", ")}` : ""}`;
      if (verbose) {
        const lines = [...s.tasks.wrong, ...s.indicators.wrong].map(
          (w) =>
            `      ${w.ref}.${w.field}: cần ${JSON.stringify(w.expected)} | ra ${JSON.stringify(w.actual)}`,
        );
        for (const part of [s.tasks, s.indicators]) {
          if (part.missing.length) lines.push(`      thiếu: ${part.missing.join(", ")}`);
          if (part.unexpected.length) lines.push(`      thừa: ${part.unexpected.join(", ")}`);
        }
        if (s.documentWrong.length) lines.push(`      văn bản sai: ${s.documentWrong.join(", ")}`);
        detail += lines.length ? `\n${lines.join("\n")}` : "";
      }
    } catch (error) {
      score = 0;
      detail = `lỗi: ${(error as Error).message}`;
    }
    scores.push(score);
    process.stdout.write(`${basename(file).padEnd(width)}  ${pct(score).padStart(6)}  ${detail}\n`);
  }
  process.stdout.write("\nTheo trường:\n");
  for (const [f, t] of Object.entries(totals).sort(([a], [b]) => a.localeCompare(b))) {
    process.stdout.write(
      `  ${f.padEnd(24)} ${pct(t.right / t.total).padStart(6)}  (${t.right}/${t.total})\n`,
    );
  }
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  process.stdout.write(
    `\n${scores.length} tệp: trung bình ${pct(mean)}, thấp nhất ${pct(Math.min(...scores))} (mục tiêu: trung bình ≥ 97%, mỗi tệp ≥ 90%)\n`,
  );
}

await main();
