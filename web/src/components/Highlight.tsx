import { Fragment } from "react";
import { foldForSearch } from "../lib/format.ts";

/**
 * Where the folded query occurs in the text, as ranges of the original text: "cong an" marks
 * "Công an" in "Công an tỉnh". Each character is folded on its own so positions map back.
 */
export function findMatches(text: string, query: string): [number, number][] {
  const needle = foldForSearch(query);
  if (!needle) return [];
  let folded = "";
  const origin: number[] = []; // origin[i] = index in text of the character folded[i] came from
  let index = 0;
  for (const char of text) {
    // Runs of whitespace count as one space, as the server folds them.
    const piece = /\s/.test(char) ? (folded.endsWith(" ") ? "" : " ") : foldForSearch(char);
    for (let k = 0; k < piece.length; k++) origin.push(index);
    folded += piece;
    index += char.length;
  }
  const ranges: [number, number][] = [];
  let from = folded.indexOf(needle);
  while (from !== -1) {
    const last = from + needle.length - 1;
    const start = origin[from]!;
    const end = (origin[last] ?? text.length - 1) + 1;
    // The original character at the end may span two UTF-16 units.
    const endChar = text.codePointAt(end - 1)! > 0xffff ? end + 1 : end;
    ranges.push([start, endChar]);
    from = folded.indexOf(needle, from + needle.length);
  }
  return ranges;
}

/** The text with every occurrence of the query marked. */
export function Highlight({ text, query }: { text: string; query?: string }) {
  const ranges = query ? findMatches(text, query) : [];
  if (ranges.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    parts.push(<Fragment key={`t${at}`}>{text.slice(at, start)}</Fragment>);
    parts.push(
      <mark key={`m${start}`} className="dd-hit">
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  parts.push(<Fragment key={`t${at}`}>{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}
