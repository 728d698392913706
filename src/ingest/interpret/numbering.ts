import type { ExtractionWarning } from "../extraction.ts";

/**
 * Row numbers (STT) and section markers. Numbers are kept as written; gaps are reported, never
 * repaired, because a skipped number in a signed plan is the issuer's, and the office must be
 * able to cite the plan's own numbering.
 */

export type RowMark =
  | { kind: "section"; section: string; title: string }
  | { kind: "number"; number: string }
  | { kind: "none" };

const ROMAN =
  /^(?:(?:phần|phan|mục|muc|chương|chuong|PHẦN|MỤC|CHƯƠNG)\s+)?([IVXLC]{1,7})(?:[.):-]|\s|$)\s*(.*)$/u;
const ROMAN_VALUE = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const NUMBER = /^(\d{1,3}(?:\.\d{1,3}){0,3})[.)]?$/;
const LETTER = /^([a-zđ])[.)]?$/;
/** Parts lettered A, B, C… above or instead of Roman sections. */
const PART = /^([A-Z])[.)](?:\s+(.*))?$|^([A-Z])$/;

export function isRoman(token: string): boolean {
  return token !== "" && ROMAN_VALUE.test(token);
}

export function romanValue(token: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < token.length; i++) {
    const v = values[token[i]!] ?? 0;
    const next = values[token[i + 1] ?? ""] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** A section marker at the start of a text ("I", "II.", "VIII Công tác…", "Phần I", "A. …"). */
export function readSectionMark(text: string): { section: string; title: string } | null {
  const t = text.trim();
  const m = ROMAN.exec(t);
  if (m && isRoman(m[1]!)) return { section: m[1]!, title: m[2]!.trim() };
  const part = PART.exec(t);
  if (part) return { section: (part[1] ?? part[3])!, title: (part[2] ?? "").trim() };
  return null;
}

/** What the STT cell says: a section, a row number, or nothing usable. */
export function readStt(stt: string): RowMark {
  const text = stt.trim();
  if (text === "") return { kind: "none" };
  const number = NUMBER.exec(text);
  if (number) return { kind: "number", number: number[1]! };
  const section = readSectionMark(text);
  if (section) return { kind: "section", ...section };
  const letter = LETTER.exec(text);
  if (letter) return { kind: "number", number: letter[1]! };
  // "1a", "12b", "3*": a number as written, odd as it is.
  if (/^\d[\p{L}\p{N}*'’]{0,5}$/u.test(text.replace(/[.)]$/, ""))) {
    return { kind: "number", number: text.replace(/[.)]$/, "") };
  }
  return { kind: "none" };
}

/** A bullet in the STT column ("-", "+", "•"): a sub-item of the numbered row above. */
export function isBulletStt(stt: string): boolean {
  return /^[-+•*–]$/.test(stt.trim());
}

export interface Numbered {
  ref: string;
  section: string | null;
  number: string;
}

function parts(number: string): number[] | null {
  if (!/^\d+(?:\.\d+)*$/.test(number)) return null;
  return number.split(".").map(Number);
}

function refOf(section: string | null, number: string): string {
  return section ? `${section}.${number}` : number;
}

/**
 * Warnings for skipped numbers. Numbering may restart in each section or run on across
 * sections; sub-numbers (11.1, 11.2) may follow their parent.
 */
export function numberingWarnings(items: Numbered[], what: "nhiệm vụ" | "chỉ tiêu"): ExtractionWarning[] {
  const warnings: ExtractionWarning[] = [];
  let last: number[] | null = null;
  let lastSection: string | null | undefined;
  const missing = (section: string | null, prefix: number[], from: number, to: number, after: Numbered) => {
    if (to < from || to - from > 50) return;
    const numbers = [];
    for (let n = from; n <= to; n++) numbers.push([...prefix, n].join("."));
    const refs = numbers.map((n) => refOf(section, n));
    warnings.push({
      ref: refs[0]!,
      code: "numbering_gap",
      message: `Số thứ tự ${what} bị bỏ qua: không có ${refs.join(", ")} (trước ${after.ref}); giữ nguyên số như văn bản.`,
    });
  };
  for (const item of items) {
    const p = parts(item.number);
    if (!p) {
      last = null;
      continue;
    }
    const top = p[0]!;
    if (item.section !== lastSection) {
      lastSection = item.section;
      const runsOn = last !== null && top > 1 && top >= last[0]!;
      if (p.length === 1 && top > 1) {
        const from = runsOn ? last![0]! + 1 : 1;
        missing(item.section, [], from, top - 1, item);
      }
      last = p;
      continue;
    }
    if (last) {
      const depth = p.length;
      const samePrefix = depth <= last.length && p.slice(0, depth - 1).every((v, k) => v === last![k]);
      const next = p[depth - 1]!;
      const previous = depth <= last.length ? last[depth - 1]! : 0;
      if (samePrefix && next > previous + 1)
        missing(item.section, p.slice(0, depth - 1), previous + 1, next - 1, item);
      else if (samePrefix && next <= previous && depth === last.length) {
        warnings.push({
          ref: item.ref,
          code: "numbering_order",
          message: `Số thứ tự ${item.ref} không tăng dần so với ${refOf(item.section, last.join("."))}.`,
        });
      }
    }
    last = p;
  }
  return warnings;
}
