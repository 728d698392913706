/** Geometry shared by the PDF helpers. Coordinates are page points, origin top-left, y growing down. */

export interface TextItem {
  str: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  width: number;
  /** Font size, which also serves as line height estimate. */
  size: number;
  bold: boolean;
  /** pdf.js font id, resolved to `bold` once the page's fonts are loaded. */
  font?: string;
  /** A footnote mark (small, raised number). */
  sup?: boolean;
}

/** A horizontal (y fixed) or vertical (x fixed) ruling line. */
export interface Segment {
  /** The fixed coordinate. */
  at: number;
  from: number;
  to: number;
}

export interface PageContent {
  page: number;
  width: number;
  height: number;
  items: TextItem[];
  horizontals: Segment[];
  verticals: Segment[];
}

/** One visual line of text within a region: items on one baseline, joined. */
export interface Line {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
  bold: boolean;
  /** Width of the first word, to tell a soft wrap from a hard break. */
  firstWordWidth: number;
  /** Footnote mark opening the line: the line starts a footnote's text. */
  mark?: string;
}

export const right = (item: TextItem): number => item.x + item.width;
