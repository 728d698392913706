import { isAgencyGroup, splitAgencies, startsLikeAgency } from "../../domain/agencyNames.ts";
import { isDeadlineOnly, looksLikeDeadline } from "../../domain/deadline.ts";
import { findDocumentNumbers } from "../../domain/documentNumber.ts";
import {
  isCutAgencyName,
  opensWithKnownAgency,
  runsPastKnownAgency,
} from "../../domain/provincialAgencies.ts";
import { foldForSearch } from "../../domain/text.ts";
import { joinContinued } from "./cells.ts";
import type { Role } from "./columns.ts";
import { SOURCE_START } from "./flatPieces.ts";

/**
 * How well a run of lines fits a column of a given role, for the segmenter of flattened rows:
 * a cell starts with a capital (a wrapped line rarely does), a source cites a document, a person
 * responsible is a title plus an agency, a deadline cell is a deadline, and an agency cell holds
 * agency names only, whole ones: no name cut short ("Sở Nông nghiệp và"), no list item that is the
 * tail of a name ("Môi trường; Công an tỉnh"), no phrase that starts with a verb.
 */

export const PERSON_TITLES =
  /^(giam doc|pho giam doc|chu tich|pho chu tich|chanh van phong|chanh|truong|pho truong|thu truong|bi thu|pho bi thu|hieu truong|chi huy truong|vien truong|cuc truong|tong giam doc|tong bien tap|nguoi dung dau|lanh dao|dong chi|chanh an|tong cuc truong|bo truong|thu tuong)\b/;

/** Words that end no name: a cell ending on one was cut ("Sở Nông nghiệp và", "Ủy ban nhân dân các"). */
const DANGLING_END = /(?:(?:^|\s)(?:va|cua|cac|ve|cho|tai|voi|thuoc|nhung|hoac|so)|[,-])$/;

/** Head nouns that end no agency's name: "… Văn phòng" was cut before the rest of the name. */
export const BARE_HEAD_END =
  /(?:^|[\s;,])(?:Ban|Bộ|Ủy ban|Văn phòng|Trung tâm|Ngân hàng|Công an|Hội|Hiệp hội|Trường|Liên đoàn|Liên minh|Bảo hiểm|Kho bạc|Cục|Chi cục|Hội đồng|Ban Quản lý|Sở)$/u;

/** A department's name is capitalised after "Sở" ("Sở Xây dựng"): lower case is other text. */
const DEPARTMENT_IN_LOWER_CASE = /^Sở \p{Ll}/u;

/** A date, a footnote mark glued to it or not ("18/6/20261"). */
const DATE = /\b\d{1,2}\/\d{1,2}\/\d{4}\d?/g;

/** What the segmenter knows of a row beyond its lines. */
export interface RowContext {
  /** The row runs on over a page break: its cells may stop mid-phrase. */
  open?: boolean;
}

/** Verbs that open a task, never an agency name. General administrative vocabulary. */
const VERB_START =
  /^(to chuc|trien khai|xay dung|thuc hien|ra soat|tang cuong|day manh|nang cao|hoan thien|tham muu|bao dam|dam bao|kiem tra|theo doi|tuyen truyen|huong dan|chi dao|phoi hop|ban hanh|hoan thanh|nghien cuu|de xuat|dau tu|bo tri|cap nhat|phat trien|ho tro|tong hop|danh gia|quan ly|xu ly|van dong|duy tri|uu tien|khan truong)\b/;

export function joinLines(lines: string[]): string {
  return lines.reduce((out, line) => joinContinued(out, line), "");
}

export function withoutTitle(folded: string): string {
  return folded.replace(PERSON_TITLES, "").trim();
}

export function emptyPenalty(role: Role | null): number {
  switch (role) {
    case "title":
    case "name":
    case "lead":
      return -5;
    case "deadline":
    case "target":
      return -3;
    default:
      return -2;
  }
}

/** Lines a cell of each role can plausibly take; keeps the search small on long rows. */
export function maxLines(role: Role | null, max: number): number {
  switch (role) {
    case "deadline":
      return 8;
    case "unit":
    case "target":
      return 4;
    case "responsible":
    case "lead":
    case "source":
    case "monitor":
      return 12;
    case "coordinator":
      return 16;
    default:
      return max;
  }
}

/** Agency names, whole, one after another; never a date. */
function agencyScore(text: string, context: RowContext): number {
  let s = startsLikeAgency(text) ? 2 : -1;
  const folded = foldForSearch(text);
  if (VERB_START.test(folded)) s -= 3;
  // Dates, months and enumerations ("gồm: (1) …") belong to other columns.
  if (/\b\d{1,2}\/(?:\d{1,2}\/)?\d{4}\b/.test(text)) s -= 3;
  if (/:\s|\(\d+\)/.test(text)) s -= 2;
  if (!context.open) {
    if (DANGLING_END.test(folded) || BARE_HEAD_END.test(text)) s -= 3;
    else if (folded.endsWith(";")) s -= 1;
  }
  const names = splitAgencies(text);
  names.forEach((name, i) => {
    const last = i === names.length - 1;
    if (i > 0 && !(context.open && last) && !startsLikeAgency(name) && !isAgencyGroup(name)) s -= 1.5;
    if (isCutAgencyName(name)) {
      if (!context.open || i < names.length - 1) s -= 2.5;
    } else if (runsPastKnownAgency(name) || DEPARTMENT_IN_LOWER_CASE.test(name)) s -= 1.5;
    else if (opensWithKnownAgency(name)) s += 0.5;
  });
  return s;
}

/**
 * A source cites documents; what follows the last number or date carries on the citation in
 * lower case ("của Ban Thường vụ Tỉnh ủy"): a capital there opens the next cell, cut off short.
 */
function sourceScore(text: string): number {
  const numbers = findDocumentNumbers(text);
  // Citing no document at all, the text is the tail of the cell before it ("… tại" / "Lào Cai").
  if (numbers.length === 0 && !SOURCE_START.test(foldForSearch(text))) return -3;
  let end = 0;
  for (const m of text.matchAll(DATE)) end = Math.max(end, m.index + m[0].length);
  for (const n of numbers) {
    const at = text.lastIndexOf(n);
    if (at >= 0) end = Math.max(end, at + n.length);
  }
  const rest = text.slice(end).trim();
  return end > 0 && /^\p{Lu}/u.test(rest) ? 1 : 3;
}

/** Whole when the deadline expression takes every word: "Tháng" / "12/2026" wrapped. */
function wholeDeadline(text: string): boolean {
  const words = text.split(" ");
  return words.length <= 6 && looksLikeDeadline(text) && !/^\d/.test(text) && words.length >= 2;
}

/** A deadline whose time went to the next line: "… hoàn thành trước ngày" / "30/11/2026". */
const DEADLINE_CUT = /(?:^|\s)(?:ngay|truoc|den|tu|trong|thang|quy|nam|cuoi|dau)$/;

/** A date's word with its date cut off: "… 57-NQ/TW ngày". */
const DATE_CUT = /\sngày$/u;

export function roleScore(
  role: Role | null,
  lines: string[],
  lineCount: number,
  context: RowContext = {},
): number {
  const text = () => joinLines(lines);
  switch (role) {
    case "source": {
      const t = text();
      return sourceScore(t) - (!context.open && (/[-,]$/.test(t) || DATE_CUT.test(t)) ? 2 : 0);
    }
    case "responsible": {
      const folded = foldForSearch(text());
      if (!PERSON_TITLES.test(folded)) return -2;
      return withoutTitle(folded) === "" ? -2 : 3;
    }
    case "lead":
    case "coordinator":
    case "monitor":
      return agencyScore(text(), context);
    case "deadline":
      // One expression, usually on one line: "4/2026" above it ends the product text.
      if (!looksLikeDeadline(text())) return -4;
      if (!context.open && (/[-,]$/.test(text()) || DEADLINE_CUT.test(foldForSearch(text())))) return 1;
      if (lineCount === 2 && wholeDeadline(text())) return 4;
      // A narrow column wraps a deadline of words only ("Thường" / "xuyên;" / "hoàn thành" /
      // "trước ngày" / "30/11/2026") over many lines; other text below it is no deadline.
      if (lineCount > 2 && isDeadlineOnly(text())) return 4 - 0.3 * (lineCount - 1);
      return 4 - 1.5 * (lineCount - 1);
    case "unit":
      return lineCount === 1 && text().length <= 20 ? 1 : -2;
    case "target":
      return lineCount === 1 && text().length <= 25 ? 2 : -2;
    default:
      // Titles, products, notes hold anything but a phrase cut before its end.
      return !context.open && DANGLING_END.test(foldForSearch(text())) ? -2 : 0;
  }
}

/**
 * Line starts as evidence of cell starts; the text is only read for the roles that need it.
 * `starts` tells which of the lines open a line of the page (the others were cut off a line).
 */
export function cellScore(
  role: Role | null,
  lines: string[],
  starts: boolean[],
  context: RowContext = {},
): number {
  if (lines.length === 0) return emptyPenalty(role);
  const first = lines[0]!;
  let s = /^[\p{Lu}\d(“"'‘-]/u.test(first) ? 1 : /^\p{Ll}/u.test(first) ? -2 : 0;
  let lineCount = 1;
  for (let k = 1; k < lines.length; k++) {
    if (!starts[k]) continue;
    lineCount++;
    if (/^\p{Lu}/u.test(lines[k]!)) s -= 0.3;
  }
  return s + roleScore(role, lines, lineCount, context);
}

/** Below this share of the column, a line with room for the next word was not wrapped. */
const ROOM = 0.8;
/** Above this share of the column (plus a word's slack), a line is two cells side by side. */
const OVERFLOW = 1.2;

/**
 * How well a cell's lines fit its column's width, in characters: each line but the last is wrapped,
 * so the next line's first word did not fit on it; and no line is wider than the column. A list
 * of names one to a line ("Sở Tài chính;" / "Sở Xây dựng") breaks where it likes.
 */
export function fitScore(parts: string[], width: number): number {
  let s = 0;
  parts.forEach((part, i) => {
    if (part.length > OVERFLOW * width + 2) s -= 2;
    const next = parts[i + 1];
    if (next === undefined || /[;,.:]$/.test(part) || /^[-+•–]/.test(next)) return;
    const word = next.split(" ")[0] ?? "";
    if (part.length + 1 + word.length <= ROOM * width) s -= 1.5;
  });
  return s;
}
