import { horizonYear } from "../../domain/indicatorTarget.ts";
import type { ExtractedIndicator, ExtractedTask, Extraction, ExtractionWarning } from "../extraction.ts";
import type { RawDocument } from "../model.ts";
import { refreshDoubts } from "./doubts.ts";
import { indicatorsFromTable } from "./indicators.ts";
import { contextYearOf, extractMetadata } from "./metadata.ts";
import { organisationText, withoutOrganisation } from "./organisation.ts";
import { interpretProse } from "./prose.ts";
import { collectTables } from "./tables.ts";
import { tasksFromTable } from "./tasks.ts";

/**
 * The interpreter: one set of rules for every format. Readers only recover blocks, rows and
 * cells; this decides what is a header, a section, a task, an indicator and what the document
 * says about itself. Documents without a task table (conclusion notices, letters) are read as
 * prose directives.
 */
export function interpretDocument(doc: RawDocument): Extraction {
  const collected = collectTables(doc);
  const document = extractMetadata(collected.front, collected.all);
  const context = { contextYear: contextYearOf(document, collected.front) };
  const tasks: ExtractedTask[] = [];
  const indicators: ExtractedIndicator[] = [];
  const warnings: ExtractionWarning[] = [];
  let taskTables = 0;
  for (const table of collected.tables) {
    if (table.map.kind === "task") {
      taskTables++;
      const read = tasksFromTable(table, context);
      tasks.push(...read.tasks);
      warnings.push(...read.warnings);
    } else {
      const read = indicatorsFromTable(table, {
        ...context,
        titleYear: horizonYear(document.title ?? "") ?? undefined,
      });
      indicators.push(...read.indicators);
      warnings.push(...read.warnings);
    }
  }
  if (taskTables === 0) {
    const prose = interpretProse(indicators.length > 0 ? withoutOrganisation(doc) : doc);
    tasks.push(...prose.tasks);
    warnings.push(...prose.warnings);
  }
  warnings.push(...duplicateRefWarnings(tasks, "nhiệm vụ"), ...duplicateRefWarnings(indicators, "chỉ tiêu"));
  // Beside a task or indicator table, the body's "Tổ chức thực hiện" paragraphs are arrangements,
  // not tasks; in a document of prose alone they are read as directives above, not repeated here.
  const organisation = taskTables > 0 || indicators.length > 0 ? organisationText(doc) : null;
  return refreshDoubts({ document, tasks, indicators, warnings, organisation });
}

/** Two items with one ref cannot both be linked or reported on; the office must tell them apart. */
function duplicateRefWarnings(items: { ref: string }[], what: string): ExtractionWarning[] {
  const seen = new Set<string>();
  const warned = new Set<string>();
  const warnings: ExtractionWarning[] = [];
  for (const { ref } of items) {
    if (seen.has(ref) && !warned.has(ref)) {
      warned.add(ref);
      warnings.push({ ref, code: "duplicate_ref", message: `Có nhiều ${what} cùng số hiệu ${ref}.` });
    }
    seen.add(ref);
  }
  return warnings;
}
