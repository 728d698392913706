import { foldForSearch, normalizeText } from "../../domain/text.ts";

/**
 * Text helpers for the prose interpreter. Directives arrive from Word, PDF and pasted text, so a
 * paragraph may still carry Markdown emphasis (`**trước ngày 12/5/2026**`), strike-through from
 * track changes (`Số ~~1535~~-CV/TU`) or inline HTML; none of it is part of the words.
 */
export function cleanParagraph(input: string): string {
  const text = input
    .replace(/<[^<>]{1,200}>/g, " ")
    .replace(/\*\*|__|~~/g, "")
    // Single-star emphasis, but not a lone "*" (the separator under a Party issuer's name).
    .replace(/(^|[\s(“"])\*(?=\S)([^*\n]*?\S)\*(?=$|[\s.,;:)”"])/g, "$1$2");
  return normalizeText(text);
}

/**
 * Vietnamese has two spellings for the tone mark on "oa/oe/uy" ("hoá" and "hóa", "uỷ" and "ủy").
 * Comparison keys use one of them so word lists match both.
 */
const TONE_VARIANTS: Record<string, string> = {
  oá: "óa",
  oà: "òa",
  oả: "ỏa",
  oã: "õa",
  oạ: "ọa",
  oé: "óe",
  oè: "òe",
  oẻ: "ỏe",
  oẽ: "õe",
  oẹ: "ọe",
  uý: "úy",
  uỳ: "ùy",
  uỷ: "ủy",
  uỹ: "ũy",
  uỵ: "ụy",
};
const TONE_VARIANT = /o[áàảãạéèẻẽẹ]|u[ýỳỷỹỵ]/g;
const keys = new Map<string, string>();

/** Lower case with the tone mark placed one way, diacritics kept ("ban" and "bàn" differ). */
export function wordKey(word: string): string {
  let key = keys.get(word);
  if (key === undefined) {
    key = word
      .normalize("NFC")
      .toLowerCase()
      .replace(TONE_VARIANT, (m) => TONE_VARIANTS[m] ?? m);
    if (keys.size > 20000) keys.clear();
    keys.set(word, key);
  }
  return key;
}

export interface Token {
  /** The word as written, punctuation included. */
  raw: string;
  /** wordKey of the word without surrounding punctuation. */
  key: string;
  /** Offset of `raw` in the tokenised text. */
  start: number;
  end: number;
}

const LEADING_PUNCT = /^[("“‘'«[]+/;
const TRAILING_PUNCT = /[)"”’'»\].,;:!?…]+$/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const raw = m[0];
    tokens.push({
      raw,
      key: wordKey(raw.replace(LEADING_PUNCT, "").replace(TRAILING_PUNCT, "")),
      start: m.index,
      end: m.index + raw.length,
    });
  }
  return tokens;
}

/** Builds a lookup of word sequences ("chủ trì", "có trách nhiệm") keyed by their first word. */
export function phraseSet(phrases: readonly string[]): Map<string, string[][]> {
  const map = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const words = phrase.split(" ").map(wordKey);
    const first = words[0]!;
    const list = map.get(first) ?? [];
    list.push(words);
    map.set(first, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return map;
}

/**
 * Length in words of the longest phrase of `set` starting at token `i`, or 0. A phrase matches
 * only while no word inside it (but the last) ends a clause, so "quản lý, chỉ đạo" is not "quản lý
 * chỉ đạo".
 */
export function matchPhrase(tokens: Token[], i: number, set: Map<string, string[][]>): number {
  const first = tokens[i];
  if (!first) return 0;
  const candidates = set.get(first.key);
  if (!candidates) return 0;
  for (const words of candidates) {
    if (i + words.length > tokens.length) continue;
    let ok = true;
    for (let k = 0; k < words.length; k++) {
      const token = tokens[i + k]!;
      if (token.key !== words[k]) {
        ok = false;
        break;
      }
      if (k < words.length - 1 && /[,;:.]$/.test(token.raw)) {
        ok = false;
        break;
      }
    }
    if (ok) return words.length;
  }
  return 0;
}

export function startsUpper(word: string): boolean {
  const ch = word.replace(LEADING_PUNCT, "").charAt(0);
  return ch !== "" && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function startsLower(word: string): boolean {
  const ch = word.replace(LEADING_PUNCT, "").charAt(0);
  return ch !== "" && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

export function capitalizeFirst(text: string): string {
  const i = text.search(/\p{L}/u);
  if (i < 0) return text;
  return text.slice(0, i) + text.charAt(i).toUpperCase() + text.slice(i + 1);
}

/**
 * Punctuation left behind once a clause is cut out of a sentence: doubled commas, a comma before a
 * full stop, empty brackets, separators at either end.
 */
export function tidy(text: string): string {
  let out = normalizeText(text);
  for (let pass = 0; pass < 3; pass++) {
    out = out
      .replace(/\(\s*[,;:.\s-]*\)/g, "")
      .replace(/\s+([,;:.!?)])/g, "$1")
      .replace(/\(\s+/g, "(")
      .replace(/[,;:]\s*\./g, ".")
      .replace(/([,;:])(?:\s*[,;:])+/g, "$1")
      .replace(/\.\s*\./g, ".")
      .replace(/\s{2,}/g, " ")
      .trim();
  }
  out = out.replace(/^[\s,;:.\-–—+]+/, "");
  // An ellipsis is part of the text ("các thiết bị đầu cuối phù hợp,..."); a final separator is not.
  if (!/(\.\.\.|…)$/.test(out)) out = out.replace(/[\s,;:.\-–—/]+$/, "");
  return out.trim();
}

/** True when the text is written in capitals (a heading such as "II. NHIỆM VỤ TRỌNG TÂM"). */
export function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 3 && letters === letters.toUpperCase();
}

export function folded(text: string): string {
  return foldForSearch(text);
}

/**
 * Remembers a pure function of a string: the interpreter asks the same questions of a paragraph
 * at several levels (heading, item, sentence). Results are shared, so callers must not mutate them.
 */
export function memoize<T>(fn: (text: string) => T, limit = 4000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const value = fn(text);
    if (cache.size >= limit) cache.clear();
    cache.set(text, value);
    return value;
  };
}

/** Clauses with their closing punctuation, cut after "; " and ". " outside brackets. */
export function clausesOf(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === ";" || ch === ".") && /\s/.test(text[i + 1] ?? "")) {
      // "TP. Vinh", "Q. 1" and decimal points are no sentence ends.
      if (ch === "." && !/^\s+\p{Lu}/u.test(text.slice(i + 1))) continue;
      if (ch === "." && /(^|\s)(TP|Tp|TT|Q|P)$/.test(text.slice(start, i))) continue;
      out.push(text.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  const rest = text.slice(start).trim();
  if (rest !== "") out.push(rest);
  return out;
}
