import type { RawDocument } from "../model.ts";
import { withoutClosing } from "./proseClosing.ts";
import { isFieldParagraph } from "./proseFields.ts";
import { cleanParagraph, folded, isAllCaps, startsLower } from "./proseText.ts";

/**
 * The outline of a directive's body: its paragraphs arranged under their headings. Vietnamese
 * directives number their parts I., II. (sections), 1., 2., 2.1., 2.1.1. (items), a), b) and
 * bullets "-", "+", "•". Roman and Arabic levels have a fixed order; letters and bullets nest in
 * the order a document first uses them, because authors mix "-" under "+" as freely as "+" under "-".
 */

export type MarkerType =
  | "root"
  | "roman"
  | "arabic"
  | "letter"
  | "paren"
  | "dash"
  | "plus"
  | "dot"
  | "auto"
  | "none";

export interface OutlineNode {
  type: MarkerType;
  /** The label as written: "II", "2.4", "a", "1" for "(1)"; null for bullets and plain paragraphs. */
  label: string | null;
  /** Levels in an Arabic label: 1 for "2.", 2 for "2.4.". */
  depth: number;
  /** Text after the marker. */
  text: string;
  children: OutlineNode[];
  /** A labelled attribute of its parent ("Thời gian hoàn thành: …"), not an item. */
  field: boolean;
}

const ROMAN = /^([IVX]{1,5})\s*[.):\-–]\s*(\S.*)$/;
const ROMAN_VALID = /^(X{0,2})(IX|IV|V?I{0,3})$/;
const ARABIC = /^(\d{1,2}(?:\.\d{1,2}){0,3})(\.|\)|\/)?\s+(\S.*)$/;
const LETTER = /^(?:([a-zđ])\s*[).]|\(([a-zđ])\))\s+(\S.*)$/;
const PAREN = /^\((\d{1,2})\)\s+(\S.*)$/;
const BULLET = /^([-–—+•●○▪◦*⁃➢►])\s*(\S.*)$/;

interface Marker {
  type: MarkerType;
  label: string | null;
  depth: number;
  text: string;
}

export function readMarker(text: string, bullet = false): Marker {
  const roman = ROMAN.exec(text);
  if (roman && ROMAN_VALID.test(roman[1]!) && roman[1] !== "") {
    return { type: "roman", label: roman[1]!, depth: 0, text: roman[2]! };
  }
  const arabic = ARABIC.exec(text);
  // "2.4 Đảng ủy …" needs no final dot, "2 Đảng ủy …" does: a bare number opening a sentence is a quantity.
  if (arabic && (arabic[2] || arabic[1]!.includes(".")) && /^[\p{Lu}"“(]/u.test(arabic[3]!)) {
    return { type: "arabic", label: arabic[1]!, depth: arabic[1]!.split(".").length, text: arabic[3]! };
  }
  const letter = LETTER.exec(text);
  if (letter) return { type: "letter", label: (letter[1] ?? letter[2])!, depth: 0, text: letter[3]! };
  const paren = PAREN.exec(text);
  if (paren) return { type: "paren", label: paren[1]!, depth: 0, text: paren[2]! };
  const mark = BULLET.exec(text);
  if (mark) {
    const ch = mark[1]!;
    const type: MarkerType = "-–—".includes(ch) ? "dash" : ch === "+" ? "plus" : "dot";
    return { type, label: null, depth: 0, text: mark[2]! };
  }
  if (bullet) return { type: "auto", label: null, depth: 0, text };
  return { type: "none", label: null, depth: 0, text };
}

interface Para {
  text: string;
  bullet: boolean;
  /** Something was left out just before (a footer, a table row): not a continuation line. */
  afterGap?: boolean;
}

const DATE_LINE = /^[\p{L}\s.\-–]{2,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(\d{4})/iu;
const NUMBER_LINE = /^Số\s*:?\s*\S*\d/;
const MOTTO = /^(cong hoa xa hoi chu nghia viet nam|doc lap - tu do - hanh phuc|dang cong san viet nam)/;
const BODY_START =
  /^(kinh gui|can cu|thuc hien|ngay \d|theo |sang |chieu |vua qua|trong |de |nham |giao |de nghi |yeu cau |tai |qua )/;

export interface Body {
  paragraphs: Para[];
  /** The "Số …" line of the first page, to tell the document's own number from the ones it cites. */
  numberLine: string | null;
  /** Year of the place-and-date line, for dates written without a year. */
  year?: number;
}

/**
 * The part of the document that can assign work: after the first-page header (issuer, number,
 * motto, place and date, title) and the "Kính gửi" list, before "Nơi nhận" and the signature.
 * An appendix that follows the signature is read again.
 */
export function documentBody(doc: RawDocument): Body {
  const all: Para[] = [];
  let gap = false;
  for (const block of doc.blocks) {
    // Tables, and table rows flattened into tab-separated text, are the table interpreter's.
    if (block.kind !== "paragraph" || block.text.includes("\t")) {
      gap = true;
      continue;
    }
    const text = cleanParagraph(block.text);
    if (text === "" || /^[-–\s]*\d{1,3}[-–\s]*$/.test(text) || /^[-–_*=.\s]+$/.test(text)) continue;
    all.push({ text, bullet: block.bullet === true, afterGap: gap });
    gap = false;
  }

  let numberLine: string | null = null;
  let year: number | undefined;
  let start = 0;
  const headerScan = Math.min(all.length, 25);
  for (let i = 0; i < headerScan; i++) {
    const text = all[i]!.text;
    const type = readMarker(text).type;
    if (/^(kinh gui|noi nhan)\b/.test(folded(text)) || type === "roman" || type === "arabic") break;
    if (NUMBER_LINE.test(text)) numberLine ??= text;
    const date = DATE_LINE.exec(text);
    if (date) year ??= Number(date[1]);
    if (DATE_LINE.test(text) || NUMBER_LINE.test(text) || MOTTO.test(folded(text))) start = i + 1;
  }
  // The title (one or a few lines after the date) ends where sentences or numbered items begin.
  if (start > 0) {
    let skipped = 0;
    while (start < all.length && skipped < 6 && !looksLikeBody(all[start]!)) {
      start++;
      skipped++;
    }
  }

  // The body before "Nơi nhận", and an appendix after the signature, each end on their own.
  const parts: Para[][] = [];
  let out: Para[] = [];
  let inRecipients = false;
  let afterSignature = false;
  let gapBefore = false;
  for (let i = start; i < all.length; i++) {
    const para = all[i]!;
    const f = folded(para.text);
    if (out.length > 0 && (para.afterGap || gapBefore)) para.afterGap = true;
    gapBefore = true;
    if (afterSignature) {
      if (/^phu luc\b/.test(f)) {
        afterSignature = false;
        const next = all[i + 1];
        if (next && /^\((ban hanh )?kem theo/.test(folded(next.text))) i++;
      }
      continue;
    }
    if (/^noi nhan\b/.test(f)) {
      afterSignature = true;
      parts.push(out);
      out = [];
      continue;
    }
    if (/^kinh gui\b/.test(f)) {
      inRecipients = true;
      continue;
    }
    if (inRecipients) {
      const prev = all[i - 1]!.text;
      const listItem = /^[-–+•]/.test(para.text) || para.bullet || /[,;:]$/.test(prev);
      if (listItem && para.text.length < 200 && !/^(can cu|thuc hien|theo)\b/.test(f)) continue;
      inRecipients = false;
    }
    // The closing paragraph ("Trên đây là …") sums up; it assigns nothing new. An appendix's title
    // and "(Ban hành kèm theo …)" line name the document, not work.
    if (/^tren day (la|ban chi dao|uy ban|ubnd)/.test(f)) continue;
    if (/^phu luc\b/.test(f) || /^\((ban hanh )?kem theo\b/.test(f)) continue;
    out.push(para);
    gapBefore = false;
  }
  parts.push(out);
  const unnumbered = (para: Para) => readMarker(para.text, para.bullet).type === "none";
  const paragraphs = parts.flatMap((part) => withoutClosing(mergeContinuations(part), unnumbered, year));
  return { paragraphs, numberLine, year };
}

function looksLikeBody(para: Para): boolean {
  if (readMarker(para.text, para.bullet).type !== "none") return true;
  if (/[.;:!?]$/.test(para.text)) return true;
  return BODY_START.test(folded(para.text));
}

/** A line ending on a word that cannot end a sentence or a heading ("… Chương trình hành động của"). */
const DANGLING =
  /\s(của|và|các|với|theo|về|cho|tại|trong|để|những|được|là|có|đến|từ|trên|hoặc|nhằm|số|ngày)$/u;

/**
 * A sentence broken across lines (pasted PDF text, a page break, a manual line break in Word)
 * arrives as several paragraphs. A line that opens in lower case, or follows a long line with no
 * closing punctuation, continues the one before.
 */
function mergeContinuations(paras: Para[]): Para[] {
  const out: Para[] = [];
  for (const para of paras) {
    const prev = out[out.length - 1];
    const marker = readMarker(para.text, para.bullet);
    const continues =
      prev !== undefined &&
      !para.afterGap &&
      marker.type === "none" &&
      !isFieldParagraph(para.text) &&
      !/^(noi nhan|kinh gui|phu luc)\b/.test(folded(para.text)) &&
      (startsLower(para.text) ||
        DANGLING.test(prev.text) ||
        (prev.text.length >= 80 && !/[.;:!?]$/.test(prev.text) && !isAllCaps(prev.text)));
    if (continues) prev.text = `${prev.text} ${para.text}`;
    else out.push({ ...para });
  }
  return out;
}

const DYNAMIC: MarkerType[] = ["letter", "paren", "dash", "plus", "dot", "auto"];

/** Arranges paragraphs under their headings. Plain paragraphs belong to the nearest numbered heading. */
export function buildOutline(paras: Para[]): OutlineNode {
  const root: OutlineNode = { type: "root", label: null, depth: 0, text: "", children: [], field: false };
  const stack: OutlineNode[] = [root];
  const top = () => stack[stack.length - 1]!;

  for (const para of paras) {
    const marker = readMarker(para.text, para.bullet);
    const node: OutlineNode = { ...marker, children: [], field: isFieldParagraph(marker.text) };
    if (marker.type === "roman") {
      stack.length = 1;
    } else if (marker.type === "arabic") {
      while (
        stack.length > 1 &&
        !(top().type === "roman" || (top().type === "arabic" && top().depth < marker.depth))
      ) {
        stack.pop();
      }
    } else if (marker.type === "none") {
      while (
        stack.length > 1 &&
        top().type !== "roman" &&
        top().type !== "arabic" &&
        top().type !== "letter"
      ) {
        stack.pop();
      }
      top().children.push(node);
      continue;
    } else {
      // Letters sit above bullets; a marker already open is a sibling, a new one a child.
      if (marker.type === "letter") {
        while (stack.length > 1 && DYNAMIC.includes(top().type) && top().type !== "letter") stack.pop();
      }
      const open = stack.findIndex((n) => n.type === marker.type);
      if (open > 0) stack.length = open;
    }
    if (node.field) {
      // A field line never opens a level: the next item is its parent's sibling, not its child.
      top().children.push(node);
      continue;
    }
    top().children.push(node);
    stack.push(node);
  }
  return root;
}
