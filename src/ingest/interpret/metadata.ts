import { isoDate } from "../../domain/deadline.ts";
import { documentTypeFromNumber, findDocumentNumbers } from "../../domain/documentNumber.ts";
import { foldForSearch, normalizeText } from "../../domain/text.ts";
import type { ExtractedDocumentMeta } from "../extraction.ts";
import { fromCapitals, learnCasing } from "./casing.ts";

/**
 * What a document says about itself. Vietnamese administrative documents (Nghị định
 * 30/2020/NĐ-CP; Party documents alike) put it on the first page in a fixed order: issuer in
 * capitals, "Số …", place and date, type in capitals with the title under it, or "V/v …" for
 * letters. Appendix captions repeat number, date and issuer ("Ban hành kèm theo Kế hoạch số
 * 3450/KH-UBND ngày 17 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh Lâm Đồng"), which serves when
 * the first page was not captured.
 */

const FIRST_PAGE_LINES = 40;

const MOTTO =
  /^(cong hoa xa hoi chu nghia viet nam|dang cong san viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc)/;

const TYPE_HEADINGS = [
  "thong bao ket luan",
  "chuong trinh hanh dong",
  "ke hoach hanh dong",
  "ke hoach",
  "cong van",
  "thong bao",
  "chuong trinh",
  "quyet dinh",
  "nghi quyet",
  "chi thi",
  "ket luan",
  "bao cao",
  "huong dan",
  "to trinh",
  "de an",
  "quy che",
  "quy dinh",
  "nghi dinh",
  "thong tu",
];

const ORG_START =
  /^(co quan |to giup viec|uy ban|ubnd|hoi dong|hdnd|tinh uy|thanh uy|huyen uy|dang uy|dang bo|ban |bch |so |bo |van phong|chinh phu|thu tuong|quoc hoi|cuc |tong cuc|vien |truong |cong an|hoi |lien doan|mat tran|tong cong ty|cong ty|trung tam|dai hoc|hoc vien)/;

const ADMIN_UNITS = ["tinh", "thanh pho", "huyen", "thi xa", "xa", "phuong", "dac khu", "thi tran"];

function isUpper(line: string): boolean {
  return /\p{L}/u.test(line) && line === line.toLocaleUpperCase("vi");
}

function sentenceCase(text: string): string {
  const lower = text.toLocaleLowerCase("vi");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
}

const capital = (w: string) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1);

/** Bodies whose names are capitalised by convention inside another name. */
const PROPER: [RegExp, string][] = [
  "Ủy ban nhân dân",
  "Hội đồng nhân dân",
  "Ban Chỉ đạo",
  "Ban Thường vụ",
  "Ban Chấp hành",
  "Trung ương",
  "Chính phủ",
  "Quốc hội",
  "Mặt trận Tổ quốc",
  "Đảng",
  "Việt Nam",
  "Tỉnh ủy",
  "Thành ủy",
  "Huyện ủy",
].map((name): [RegExp, string] => [
  new RegExp(`(?<!\\p{L})${name.toLocaleLowerCase("vi")}(?!\\p{L})`, "gu"),
  name,
]);

/**
 * An issuer line in capitals as the name is written in running text:
 * "TỈNH ỦY LÂM ĐỒNG" → "Tỉnh ủy Lâm Đồng", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG" → "Ủy ban nhân dân
 * tỉnh Lâm Đồng", "SỞ KHOA HỌC VÀ CÔNG NGHỆ" → "Sở Khoa học và Công nghệ".
 */
export function issuerFromCapitals(line: string): string {
  let text = normalizeText(line)
    .replace(/UỶ/g, "ỦY")
    .replace(/uỷ/g, "ủy")
    .replace(/^UBND\b/u, "ỦY BAN NHÂN DÂN")
    .replace(/^HĐND\b/u, "HỘI ĐỒNG NHÂN DÂN");
  text = text.toLocaleLowerCase("vi");
  for (const [re, to] of PROPER) text = text.replace(re, to);
  text = capital(text);
  const words = text.split(" ");
  const folded = words.map((w) => foldForSearch(w));
  const unitAt = (i: number): number => {
    if (ADMIN_UNITS.includes(`${folded[i]} ${folded[i + 1] ?? ""}`)) return 2;
    return ADMIN_UNITS.includes(folded[i] ?? "") && !/^(uy|hoi)$/.test(folded[i + 1] ?? "") ? 1 : 0;
  };
  // A place name follows an administrative unit ("tỉnh Lâm Đồng") or a Party committee, with or
  // without its unit ("Tỉnh ủy Lâm Đồng", "Đảng ủy xã Đức Trọng").
  for (let i = 0; i < words.length; i++) {
    let placeFrom = -1;
    if (/^(tinh|thanh|huyen|dang) uy$/.test(`${folded[i]} ${folded[i + 1] ?? ""}`)) {
      placeFrom = i + 2 + unitAt(i + 2);
    } else if (unitAt(i) > 0) placeFrom = i + unitAt(i);
    if (placeFrom < 0 || placeFrom >= words.length) continue;
    for (let k = placeFrom; k < words.length; k++) words[k] = capital(words[k]!);
    break;
  }
  // "Sở/Bộ khoa học và công nghệ": each field of the name starts with a capital.
  if (/^(so|bo)$/.test(folded[0] ?? "") && words.length > 1) {
    words[1] = capital(words[1]!);
    for (let k = 2; k < words.length; k++) {
      if (/^(va|-)$/.test(folded[k - 1]!) || words[k - 1]!.endsWith(",")) words[k] = capital(words[k]!);
    }
  }
  return words.join(" ");
}

function isOrgLine(line: string | undefined): boolean {
  if (!line || !isUpper(line) || line.length > 120) return false;
  const folded = foldForSearch(line);
  return !MOTTO.test(folded) && ORG_START.test(`${folded} `);
}

/** "TỈNH LÂM ĐỒNG" under "ỦY BAN NHÂN DÂN": the rest of a name broken over two lines. */
function isPlaceLine(line: string | undefined): boolean {
  if (!line || !isUpper(line)) return false;
  const folded = foldForSearch(line);
  return ADMIN_UNITS.some((u) => folded.startsWith(`${u} `)) && !/^(tinh|thanh|huyen) uy\b/.test(folded);
}

/** The name at `index`, joined with a place on the next line; and the index after it. */
function nameAt(lines: string[], index: number): { name: string; next: number } {
  const name = lines[index]!;
  return isPlaceLine(lines[index + 1])
    ? { name: `${name} ${lines[index + 1]}`, next: index + 2 }
    : { name, next: index + 1 };
}

/** Unit and place of a parent body: "Tỉnh ủy Khánh Hòa" → tỉnh Khánh Hòa, "Ủy ban nhân dân tỉnh X" → tỉnh X. */
function placeOf(parent: string): { unit: string; place: string; party: boolean } | null {
  const party =
    /^(Tỉnh|Thành|Huyện|Đảng) ủy (?:(tỉnh|thành phố|huyện|xã|phường|đặc khu|thị xã|thị trấn) )?(.+)$/u.exec(
      parent,
    );
  if (party) {
    const unit = party[2] ?? { Tỉnh: "tỉnh", Thành: "thành phố", Huyện: "huyện", Đảng: "" }[party[1]!] ?? "";
    return unit ? { unit, place: party[3]!, party: true } : null;
  }
  const state = /(?:^|\s)(tỉnh|thành phố|huyện|xã|phường|đặc khu|thị xã|thị trấn) (\p{Lu}.*)$/u.exec(parent);
  return state ? { unit: state[1]!, place: state[2]!, party: false } : null;
}

/**
 * The signing body under its parent, named as running text names it: "Ban Chỉ đạo … tỉnh Khánh
 * Hòa" under "TỈNH ỦY KHÁNH HÒA", "Sở Khoa học và Công nghệ tỉnh Lâm Đồng" under "UBND TỈNH LÂM
 * ĐỒNG", but "Văn phòng Tỉnh ủy Lâm Đồng" for an office that serves the parent itself.
 */
function underParent(body: string, parent: string): string {
  const where = placeOf(parent);
  if (!where || foldForSearch(body).includes(foldForSearch(where.place))) return body;
  const serves = body.split(" ").length <= 2 || (where.party && /^Ban (?!Chỉ đạo)/u.test(body));
  return serves ? `${body} ${parent}` : `${body} ${where.unit} ${where.place}`;
}

/**
 * The first page's header sets the issuer block on the left and the motto on the right. Read
 * row by row (a text file's tab-separated columns, a PDF's lines), the two columns interleave:
 * "ỦY BAN NHÂN DÂN", "CỘNG HÒA…", "TỈNH TÂY NINH", "Độc lập…", in either order. The motto's lines
 * and the rules under each block are not the issuer's: without them the issuer's lines meet again.
 */
function issuerBlock(lines: string[]): string[] {
  return lines
    .slice(0, 16)
    .filter((l) => !MOTTO.test(foldForSearch(l)) && !/,\s*ngày\b/iu.test(l) && /\p{L}/u.test(l))
    .slice(0, 12);
}

/** A line in capitals that can only be the rest of the name above it (not a name, number, type). */
function isNameRest(line: string | undefined): boolean {
  return (
    line !== undefined &&
    isUpper(line) &&
    line.length <= 120 &&
    !/\d/.test(line) &&
    !isOrgLine(line) &&
    !isTypeHeading(line)
  );
}

/**
 * A long name wraps in its narrow column ("BAN CHỈ ĐẠO VỀ PHÁT TRIỂN" / "KHOA HỌC, CÔNG NGHỆ…"):
 * it runs on over the lines in capitals under it until it names its place, which ends a name.
 */
function runOn(lines: string[], at: { name: string; next: number }): { name: string; next: number } {
  let { name, next } = at;
  while (!placeOf(issuerFromCapitals(name)) && isNameRest(lines[next])) {
    name = `${name} ${lines[next]}`;
    next++;
  }
  return { name, next };
}

function issuerOf(lines: string[]): string | null {
  const head = issuerBlock(lines);
  const index = head.findIndex((l) => isOrgLine(l));
  if (index < 0) return null;
  const parent = runOn(head, nameAt(head, index));
  const below = head[parent.next];
  if (isOrgLine(below)) {
    const body = runOn(head, nameAt(head, parent.next));
    return underParent(issuerFromCapitals(body.name), issuerFromCapitals(parent.name));
  }
  return issuerFromCapitals(parent.name);
}

/**
 * The type heading: a line in capitals that is a type name, possibly qualified in a word or two
 * ("KẾ HOẠCH HÀNH ĐỘNG", "THÔNG BÁO KẾT LUẬN"), never a sentence or a line with numbers.
 */
function isTypeHeading(line: string): boolean {
  if (!isUpper(line) || /\d/.test(line)) return false;
  const folded = foldForSearch(line)
    .replace(/[^a-z ]/g, "")
    .trim();
  if (TYPE_HEADINGS.includes(folded)) return true;
  return folded.split(" ").length <= 4 && TYPE_HEADINGS.some((t) => folded.startsWith(`${t} `));
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
    if (TITLE_STOP.test(line) || isPreamble(line) || MOTTO.test(foldForSearch(line))) break;
    // A title runs on in lower case, or in capitals when it is set in capitals.
    const runsOn =
      /^\p{Ll}/u.test(line) ||
      OPEN_END.test(parts[parts.length - 1] ?? "") ||
      (isUpper(parts[0] ?? "") && isUpper(line) && !isOrgLine(line));
    if (parts.length > 0 && !runsOn) break;
    parts.push(line);
    if (parts.length >= 4) break;
  }
  if (parts.length === 0) return null;
  const title = withoutPreamble(normalizeText(parts.join(" ")));
  return isUpper(title) ? fromCapitals(title, casing) : title;
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

const MOTTO_ANYWHERE = new RegExp(MOTTO.source.slice(1), "g");

/**
 * A header line holding both columns ("ỦY BAN NHÂN DÂN   CỘNG HÒA XÃ HỘI…", "TỈNH TÂY NINH\tĐộc
 * lập - Tự do - Hạnh phúc"): the issuer's part and the motto's part, each a line of its own.
 */
export function besideMotto(raw: string): string[] {
  const line = raw.normalize("NFC");
  // Folded letter by letter, so that positions in it are positions in the line.
  const folded = [...line].map((ch) => foldForSearch(ch) || " ").join("");
  if (folded.length !== line.length) return [raw];
  const cuts: number[] = [];
  for (const m of folded.matchAll(MOTTO_ANYWHERE)) {
    const before = folded.slice(0, m.index);
    if (m.index > 0 && /\S/.test(before)) cuts.push(m.index);
    const end = m.index + m[0].length;
    if (/\S/.test(folded.slice(end))) cuts.push(end);
  }
  if (cuts.length === 0) return [raw];
  const parts: string[] = [];
  let from = 0;
  for (const cut of [...cuts, line.length]) {
    const part = line.slice(from, cut).trim();
    if (part !== "") parts.push(part);
    from = cut;
  }
  // Only as a header sets them: the motto in capitals (its second line in title case) beside a
  // name in capitals; "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam" in a sentence stays whole.
  const header = parts.every((p) =>
    MOTTO.test(foldForSearch(p))
      ? isUpper(p) || /^Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc$/u.test(p)
      : isUpper(p),
  );
  return header ? parts : [raw];
}

export function extractMetadata(front: string[], all: string[]): ExtractedDocumentMeta {
  const lines = firstPageLines(front);
  const caption = captionOf(all.map((l) => normalizeText(l)));
  const number = numberOf(lines) ?? caption?.number ?? null;
  const captionType =
    caption?.type && TYPE_HEADINGS.includes(foldForSearch(caption.type)) ? caption.type : null;
  return {
    number,
    type: typeOf(lines) ?? (number ? documentTypeFromNumber(number) : null) ?? captionType,
    issuer: issuerOf(lines) ?? caption?.issuer ?? null,
    date: dateOf(lines) ?? caption?.date ?? null,
    title: titleOf(lines, learnCasing(all.map((l) => normalizeText(l)))),
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
