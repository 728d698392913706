import { normalizeText } from "../../domain/text.ts";
import { stripMarkup } from "../markup.ts";
import type { RawCell } from "../model.ts";

/** A cell's text on one line: markup out, lines joined with a space (list items stay "- …"). */
export function cellText(cell: RawCell | undefined): string {
  if (!cell) return "";
  return normalizeText(stripMarkup(cell.text).replace(/\n/g, " "));
}

/** A cell's text keeping its lines, for lists of agencies. */
export function cellLines(cell: RawCell | undefined): string {
  if (!cell) return "";
  return stripMarkup(cell.text);
}

/** A document number cut by a column edge or a page: "04-KH/BCĐT" + "W, ngày…" is 04-KH/BCĐTW. */
const CUT_NUMBER = /(?:\d\s*-\s*\p{Lu}[\p{L}]*\/|\d\/\p{Lu}[\p{L}]*-)[\p{Lu}\p{N}/-]*$/u;
const CAPS_START = /^(?:[\p{Lu}\p{N}]+|\p{Lu}{2,}\p{Ll})(?=[,;.\s)]|$)/u;
const CUT_YEAR = /\b\d{1,2}\/\d{1,2}\/(\d{1,3})$/;
/** A number cut after its dash: "118-" + "KH/TU", "2026-" + "2027". */
const CUT_AT_DASH = /\d-$/;
const DASH_TAIL = /^(?:\p{Lu}[\p{Lu}Đ]*\/|\d)/u;

/**
 * Joins two pieces of one cell cut by a page break or a line wrap: a list item starts a new
 * line, a cut document number closes up, other words join with a space.
 */
export function joinContinued(before: string, after: string): string {
  if (before === "") return after;
  if (after === "") return before;
  // A date cut inside its year by a narrow column: "30/10/20" + "26".
  const year = CUT_YEAR.exec(before)?.[1];
  const rest = /^(\d{1,3})(?!\d)/.exec(after)?.[1];
  if (year && rest && year.length + rest.length === 4) return `${before}${after}`;
  if (/^\s*[-+•–]\s/.test(after)) return `${before}\n${after}`;
  if (CUT_NUMBER.test(before) && CAPS_START.test(after)) return `${before}${after}`;
  if (CUT_AT_DASH.test(before) && DASH_TAIL.test(after)) return `${before}${after}`;
  return `${before} ${after}`;
}
