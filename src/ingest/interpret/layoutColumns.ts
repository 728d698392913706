/**
 * Columns of a table laid out with spaces, as `pdftotext -layout` (its default mode) and PDF
 * viewers write it: every cell's lines start at the same x as the cells above and below, so a
 * column boundary is a vertical channel of blanks that (nearly) every line of the page leaves
 * free. A channel one character wide counts only where lines start words right after it: two
 * cells can sit one space apart, but words inside a cell are one space apart too.
 */

export interface Word {
  /** Index of the word's first character in its line. */
  x: number;
  /** Index after its last character. */
  end: number;
  text: string;
}

export function wordsOf(line: string): Word[] {
  const words: Word[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    words.push({ x: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return words;
}

/** Pieces of a line separated by two spaces or more: the cells a line plainly shows. */
export function spacedPieces(line: string): number {
  return line
    .trim()
    .split(/\s{2,}/)
    .filter((p) => p !== "").length;
}

/** Lines whose text may cross the channels (spanning section rows, footnotes) are tolerated. */
const CROSSING_SHARE = 0.1;
/** A one-character channel needs this many lines starting a word right after it. */
const NARROW_STARTS = 3;

/**
 * Start x of each column found in `lines` (the first is 0), or null when the lines show fewer
 * than two columns.
 */
export function findColumnStarts(lines: string[]): number[] | null {
  const filled = lines.filter((l) => l.trim() !== "");
  if (filled.length === 0) return null;
  const width = Math.max(...filled.map((l) => l.trimEnd().length));
  const occupied = new Array<number>(width + 1).fill(0);
  const starts = new Array<number>(width + 1).fill(0);
  for (const line of filled) {
    for (const w of wordsOf(line)) {
      starts[w.x]!++;
      for (let x = w.x; x < w.end; x++) occupied[x]!++;
    }
  }
  const tolerance = Math.floor(filled.length * CROSSING_SHARE);
  const free = (x: number) => occupied[x]! <= tolerance;
  const result = [0];
  let x = 0;
  // The left margin is no boundary.
  while (x < width && free(x)) x++;
  while (x < width) {
    if (!free(x)) {
      x++;
      continue;
    }
    let end = x;
    while (end < width && free(end)) end++;
    if (end >= width) break;
    const wide = end - x >= 2;
    if (wide || starts[end]! >= NARROW_STARTS) result.push(end);
    x = end;
  }
  return result.length >= 2 ? result : null;
}

/** The column a word belongs to: the last one starting at or before it. */
export function columnOf(starts: number[], x: number): number {
  let k = 0;
  while (k + 1 < starts.length && starts[k + 1]! <= x) k++;
  return k;
}

/** Words of a line shared out among the columns, each column's words joined by a space. */
export function lineCells(line: string, starts: number[]): string[] {
  const cells: string[][] = starts.map(() => []);
  for (const w of wordsOf(line)) cells[columnOf(starts, w.x)]!.push(w.text);
  return cells.map((c) => c.join(" "));
}

/** How many column boundaries the line's words run across (a spanning row, a footnote). */
export function crossings(line: string, starts: number[]): number {
  let n = 0;
  for (const w of wordsOf(line)) {
    for (let k = 1; k < starts.length; k++) if (w.x < starts[k]! - 1 && w.end > starts[k]! - 1) n++;
  }
  return n;
}

/**
 * Drops the boundary before every column whose header is empty: a channel inside a column
 * (short lines all ending before the same x) has no label above it. `labels` are per column.
 */
export function mergeUnlabelled(starts: number[], labels: string[]): number[] {
  const kept: number[] = [];
  starts.forEach((s, k) => {
    if (k === 0 || labels[k]!.trim() !== "") kept.push(s);
  });
  // An empty first column with a labelled second: the margin was cut off as a column.
  if (labels[0]!.trim() === "" && kept.length > 1) kept.splice(1, 1);
  return kept;
}
