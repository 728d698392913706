import type { RawCell, RawRow } from "../../model.ts";
import { toCellLines } from "../cellText.ts";
import type { Grid } from "./grid.ts";
import { buildLines, joinLines, measureIn } from "./lines.ts";
import { right, type TextItem } from "./types.ts";

/** Rows of a ruled table: text items placed in the grid cells, merged cells resolved. */

const findIndex = (bounds: number[], value: number): number => {
  for (let i = 0; i < bounds.length - 1; i++) if (value < bounds[i + 1]!) return i;
  return bounds.length - 2;
};

/** Vertical centre of an item's glyphs (the baseline sits near the bottom). */
const middle = (item: TextItem): number => item.y - 0.3 * item.size;

export function inGrid(grid: Grid, item: TextItem): boolean {
  const x = item.x + item.width / 2;
  const y = middle(item);
  return (
    x >= grid.xs[0]! &&
    x <= grid.xs[grid.xs.length - 1]! &&
    y >= grid.ys[0]! &&
    y <= grid.ys[grid.ys.length - 1]!
  );
}

/**
 * Splits an item that runs across a column border (some producers emit a whole table line as
 * one run), cutting at the whitespace nearest the border, with glyph positions estimated
 * proportionally.
 */
function splitAtBorders(item: TextItem, grid: Grid, row: number): TextItem[] {
  const cuts = grid.xs
    .slice(1, -1)
    .map((x, i) => ({ x, col: i + 1 }))
    .filter(({ x, col }) => x > item.x + 1.5 && x < right(item) - 1.5 && grid.hasVertical(row, col));
  if (cuts.length === 0 || item.str.length < 2) return [item];
  const perChar = item.width / item.str.length;
  const pieces: TextItem[] = [];
  let start = 0;
  for (const { x } of cuts) {
    let index = Math.round((x - item.x) / perChar);
    const space = item.str.lastIndexOf(" ", index);
    if (space > start && index - space < 4) index = space;
    if (index <= start || index >= item.str.length) continue;
    pieces.push({
      ...item,
      str: item.str.slice(start, index),
      x: item.x + start * perChar,
      width: (index - start) * perChar,
    });
    start = index;
  }
  pieces.push({
    ...item,
    str: item.str.slice(start),
    x: item.x + start * perChar,
    width: (item.str.length - start) * perChar,
  });
  return pieces.filter((piece) => piece.str.trim() !== "");
}

export interface GridTable {
  rows: RawRow[];
  /** Footnote marks found in each cell. */
  marks: Map<RawCell, string[]>;
}

export function gridRows(grid: Grid, items: TextItem[], page: number): GridTable {
  const rows = grid.ys.length - 1;
  const cols = grid.xs.length - 1;
  // Union-find over grid cells: a missing border between two cells merges them.
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number): void => {
    const [ra, rb] = [find(a), find(b)];
    // The top-left cell stays the root, so that a merged cell's text belongs to its first row.
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c > 0 && !grid.hasVertical(r, c)) union(r * cols + c - 1, r * cols + c);
      if (r > 0 && !grid.hasHorizontal(r, c)) union((r - 1) * cols + c, r * cols + c);
    }
  }
  const texts = new Map<number, TextItem[]>();
  const rootMarks = new Map<number, string[]>();
  for (const item of items) {
    const row = findIndex(grid.ys, middle(item));
    for (const piece of splitAtBorders(item, grid, row)) {
      const col = findIndex(grid.xs, piece.x + piece.width / 2);
      const root = find(row * cols + col);
      if (piece.sup) rootMarks.set(root, [...(rootMarks.get(root) ?? []), piece.str.trim()]);
      const list = texts.get(root) ?? [];
      list.push(piece);
      texts.set(root, list);
    }
  }
  const cellText = new Map<number, string>();
  for (const [root, list] of texts) {
    const lines = buildLines(list);
    if (lines.length === 0) continue;
    let lastCol = root % cols;
    for (let c = lastCol + 1; c < cols && find(Math.floor(root / cols) * cols + c) === root; c++) lastCol = c;
    const measure = measureIn(lines, grid.xs[root % cols]!, grid.xs[lastCol + 1]!, true);
    cellText.set(root, toCellLines(joinLines(lines, measure).split("\n")).join("\n"));
  }
  const out: RawRow[] = [];
  const marks = new Map<RawCell, string[]>();
  for (let r = 0; r < rows; r++) {
    const cells: RawRow["cells"] = [];
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      if (Math.floor(root / cols) < r) {
        cells.push({ text: "", mergedFromAbove: true });
        continue;
      }
      const cell = { text: cellText.get(root) ?? "" };
      const cellMarks = rootMarks.get(root);
      if (cellMarks) marks.set(cell, cellMarks);
      cells.push(cell);
    }
    if (cells.some((cell) => cell.text !== "")) out.push({ cells, page });
  }
  return { rows: out, marks };
}
