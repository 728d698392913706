import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractDocument, readTextDocument } from "./extract.ts";
import { type Extraction, extractionSchema } from "./extraction.ts";
import { comparable } from "./testing/score.ts";

/**
 * The quality bar: the text rendering of each fixture plan must give exactly its expected.json,
 * field by field, compared as EXTRACTION.md says (text after NFC and whitespace folding, agency
 * lists as sets, sources as sets of numbers with spaces removed).
 */

const DIR = join(import.meta.dirname, "../../fixtures/plans");
const FIXTURES = ["lam-dong-1535-cv-tu", "lam-dong-3450-kh-ubnd"];

type Item = Record<string, unknown>;

function differences(actual: Item[], expected: Item[]): { matched: number; report: string[] } {
  const report: string[] = [];
  const byRef = new Map(actual.map((a) => [String(a.ref), a]));
  let matched = 0;
  for (const exp of expected) {
    const act = byRef.get(String(exp.ref));
    if (!act) {
      report.push(`${exp.ref}: missing`);
      continue;
    }
    const e = comparable(exp);
    const a = comparable(act);
    const wrong = Object.keys(e).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(e[k]));
    if (wrong.length === 0) matched++;
    for (const k of wrong) {
      report.push(
        `${exp.ref}.${k}:\n    expected ${JSON.stringify(e[k])}\n    actual   ${JSON.stringify(a[k])}`,
      );
    }
  }
  const expectedRefs = new Set(expected.map((e) => String(e.ref)));
  for (const a of actual) if (!expectedRefs.has(String(a.ref))) report.push(`${a.ref}: unexpected`);
  return { matched, report };
}

describe.each(FIXTURES)("fixture %s (.txt)", (name) => {
  const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), "utf8")) as Extraction;
  const actual = extractDocument(readTextDocument(readFileSync(join(DIR, `${name}.txt`), "utf8")));

  it("fits the contract", () => {
    expect(() => extractionSchema.parse(actual)).not.toThrow();
  });

  it("reads the document's own details", () => {
    expect(comparable(actual.document as unknown as Item)).toEqual(
      comparable(expected.document as unknown as Item),
    );
  });

  it("reads every task", () => {
    const { matched, report } = differences(
      actual.tasks as unknown as Item[],
      expected.tasks as unknown as Item[],
    );
    if (report.length > 0)
      console.error(`${name}: ${matched}/${expected.tasks.length} tasks match\n${report.join("\n")}`);
    expect(report).toEqual([]);
    expect(actual.tasks.map((t) => t.ref)).toEqual(expected.tasks.map((t) => t.ref));
  });

  it("reads every indicator", () => {
    const { matched, report } = differences(
      actual.indicators as unknown as Item[],
      expected.indicators as unknown as Item[],
    );
    if (report.length > 0) {
      console.error(
        `${name}: ${matched}/${expected.indicators.length} indicators match\n${report.join("\n")}`,
      );
    }
    expect(report).toEqual([]);
  });
});
