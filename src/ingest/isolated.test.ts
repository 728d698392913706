import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Extraction } from "./extraction.ts";
import { runIsolated } from "./limits.ts";
import { findSoffice } from "./readers/soffice.ts";

/**
 * The path the CLI and the import API take: guard, then (for .doc) LibreOffice outside the
 * worker, then extraction in the time- and memory-limited worker. Every format of the real
 * 1535-CV/TU letter gives the same 30 tasks.
 */
const fixture = (path: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)));
const expected = JSON.parse(
  readFileSync(new URL("../../fixtures/plans/lam-dong-1535-cv-tu.expected.json", import.meta.url), "utf8"),
) as Extraction;

// Minutes per test: a first extraction on a loaded machine starts a worker and, from the
// sources, compiles the readers; .doc also starts LibreOffice. Speed is bench/startup.ts's job.
describe("runIsolated on every format of one plan", { timeout: 300_000 }, () => {
  for (const file of [
    "plans/lam-dong-1535-cv-tu.docx",
    "plans/lam-dong-1535-cv-tu.pdf",
    "plans/lam-dong-1535-cv-tu.txt",
    "generated/lam-dong-1535-cv-tu.xlsx",
    "generated/lam-dong-1535-cv-tu.doc",
  ]) {
    it(`reads ${file}`, async () => {
      if (file.endsWith(".doc")) {
        expect(
          findSoffice(),
          "LibreOffice (soffice) is needed for .doc: apt-get install libreoffice-writer-nogui",
        ).toBeTruthy();
      }
      const extraction = await runIsolated(fixture(file), file.split("/").pop()!);
      expect(extraction.document.number).toBe(expected.document.number);
      expect(extraction.tasks.map((t) => t.ref)).toEqual(expected.tasks.map((t) => t.ref));
      expect(extraction.tasks.map((t) => t.deadline.due)).toEqual(expected.tasks.map((t) => t.deadline.due));
    });
  }
});

describe("runIsolated under concurrent uploads", { timeout: 300_000 }, () => {
  it("answers every one of several files sent at once", async () => {
    const files = ["plans/lam-dong-1535-cv-tu.docx", "plans/lam-dong-1535-cv-tu.txt"];
    const runs = Array.from({ length: 6 }, (_, i) => {
      const file = files[i % files.length]!;
      return runIsolated(fixture(file), file.split("/").pop()!);
    });
    for (const extraction of await Promise.all(runs)) {
      expect(extraction.tasks.map((t) => t.ref)).toEqual(expected.tasks.map((t) => t.ref));
    }
  });
});
