import { foldForSearch, normalizeText } from "./text.ts";

/**
 * Indicator targets as plans write them: "≥ 70", "100", "≥ 0,65" (decimal comma), "Có" (a yes/no
 * indicator), "Đạt 2% GRDP", "05", "-" (no target that year), sometimes typeset as LaTeX
 * ("$\geq 0,65$") by converters. The text is kept as written; op and value are what the
 * attainment computation needs, or null when the target is not one number (a range, a rank
 * such as "≤ 3 Đông Nam Á").
 */

export const targetOps = [">=", "<=", ">", "<", "="] as const;
export type TargetOp = (typeof targetOps)[number];

export interface ParsedTarget {
  year: number;
  text: string;
  op: TargetOp | null;
  value: number | boolean | null;
}

/** Comparators, spelled as symbols, LaTeX or words (folded). Longer spellings first. */
const COMPARATORS: [RegExp, TargetOp][] = [
  [/^(?:≥|>=|=>|\\geq?\b|\\geqslant\b)/, ">="],
  [/^(?:≤|<=|=<|\\leq?\b|\\leqslant\b)/, "<="],
  [/^(?:toi thieu|it nhat|khong (?:thap hon|duoi|it hon)|tu)\b/, ">="],
  [/^(?:toi da|khong (?:qua|vuot qua|cao hon|hon|lon hon))\b/, "<="],
  [/^(?:>|\\gt\b|(?:tren|hon|lon hon|cao hon|vuot)\b)/, ">"],
  [/^(?:<|\\lt\b|(?:duoi|nho hon|thap hon)\b)/, "<"],
  [/^(?:=|(?:dat muc|dat|hoan thanh|bang|la|khoang)\b)/, "="],
];

/** Targets that rank against others are not a number to reach ("≤ 3 Đông Nam Á", "Top 50"). */
const RANKING = /\b(top|xep hang|thu hang|nhom dau|dong nam a|asean|chau a|the gioi|khu vuc|ca nuoc)\b/;
const NONE = /^(?:-+|–|—|x|\/|n\/a|khong co chi tieu|chua xac dinh)?$/;
const YES = /^(?:co|hoan thanh|dat)\b/;
const NUMBER = /^(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)/;

function readNumber(raw: string): number | null {
  let s = raw;
  // "1.000" and "12.500,5" group thousands with dots; "1.5" is a decimal point.
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s)) s = s.replace(/\./g, "").replace(",", ".");
  else s = s.replace(",", ".");
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

export function parseTarget(input: string, year: number): ParsedTarget {
  const text = normalizeText(input ?? "");
  const none: ParsedTarget = { year, text, op: null, value: null };
  const folded = foldForSearch(text)
    .replace(/\$/g, "")
    .replace(/\\(?:,|;|!|quad)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (NONE.test(folded)) return none;
  const outsideParens = folded.replace(/\([^()]*\)/g, " ");
  // "Có", "Hoàn thành", "Đạt chuẩn": an indicator that is met or not.
  if (YES.test(folded) && !/\d/.test(outsideParens)) return { year, text, op: "=", value: true };
  if (/^khong\b/.test(folded) && !/\d/.test(outsideParens)) return { year, text, op: "=", value: false };
  // A rank ("≤ 3 Đông Nam Á") or a change ("Tăng 10%") is not a level to reach.
  if (RANKING.test(folded) || /^(tang|giam)\b/.test(folded)) return none;

  let rest = folded;
  let op: TargetOp = "=";
  for (let guard = 0; guard < 3; guard++) {
    const comparator = COMPARATORS.find(([re]) => re.test(rest));
    if (!comparator) break;
    const [re, found] = comparator;
    rest = rest.replace(re, "").trim();
    // "Đạt ≥ 80%": the symbol after the verb decides.
    if (found !== "=" || op === "=") op = found;
    if (NUMBER.test(rest)) break;
  }
  const m = NUMBER.exec(rest);
  if (!m) return none;
  const value = readNumber(m[1]!);
  if (value === null) return none;
  const after = rest.slice(m[0].length).trim();
  // "70 - 80%", "từ 70 đến 80": a range is not one target.
  if (/^(?:%\s*)?(?:-|–|den|toi)\s*\d/.test(after)) return none;
  return { year, text, op, value };
}

const YEAR = "(?:19[5-9]|20\\d|21\\d)\\d";
/** A year not inside a date ("22/12/2024") or a document number ("193/2025/NQ-QH15"), maybe ending a period. */
const HORIZON = new RegExp(`(?:^|[^\\d/.-])(${YEAR})(?:\\s*(?:-|–|—|den(?: nam)?)\\s*(${YEAR}))?(?![\\d/])`);

/**
 * The year a heading, a column or a title aims at: "Đến năm 2030" and "Tầm nhìn 2045" name it;
 * a period ("Giai đoạn 2026 – 2030", "từ năm 2026 đến năm 2030") is reached at its end. The first
 * year counts ("đến năm 2030, tầm nhìn đến năm 2045" aims at 2030); years in parentheses are a
 * baseline ("so với năm 2020"), years in dates ("ngày 22 tháng 12 năm 2024", "22/12/2024") and
 * document numbers are not aims at all.
 */
export function horizonYear(text: string): number | null {
  const folded = foldForSearch(text)
    .replace(/\([^()]*\)/g, " ")
    .replace(/\bngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}/g, " ");
  const m = HORIZON.exec(folded);
  if (!m) return null;
  return Number(m[2] ?? m[1]);
}

/** Words a group heading is made of besides its years: "Chỉ tiêu chủ yếu giai đoạn 2026 – 2030". */
const PERIOD_WORDS =
  /\b(?:cac|chi tieu|muc tieu|chu yeu|cu the|giai doan|thoi ky|tam nhin|dinh huong|phan dau|ke hoach|den|nam|tu)\b/g;

/**
 * The year of a heading that names nothing but a period ("Đến năm 2030", "b) Tầm nhìn đến năm
 * 2045:", "Mục tiêu giai đoạn 2026 - 2030"), or null for any other text.
 */
export function periodHeadingYear(text: string): number | null {
  const rest = foldForSearch(text)
    .replace(/^(?:[a-z]\)|[ivxlc]+[.)]|\d+[.)]|[-+•*–])\s*/, "")
    .replace(/\d+/g, " ")
    .replace(PERIOD_WORDS, " ");
  return rest.replace(/[^a-z]+/g, "") === "" ? horizonYear(text) : null;
}
