import { splitAgencies } from "../../domain/agencyNames.ts";
import { findHiddenDeadline, parseDeadline } from "../../domain/deadline.ts";
import { findDocumentNumbers, sameDocumentNumber } from "../../domain/documentNumber.ts";
import { normalizeText } from "../../domain/text.ts";
import type { Deadline, Doubt, ExtractedTask, ExtractionWarning } from "../extraction.ts";
import { cellLines, joinContinued } from "./cells.ts";
import type { Role } from "./columns.ts";
import { tableRowDoubts } from "./doubts.ts";
import { addNote, noteWarnings, type TableNote, unnumbered } from "./noteRows.ts";
import { noteSources } from "./noteSources.ts";
import { isBulletStt, isRoman, numberingWarnings, readSectionMark, readStt } from "./numbering.ts";
import type { Cell, LogicalTable, TableRow } from "./tables.ts";

/**
 * Rows of a task table to tasks. Rows are first read into drafts holding each role's raw text,
 * so that a row cut by a page break can be glued back before anything is parsed.
 */

export interface Context {
  /** The plan's year: completes "Quý II" or "Tháng 6" written without one. */
  contextYear?: number;
}

type Texts = Partial<Record<Role, string>>;

export interface Draft {
  section: string | null;
  sectionTitle: string | null;
  number: string;
  texts: Texts;
  /** Text of each grid column, for columns read one by one (indicator targets). */
  columns: string[];
  footnotes: string[];
  /** Row had no number: the number was given by position. */
  unnumbered: boolean;
  /** Hook: reasons to doubt the row an interpreter noticed while reading it (see doubts.ts). */
  doubts?: Doubt[];
}

/** Text of each role; a role spread over merged grid columns is read once. */
export function roleTexts(roles: (Role | null)[], cells: Cell[]): Texts {
  const out: Texts = {};
  roles.forEach((role, i) => {
    if (!role) return;
    const text = cellLines(cells[i]);
    if (text === "") return;
    const previous = out[role];
    if (previous === undefined) out[role] = text;
    else if (previous !== text && !previous.endsWith(text)) out[role] = `${previous}\n${text}`;
  });
  return out;
}

function footnotesOf(cells: Cell[]): string[] {
  return cells.flatMap((c) =>
    Array.isArray(c?.footnotes) ? c.footnotes.filter((f) => typeof f === "string") : [],
  );
}

/** True when every non-empty cell of the row holds the same text (one cell merged across the row). */
function isMergedAcross(cells: Cell[]): string | null {
  const filled = cells.map((c) => cellLines(c)).filter((t) => t !== "");
  if (filled.length === 0) return null;
  return filled.every((t) => t === filled[0]) ? filled[0]! : null;
}

export type RowReading =
  | { kind: "section"; section: string; title: string }
  | { kind: "item"; number: string | null; texts: Texts; columns: string[]; footnotes: string[] }
  | { kind: "skip" };

/**
 * What one row is. `nameRole` is the column that holds the item's name (title or indicator
 * name); `dataRoles` are the columns a section row leaves empty.
 */
export function readRow(
  row: TableRow,
  roles: (Role | null)[],
  nameRole: Role,
  dataRoles: Role[],
): RowReading {
  const texts = roleTexts(roles, row.cells);
  if (!roles.includes("stt")) numberFromName(texts, nameRole);
  const footnotes = footnotesOf(row.cells);
  const merged = isMergedAcross(row.cells);
  const stt = normalizeText(texts.stt ?? "");
  const name = normalizeText(texts[nameRole] ?? "");
  const dataEmpty = dataRoles.every(
    (r) => !texts[r] || texts[r] === texts[nameRole] || texts[r] === texts.stt,
  );

  if (merged !== null && !/^\d/.test(merged)) {
    const mark = readSectionMark(normalizeText(merged));
    if (mark) return { kind: "section", ...mark };
  }
  const mark = readStt(stt);
  if (mark.kind === "section" && dataEmpty) {
    const title = mark.title !== "" ? mark.title : name;
    return { kind: "section", section: mark.section, title };
  }
  if (mark.kind === "none" && stt === "" && dataEmpty) {
    const inName = readSectionMark(name);
    if (inName && inName.title !== "" && /^(?:[IVXLC]+|[A-Z])[.)]/.test(name))
      return { kind: "section", ...inName };
  }
  const hasContent = Object.keys(texts).length > 0 || footnotes.length > 0;
  if (!hasContent) return { kind: "skip" };
  const columns = row.cells.map((c) => cellLines(c));
  const number = mark.kind === "number" ? mark.number : mark.kind === "section" ? mark.section : null;
  return { kind: "item", number, texts, columns, footnotes };
}

/** Tables without an STT column number their rows inside the name: "1. Xây dựng…", "a) Rà soát…". */
function numberFromName(texts: Texts, nameRole: Role) {
  const name = texts[nameRole];
  if (!name) return;
  const m = /^\s*(\d{1,3}(?:\.\d{1,3}){0,3}[.)]|[a-zđ]\))\s+(?=\S)/u.exec(name);
  if (!m) return;
  texts.stt = m[1]!;
  texts[nameRole] = name.slice(m[0].length);
}

/** Cells merged down from the row above hold that row's value: one lead for several tasks. */
function fillMergedCells(row: TableRow, above: Cell[], roles: (Role | null)[]): TableRow {
  let changed = false;
  const cells = row.cells.map((cell, i) => {
    if (cell?.mergedFromAbove !== true || roles[i] === "stt" || cellLines(cell) !== "" || !above[i])
      return cell;
    changed = true;
    return { text: above[i]!.text };
  });
  return changed ? { ...row, cells } : row;
}

function onNewLine(before: string, after: string): string {
  if (before === "") return after;
  return after === "" ? before : `${before}\n${after}`;
}

/**
 * Adds a row to the task it belongs to. After a page break the texts continue mid-sentence, even
 * mid-name ("Sở Khoa học và" / "Công nghệ"); a row under a vertically merged cell holds new
 * values of its own (a second lead), on a line of their own.
 */
function mergeInto(
  draft: Draft,
  reading: Extract<RowReading, { kind: "item" }>,
  roles: (Role | null)[],
  cut: boolean,
) {
  const join = (before: string, after: string) =>
    cut ? joinContinued(before, after) : onNewLine(before, after);
  for (const [role, text] of Object.entries(reading.texts) as [Role, string][]) {
    if (role === "stt") continue;
    draft.texts[role] = join(draft.texts[role] ?? "", text);
  }
  reading.columns.forEach((text, i) => {
    if (roles[i] !== "stt") draft.columns[i] = join(draft.columns[i] ?? "", text);
  });
  draft.footnotes.push(...reading.footnotes);
}

/**
 * Drafts of the items of a table: sections applied, page-break continuations merged, rows
 * without a number either merged (when they continue the row above), set aside as the issuer's
 * notes (`found.notes`) or numbered by position. `found.all` keeps group headings too.
 */
export function draftsOf(
  table: LogicalTable,
  nameRole: Role,
  dataRoles: Role[],
  found: { notes: TableNote[]; all: Draft[] } = { notes: [], all: [] },
): Draft[] {
  const drafts: Draft[] = [];
  let section: string | null = null;
  let sectionTitle: string | null = null;
  let sinceSection = 0;
  let part: string | null = null;
  let above: Cell[] = [];
  let subItems = 0;
  let lastParent: Draft | undefined;
  let noteBefore = false;
  for (const physical of table.rows) {
    let row = physical;
    let reading = readRow(row, table.map.roles, nameRole, dataRoles);
    if (reading.kind === "item" && reading.number !== null) {
      row = fillMergedCells(physical, above, table.map.roles);
      if (row !== physical) reading = readRow(row, table.map.roles, nameRole, dataRoles);
    }
    const aboveNote = above;
    const lastWasNote = noteBefore;
    noteBefore = false;
    above = row.cells;
    if (reading.kind === "skip") continue;
    if (reading.kind === "section") {
      const mark = reading.section;
      // Parts lettered A, B… may hold Roman sections that restart in each part: "B.I" keeps
      // their refs apart. "C" after "B" is a part, not the numeral 100.
      const letter =
        /^[A-Z]$/.test(mark) &&
        (!isRoman(mark) || (part !== null && mark.charCodeAt(0) === part.charCodeAt(0) + 1));
      if (letter) part = mark;
      section = letter || part === null ? mark : `${part}.${mark}`;
      sectionTitle = reading.title === "" ? null : reading.title;
      sinceSection = 0;
      continue;
    }
    // A section title cut by a page break: its rest comes before the section's first item.
    if (reading.number === null && physical.afterBreak && sinceSection === 0 && sectionTitle !== null) {
      const rest = isMergedAcross(physical.cells) ?? (reading.texts[nameRole] || null);
      if (
        rest !== null &&
        Object.keys(reading.texts).every(
          (r) => r === nameRole || r === "stt" || reading.texts[r as Role] === rest,
        )
      ) {
        sectionTitle = normalizeText(joinContinued(sectionTitle, rest));
        continue;
      }
    }
    if (reading.number === null) {
      const previous = drafts[drafts.length - 1];
      const what = unnumbered(row, reading, table.map.roles, nameRole, dataRoles, {
        previous: previous !== undefined && previous.section === section,
        afterNote: lastWasNote,
      });
      if (what.kind === "continues") {
        mergeInto(previous!, reading, table.map.roles, what.cut);
        continue;
      }
      if (what.kind === "heading") {
        found.notes.push({ section, text: what.text, at: drafts.length, heading: true });
        above = aboveNote;
        continue;
      }
      if (what.kind === "note") {
        addNote(found.notes, { section, text: what.text, at: drafts.length }, lastWasNote);
        // Cells merged down over a note belong to the task above it.
        above = aboveNote;
        noteBefore = true;
        continue;
      }
    }
    sinceSection++;
    // Rows bulleted in the STT column are numbered under the row above them: "11.1", "11.2".
    const parent = [...drafts].reverse().find((d) => d.section === section && !d.unnumbered);
    const bullet = reading.number === null && isBulletStt(reading.texts.stt ?? "") && parent !== undefined;
    if (bullet) subItems = parent === lastParent ? subItems + 1 : 1;
    lastParent = parent;
    drafts.push({
      section,
      sectionTitle,
      number: reading.number ?? (bullet ? `${parent!.number}.${subItems}` : String(sinceSection)),
      texts: { ...reading.texts },
      columns: [...reading.columns],
      footnotes: [...reading.footnotes],
      unnumbered: reading.number === null,
    });
  }
  // Indicators nest (11 with 11.1, 11.2 are all indicators); a task row with nothing but a name
  // above numbered sub-rows is a heading.
  found.all.push(...drafts);
  return nameRole === "title" ? dropGroupHeadings(drafts, nameRole, dataRoles) : drafts;
}

/**
 * "1 | Nhóm nhiệm vụ về thể chế" with nothing else (or merged across the row), followed by 1.1, 1.2:
 * a heading, not a task.
 */
function dropGroupHeadings(drafts: Draft[], nameRole: Role, dataRoles: Role[]): Draft[] {
  return drafts.filter((d, i) => {
    const next = drafts[i + 1];
    // A heading merged across the row repeats its name in every column.
    const empty =
      dataRoles.every((r) => !d.texts[r] || d.texts[r] === d.texts[nameRole]) && d.footnotes.length === 0;
    const parent =
      next !== undefined &&
      next.section === d.section &&
      (next.number.startsWith(`${d.number}.`) || (/^\d/.test(d.number) && /^[a-zđ]$/.test(next.number)));
    return !(empty && parent && d.texts[nameRole]);
  });
}

export function refOf(draft: Draft): string {
  return draft.section ? `${draft.section}.${draft.number}` : draft.number;
}

function plain(text: string | undefined): string {
  return normalizeText((text ?? "").replace(/\n/g, " "));
}

/** Numbers cited as the assigning document, each document once (typos of one number count once). */
export function sourcesOf(...texts: string[]): string[] {
  const out: string[] = [];
  for (const text of texts) {
    for (const number of findDocumentNumbers(text)) {
      if (!out.some((n) => sameDocumentNumber(n, number))) out.push(number);
    }
  }
  return out;
}

function deadlineOf(draft: Draft, context: Context): Deadline {
  const written = plain(draft.texts.deadline);
  const options = { contextYear: context.contextYear };
  if (written !== "") {
    const parsed = parseDeadline(written, options);
    return { text: parsed.text, kind: parsed.kind, due: parsed.due };
  }
  for (const role of ["output", "note", "title"] as const) {
    const hidden = findHiddenDeadline(plain(draft.texts[role]), options);
    if (hidden) return { text: hidden.text, kind: hidden.kind, due: hidden.due };
  }
  return { text: "", kind: "unspecified", due: null };
}

const TASK_DATA_ROLES: Role[] = [
  "source",
  "responsible",
  "lead",
  "coordinator",
  "output",
  "deadline",
  "note",
];

export function tasksFromTable(
  table: LogicalTable,
  context: Context,
): { tasks: ExtractedTask[]; warnings: ExtractionWarning[] } {
  const found = { notes: [] as TableNote[], all: [] as Draft[] };
  const drafts = draftsOf(table, "title", TASK_DATA_ROLES, found);
  const warnings: ExtractionWarning[] = noteWarnings(found.notes);
  const fromNotes = noteSources(found.notes, found.all, (text) => sourcesOf(text));
  const tasks = drafts.map((d): ExtractedTask => {
    const ref = refOf(d);
    if (d.unnumbered) {
      warnings.push({
        ref,
        code: "missing_number",
        message: `Dòng nhiệm vụ không có số thứ tự; tạm đánh số ${ref} theo vị trí.`,
      });
    }
    return {
      ref,
      section: d.section,
      sectionTitle: d.sectionTitle,
      number: d.number,
      title: plain(d.texts.title),
      sources: sourcesOf(
        d.texts.source ?? "",
        ...d.footnotes,
        d.texts.note ?? "",
        ...(fromNotes.get(d) ?? []),
      ),
      responsible: plain(d.texts.responsible),
      leads: splitAgencies(d.texts.lead ?? ""),
      coordinators: splitAgencies(d.texts.coordinator ?? ""),
      output: plain(d.texts.output),
      note: plain(d.texts.note),
      deadline: deadlineOf(d, context),
      doubts: [...(d.doubts ?? []), ...tableRowDoubts(d.texts, context.contextYear)],
    };
  });
  // A group heading's number ("1 | Nhóm nhiệm vụ…" above 1.1, a, b) is part of the numbering.
  const numbered = found.all
    .filter((d) => !d.unnumbered)
    .map((d) => ({ ref: refOf(d), section: d.section, number: d.number }));
  warnings.push(...numberingWarnings(numbered, "nhiệm vụ"));
  return { tasks, warnings };
}
