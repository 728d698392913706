import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitAgencies } from "../domain/agencyNames.ts";
import { findHiddenDeadline, parseDeadline } from "../domain/deadline.ts";
import { findDocumentNumbers, sameDocumentNumber } from "../domain/documentNumber.ts";
import { parseTarget } from "../domain/indicatorTarget.ts";
import { IngestError } from "./errors.ts";
import { extractDocument, readTextDocument } from "./extract.ts";
import { extractionSchema } from "./extraction.ts";
import type { RawDocument } from "./model.ts";

/**
 * Whatever arrives (a damaged file, a paste of anything, a hostile upload), the engine answers
 * with an extraction or an IngestError, and answers quickly: no other exception, no hang.
 */

const WORDS = [
  "STT",
  "TT",
  "Tên nhiệm vụ",
  "Nội dung",
  "Chỉ tiêu",
  "Đơn vị tính",
  "Năm 2026",
  "Cơ quan chủ trì",
  "Cơ quan phối hợp",
  "Văn bản giao",
  "Thời hạn",
  "Ghi chú",
  "Sản phẩm",
  "I",
  "II",
  "IV.",
  "1",
  "2",
  "3",
  "1.1",
  "-",
  "Có",
  "≥ 70",
  "$\\geq 0,65$",
  "4/2026",
  "31/2/2026",
  "Quý IV/2026",
  "Thường xuyên",
  "Theo lộ trình",
  "Sở Tài chính, Sở Nội vụ",
  "Các sở, ban, ngành; UBND cấp xã",
  "Kế hoạch số 04-KH/BCĐTW",
  "06 - TB/CQTTBCĐ",
  "<ul><li>a</li>",
  "**x**",
  "~~",
  "*",
  "|",
  "\t",
  "\n",
  '"',
  "",
  "Ủy ban nhân dân tỉnh",
  "TỈNH ỦY LÂM ĐỒNG",
  "Số: 12/KH-UBND",
  "ngày 31 tháng 2 năm 2026",
];

const word = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 8 }),
);
const cellText = fc.array(word, { maxLength: 4 }).map((ws) => ws.join(" "));
const rawCell = fc.record(
  { text: cellText, footnotes: fc.array(cellText, { maxLength: 2 }), mergedFromAbove: fc.boolean() },
  { requiredKeys: ["text"] },
);
const rawRow = fc.record(
  { cells: fc.array(rawCell, { maxLength: 9 }), page: fc.integer({ min: 1, max: 3 }) },
  { requiredKeys: ["cells"] },
);
const rawBlock = fc.oneof(
  fc.record(
    { kind: fc.constant("paragraph" as const), text: cellText, bullet: fc.boolean() },
    { requiredKeys: ["kind", "text"] },
  ),
  fc.record({ kind: fc.constant("table" as const), rows: fc.array(rawRow, { maxLength: 12 }) }),
);
const rawDocument: fc.Arbitrary<RawDocument> = fc.record({
  format: fc.constantFrom("docx", "pdf", "xlsx", "text", "doc") as fc.Arbitrary<RawDocument["format"]>,
  blocks: fc.array(rawBlock, { maxLength: 10 }),
});

/** A text document: lines of words, some tab-separated or piped like tables. */
const textDocument = fc
  .array(
    fc.oneof(
      fc.array(word, { maxLength: 8 }).map((ws) => ws.join("\t")),
      fc.array(word, { maxLength: 6 }).map((ws) => `| ${ws.join(" | ")} |`),
      word,
      fc.constant(""),
    ),
    { maxLength: 40 },
  )
  .map((lines) => lines.join("\n"));

function onlyIngestErrors(run: () => unknown) {
  try {
    const out = run();
    if (out && typeof out === "object" && "tasks" in out) extractionSchema.parse(out);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
  }
}

/**
 * Catches runaway regular expressions and quadratic loops: those take minutes or hours on these
 * inputs, so a limit ten times what a slow machine needs never fails on a busy one.
 */
function quickly(run: () => unknown, ms = 20_000) {
  const start = performance.now();
  run();
  expect(performance.now() - start).toBeLessThan(ms);
}

describe("property: the engine never fails but with IngestError", { timeout: 600_000 }, () => {
  it("readText + extractDocument on random text", () => {
    fc.assert(
      fc.property(textDocument, (text) => {
        onlyIngestErrors(() => extractDocument(readTextDocument(text)));
      }),
      { numRuns: 300 },
    );
  });

  it("readText on arbitrary strings, including lone surrogates", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        onlyIngestErrors(() => extractDocument(readTextDocument(text)));
      }),
      { numRuns: 300 },
    );
  });

  it("extractDocument on random reader output", () => {
    fc.assert(
      fc.property(rawDocument, (doc) => {
        onlyIngestErrors(() => extractDocument(doc));
      }),
      { numRuns: 300 },
    );
  });

  it("the pure rules on arbitrary strings", () => {
    fc.assert(
      fc.property(
        fc.oneof(cellText, fc.string({ unit: "binary", maxLength: 200 })),
        fc.integer(),
        (text, year) => {
          const d = parseDeadline(text, { contextYear: year % 3000 });
          expect(["date", "month", "quarter", "year", "recurring", "unspecified"]).toContain(d.kind);
          if (d.due !== null) expect(d.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          findHiddenDeadline(text);
          for (const name of splitAgencies(text)) expect(name.trim()).not.toBe("");
          const target = parseTarget(text, year);
          if (typeof target.value === "number") expect(Number.isFinite(target.value)).toBe(true);
          for (const n of findDocumentNumbers(text)) expect(sameDocumentNumber(n, n)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("property: no hang on large or adversarial input", { timeout: 600_000 }, () => {
  it("long lines of markup and separators", () => {
    const nasty = [
      "**".repeat(20_000),
      "*a".repeat(20_000),
      "<".repeat(20_000),
      "<li ".repeat(5_000),
      "1/".repeat(20_000),
      "Quý I, ".repeat(5_000),
      "tháng 1, ".repeat(5_000),
      "Sở A, ".repeat(5_000),
      "0".repeat(50_000),
      '"\t'.repeat(10_000),
    ];
    for (const text of nasty) {
      quickly(() => onlyIngestErrors(() => extractDocument(readTextDocument(text))));
      quickly(() => parseDeadline(text));
      quickly(() => splitAgencies(text));
      quickly(() => parseTarget(text, 2026));
      quickly(() => findDocumentNumbers(text));
    }
  });

  it("a flattened table with very long rows", () => {
    const lines = ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời hạn"];
    for (let n = 1; n <= 30; n++) {
      lines.push(
        `${n} Nhiệm vụ số ${n}`,
        ...Array.from({ length: 40 }, (_, k) => `dòng ${k} của ô`),
        "Sở Tài chính",
        "6/2026",
      );
    }
    quickly(() => onlyIngestErrors(() => extractDocument(readTextDocument(lines.join("\n")))), 100_000);
  });

  it("a big tab-separated plan", () => {
    const rows = ["STT\tTên nhiệm vụ\tCơ quan chủ trì\tThời hạn"];
    for (let n = 1; n <= 5000; n++)
      rows.push(`${n}\tNhiệm vụ ${n}\tSở Tài chính; UBND cấp xã\t${(n % 12) + 1}/2026`);
    quickly(() => {
      const out = extractDocument(readTextDocument(rows.join("\n")));
      expect(out.tasks).toHaveLength(5000);
    }, 100_000);
  });
});
