import { normalizeLines } from "../domain/text.ts";

/**
 * Text as the contract wants it, for the readers and the interpreter alike. Text renderings of
 * Word tables carry inline HTML (`<ul><li>`, `<i>`, `<br>`) and Markdown emphasis (`**`, `~~`,
 * `*`); none of it is part of the words, and a list item is a line starting with "- " whatever
 * the source.
 */

const ENTITIES: Record<string, string> = {
  nbsp: " ",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  laquo: "«",
  raquo: "»",
  ldquo: "“",
  rdquo: "”",
  lsquo: "‘",
  rsquo: "’",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** HTML tags to text: breaks and list items become lines, everything else disappears. */
export function stripHtml(text: string): string {
  if (!text.includes("<")) return decodeEntities(text);
  const plain = text
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<li(?:\s[^<>]{0,300})?>/gi, "\n- ")
    .replace(/<\/(?:li|p|div|ul|ol|tr|h[1-6])\s*>/gi, "\n")
    .replace(/<(?:p|div|ul|ol|tr|h[1-6])(?:\s[^<>]{0,300})?>/gi, "\n")
    .replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]{0,300})?\/?>/gi, "")
    .replace(/<!--[\s\S]{0,2000}?-->/g, "");
  return decodeEntities(plain);
}

/** Markdown emphasis to text: `**a**`, `__a__`, `~~a~~`, `*a*`, `` `a` ``, escaped characters. */
export function stripMarkdown(text: string): string {
  return text
    .replace(/\*\*(?=\S)([^\n]*?\S)\*\*/g, "$1")
    .replace(/__(?=\S)([^\n]*?\S)__/g, "$1")
    .replace(/~~(?=\S)([^\n]*?\S)~~/g, "$1")
    .replace(/(^|[^*\p{L}\p{N}\\])\*(?=[^\s*])([^*\n]*?[^\s*\\])\*(?![*\p{L}\p{N}])/gu, "$1$2")
    .replace(/`([^`\n]+)`/g, "$1")
    .replace(/\\([*_~|#`\\[\]()-])/g, "$1");
}

/** Inline markup out, one trimmed line per line, blank lines dropped, NFC. */
export function stripMarkup(text: string): string {
  return normalizeLines(stripMarkdown(stripHtml(text ?? "")));
}
