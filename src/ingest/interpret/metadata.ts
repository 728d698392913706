import { isoDate } from "../../domain/deadline.ts";
import { documentTypeFromNumber, findDocumentNumbers } from "../../domain/documentNumber.ts";
import { foldForSearch, normalizeText } from "../../domain/text.ts";
import type { ExtractedDocumentMeta } from "../extraction.ts";
import { fromCapitals, learnCasing } from "./casing.ts";
import {
  besideMotto,
  isOrgLine,
  issuerOf,
  isTypeHeading,
  isUpper,
  MOTTO,
  TYPE_HEADINGS,
} from "./firstPageHeader.ts";

export { besideMotto, issuerFromCapitals } from "./firstPageHeader.ts";

/**
 * What a document says about itself. Vietnamese administrative documents (Nghị định
 * 30/2020/NĐ-CP; Party documents alike) put it on the first page in a fixed order: issuer in
 * capitals, "Số …", place and date, type in capitals with the title under it, or "V/v …" for
 * letters. Appendix captions repeat number, date and issuer ("Ban hành kèm theo Kế hoạch số
 * 3450/KH-UBND ngày 17 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh Lâm Đồng"), which serves when
 * the first page was not captured.
 */

const FIRST_PAGE_LINES = 40;

function sentenceCase(text: string): string {
  const lower = text.toLocaleLowerCase("vi");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
}

function typeOf(lines: string[]): string | null {
  const heading = lines.slice(0, FIRST_PAGE_LINES).find(isTypeHeading);
  return heading ? sentenceCase(normalizeText(heading)) : null;
}

function numberOf(lines: string[]): string | null {
  for (const line of lines.slice(0, FIRST_PAGE_LINES)) {
    if (!/^Số\s*(?:hiệu)?\s*[:.]?\s*\d/iu.test(line) || line.length > 80) continue;
    const found = findDocumentNumbers(line)[0];
    if (found) return found;
  }
  return null;
}

const DATE_WORDS = /ngày\s+(\d{1,2})\s*(?:tháng\s+|[/.-])(\d{1,2})\s*(?:năm\s+|[/.-])(\d{4})/iu;

function dateOf(lines: string[]): string | null {
  for (const line of lines.slice(0, FIRST_PAGE_LINES)) {
    const m = DATE_WORDS.exec(line);
    if (!m || line.length > 80) continue;
    // "Lâm Đồng, ngày 08 tháng 5 năm 2026": the place-and-date line, not a date in the body.
    if (m.index > 0 && !/,\s*$/.test(line.slice(0, m.index))) continue;
    const date = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
    if (date) return date;
  }
  return null;
}

const TITLE_STOP =
  /^(căn cứ|kính gửi|phần |chương |điều |số |\(ban hành|ban hành kèm|[ivx]+[.)]\s|\d+[.)]\s|[-_*=]{3,})/iu;
/**
 * Titles may open like a preamble ("Thực hiện Nghị quyết số 57-NQ/TW…", "Triển khai…"), but the
 * preamble is a sentence that ends in ";" or ":" before the body, and a title never does.
 */
const PREAMBLE_START = /^(thực hiện|theo |để |nhằm )/iu;
const isPreamble = (line: string) => PREAMBLE_START.test(line) && (/[;:]$/u.test(line) || line.length > 300);

/**
 * A title line that ends on a word needing what follows (a preposition, a conjunction, a plural
 * marker) was wrapped: the next line is its rest, capitalised or not ("… phát triển của" / "Thành
 * phố …"). A unit ("tỉnh") may end a title ("trên địa bàn tỉnh"), so it does not count.
 */
const OPEN_END = /(?<!\p{L})(?:của|và|về|các|những|trong|cho|tại|với|theo|đến)$/u;

function titleOf(lines: string[], casing: Map<string, string>): string | null {
  const head = lines.slice(0, FIRST_PAGE_LINES);
  const letter = head.find((l) => /^(v\/v|về việc)\b/iu.test(l));
  if (letter) return normalizeText(letter);
  const typeIndex = head.findIndex(isTypeHeading);
  if (typeIndex < 0) return null;
  const parts: string[] = [];
  for (const line of head.slice(typeIndex + 1)) {
    // A line wrapped inside the title opens in lower case, even on a word that would open the
    // next part ("… và chuyển đổi" / "số 6 tháng cuối năm", "… Nghị quyết" / "số 57-NQ/TW").
    const wrapped = parts.length > 0 && /^\p{Ll}/u.test(line);
    if ((!wrapped && TITLE_STOP.test(line)) || isPreamble(line) || MOTTO.test(foldForSearch(line))) break;
    // A title runs on in lower case, or in capitals when it is set in capitals.
    const runsOn =
      /^\p{Ll}/u.test(line) ||
      OPEN_END.test(parts[parts.length - 1] ?? "") ||
      // "… trên địa bàn tỉnh năm" / "2027": a year cut from the word that announces it.
      (/^(?:19|20)\d\d\b/u.test(line) &&
        /(?<!\p{L})(?:năm|giai đoạn)$/u.test(parts[parts.length - 1] ?? "")) ||
      (isUpper(parts[0] ?? "") && isUpper(line) && !isOrgLine(line));
    if (parts.length > 0 && !runsOn) break;
    parts.push(line);
    if (parts.length >= 4) break;
  }
  if (parts.length === 0) return null;
  const title = withoutPreamble(normalizeText(parts.join(" ")));
  if (isUpper(title)) return fromCapitals(title, casing);
  // A notice's subject in capitals over its lower-case rest ("KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY" /
  // "về …") reads as one sentence: its lines in capitals are brought to sentence case.
  if (!isUpper(parts[0]!)) return title;
  return withoutPreamble(
    normalizeText(parts.map((p) => (isUpper(p) ? fromCapitals(normalizeText(p), casing) : p)).join(" ")),
  );
}

/**
 * A title run into the preamble after it (text copied out of a PDF joins the two): the preamble
 * is the sentence from a capitalised "Căn cứ"/"Thực hiện"/"Theo" to a ";" or ":" at the end.
 */
function withoutPreamble(title: string): string {
  for (const m of title.matchAll(/\s(?=(?:Căn cứ|Thực hiện|Theo|Kính gửi)\s)/gu)) {
    const rest = title.slice(m.index + 1);
    if (/[;:]$/u.test(rest) && m.index > 0) return title.slice(0, m.index);
  }
  return title;
}

const CAPTION =
  /(?:ban hành\s+)?kèm theo\s+(.{2,60}?)\s+số\s+([^\s,;]+(?:\s*[-/]\s*[^\s,;]+)*)\s*(?:,\s*)?(?:ngày\s+(\d{1,2})\s*(?:tháng\s+|\/)(\d{1,2})\s*(?:năm\s+|\/)(\d{4}))?(?:\s+của\s+([^)]+))?/iu;

interface Caption {
  type: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
}

function captionOf(lines: string[]): Caption | null {
  for (const line of lines) {
    const m = CAPTION.exec(line);
    if (!m) continue;
    const number = findDocumentNumbers(`${m[2]}`)[0] ?? findDocumentNumbers(line)[0] ?? null;
    if (!number) continue;
    const date = m[5] ? isoDate(Number(m[5]), Number(m[4]), Number(m[3])) : null;
    const issuer = m[6] ? normalizeText(m[6]).replace(/[).;,\s]+$/u, "") : null;
    return { type: normalizeText(m[1]!), number, date, issuer: issuer || null };
  }
  return null;
}

/** "DỰ THẢO", "(Dự thảo lần 2)", "Dự thảo ngày 15/3/2026": a draft's stamp, neither type nor title. */
const DRAFT_MARK =
  /^[([]?\s*d[ựu]\s*th[ảa]o(?:\s+(?:lần\s+(?:thứ\s+)?\d+|số\s+\d+|\d+|ngày\s+[\d/.\s]+|v?\d+(?:\.\d+)?))?\s*[)\]]?$/iu;
const DRAFT_SUFFIX = /\s*[([]\s*d[ựu]\s*th[ảa]o\b[^)\]]{0,40}[)\]]\s*$/iu;

/**
 * Lines of the first page as the rules below expect them: a draft's stamp goes, whether on a
 * line of its own or after the type ("KẾ HOẠCH (Dự thảo)"), and a type heading run into its
 * title ("KẾ HOẠCH Triển khai…", a layout lost in copying) is two lines.
 */
function firstPageLines(front: string[]): string[] {
  const out: string[] = [];
  for (const raw of front.flatMap(besideMotto)) {
    const line = normalizeText(raw).replace(DRAFT_SUFFIX, "");
    if (line === "" || DRAFT_MARK.test(line)) continue;
    const joined = /^([\p{Lu}\s]+?)\s+(\p{Lu}\p{Ll}.*)$/u.exec(line);
    if (joined && isTypeHeading(joined[1]!) && !isUpper(joined[2]!)) out.push(joined[1]!, joined[2]!);
    else out.push(line);
  }
  return out;
}

/**
 * An appendix issued on its own (an office's list "kèm theo" a plan) has no type heading: its
 * title is the heading in capitals right above the caption, under the issuer block.
 */
function captionedTitle(lines: string[], casing: Map<string, string>): string | null {
  const at = lines
    .slice(0, FIRST_PAGE_LINES)
    .findIndex((l) => CAPTION.test(l) && /^[([]?\s*(?:ban hành\s+)?kèm theo/iu.test(l));
  if (at <= 0) return null;
  const parts: string[] = [];
  for (let k = at - 1; k >= 0 && parts.length < 3; k--) {
    const line = lines[k]!;
    if (!isUpper(line) || isOrgLine(line) || MOTTO.test(foldForSearch(line)) || isTypeHeading(line)) break;
    parts.unshift(line);
  }
  return parts.length > 0 ? fromCapitals(normalizeText(parts.join(" ")), casing) : null;
}

export function extractMetadata(front: string[], all: string[]): ExtractedDocumentMeta {
  const lines = firstPageLines(front);
  const casing = learnCasing(all.map((l) => normalizeText(l)));
  const caption = captionOf(all.map((l) => normalizeText(l)));
  const number = numberOf(lines) ?? caption?.number ?? null;
  const captionType =
    caption?.type && TYPE_HEADINGS.includes(foldForSearch(caption.type)) ? caption.type : null;
  return {
    number,
    type: typeOf(lines) ?? (number ? documentTypeFromNumber(number) : null) ?? captionType,
    issuer: issuerOf(lines) ?? caption?.issuer ?? null,
    date: dateOf(lines) ?? caption?.date ?? null,
    title: titleOf(lines, casing) ?? captionedTitle(lines, casing),
  };
}

/**
 * The plan's year, for deadlines written without one: the year it was signed, else the year its
 * title names (not counting the dates of documents it cites, "ngày 15 tháng 8 năm 2025"), else,
 * in a draft whose day and month are left blank, the year on its place-and-date line
 * ("ngày   tháng   năm 2026").
 */
export function contextYearOf(meta: ExtractedDocumentMeta, front: string[] = []): number | undefined {
  if (meta.date) return Number(meta.date.slice(0, 4));
  const title = (meta.title ?? "").replace(/ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/giu, " ");
  const m = /\bnăm\s+(20\d\d)\b/u.exec(title);
  if (m) return Number(m[1]);
  for (const line of front.slice(0, FIRST_PAGE_LINES)) {
    const blank = /,\s*ngày\s*[.…_\s]*tháng\s*[.…_\s\d]*năm\s+(20\d\d)\b/u.exec(normalizeText(line));
    if (blank && line.length <= 80) return Number(blank[1]);
  }
  return undefined;
}
