import { splitAgencies } from "../../domain/agencyNames.ts";
import { parseTarget } from "../../domain/indicatorTarget.ts";
import { normalizeText } from "../../domain/text.ts";
import type { ExtractedIndicator, ExtractionWarning, IndicatorTarget } from "../extraction.ts";
import type { Role } from "./columns.ts";
import { sourceColumnDoubts } from "./doubts.ts";
import { numberingWarnings } from "./numbering.ts";
import type { LogicalTable } from "./tables.ts";
import { type Context, type Draft, draftsOf, refOf, sourcesOf } from "./tasks.ts";

/**
 * Rows of an indicator table to indicators. Target columns are read per column, since each
 * names its own year ("Kết quả đạt được năm 2026", "Phấn đấu đến năm 2030"); a target column
 * without a year stands for the plan's year.
 */

const INDICATOR_DATA_ROLES: Role[] = ["unit", "target", "monitor", "source", "note"];

function plain(text: string | undefined): string {
  return normalizeText((text ?? "").replace(/\n/g, " "));
}

/** One target per target column that holds one. */
function targetsOf(table: LogicalTable, draft: Draft, context: Context): IndicatorTarget[] {
  const targets: IndicatorTarget[] = [];
  table.map.roles.forEach((role, i) => {
    if (role !== "target") return;
    const year = table.map.years[i] ?? context.contextYear;
    const text = plain(draft.columns[i]);
    if (text === "" || year === undefined || year === null) return;
    targets.push(parseTarget(text, year));
  });
  return targets;
}

export function indicatorsFromTable(
  table: LogicalTable,
  context: Context,
): { indicators: ExtractedIndicator[]; warnings: ExtractionWarning[] } {
  const drafts: Draft[] = draftsOf(table, "name", INDICATOR_DATA_ROLES);
  const warnings: ExtractionWarning[] = [];
  const indicators = drafts.map((d): ExtractedIndicator => {
    const ref = refOf(d);
    if (d.unnumbered) {
      warnings.push({
        ref,
        code: "missing_number",
        message: `Dòng chỉ tiêu không có số thứ tự; tạm đánh số ${ref} theo vị trí.`,
      });
    }
    return {
      ref,
      section: d.section,
      number: d.number,
      name: plain(d.texts.name),
      unit: plain(d.texts.unit),
      targets: targetsOf(table, d, context),
      monitors: splitAgencies(d.texts.monitor ?? ""),
      sources: sourcesOf(d.texts.source ?? "", ...d.footnotes, d.texts.note ?? ""),
      doubts: [...(d.doubts ?? []), ...sourceColumnDoubts(d.texts)],
    };
  });
  const numbered = drafts
    .filter((d) => !d.unnumbered)
    .map((d) => ({ ref: refOf(d), section: d.section, number: d.number }));
  warnings.push(...numberingWarnings(numbered, "chỉ tiêu"));
  return { indicators, warnings };
}
