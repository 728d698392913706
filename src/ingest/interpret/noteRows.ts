import { normalizeText } from "../../domain/text.ts";
import type { ExtractionWarning } from "../extraction.ts";
import { cellLines } from "./cells.ts";
import type { Role } from "./columns.ts";
import { isBulletStt } from "./numbering.ts";
import type { Cell, TableRow } from "./tables.ts";
import type { RowReading } from "./tasks.ts";

/**
 * Rows of a table without a number. Some are neither sections nor tasks: a line merged across
 * the table that explains the rows around it ("… cụ thể: số thứ tự từ 4 đến 35"), or a row that
 * names no one and no time. Such a row is the issuer's note; made a task, it would be one nobody
 * can do, and glued to the task above, it would change that task's text and deadline.
 */

export interface TableNote {
  section: string | null;
  text: string;
  /** How many items of the table came before the note: the note sits above item `at`. */
  at: number;
  /** A heading of a group of rows, kept only for the document it may cite (no warning). */
  heading?: boolean;
}

/**
 * The text of a row merged across the table (every filled cell holds the same text), or of a row
 * whose only text sits in the STT column, where a spreadsheet keeps a merged row's value. Null
 * for any other row.
 */
export function mergedRowText(cells: Cell[], roles: (Role | null)[]): string | null {
  const filled = cells.map((c, i) => ({ text: cellLines(c), role: roles[i] })).filter((c) => c.text !== "");
  if (filled.length === 0) return null;
  const first = filled[0]!;
  const same = filled.every((c) => c.text === first.text);
  if (filled.length >= 2 && same) return normalizeText(first.text.replace(/\n/g, " "));
  if (filled.length === 1 && first.role === "stt" && first.text.length > 12) {
    return normalizeText(first.text.replace(/\n/g, " "));
  }
  return null;
}

/** A heading of a group of rows: short, and not a sentence ("Nhóm nhiệm vụ về dữ liệu"). */
export function isHeadingText(text: string): boolean {
  return text.length <= 100 && !/[;:]/.test(text) && !/[.!]$/.test(text);
}

const ASSIGNING: Role[] = ["lead", "coordinator", "responsible", "deadline"];

/** Someone or some time is named in the row, or carried down from the row above. */
export function namesSomeoneOrTime(
  texts: Partial<Record<Role, string>>,
  cells: Cell[],
  roles: (Role | null)[],
): boolean {
  if (ASSIGNING.some((r) => (texts[r] ?? "").trim() !== "")) return true;
  return roles.some((r, i) => r !== null && ASSIGNING.includes(r) && cells[i]?.mergedFromAbove === true);
}

/** Adds a note; a line that runs on in lower case is the rest of the note just before it. */
export function addNote(notes: TableNote[], note: TableNote, follows: boolean): void {
  const last = notes[notes.length - 1];
  if (follows && last && !last.heading && last.section === note.section && /^\p{Ll}/u.test(note.text)) {
    last.text = `${last.text} ${note.text}`;
  } else notes.push(note);
}

export function noteWarnings(notes: TableNote[]): ExtractionWarning[] {
  return notes
    .filter((n) => !n.heading)
    .map((n) => ({
      ref: n.section,
      code: "table_note",
      message: `Dòng ghi chú trong bảng, không phải nhiệm vụ: “${n.text}”`,
    }));
}

type Unnumbered =
  | { kind: "continues"; cut: boolean }
  | { kind: "heading"; text: string }
  | { kind: "note"; text: string }
  | { kind: "item" };

/**
 * What a row without a number is: the rest of the task above (cut by a page break, or under
 * its vertically merged STT), a heading of a group of rows, the issuer's note, or a task the
 * issuer left unnumbered.
 */
export function unnumbered(
  row: TableRow,
  reading: Extract<RowReading, { kind: "item" }>,
  roles: (Role | null)[],
  nameRole: Role,
  dataRoles: Role[],
  around: { previous: boolean; afterNote: boolean },
): Unnumbered {
  // Merged across the table, even right after a page break: a note, continuing no task.
  const merged = mergedRowText(row.cells, roles);
  if (merged !== null) {
    const rest = around.afterNote && /^\p{Ll}/u.test(merged);
    return isHeadingText(merged) && !rest
      ? { kind: "heading", text: merged }
      : { kind: "note", text: merged };
  }
  const name = reading.texts[nameRole] ?? "";
  const nameOnly = dataRoles.every((r) => !reading.texts[r]) && reading.footnotes.length === 0;
  // A wrapped fragment starts in lower case; a heading of a group of rows does not.
  const fragment = /^\p{Ll}/u.test(name);
  const sttIdx = roles.indexOf("stt");
  const sttMerged = sttIdx >= 0 && row.cells[sttIdx]?.mergedFromAbove === true;
  if (around.previous && (row.afterBreak || sttMerged || name === "" || (nameOnly && fragment))) {
    return { kind: "continues", cut: (row.afterBreak || fragment) && !sttMerged };
  }
  // "Nhóm nhiệm vụ về thể chế" alone on its row: a heading, not a task.
  if (nameOnly && !fragment && isHeadingText(normalizeText(name)))
    return { kind: "heading", text: normalizeText(name.replace(/\n/g, " ")) };
  // No number, no agency, no time: the issuer's note, not a task.
  const bulleted = isBulletStt(reading.texts.stt ?? "");
  const unassigned = !namesSomeoneOrTime(reading.texts, row.cells, roles);
  if ((nameOnly && !fragment) || (nameRole === "title" && !bulleted && unassigned)) {
    return { kind: "note", text: normalizeText(Object.values(reading.texts).join(" ").replace(/\n/g, " ")) };
  }
  return { kind: "item" };
}
