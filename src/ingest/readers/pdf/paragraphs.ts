import type { RawBlock } from "../../model.ts";
import { asListItem } from "../cellText.ts";
import { buildLines, lineBreak, type Measure, startsBullet, startsListItem } from "./lines.ts";
import type { Line, TextItem } from "./types.ts";

/**
 * Running text outside tables, as paragraphs. Lines are chained into a paragraph when the next
 * line sits right below, overlaps horizontally and continues a soft wrap; a blank gap, an indent,
 * a change of size or weight, or a line that ended early starts a new paragraph.
 */

/** Gap, in font sizes, that separates the columns of a letterhead from each other. */
const COLUMN_GAP = 2.5;
/** Widest line pitch (in font sizes) still read as the next line of the same paragraph. */
const MAX_PITCH = 1.9;

export interface PlacedBlock {
  /** Top of the block, to interleave paragraphs with tables in reading order. */
  top: number;
  block: RawBlock;
  /** The paragraph is a footnote's text, opened by this mark. */
  footnote?: string;
}

interface Para {
  lines: Line[];
  left: number;
  right: number;
}

/**
 * Two lines centred on one axis: both indented, or (a centred title that wraps) a first line as
 * wide as the text column over a shorter one.
 */
const isCentredPair = (a: Line, b: Line, measure: Measure): boolean => {
  if (Math.abs((a.left + a.right) / 2 - (b.left + b.right) / 2) >= Math.max(a.size, 4)) return false;
  if (b.left <= measure.left + 2 * b.size) return false;
  if (a.left > measure.left + 2 * a.size) return true;
  return a.bold && b.bold && a.right >= measure.right - a.size;
};

const isCapitals = (text: string): boolean =>
  !/\p{Ll}/u.test(text) && (text.match(/\p{Lu}{2,}/gu)?.length ?? 0) >= 2;

function continues(para: Para, line: Line, measure: Measure): boolean {
  const prev = para.lines[para.lines.length - 1]!;
  const pitch = line.y - prev.y;
  if (pitch <= 0 || pitch > MAX_PITCH * Math.max(prev.size, line.size)) return false;
  if (Math.abs(line.size - prev.size) > 0.15 * prev.size || line.bold !== prev.bold) return false;
  if (line.right < para.left || line.left > para.right) return false;
  if (startsListItem(line.text) || line.mark) return false;
  // Headings of official documents are set in capitals; a capital line does not continue a
  // sentence in lower case, nor the other way round.
  if (isCapitals(line.text) !== isCapitals(prev.text)) return false;
  if (isCentredPair(prev, line, measure)) {
    return lineBreak(prev, line, { ...measure, centred: true }) !== "\n";
  }
  // A first-line indent after a full line opens a paragraph.
  if (line.left > prev.left + prev.size) return false;
  // Lines of a narrow column (letterhead) are measured against their own column.
  const own: Measure =
    prev.left > measure.left + 2 * prev.size
      ? { left: para.left, right: para.right, centred: false }
      : measure;
  return lineBreak(prev, line, own) !== "\n";
}

function toBlock(para: Para, page: number): PlacedBlock {
  let text = "";
  const lines = para.lines;
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) {
      const glue = lineBreak(lines[i - 1]!, lines[i]!, {
        left: para.left,
        right: para.right,
        centred: false,
      });
      text += glue === "\n" ? " " : glue;
    }
    text += lines[i]!.text;
  }
  const first = lines[0]!;
  const block: RawBlock = { kind: "paragraph", text, page };
  if (startsBullet(text)) {
    block.text = asListItem(text);
    block.bullet = true;
  }
  if (lines.every((line) => line.bold)) block.bold = true;
  const placed: PlacedBlock = { top: first.y - first.size, block };
  if (first.mark) placed.footnote = first.mark;
  return placed;
}

export function paragraphs(items: TextItem[], page: number, measure: Measure): PlacedBlock[] {
  const lines = buildLines(items, COLUMN_GAP);
  const open: Para[] = [];
  const done: Para[] = [];
  for (const line of lines) {
    // Paragraphs whose last line is far above can take no more lines.
    // Closed in the order they were opened: paragraphs side by side (letterhead columns) on one
    // baseline keep their left-to-right order.
    const closed = open.filter((para) => {
      const last = para.lines[para.lines.length - 1]!;
      return line.y - last.y > MAX_PITCH * Math.max(last.size, line.size);
    });
    done.push(...closed);
    for (const para of closed) open.splice(open.indexOf(para), 1);
    const para = open.find((candidate) => continues(candidate, line, measure));
    if (para) {
      para.lines.push(line);
      para.left = Math.min(para.left, line.left);
      para.right = Math.max(para.right, line.right);
    } else {
      open.push({ lines: [line], left: line.left, right: line.right });
    }
  }
  done.push(...open);
  return done.map((para) => toBlock(para, page));
}

/** The text column of a page: where most lines start and the farthest they reach. */
export function pageMeasure(items: TextItem[]): Measure {
  if (items.length === 0) return { left: 0, right: 0, centred: false };
  const lines = buildLines(items, COLUMN_GAP);
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(Math.round(line.left), (counts.get(Math.round(line.left)) ?? 0) + 1);
  const commonLeft = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const left = Math.min(commonLeft, ...lines.map((line) => line.left).filter((x) => x > commonLeft - 40));
  const rightEdge = Math.max(...lines.map((line) => line.right));
  return { left, right: rightEdge, centred: false };
}
