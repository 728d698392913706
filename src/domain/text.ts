/**
 * Text rules that hold everywhere: Word output may be NFD, carry non-breaking or zero-width
 * spaces, and users search without diacritics ("cong an" must find "Công an").
 */

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACES = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

/** NFC, invisible characters removed, every run of whitespace folded to one space, trimmed. */
export function normalizeText(input: string): string {
  return input.normalize("NFC").replace(INVISIBLE, "").replace(SPACES, " ").trim();
}

/** Like normalizeText but keeps line breaks (one per line, each line folded). */
export function normalizeLines(input: string): string {
  return input
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(SPACES, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n");
}

/** Lower case without diacritics (đ → d), for search and name matching. */
export function foldForSearch(input: string): string {
  return normalizeText(input)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

/**
 * True when the query, folded, appears in the text as a phrase: "cong an" matches "Công an
 * tỉnh" but not "an toàn … công nghệ". The server's task search follows the same rule.
 */
export function matchesSearch(text: string, query: string): boolean {
  return foldForSearch(text).includes(foldForSearch(query));
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** Vietnamese alphabetical order (a ă â b c d đ e ê …), numbers compared as numbers. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
