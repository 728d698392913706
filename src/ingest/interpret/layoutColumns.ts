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
 * than two columns. No boundary cuts a word of the `solid` lines (the header's: a label sits
 * inside its cell, however few lines its column has below).
 */
export function findColumnStarts(lines: string[], solid: string[] = []): number[] | null {
  const filled = lines.filter((l) => l.trim() !== "");
  if (filled.length === 0) return null;
  const width = Math.max(...filled.map((l) => l.trimEnd().length));
  const occupied = new Array<number>(width + 1).fill(0);
  const starts = new Array<number>(width + 1).fill(0);
  // Words opening after two blanks or more: where a cell's text plainly begins.
  const opened = new Array<number>(width + 1).fill(0);
  for (const line of filled) {
    for (const w of wordsOf(line)) {
      starts[w.x]!++;
      if (w.x < 2 || line.slice(w.x - 2, w.x) === "  ") opened[w.x]!++;
      for (let x = w.x; x < w.end; x++) occupied[x]!++;
    }
  }
  const tolerance = Math.floor(filled.length * CROSSING_SHARE);
  const blocked = new Array<boolean>(width + 1).fill(false);
  for (const line of solid)
    for (const w of wordsOf(line)) for (let x = w.x; x < w.end; x++) blocked[x] = true;
  const free = (x: number) => occupied[x]! <= tolerance && !blocked[x];
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
    // A column of a few short cells hides inside a run the few crossing lines leave free: it
    // starts where two blank characters on every line are followed by words on several.
    for (let p = x + 2; p < end; p++) {
      if (occupied[p - 1] === 0 && occupied[p - 2] === 0 && occupied[p]! > 0 && starts[p]! >= 2)
        result.push(p);
    }
    const wide = end - x >= 2;
    // One blank character is a boundary only when no line at all crosses it.
    const clear = wide || occupied.slice(x, end).every((n) => n === 0);
    // …and only where some lines show the column's left edge plainly ("Sở Nội vụ" over "Sở Y tế"
    // leaves a channel after "Sở" that no cell opens at).
    if (wide || (clear && starts[end]! >= NARROW_STARTS && opened[end]! >= 2)) result.push(end);
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

/** How far left of its column's start a cell may begin: pdftotext rounds x line by line. */
const START_SLACK = 2;

/** Words of a line shared out among the columns, each column's words joined by a space. */
export function lineCells(line: string, starts: number[]): string[] {
  const cells: string[][] = starts.map(() => []);
  let previousEnd = -2;
  for (const w of wordsOf(line)) {
    let k = columnOf(starts, w.x);
    // A piece after two spaces or more opens a cell: it may sit a little left of its column.
    const opens = w.x - previousEnd >= 2;
    if (opens && k + 1 < starts.length && w.x >= starts[k + 1]! - START_SLACK) k++;
    cells[k]!.push(w.text);
    previousEnd = w.end;
  }
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

/** How many of `lines` start a word at each x. */
export function wordStarts(lines: string[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const line of lines) for (const w of wordsOf(line)) counts.set(w.x, (counts.get(w.x) ?? 0) + 1);
  return counts;
}

/**
 * Joins every column whose header is empty to a neighbour: a channel inside a column (short
 * lines all ending before the same x) has no label above it. Cells are written from their left
 * edge, so of the two starts the one more lines begin at is the column's own. `labels` are per
 * column; `counts` from wordStarts.
 */
export function mergeUnlabelled(starts: number[], labels: string[], counts: Map<number, number>): number[] {
  const kept = [...starts];
  const named = [...labels];
  let k = 0;
  while (k < kept.length && kept.length > 1) {
    if (named[k]!.trim() !== "") {
      k++;
      continue;
    }
    const right = k + 1 < kept.length && named[k + 1]!.trim() !== "";
    const own = counts.get(kept[k]!) ?? 0;
    const next = right ? (counts.get(kept[k + 1]!) ?? 0) : -1;
    if (k === 0 || (right && own >= next)) {
      // The column starts here; its label sits further right.
      if (k + 1 >= kept.length) break;
      kept.splice(k + 1, 1);
      named.splice(k, 2, named[k + 1]!);
    } else {
      kept.splice(k, 1);
      named.splice(k, 1);
    }
  }
  kept[0] = 0;
  return kept;
}
