import type { Segment } from "./types.ts";

/**
 * Table grids from ruling lines. Lines that touch each other form one table; the distinct x of its
 * vertical lines are the column boundaries and the distinct y of its horizontal lines the row
 * boundaries. A boundary missing inside the grid means a merged cell.
 */

/** Lines closer than this are one line (double borders, rounding of thin rectangles). */
const SAME_LINE = 2;
/** How far apart two lines may be and still be taken to touch. */
const TOUCH = 2.5;

export interface Grid {
  /** Column boundaries, left to right (columns = xs.length - 1). */
  xs: number[];
  /** Row boundaries, top to bottom (rows = ys.length - 1). */
  ys: number[];
  /** Is there a border on the left of column `col` (1 ≤ col < columns) within row `row`? */
  hasVertical(row: number, col: number): boolean;
  /** Is there a border above row `row` (1 ≤ row < rows) within column `col`? */
  hasHorizontal(row: number, col: number): boolean;
}

/** Collinear pieces (one per cell edge, as Word draws them) become one segment. */
export function mergeSegments(segments: Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.at - b.at || a.from - b.from);
  const rows: Segment[][] = [];
  for (const segment of sorted) {
    const row = rows[rows.length - 1];
    if (row && segment.at - row[0]!.at <= SAME_LINE) row.push(segment);
    else rows.push([segment]);
  }
  const merged: Segment[] = [];
  for (const row of rows) {
    const at = row.reduce((sum, s) => sum + s.at, 0) / row.length;
    const pieces = row.sort((a, b) => a.from - b.from);
    let current: Segment | null = null;
    for (const piece of pieces) {
      if (current && piece.from <= current.to + TOUCH) current.to = Math.max(current.to, piece.to);
      else {
        current = { at, from: piece.from, to: piece.to };
        merged.push(current);
      }
    }
  }
  return merged;
}

const touches = (h: Segment, v: Segment): boolean =>
  v.at >= h.from - TOUCH && v.at <= h.to + TOUCH && h.at >= v.from - TOUCH && h.at <= v.to + TOUCH;

/** Distinct positions, averaged within SAME_LINE. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const value of sorted) {
    const group = out[out.length - 1];
    if (group && value - group[group.length - 1]! <= SAME_LINE * 1.5) group.push(value);
    else out.push([value]);
  }
  return out.map((group) => group.reduce((a, b) => a + b, 0) / group.length);
}

export function findGrids(horizontalsIn: Segment[], verticalsIn: Segment[]): Grid[] {
  const horizontals = mergeSegments(horizontalsIn);
  const verticals = mergeSegments(verticalsIn);
  const parent = [...horizontals, ...verticals].map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  horizontals.forEach((h, i) => {
    verticals.forEach((v, j) => {
      if (touches(h, v)) parent[find(i)] = find(horizontals.length + j);
    });
  });
  const components = new Map<number, { h: Segment[]; v: Segment[] }>();
  horizontals.forEach((h, i) => {
    const root = find(i);
    const entry = components.get(root) ?? { h: [], v: [] };
    entry.h.push(h);
    components.set(root, entry);
  });
  verticals.forEach((v, j) => {
    const root = find(horizontals.length + j);
    const entry = components.get(root) ?? { h: [], v: [] };
    entry.v.push(v);
    components.set(root, entry);
  });
  const grids: Grid[] = [];
  for (const { h, v } of components.values()) {
    if (h.length < 2 || v.length < 2) continue;
    const grid = buildGrid(h, v);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => a.ys[0]! - b.ys[0]!);
}

function buildGrid(h: Segment[], v: Segment[]): Grid | null {
  // Outer edges count even where a table has no outer border.
  const left = Math.min(...h.map((s) => s.from));
  const rightEdge = Math.max(...h.map((s) => s.to));
  const top = Math.min(...v.map((s) => s.from));
  const bottom = Math.max(...v.map((s) => s.to));
  const xs = cluster([left, rightEdge, ...v.map((s) => s.at)]);
  const ys = cluster([top, bottom, ...h.map((s) => s.at)]);
  if (xs.length < 2 || ys.length < 2) return null;
  const covers = (segments: Segment[], at: number, mid: number): boolean =>
    segments.some(
      (s) => Math.abs(s.at - at) <= SAME_LINE * 1.5 && s.from - TOUCH <= mid && s.to + TOUCH >= mid,
    );
  return {
    xs,
    ys,
    hasVertical: (row, col) => covers(v, xs[col]!, (ys[row]! + ys[row + 1]!) / 2),
    hasHorizontal: (row, col) => covers(h, ys[row]!, (xs[col]! + xs[col + 1]!) / 2),
  };
}
