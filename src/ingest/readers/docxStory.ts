import type { ListRef, Styles } from "./docxStyles.ts";
import { attr, intAttr, isOn, parseXml, type Tag } from "./ooxml.ts";

/**
 * One streaming pass over a WordprocessingML story (document.xml, footnotes.xml, endnotes.xml) that
 * builds a small tree of paragraphs and tables. Turning the tree into blocks is a separate step
 * because list labels and merged cells can only be settled once the surrounding structure is known.
 */

export interface Segment {
  text: string;
  bold: boolean;
}

export interface Para {
  kind: "p";
  segments: Segment[];
  styleId?: string;
  list?: ListRef;
  /** "f:3" for footnote 3, "e:1" for endnote 1, in order of reference. */
  noteRefs: string[];
  /** Text boxes anchored in this paragraph; Word shows them beside it, we read them first. */
  inner: StoryNode[];
}

export interface Cell {
  content: StoryNode[];
  span: number;
  vMerge?: "restart" | "continue";
  hMergeContinue?: boolean;
}

export interface Row {
  cells: Cell[];
  before: number;
  after: number;
}

export interface Table {
  kind: "tbl";
  rows: Row[];
  gridCols: number;
}

export type StoryNode = Para | Table;

/** Subtrees whose text Word does not show: deletions, old formatting kept by track changes. */
const SKIPPED = new Set([
  "w:del",
  "w:moveFrom",
  "w:rPrChange",
  "w:pPrChange",
  "w:tblPrChange",
  "w:trPrChange",
  "w:tcPrChange",
  "w:sectPrChange",
  "w:numberingChange",
]);

/** Symbol-font code points Word stores in w:sym that matter in plans (comparators for targets). */
const SYMBOLS: Record<string, string> = {
  F0B3: "≥",
  F0A3: "≤",
  F03E: ">",
  F03C: "<",
  F0B1: "±",
  F02D: "-",
  F0AE: "→",
};

interface RunState {
  bold?: boolean;
  style?: string;
  hidden: boolean;
}

export interface Story {
  body: StoryNode[];
  /** Notes by "f:id" / "e:id" (filled only when parsing footnotes.xml or endnotes.xml). */
  notes: Map<string, StoryNode[]>;
}

export function parseStory(xml: string, styles: Styles, part: string): Story {
  const body: StoryNode[] = [];
  const notes = new Map<string, StoryNode[]>();
  const containers: StoryNode[][] = [body];
  const paras: Para[] = [];
  const tables: Table[] = [];
  const rows: Row[] = [];
  const cells: Cell[] = [];
  const path: string[] = [];
  const choiceTaken: boolean[] = [];
  let skip = 0;
  let inText = false;
  let run: RunState | undefined;

  const top = <T>(stack: T[]): T | undefined => stack[stack.length - 1];

  const append = (text: string) => {
    const para = top(paras);
    if (!para || run?.hidden) return;
    const bold = run ? styles.runBold(run.bold, run.style, para.styleId) : false;
    const last = para.segments[para.segments.length - 1];
    if (last && last.bold === bold) last.text += text;
    else para.segments.push({ text, bold });
  };

  const openCell = (tag: Tag, key: string, parent: string | undefined) => {
    const cell = top(cells);
    if (!cell || parent !== "w:tcPr") return;
    if (key === "w:gridSpan") cell.span = Math.max(1, intAttr(tag, "val") ?? 1);
    else if (key === "w:vMerge") cell.vMerge = attr(tag, "val") === "restart" ? "restart" : "continue";
    else if (key === "w:hMerge") cell.hMergeContinue = attr(tag, "val") !== "restart";
  };

  const open = (tag: Tag, key: string) => {
    if (skip > 0) {
      skip++;
      return;
    }
    const parent = top(path);
    if (SKIPPED.has(key)) {
      skip = 1;
      return;
    }
    switch (key) {
      case "mc:AlternateContent":
        choiceTaken.push(false);
        break;
      case "mc:Choice":
      case "mc:Fallback":
        // Word writes the same content twice (modern choice + legacy fallback); read it once.
        if (choiceTaken[choiceTaken.length - 1]) {
          skip = 1;
          return;
        }
        choiceTaken[choiceTaken.length - 1] = true;
        break;
      case "w:footnote":
      case "w:endnote": {
        const type = attr(tag, "type");
        if (type && type !== "normal") {
          skip = 1;
          return;
        }
        const nodes: StoryNode[] = [];
        notes.set(`${key === "w:footnote" ? "f" : "e"}:${attr(tag, "id")}`, nodes);
        containers.push(nodes);
        break;
      }
      case "w:p": {
        const para: Para = { kind: "p", segments: [], noteRefs: [], inner: [] };
        top(containers)?.push(para);
        paras.push(para);
        break;
      }
      case "w:txbxContent":
        containers.push(top(paras)?.inner ?? top(containers) ?? body);
        break;
      case "w:tbl": {
        const table: Table = { kind: "tbl", rows: [], gridCols: 0 };
        top(containers)?.push(table);
        tables.push(table);
        break;
      }
      case "w:gridCol": {
        const table = top(tables);
        if (table && parent === "w:tblGrid") table.gridCols++;
        break;
      }
      case "w:tr": {
        const row: Row = { cells: [], before: 0, after: 0 };
        top(tables)?.rows.push(row);
        rows.push(row);
        break;
      }
      case "w:gridBefore":
      case "w:gridAfter": {
        const row = top(rows);
        if (row && parent === "w:trPr")
          row[key === "w:gridBefore" ? "before" : "after"] = intAttr(tag, "val") ?? 0;
        break;
      }
      case "w:tc": {
        const cell: Cell = { content: [], span: 1 };
        top(rows)?.cells.push(cell);
        cells.push(cell);
        containers.push(cell.content);
        break;
      }
      case "w:gridSpan":
      case "w:vMerge":
      case "w:hMerge":
        openCell(tag, key, parent);
        break;
      case "w:pStyle":
        if (parent === "w:pPr") {
          const para = top(paras);
          if (para) para.styleId = attr(tag, "val");
        }
        break;
      case "w:numId":
      case "w:ilvl": {
        const para = top(paras);
        if (para && parent === "w:numPr" && path[path.length - 2] === "w:pPr") {
          para.list ??= {};
          if (key === "w:numId") para.list.numId = attr(tag, "val");
          else para.list.ilvl = intAttr(tag, "val");
        }
        break;
      }
      case "w:r":
        run = { hidden: false };
        break;
      case "w:b":
      case "w:rStyle":
      case "w:vanish":
        if (run && parent === "w:rPr" && path[path.length - 2] === "w:r") {
          if (key === "w:b") run.bold = isOn(tag);
          else if (key === "w:rStyle") run.style = attr(tag, "val");
          else run.hidden = isOn(tag);
        }
        break;
      case "w:t":
      case "m:t":
        inText = true;
        break;
      case "w:tab":
      case "w:ptab":
        if (parent === "w:r") append("\t");
        break;
      case "w:br":
      case "w:cr":
        append("\n");
        break;
      case "w:noBreakHyphen":
        append("-");
        break;
      case "w:sym": {
        const code = (attr(tag, "char") ?? "").toUpperCase();
        const mapped = SYMBOLS[code] ?? SYMBOLS[`F0${code.slice(-2)}`];
        if (mapped) append(mapped);
        break;
      }
      case "w:footnoteReference":
      case "w:endnoteReference":
        top(paras)?.noteRefs.push(`${key === "w:footnoteReference" ? "f" : "e"}:${attr(tag, "id")}`);
        break;
    }
    path.push(key);
  };

  const close = (_tag: Tag, key: string) => {
    if (skip > 0) {
      skip--;
      return;
    }
    path.pop();
    switch (key) {
      case "mc:AlternateContent":
        choiceTaken.pop();
        break;
      case "w:footnote":
      case "w:endnote":
      case "w:txbxContent":
        containers.pop();
        break;
      case "w:p":
        paras.pop();
        break;
      case "w:tbl":
        tables.pop();
        break;
      case "w:tr":
        rows.pop();
        break;
      case "w:tc":
        cells.pop();
        containers.pop();
        break;
      case "w:r":
        run = undefined;
        break;
      case "w:t":
      case "m:t":
        inText = false;
        break;
    }
  };

  parseXml(
    xml,
    {
      open,
      close,
      text(text) {
        if (inText && skip === 0) append(text);
      },
    },
    "Word",
    part,
  );
  return { body, notes };
}
