import { splitAgencies } from "../../domain/agencyNames.ts";
import { horizonYear, parseTarget, periodHeadingYear } from "../../domain/indicatorTarget.ts";
import { normalizeText } from "../../domain/text.ts";
import type { ExtractedIndicator, ExtractionWarning, IndicatorTarget } from "../extraction.ts";
import type { Role } from "./columns.ts";
import { sourceColumnDoubts } from "./doubts.ts";
import { numberingWarnings } from "./numbering.ts";
import type { LogicalTable, TableRow } from "./tables.ts";
import { type Context, type Draft, draftsOf, readRow, refOf, sourcesOf } from "./tasks.ts";

/**
 * Rows of an indicator table to indicators. A target's year is the nearest one the document
 * gives: the target column's own header ("Kết quả đạt được năm 2026", "Phấn đấu đến năm 2030"),
 * else the heading of the group of rows above ("Đến năm 2030", "Tầm nhìn đến năm 2045", "Giai
 * đoạn 2026 – 2030": the end of a period), else the year the appendix caption above the table
 * names ("Phụ lục I: Chỉ tiêu chủ yếu đến năm 2030"), else the year the plan's title aims at
 * ("… đến năm 2030", "… giai đoạn 2026 – 2030" → 2030), else the year the plan was signed.
 */

export interface IndicatorContext extends Context {
  /** The year the plan's title aims at, for targets whose table names none. */
  titleYear?: number;
}

const INDICATOR_DATA_ROLES: Role[] = ["unit", "target", "monitor", "source", "note"];

/** A heading of a group of rows is a short line; a longer one is an indicator's wording. */
const HEADING_MAX = 100;
const NAME_MAX = 400;

function plain(text: string | undefined): string {
  return normalizeText((text ?? "").replace(/\n/g, " "));
}

function captionYear(table: LogicalTable): number | null {
  return horizonYear((table.caption ?? []).join(" "));
}

/** One target per target column that holds one. */
function targetsOf(
  table: LogicalTable,
  draft: Draft,
  groupYear: number | null,
  context: IndicatorContext,
): IndicatorTarget[] {
  const targets: IndicatorTarget[] = [];
  table.map.roles.forEach((role, i) => {
    if (role !== "target") return;
    const year =
      table.map.years[i] ?? groupYear ?? captionYear(table) ?? context.titleYear ?? context.contextYear;
    const text = plain(draft.columns[i]);
    if (text === "" || year === undefined || year === null) return;
    targets.push(parseTarget(text, year));
  });
  return targets;
}

/**
 * The year a row sets for the rows below it, when it is a heading that names one: a section
 * row ("I | Chỉ tiêu đến năm 2030"), a line of its own merged across the table or written in one
 * cell with no figure beside it ("Đến năm 2030"), or a numbered row that says nothing but a
 * period ("1 | Mục tiêu đến năm 2030" above 1.1, 1.2). `drop` says the row is no section and must
 * not reach the drafts, where it would be taken for an indicator or a wrapped line of one.
 */
function headingYear(row: TableRow, table: LogicalTable): { year: number; drop: boolean } | null {
  const reading = readRow(row, table.map.roles, "name", INDICATOR_DATA_ROLES);
  if (reading.kind === "section") {
    const year = horizonYear(reading.title);
    return year === null ? null : { year, drop: false };
  }
  if (reading.kind !== "item") return null;
  const texts = Object.entries(reading.texts)
    .filter(([role]) => reading.number === null || role !== "stt")
    .map(([, t]) => plain(t))
    .filter((t) => t !== "");
  const distinct = [...new Set(texts)];
  // A list mark before the heading ("a) Đến năm 2030") is no part of it.
  const text = (distinct[0] ?? "").replace(/^(?:[a-zđ]\)|[-+•*–])\s*/u, "");
  if (distinct.length !== 1 || text.length > HEADING_MAX) return null;
  // A continued line starts in lower case; a heading does not.
  if (/^\p{Ll}/u.test(text) || (reading.number !== null && periodHeadingYear(text) === null)) return null;
  const year = horizonYear(text);
  return year === null ? null : { year, drop: true };
}

/**
 * Drafts of the table and the year of the group each belongs to. Headings are found first; the
 * drafts read from the rows before each heading tell which drafts fall under it, since drafts
 * are only ever added at the end.
 */
function draftsWithYears(table: LogicalTable): { drafts: Draft[]; years: (number | null)[] } {
  const rows: TableRow[] = [];
  const starts: { at: number; year: number }[] = [];
  for (const row of table.rows) {
    const heading = headingYear(row, table);
    if (heading) starts.push({ at: rows.length, year: heading.year });
    if (!heading?.drop) rows.push(row);
  }
  const kept = { ...table, rows };
  const drafts = draftsOf(kept, "name", INDICATOR_DATA_ROLES);
  const years: (number | null)[] = drafts.map(() => null);
  for (const { at, year } of starts) {
    const before = draftsOf({ ...kept, rows: rows.slice(0, at) }, "name", INDICATOR_DATA_ROLES).length;
    for (let i = before; i < drafts.length; i++) years[i] = year;
  }
  return { drafts, years };
}

/**
 * A unit written after the name when no unit is given beside it: "Tỷ lệ hộ dùng nước sạch (%)",
 * "Thu nhập bình quân (triệu đồng/người/năm)", "(ĐVT: tỷ đồng)". What is not a measure stays in
 * the name ("(5G)", "(SOC)").
 */
const UNIT_IN_NAME = /^(.*\S)\s*\(\s*(?:đvt|đơn vị(?: tính)?)?\s*:?\s*([^()]{1,30})\)$/iu;
const MEASURE =
  /^(?:%.*|[^%]*\/.*|(?:(?:nghìn|triệu|tỷ) )*(?:đồng|usd)|người|lượt(?: người)?|hộ|km|ha|m2|m²|tấn|lần|điểm|giường|bác sĩ|doanh nghiệp|xã|sản phẩm|dự án|công trình)$/iu;

function nameAndUnit(name: string, unit: string): { name: string; unit: string } {
  // A name is a line or two; past that it is a paragraph run into the cell, and the pattern
  // would only cost time.
  if (unit !== "" || name.length > NAME_MAX) return { name, unit };
  const m = UNIT_IN_NAME.exec(name);
  const measure = (m?.[2] ?? "").trim();
  if (!m || !MEASURE.test(measure)) return { name, unit };
  return { name: m[1]!, unit: measure };
}

/**
 * The year of a sub-row that names only a period ("11 | Tỷ lệ hộ nghèo" then "- | Đến năm 2025 |
 * 3" and "- | Đến năm 2030 | 1,5"): its figures are the targets of the row above by year, not an
 * indicator of its own.
 */
function periodRowYear(d: Draft, parent: Draft | undefined): number | null {
  if (!parent || d.section !== parent.section || !d.number.startsWith(`${parent.number}.`)) return null;
  const name = plain(d.texts.name);
  return name.length > HEADING_MAX ? null : periodHeadingYear(name);
}

function indicatorOf(
  table: LogicalTable,
  d: Draft,
  year: number | null,
  context: IndicatorContext,
): ExtractedIndicator {
  const { name, unit } = nameAndUnit(plain(d.texts.name), plain(d.texts.unit));
  return {
    ref: refOf(d),
    section: d.section,
    number: d.number,
    name,
    unit,
    targets: targetsOf(table, d, year, context),
    monitors: splitAgencies(d.texts.monitor ?? ""),
    sources: sourcesOf(d.texts.source ?? "", ...d.footnotes, d.texts.note ?? ""),
    doubts: [...(d.doubts ?? []), ...sourceColumnDoubts(d.texts)],
  };
}

export function indicatorsFromTable(
  table: LogicalTable,
  context: IndicatorContext,
): { indicators: ExtractedIndicator[]; warnings: ExtractionWarning[] } {
  const { drafts, years } = draftsWithYears(table);
  const warnings: ExtractionWarning[] = [];
  const indicators: ExtractedIndicator[] = [];
  const kept: Draft[] = [];
  let parent: { draft: Draft; indicator: ExtractedIndicator } | undefined;
  drafts.forEach((d, i) => {
    const periodYear = periodRowYear(d, parent?.draft);
    if (parent && periodYear !== null) {
      const sub = indicatorOf(table, d, periodYear, context);
      parent.indicator.targets.push(...sub.targets);
      if (parent.indicator.unit === "") parent.indicator.unit = sub.unit;
      if (parent.indicator.monitors.length === 0) parent.indicator.monitors = sub.monitors;
      parent.indicator.doubts = [...(parent.indicator.doubts ?? []), ...(sub.doubts ?? [])];
      return;
    }
    const indicator = indicatorOf(table, d, years[i] ?? null, context);
    if (d.unnumbered) {
      warnings.push({
        ref: indicator.ref,
        code: "missing_number",
        message: `Dòng chỉ tiêu không có số thứ tự; tạm đánh số ${indicator.ref} theo vị trí.`,
      });
    }
    indicators.push(indicator);
    kept.push(d);
    parent = { draft: d, indicator };
  });
  const numbered = kept
    .filter((d) => !d.unnumbered)
    .map((d) => ({ ref: refOf(d), section: d.section, number: d.number }));
  warnings.push(...numberingWarnings(numbered, "chỉ tiêu"));
  return { indicators, warnings };
}
