import { type Line, right, type TextItem } from "./types.ts";

/**
 * From positioned text items to lines, and from wrapped lines back to the paragraphs they were
 * typeset from. PDF producers cut text anywhere (per line, per word, per glyph), so spacing is
 * decided from the gaps between items, and line ends from how much room the line left.
 */

const ONLY_MARKS = /^\p{M}+$/u;

/** Items on one baseline, left to right, with spaces where the gap says there was one. */
function joinItems(items: TextItem[]): Line | null {
  const all = [...items].sort((a, b) => a.x - b.x);
  const mark = all[0]?.sup ? all[0].str.trim() : undefined;
  // Footnote marks are not part of the text; one opening a line starts the footnote itself.
  const sorted = all.filter((item) => !item.sup);
  if (sorted.length === 0) return null;
  let text = "";
  let last: TextItem | null = null;
  let boldChars = 0;
  let chars = 0;
  for (const item of sorted) {
    // Producers fake bold by drawing the same run twice, slightly offset.
    if (last && last.str === item.str && Math.abs(last.x - item.x) < 1.5 && Math.abs(last.y - item.y) < 1.5) {
      continue;
    }
    if (last) {
      const gap = item.x - right(last);
      const spaced = /\s$/.test(text) || /^\s/.test(item.str) || ONLY_MARKS.test(item.str);
      if (!spaced && gap > 0.15 * Math.min(item.size, last.size)) text += " ";
    }
    text += item.str;
    const count = item.str.replace(/\s/g, "").length;
    chars += count;
    if (item.bold) boldChars += count;
    last = item;
  }
  text = text.replace(/\s+/g, " ").trim();
  const first = sorted[0]!;
  const left = first.x;
  const lineRight = Math.max(...sorted.map(right));
  const size = Math.max(...sorted.map((item) => item.size));
  const firstWord = /^\S+/.exec(text)?.[0] ?? "";
  // Letters are wider than the spaces between words: average over the letters only.
  const spaces = text.length - text.replace(/ /g, "").length;
  const letters = text.length - spaces;
  const charWidth = letters > 0 ? Math.max(lineRight - left - spaces * 0.25 * size, 0) / letters : size / 2;
  return {
    ...(mark ? { mark } : {}),
    text,
    left,
    right: lineRight,
    y: Math.max(...sorted.map((item) => item.y)),
    size,
    bold: chars > 0 && boldChars * 2 > chars,
    firstWordWidth: firstWord.length * charWidth,
  };
}

/**
 * Groups items into lines by vertical overlap rather than equal baselines, so that raised
 * footnote marks stay on their line. Outside tables, a wide gap splits a line into runs: the two
 * header columns of an official letter share baselines but are separate texts.
 */
export function buildLines(items: TextItem[], splitGap = Number.POSITIVE_INFINITY): Line[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: { top: number; bottom: number; items: TextItem[] }[] = [];
  for (const item of sorted) {
    const top = item.y - 0.8 * item.size;
    const bottom = item.y + 0.2 * item.size;
    const group = groups[groups.length - 1];
    if (group) {
      const overlap = Math.min(bottom, group.bottom) - Math.max(top, group.top);
      const smaller = Math.min(bottom - top, group.bottom - group.top);
      if (overlap >= 0.5 * smaller) {
        group.items.push(item);
        if (bottom - top > group.bottom - group.top) {
          group.top = top;
          group.bottom = bottom;
        }
        continue;
      }
    }
    groups.push({ top, bottom, items: [item] });
  }
  const lines: Line[] = [];
  for (const group of groups) {
    for (const run of splitRuns(group.items, splitGap)) {
      const line = joinItems(run);
      if (line && line.text.length > 0) lines.push(line);
    }
  }
  return lines;
}

/** Cuts a line where the gap (in font sizes) says the text sits in separate columns. */
function splitRuns(items: TextItem[], splitGap: number): TextItem[][] {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  const runs: TextItem[][] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const item of sorted) {
    const run = runs[runs.length - 1];
    if (run && item.x - end <= splitGap * item.size) run.push(item);
    else runs.push([item]);
    end = Math.max(end, right(item));
  }
  return runs;
}

const BULLET = /^(?:[•●○◦▪■□❖➢►✓\u2043\uF0A7\uF0B7\uF0D8\uF0FC]\s*|[-–—*]\s+)/u;
const MARKER = /^(\+\s|\d{1,2}[.)]\s|[a-zđ][)]\s)/u;
const ENDS_CLAUSE = /[.;:!?]["”)]?$/;
const OPENS_WITH_PUNCT = /^[,.;:!?)\]}%…]/;
const GLUE_AFTER = /([\p{L}\p{N}][-/]|[\p{L}\p{N}]\/)$/u;

export interface Measure {
  /** Left and right edges of the text area the lines were set in. */
  left: number;
  right: number;
  /** Lines may be centred (table cells): measure each from its own left edge. */
  centred: boolean;
}

export function startsListItem(text: string): boolean {
  return BULLET.test(text) || MARKER.test(text);
}

export function startsBullet(text: string): boolean {
  return BULLET.test(text);
}

export type Break = "\n" | " " | "";

/** How the previous line connects to the next: paragraph break, soft wrap, or a word cut in two. */
export function lineBreak(prev: Line, next: Line, measure: Measure): Break {
  const width = measure.right - measure.left;
  const used = prev.right - (measure.centred ? prev.left : measure.left);
  const space = 0.25 * prev.size;
  const charWidth = prev.text.length > 0 ? (prev.right - prev.left) / prev.text.length : prev.size / 2;
  // The next line's first word would have fitted here, so the line was ended on purpose. Word
  // widths are estimates, hence the margin.
  const margin = Math.max(0.5 * prev.size, 0.2 * next.firstWordWidth);
  const hard = used + space + next.firstWordWidth < width - margin;
  if (startsListItem(next.text) && (hard || ENDS_CLAUSE.test(prev.text))) return "\n";
  if (hard) return "\n";
  if (OPENS_WITH_PUNCT.test(next.text)) return "";
  if (GLUE_AFTER.test(prev.text) && !/\s-$/.test(prev.text)) return "";
  // Only long unbreakable tokens (document numbers, codes) are cut mid-word, and only when they
  // fill the line; a next line opening with a lower-case syllable is a new word.
  // A percent sign closes its number ("1,5%" / "GRDP"): nothing of the token runs on after it.
  const singleToken = !/\s/.test(prev.text) && !/[;,:)%]$/.test(prev.text);
  const filled = width - used < 2 * charWidth;
  const nextToken = /^\S+/.exec(next.text)?.[0] ?? "";
  if (singleToken && filled && !/^\p{Ll}+[,.;:]?$/u.test(nextToken)) return "";
  return " ";
}

/** Joins lines into text: paragraphs (and list items) separated by "\n", wraps undone. */
export function joinLines(lines: Line[], measure: Measure): string {
  let text = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (i > 0) text += lineBreak(lines[i - 1]!, line, measure);
    text += line.text;
  }
  return text;
}

/** Text area of a set of lines inside a box whose inner padding is unknown but symmetric. */
export function measureIn(lines: Line[], boxLeft: number, boxRight: number, centred: boolean): Measure {
  const left = Math.min(...lines.map((line) => line.left));
  const padding = Math.min(Math.max(left - boxLeft, 0), 12);
  return { left: boxLeft + padding, right: boxRight - padding, centred };
}
