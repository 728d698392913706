import { foldForSearch } from "./text.ts";

/**
 * Document numbers (số hiệu) come in two shapes:
 *  - state bodies:  number[/year]/TYPE-ISSUER   (3450/KH-UBND, 107/2021/NĐ-CP, 773/VPCP-CĐS)
 *  - Party bodies:  number-TYPE/ISSUER[/…]      (1535-CV/TU, 04-KH/BCĐTW, 17-TB/CQT/BCĐ)
 * Typists put spaces around the separators ("06 - TB/CQTTBCĐ", "3450 /KH-UBND") and line breaks
 * cut them ("17-" / "TB/CQTTBCĐ"), so both shapes allow white space between parts. A code always
 * starts with a capital letter, which keeps dates (05/01/2026) and ratios (24/7) out.
 */

/** A code has two capitals or more ("KH", "BCĐTW", "CTr", "TTg", "QH15"); "Sở" or "Tổ" are words. */
const CODE = String.raw`(?:\p{Lu}[\p{Lu}\p{N}]+\p{Ll}?[\p{Lu}\p{N}]*|\p{Lu}\p{Ll}\p{Lu}[\p{Lu}\p{N}]*)(?![\p{L}\p{N}])`;
const DASH = "[-‐‑–—]";
const PARTY = String.raw`(\d{1,5})\s*${DASH}\s*(${CODE})\s*\/\s*(${CODE}(?:\s*[/]\s*${CODE}|${DASH}${CODE})*)`;
const STATE = String.raw`(\d{1,5})(?:\s*\/\s*(\d{4}))?\s*\/\s*(${CODE}(?:\s*${DASH}\s*${CODE})*)`;
const NUMBER_RE = new RegExp(String.raw`(?<![\p{L}\p{N}/.,])(?:${PARTY}|${STATE})`, "gu");

/** As written, with white space removed and dashes made plain: "06 - TB/CQTTBCĐ" → "06-TB/CQTTBCĐ". */
export function normalizeDocumentNumber(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/[‐‑–—]/g, "-")
    .replace(/[\s\u00A0\u200B-\u200D\uFEFF]+/g, "");
}

/** Every document number in the text, normalised, in order of appearance, each once. */
export function findDocumentNumbers(text: string): string[] {
  const source = (text ?? "").normalize("NFC");
  const found: string[] = [];
  for (const m of source.matchAll(NUMBER_RE)) {
    const number = normalizeDocumentNumber(m[0]);
    if (!found.some((f) => f === number)) found.push(number);
  }
  return found;
}

interface NumberParts {
  shape: "party" | "state";
  serial: number;
  year: string | null;
  type: string;
  issuer: string;
}

function parse(raw: string): NumberParts | null {
  const n = normalizeDocumentNumber(raw);
  const party = /^(\d+)-([^/]+)\/(.+)$/u.exec(n);
  if (party && !/^\d+$/.test(party[2]!)) {
    return { shape: "party", serial: Number(party[1]), year: null, type: party[2]!, issuer: party[3]! };
  }
  const state = /^(\d+)(?:\/(\d{4}))?\/([^-]+)(?:-(.+))?$/u.exec(n);
  if (state) {
    return {
      shape: "state",
      serial: Number(state[1]),
      year: state[2] ?? null,
      type: state[3]!,
      issuer: state[4] ?? "",
    };
  }
  return null;
}

/** Upper case without diacritics or separators; "TƯ" (Trung ương) is the same as "TW". */
function codeKey(code: string): string {
  return foldForSearch(code.normalize("NFC").replace(/TƯ/g, "TW").replace(/Tư/g, "TW"))
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/**
 * True when two numbers name the same document, allowing for the typos real plans carry in the
 * issuer code (17-TB/CCTTBCĐ for 17-TB/CQTTBCĐ, 04-KH/BCĐTƯ for 04-KH/BCĐTW, 17-TB/CQT/BCĐ).
 * Serial and type must agree exactly: 17-TB and 17-KH are different documents. Short issuer
 * codes must agree exactly too, since TU (Tỉnh ủy) and TW (Trung ương) are different bodies.
 */
export function sameDocumentNumber(a: string, b: string): boolean {
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return normalizeDocumentNumber(a) === normalizeDocumentNumber(b);
  if (pa.shape !== pb.shape || pa.serial !== pb.serial) return false;
  if (pa.year && pb.year && pa.year !== pb.year) return false;
  if (codeKey(pa.type) !== codeKey(pb.type)) return false;
  const ia = codeKey(pa.issuer);
  const ib = codeKey(pb.issuer);
  if (ia === ib) return true;
  return Math.min(ia.length, ib.length) >= 5 && editDistance(ia, ib) <= 1;
}

const TYPE_NAMES: Record<string, string> = {
  KH: "Kế hoạch",
  CV: "Công văn",
  TB: "Thông báo",
  CTR: "Chương trình",
  CTRHD: "Chương trình hành động",
  QD: "Quyết định",
  NQ: "Nghị quyết",
  CT: "Chỉ thị",
  KL: "Kết luận",
  BC: "Báo cáo",
  HD: "Hướng dẫn",
  TTR: "Tờ trình",
  QC: "Quy chế",
  QYD: "Quy định",
  ND: "Nghị định",
  TT: "Thông tư",
  DA: "Đề án",
  BB: "Biên bản",
  TTRA: "Thanh tra",
};

/**
 * The document type a number's type code stands for (1535-CV/TU → Công văn). State letters
 * without a type code (773/VPCP-CĐS) are official letters (công văn) by convention.
 */
export function documentTypeFromNumber(number: string): string | null {
  const parts = parse(number);
  if (!parts) return null;
  const name = TYPE_NAMES[codeKey(parts.type)];
  if (name) return name;
  return parts.shape === "state" && parts.issuer !== "" ? "Công văn" : null;
}
