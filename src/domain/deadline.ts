import { normalizeText } from "./text.ts";

/**
 * Deadline expressions as Vietnamese plans write them (PRODUCT.md §1). Every due date is the
 * inclusive last day of what the text names: "4/2026" is due on 30 April, "Quý IV/2026" on
 * 31 December. A date that does not exist (31/2/2026) never yields a due date: a wrong due date
 * would silently mark an agency late, which is worse than asking the office to fill one in.
 */

/** How a deadline is written; stored as the deadline_kind enum and sent to the web app. */
export const deadlineKinds = ["date", "month", "quarter", "year", "recurring", "unspecified"] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export interface ParsedDeadline {
  /** The expression as written (normalised spaces, NFC). */
  text: string;
  kind: DeadlineKind;
  /** ISO date of the inclusive last day, or null. */
  due: string | null;
  /** What the text adds besides the time ("Đã hoàn thành; tiếp tục triển khai thực hiện"). */
  note?: string;
}

export interface DeadlineOptions {
  /** Year assumed when the text names a month or quarter without one (the plan's year). */
  contextYear?: number;
}

const MIN_YEAR = 1945;
const MAX_YEAR = 2200;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO date, or null when the day does not exist. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Lower case without diacritics, one UTF-16 unit for one unit, so that a match found in the
 * folded text can be cut out of the original text at the same offsets.
 */
export function foldKeepingOffsets(text: string): string {
  let out = "";
  for (const ch of text) {
    let folded = ch
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
    if (ch === "đ" || ch === "Đ") folded = "d";
    out += folded.length === ch.length ? folded : ch;
  }
  return out;
}

const ROMAN_QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

interface TimePoint {
  kind: Exclude<DeadlineKind, "recurring" | "unspecified">;
  due: string | null;
  /** First day of the period the point names (the day itself for a date). */
  start?: string | null;
  /** True when the text named something impossible (31/2/2026, tháng 13/2026). */
  invalid?: boolean;
}

function twoDigitYear(raw: string): number {
  const n = Number(raw);
  return raw.length <= 2 ? 2000 + n : n;
}

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + " ".repeat(end - start) + text.slice(end);
}

/** Runs `pattern` over `text`, hands each match to `take`, and blanks what was taken. */
function consume(text: string, pattern: RegExp, take: (m: RegExpExecArray) => boolean): string {
  let out = text;
  for (const m of text.matchAll(pattern)) {
    if (take(m)) out = blank(out, m.index, m.index + m[0].length);
  }
  return out;
}

function monthEnd(year: number, month: number): TimePoint {
  const due = month >= 1 && month <= 12 ? isoDate(year, month, daysInMonth(year, month)) : null;
  return { kind: "month", due, start: due ? isoDate(year, month, 1) : null, invalid: due === null };
}

function quarterEnd(year: number, lastMonth: number, months = 3): TimePoint {
  return {
    kind: "quarter",
    due: isoDate(year, lastMonth, daysInMonth(year, lastMonth)),
    start: isoDate(year, lastMonth - months + 1, 1),
  };
}

function yearEnd(year: number, first = year): TimePoint {
  return { kind: "year", due: isoDate(year, 12, 31), start: isoDate(first, 1, 1) };
}

function quarterNumber(token: string): number | null {
  const t = token.trim();
  if (/^[1-4]$/.test(t)) return Number(t);
  return ROMAN_QUARTERS[t] ?? null;
}

const LIST_SEP = String.raw`\s*(?:,|;|&|-|–|va|den|toi)\s*`;
const QUARTER_TOKEN = "(?:iv|i{1,3}|[1-4])";

/**
 * Every point in time the text names, in the order below so that a date's year is not read
 * again as a year of its own. `folded` must come from foldKeepingOffsets.
 */
function collectTimePoints(folded: string, contextYear: number | undefined): TimePoint[] {
  const points: TimePoint[] = [];
  let f = folded;
  const yearOr = (raw: string | undefined): number | undefined => (raw ? twoDigitYear(raw) : contextYear);

  // ngày 30 tháng 11 năm 2026
  f = consume(f, /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:nam\s+(\d{4}))?/g, (m) => {
    const year = yearOr(m[3]);
    if (year === undefined) return true;
    const due = isoDate(year, Number(m[2]), Number(m[1]));
    points.push({ kind: "date", due, invalid: due === null });
    return true;
  });
  // 2026-11-30 (spreadsheets)
  f = consume(f, /(?<![\d/.,-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/])/g, (m) => {
    const due = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    points.push({ kind: "date", due, invalid: due === null });
    return true;
  });
  // 30/11/2026, 30-11-2026, 30.11.2026, 30/11/26
  f = consume(f, /(?<![\d/.,])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?![\d/])/g, (m) => {
    const due = isoDate(twoDigitYear(m[4]!), Number(m[3]), Number(m[1]));
    points.push({ kind: "date", due, invalid: due === null });
    return true;
  });
  // trước ngày 15/12 (year from context)
  f = consume(f, /(?:ngay|truoc)\s+(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/])/g, (m) => {
    if (contextYear === undefined) return true;
    const due = isoDate(contextYear, Number(m[2]), Number(m[1]));
    points.push({ kind: "date", due, invalid: due === null });
    return true;
  });
  // Quý IV/2026, Quý I, II năm 2026, quý 3 - 2026
  const quarterRe = new RegExp(
    String.raw`(?:quy\s+|(?<![a-z])q\s*)(${QUARTER_TOKEN}(?:${LIST_SEP}${QUARTER_TOKEN})*)(?![a-z0-9])(?:\s*(?:\/|-|nam)\s*(\d{4}))?`,
    "g",
  );
  f = consume(f, quarterRe, (m) => {
    const year = yearOr(m[2]);
    if (year === undefined) return true;
    const quarters = m[1]!
      .split(/\s*(?:,|;|&|-|–|va|den|toi)\s*/)
      .map(quarterNumber)
      .filter((q): q is number => q !== null);
    if (quarters.length === 0) return false;
    points.push(quarterEnd(year, Math.max(...quarters) * 3));
    return true;
  });
  // 6 tháng đầu năm 2026, nửa cuối năm 2026
  f = consume(f, /(?:6\s+thang|nua)\s+(dau|cuoi)\s+nam\s*(\d{4})?/g, (m) => {
    const year = yearOr(m[2]);
    if (year === undefined) return true;
    points.push(quarterEnd(year, m[1] === "dau" ? 6 : 12, 6));
    return true;
  });
  // tháng 5, 6/2026; tháng 02 năm 2026; tháng 6 (year from context)
  f = consume(
    f,
    /(?:thang|(?<![a-z])t)\s*(\d{1,2}(?:\s*(?:,|;|&|-|–|va|den|toi)\s*\d{1,2})*)(?!\d)(?:\s*(?:\/|-|nam)\s*(\d{4}))?/g,
    (m) => {
      const year = yearOr(m[2]);
      if (year === undefined) return true;
      const months = m[1]!.split(/\s*(?:,|;|&|-|–|va|den|toi)\s*/).map(Number);
      points.push(monthEnd(year, Math.max(...months)));
      return true;
    },
  );
  // 4/2026, 03-2026
  f = consume(f, /(?<![\d/.,])(\d{1,2})\s*[/-]\s*(\d{4})(?![\d/])/g, (m) => {
    points.push(monthEnd(Number(m[2]), Number(m[1])));
    return true;
  });
  // 2025 - 2026, giai đoạn 2026 đến 2030
  f = consume(f, /(?<!\d)(\d{4})\s*(?:-|–|den|toi)\s*(?:nam\s+)?(\d{4})(?!\d)/g, (m) => {
    const years = [Number(m[1]), Number(m[2])];
    points.push(yearEnd(Math.max(...years), Math.min(...years)));
    return true;
  });
  // năm 2026, 2025
  consume(f, /(?<![\d/.,])(\d{4})(?![\d/])/g, (m) => {
    const year = Number(m[1]);
    if (year < 1990 || year > 2100) return false;
    points.push(yearEnd(year));
    return true;
  });
  return points;
}

const RECURRING =
  /thuong xuyen|hang (nam|thang|quy|tuan|ngay)|hang nam|dinh ky|lien tuc|moi (nam|thang|quy)|(nhung|cac) nam tiep theo/;
const UNSPECIFIED =
  /theo (lo trinh|tien do|ke hoach|yeu cau|chi dao|huong dan|quy dinh)|khi co (yeu cau|chi dao)|chua (xac dinh|co)/;
const RANK: Record<TimePoint["kind"], number> = { date: 4, month: 3, quarter: 2, year: 1 };

/**
 * The deadline among the points a text names. A finer point inside a coarser period refines it
 * ("Năm 2026, trước ngày 30/11/2026" is due on 30 November); of separate periods the last one
 * counts ("Quý I, Quý II/2026", "đợt 1 … đợt 2").
 */
function latest(all: TimePoint[]): TimePoint | null {
  const within = (fine: TimePoint, coarse: TimePoint) =>
    RANK[fine.kind] > RANK[coarse.kind] &&
    fine.due !== null &&
    coarse.due !== null &&
    coarse.start !== undefined &&
    coarse.start !== null &&
    fine.due >= coarse.start &&
    fine.due <= coarse.due;
  const points = all.filter((c) => !all.some((f) => within(f, c)));
  let best: TimePoint | null = null;
  for (const p of points) {
    if (p.due === null) continue;
    if (best === null || best.due === null || p.due > best.due) best = p;
    else if (p.due === best.due && RANK[p.kind] > RANK[best.kind]) best = p;
  }
  return best;
}

const NOTE_IN_PARENS = /\(([^()]*)\)/g;
const COMPLETION_NOTE =
  /^\s*(da\s+(hoan\s+thanh|thuc\s+hien|trien\s+khai|ban\s+hanh|xong)|hoan\s+thanh\s*[;,.]|xong)/;

export function parseDeadline(input: string, options: DeadlineOptions = {}): ParsedDeadline {
  const text = normalizeText(input ?? "");
  if (text === "") return { text, kind: "unspecified", due: null };
  let folded = foldKeepingOffsets(text);
  const notes: string[] = [];

  // "(Đã hoàn thành; tiếp tục …)" says what happened, not when it is due.
  for (const m of folded.matchAll(NOTE_IN_PARENS)) {
    if (COMPLETION_NOTE.test(m[1]!)) {
      notes.push(text.slice(m.index + 1, m.index + m[0].length - 1).trim());
      folded = blank(folded, m.index, m.index + m[0].length);
    }
  }
  const bareNote = /(?:^|[\s,;.])(da\s+hoan\s+thanh)/.exec(folded);
  if (bareNote && notes.length === 0) {
    const start = bareNote.index + bareNote[0].length - bareNote[1]!.length;
    notes.push(text.slice(start).trim());
    folded = blank(folded, start, folded.length);
  }
  const note = notes.length > 0 ? notes.join("; ") : undefined;
  const withNote = (d: ParsedDeadline): ParsedDeadline => (note ? { ...d, note } : d);

  const points = collectTimePoints(folded, options.contextYear);
  const best = latest(points);

  if (RECURRING.test(folded)) {
    if (best) return withNote({ text, kind: "recurring", due: best.due });
    const yearly = /hang nam|moi nam/.test(folded) && options.contextYear !== undefined;
    return withNote({
      text,
      kind: "recurring",
      due: yearly ? isoDate(options.contextYear!, 12, 31) : null,
    });
  }
  if (best) return withNote({ text, kind: best.kind, due: best.due });
  if (points.some((p) => p.invalid)) {
    return { text, kind: "unspecified", due: null, note: note ?? "Thời hạn ghi không hợp lệ" };
  }
  return withNote({ text, kind: "unspecified", due: null });
}

/** Words that may stand around a time in a deadline cell without making it prose. */
const DEADLINE_WORDS = new Set([
  "truoc",
  "ngay",
  "trong",
  "thang",
  "quy",
  "nam",
  "den",
  "toi",
  "va",
  "han",
  "hoan",
  "thanh",
  "cham",
  "nhat",
  "vao",
  "cuoi",
  "dau",
  "giai",
  "doan",
  "tu",
  "thuong",
  "xuyen",
  "hang",
  "dinh",
  "ky",
  "nhung",
  "cac",
  "tiep",
  "theo",
  "nua",
  "lo",
  "trinh",
  "tien",
  "do",
  "duoc",
  "phe",
  "duyet",
  "cua",
  "trung",
  "uong",
  "nhiem",
  "vu",
  "lien",
  "tuc",
  "moi",
  "t",
  "i",
  "ii",
  "iii",
  "iv",
]);

/**
 * True when the whole text reads as a deadline cell ("4/2026", "Thường xuyên", "Quý II/2026",
 * "Theo lộ trình được phê duyệt"), not as a sentence that merely mentions a year. Used to find
 * row ends in text flattened out of a PDF.
 */
export function looksLikeDeadline(input: string): boolean {
  const text = normalizeText(input ?? "");
  if (text === "" || text.length > 80) return false;
  const folded = foldKeepingOffsets(text);
  const parsed = parseDeadline(text);
  const timeOrPhrase = parsed.kind !== "unspecified" || UNSPECIFIED.test(folded) || parsed.note !== undefined;
  if (!timeOrPhrase) return false;
  const words = folded
    .replace(/\([^()]*\)/g, " ")
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "" && !/^\d+$/.test(w));
  const strange = words.filter((w) => !DEADLINE_WORDS.has(w));
  return strange.length <= 1;
}

/** A deadline and nothing else: every word but the numbers is one deadlines are written with. */
export function isDeadlineOnly(input: string): boolean {
  return looksLikeDeadline(input) && isDeadlineWording(input);
}

/**
 * Every word is a number or one deadlines are written with: a line of a deadline cell wrapped
 * over several ("Trước" / "ngày" / "15/9/2026") even where the line alone is no deadline.
 */
export function isDeadlineWording(input: string): boolean {
  const words = foldKeepingOffsets(normalizeText(input ?? ""))
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
  return words.length > 0 && words.every((w) => /^\d+$/.test(w) || DEADLINE_WORDS.has(w));
}

const HIDDEN_TRIGGER =
  /(hoan thanh|xong|ket thuc|thoi han|han chot|cham nhat|truoc ngay|truoc thang|trong (thang|quy|nam))/g;

/**
 * A deadline written into another column ("Hoàn thành trong tháng 4/2026" under Sản phẩm), for
 * rows whose deadline cell is empty. Only phrases that say when the work must be done count, so
 * that "Báo cáo kết quả năm 2025" is not read as a deadline.
 */
export function findHiddenDeadline(input: string, options: DeadlineOptions = {}): ParsedDeadline | null {
  const text = normalizeText(input ?? "");
  if (text === "") return null;
  const folded = foldKeepingOffsets(text);
  for (const m of folded.matchAll(HIDDEN_TRIGGER)) {
    const start = m.index;
    const rest = folded.slice(start);
    const stop = /[;.)\n]|,\s(?!\d)/.exec(rest.replace(/(\d)\.(\d)/g, "$1/$2"));
    const end = start + (stop ? stop.index : rest.length);
    const fragment = text.slice(start, end).trim();
    const parsed = parseDeadline(fragment, options);
    if (parsed.kind !== "unspecified" && parsed.kind !== "recurring" && parsed.due !== null) {
      return { text: fragment, kind: parsed.kind, due: parsed.due };
    }
  }
  return null;
}
