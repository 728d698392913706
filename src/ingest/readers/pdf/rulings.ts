import type { Segment } from "./types.ts";

/**
 * Ruling lines from a page's operator list. Word and LibreOffice draw cell borders as stroked
 * lines or as thin filled rectangles; both become axis-aligned segments in page coordinates.
 * Curves, big filled areas (cell shading) and clipping paths are ignored.
 */

type Matrix = [number, number, number, number, number, number];

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[][];
}

export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

// pdf.js path buffer codes (DrawOPS).
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** Thicker than this, a filled rectangle is an area (shading), not a border. */
const MAX_RULE_THICKNESS = 2.5;
const MIN_RULE_LENGTH = 3;

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

export interface Rulings {
  horizontals: Segment[];
  verticals: Segment[];
}

export function extractRulings(ops: OperatorList, codes: OpCodes, viewport: Matrix): Rulings {
  const horizontals: Segment[] = [];
  const verticals: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = viewport;
  const strokeOps = new Set([codes.stroke, codes.closeStroke, codes.fillStroke, codes.eoFillStroke]);
  strokeOps.add(codes.closeFillStroke).add(codes.closeEOFillStroke);
  const fillOps = new Set([codes.fill, codes.eoFill]);

  const addLine = (x1: number, y1: number, x2: number, y2: number): void => {
    if (Math.abs(y1 - y2) < 0.5 && Math.abs(x1 - x2) >= MIN_RULE_LENGTH) {
      horizontals.push({ at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
    } else if (Math.abs(x1 - x2) < 0.5 && Math.abs(y1 - y2) >= MIN_RULE_LENGTH) {
      verticals.push({ at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
    }
  };

  const addFilledBox = (points: [number, number][]): void => {
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const axisAligned = points.every(([x, y]) => near(x, x1, x2) && near(y, y1, y2));
    if (!axisAligned) return;
    if (y2 - y1 <= MAX_RULE_THICKNESS && x2 - x1 >= MIN_RULE_LENGTH)
      addLine(x1, (y1 + y2) / 2, x2, (y1 + y2) / 2);
    else if (x2 - x1 <= MAX_RULE_THICKNESS && y2 - y1 >= MIN_RULE_LENGTH) {
      addLine((x1 + x2) / 2, y1, (x1 + x2) / 2, y2);
    }
  };

  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    if (fn === codes.save) stack.push(ctm);
    else if (fn === codes.restore) ctm = stack.pop() ?? ctm;
    else if (fn === codes.transform && args) ctm = multiply(args as unknown as Matrix, ctm);
    else if (fn === codes.paintFormXObjectBegin && args) {
      stack.push(ctm);
      const matrix = args[0] as Matrix | null;
      if (matrix) ctm = multiply(matrix, ctm);
    } else if (fn === codes.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === codes.constructPath && args) {
      const paint = args[0] as number;
      const stroked = strokeOps.has(paint);
      const filled = fillOps.has(paint);
      if (!stroked && !filled) continue;
      const buffer = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!buffer) continue;
      for (const sub of subpaths(buffer, ctm)) {
        if (stroked) {
          for (let k = 1; k < sub.points.length; k++) {
            const a = sub.points[k - 1]!;
            const b = sub.points[k]!;
            addLine(a[0], a[1], b[0], b[1]);
          }
          if (sub.closed && sub.points.length > 2) {
            const a = sub.points[sub.points.length - 1]!;
            const b = sub.points[0]!;
            addLine(a[0], a[1], b[0], b[1]);
          }
        } else if (!sub.curved && sub.points.length >= 2) {
          addFilledBox(sub.points);
        }
      }
    }
  }
  return { horizontals, verticals };
}

const near = (v: number, a: number, b: number): boolean => Math.abs(v - a) < 0.5 || Math.abs(v - b) < 0.5;

interface Subpath {
  points: [number, number][];
  closed: boolean;
  curved: boolean;
}

function subpaths(buffer: ArrayLike<number>, ctm: Matrix): Subpath[] {
  const out: Subpath[] = [];
  let current: Subpath | null = null;
  let i = 0;
  while (i < buffer.length) {
    const code = buffer[i++];
    if (code === MOVE) {
      current = { points: [apply(ctm, buffer[i]!, buffer[i + 1]!)], closed: false, curved: false };
      out.push(current);
      i += 2;
    } else if (code === LINE) {
      const point = apply(ctm, buffer[i]!, buffer[i + 1]!);
      if (current) current.points.push(point);
      i += 2;
    } else if (code === CURVE || code === QUAD) {
      // A curve breaks the straight run: what follows starts from the curve's end point.
      const n = code === CURVE ? 6 : 4;
      if (current) current.curved = true;
      current = { points: [apply(ctm, buffer[i + n - 2]!, buffer[i + n - 1]!)], closed: false, curved: true };
      out.push(current);
      i += n;
    } else if (code === CLOSE) {
      if (current) current.closed = true;
    } else {
      break;
    }
  }
  return out;
}
