import { foldForSearch } from "../../domain/text.ts";
import type { TableNote } from "./noteRows.ts";
import { romanValue } from "./numbering.ts";
import type { Draft } from "./tasks.ts";

/**
 * The document a note row of a task table cites, given to the rows the note covers. A note says
 * which rows it covers in one of two ways:
 *
 * - it names them by number ("Các nhiệm vụ từ số thứ tự 4 đến 12 thực hiện theo Kế hoạch số …",
 *   "các nhiệm vụ số 4, 5, 7", "mục 1 đến mục 3"), wherever it sits in the table; the numbers are
 *   read as the table numbers its rows: running on across sections, the whole table; restarting
 *   in each section, the note's own section; or it names whole sections ("các nhiệm vụ tại
 *   Mục II");
 * - it introduces them: a heading of a group of rows, or a line ending with ":", that cites a
 *   document ("Nhiệm vụ theo Kết luận số 45-KL/TW:") covers the rows right under it, up to the
 *   next section, heading or note.
 *
 * A note that cites a document but neither names rows nor introduces the rows under it (a full
 * sentence between rows, or the table's last row saying "các nhiệm vụ trên") gives its source to
 * no row: it may explain the row above it, some rows, or all of them, and a wrong source on many
 * tasks is worse than a missing one the reader still sees in the note's warning.
 */

// Words that name a row of the table before its number.
const ROW_WORD = /\b(?:so thu tu|stt|tt|muc|nhiem vu)\b/g;
// One piece of a list of row numbers: a word, a number (not a date "19/6", a sub-number "4.1" or
// a document number "02-KH"), or what joins numbers.
const PIECE =
  /\s*(?:(so thu tu|stt|tt|tu|so|muc|nhiem vu|cac)\b|(\d{1,3})(?!\d|[.,/]\d|[-/]\p{L})|(den|toi|va)\b|([-–,]))/uy;
// A number followed by a kind of document is a part of that document ("mục 2 Kết luận số …").
const OTHER_DOCUMENT =
  /^\s*(?:cua|ke hoach|ket luan|nghi quyet|nghi dinh|chi thi|thong bao|thong tu|quyet dinh|cong van|van ban|de an|chuong trinh|luat)\b/;
const MAX_SPAN = 200;

// "Mục II", "mục I đến mục III", "Phần I và II": sections, numbered in capitals.
const SECTION_LIST =
  /(?<!\p{L})(?:[Mm]ục|[Pp]hần)\s+([IVXL]+(?:\s*(?:,|và|đến|tới|-|–)\s*(?:[Mm]ục\s+|[Pp]hần\s+)?[IVXL]+)*)(?!\p{L})/u;

export interface NamedRows {
  rows: number[];
  sections: string[];
}

/** The row numbers or sections a note names, or null when it names none. */
export function rowsNamed(text: string): NamedRows | null {
  const folded = foldForSearch(text);
  for (const anchor of folded.matchAll(ROW_WORD)) {
    const numbers = numbersAfter(folded, anchor.index + anchor[0].length);
    if (numbers) return { rows: numbers, sections: [] };
  }
  const m = SECTION_LIST.exec(text.normalize("NFC"));
  if (!m || OTHER_DOCUMENT.test(foldForSearch(text.normalize("NFC").slice(m.index + m[0].length))))
    return null;
  return { rows: [], sections: sectionsIn(m[1]!) };
}

function sectionsIn(list: string): string[] {
  const out: number[] = [];
  let through = false;
  for (const token of list.split(/\s+|(?=[,–-])|(?<=[,–-])/u)) {
    if (/^[IVXL]+$/.test(token)) {
      const n = romanValue(token);
      const from = out[out.length - 1];
      if (through && from !== undefined && n > from) for (let k = from + 1; k <= n; k++) out.push(k);
      else out.push(n);
      through = false;
    } else if (/^(đến|tới|-|–)$/u.test(token)) through = true;
  }
  return out.map(roman);
}

function roman(n: number): string {
  const digits: [number, string][] = [
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  for (const [value, letters] of digits) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

function numbersAfter(folded: string, start: number): number[] | null {
  const out: number[] = [];
  let through = false;
  let end = start;
  PIECE.lastIndex = start;
  for (let m = PIECE.exec(folded); m; m = PIECE.exec(folded)) {
    if (m[2] !== undefined) {
      const n = Number(m[2]);
      const from = out[out.length - 1];
      if (through && from !== undefined && n > from && n - from <= MAX_SPAN) {
        for (let k = from + 1; k <= n; k++) out.push(k);
      } else out.push(n);
      through = false;
      end = PIECE.lastIndex;
    } else if (m[3] === "den" || m[3] === "toi" || m[4] === "-" || m[4] === "–") through = true;
    else if (m[1] === undefined) through = false;
  }
  if (out.length === 0 || OTHER_DOCUMENT.test(folded.slice(end))) return null;
  return out;
}

function head(number: string): number | null {
  const m = /^(\d+)/.exec(number);
  return m ? Number(m[1]) : null;
}

/** Top-level numbers used again in another section: the table numbers each section anew. */
function restartsPerSection(drafts: Draft[]): boolean {
  const sectionOf = new Map<string, string | null>();
  for (const d of drafts) {
    if (!/^\d+$/.test(d.number)) continue;
    if (sectionOf.has(d.number) && sectionOf.get(d.number) !== d.section) return true;
    sectionOf.set(d.number, d.section);
  }
  return false;
}

function introduces(note: TableNote): boolean {
  return note.heading === true || /:$/.test(note.text.trim());
}

/**
 * Sources each row draft receives from the notes of its table. `drafts` are every item of the
 * table in order (group headings included), as `note.at` counts them.
 */
export function noteSources(
  notes: TableNote[],
  drafts: Draft[],
  sourcesOf: (text: string) => string[],
): Map<Draft, string[]> {
  const out = new Map<Draft, string[]>();
  const give = (d: Draft, sources: string[]) => out.set(d, [...(out.get(d) ?? []), ...sources]);
  const perSection = restartsPerSection(drafts);
  notes.forEach((note, i) => {
    const sources = sourcesOf(note.text);
    if (sources.length === 0) return;
    const named = rowsNamed(note.text);
    if (named) {
      for (const d of drafts) {
        const section = d.section?.split(".").pop();
        if (section !== undefined && named.sections.includes(section)) {
          give(d, sources);
          continue;
        }
        const n = head(d.number);
        if (n === null || !named.rows.includes(n)) continue;
        if (perSection && d.section !== note.section) continue;
        give(d, sources);
      }
      return;
    }
    if (!introduces(note)) return;
    const until = notes[i + 1]?.at ?? drafts.length;
    for (let k = note.at; k < until; k++) {
      const d = drafts[k]!;
      if (d.section !== note.section) break;
      give(d, sources);
    }
  });
  return out;
}
