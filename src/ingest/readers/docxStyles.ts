import { attr, intAttr, isOn, parseXml } from "./ooxml.ts";

/**
 * The parts of styles.xml and numbering.xml the reader needs: whether a style makes text bold, which
 * list a paragraph style attaches, and how list labels look. Section headings and "1." / "I." labels
 * are often produced by Word numbering rather than typed, so without this the text would lose them.
 */

export interface ListRef {
  numId?: string;
  ilvl?: number;
}

interface StyleDef {
  basedOn?: string;
  bold?: boolean;
  list?: ListRef;
}

export class Styles {
  private readonly defs = new Map<string, StyleDef>();
  private defaultParagraph?: string;
  private defaultBold = false;
  private readonly boldCache = new Map<string, boolean | undefined>();

  static parse(xml: string | undefined): Styles {
    const styles = new Styles();
    if (!xml) return styles;
    let current: StyleDef | undefined;
    const path: string[] = [];
    parseXml(
      xml,
      {
        open(tag, key) {
          const parent = path[path.length - 1];
          path.push(key);
          if (key === "w:style") {
            current = {};
            const id = attr(tag, "styleId");
            if (id) styles.defs.set(id, current);
            const isDefault = ["1", "true", "on"].includes(attr(tag, "default") ?? "");
            if (id && isDefault && attr(tag, "type") === "paragraph") styles.defaultParagraph = id;
          } else if (key === "w:basedOn" && current) {
            current.basedOn = attr(tag, "val");
          } else if (key === "w:b" && parent === "w:rPr") {
            if (current) current.bold = isOn(tag);
            else if (path.includes("w:rPrDefault")) styles.defaultBold = isOn(tag);
          } else if (current && (key === "w:numId" || key === "w:ilvl") && parent === "w:numPr") {
            current.list ??= {};
            if (key === "w:numId") current.list.numId = attr(tag, "val");
            else current.list.ilvl = intAttr(tag, "val");
          }
        },
        close(_tag, key) {
          path.pop();
          if (key === "w:style") current = undefined;
        },
      },
      "Word",
      "styles.xml",
    );
    return styles;
  }

  /** Bold as the style chain says, or undefined when no style in the chain sets it. */
  styleBold(styleId: string | undefined): boolean | undefined {
    if (!styleId) return undefined;
    if (this.boldCache.has(styleId)) return this.boldCache.get(styleId);
    let bold: boolean | undefined;
    for (const def of this.chain(styleId)) {
      if (def.bold !== undefined) {
        bold = def.bold;
        break;
      }
    }
    this.boldCache.set(styleId, bold);
    return bold;
  }

  /** Run bold: direct formatting, then the character style, then the paragraph style, then defaults. */
  runBold(direct: boolean | undefined, runStyle: string | undefined, paraStyle: string | undefined): boolean {
    return (
      direct ??
      this.styleBold(runStyle) ??
      this.styleBold(paraStyle ?? this.defaultParagraph) ??
      this.defaultBold
    );
  }

  /** The list a paragraph style attaches (e.g. "List Bullet"), merged along its chain. */
  styleList(styleId: string | undefined): ListRef | undefined {
    const found: ListRef = {};
    for (const def of this.chain(styleId ?? this.defaultParagraph)) {
      if (!def.list) continue;
      found.numId ??= def.list.numId;
      found.ilvl ??= def.list.ilvl;
    }
    return found.numId === undefined ? undefined : found;
  }

  private *chain(styleId: string | undefined): Generator<StyleDef> {
    const seen = new Set<string>();
    let id = styleId;
    while (id && !seen.has(id) && seen.size < 32) {
      seen.add(id);
      const def = this.defs.get(id);
      if (!def) return;
      yield def;
      id = def.basedOn;
    }
  }
}

interface LevelDef {
  fmt?: string;
  text?: string;
  start?: number;
}

interface NumDef {
  abstractId?: string;
  levels: Map<number, LevelDef>;
  restarts: boolean;
}

export interface ListLabel {
  bullet: boolean;
  /** Rendered label such as "1.", "a)", "II." ("" for numFmt none). */
  label: string;
}

/** numbering.xml plus the running counters that turn list membership into labels, in document order. */
export class Numbering {
  private readonly abstracts = new Map<string, Map<number, LevelDef>>();
  /** Abstract lists that only point at a list style (w:numStyleLink), which names the real list. */
  private readonly styleLinks = new Map<string, string>();
  private styles = new Styles();
  private readonly nums = new Map<string, NumDef>();
  private readonly counters = new Map<string, (number | undefined)[]>();

  static parse(xml: string | undefined, styles: Styles): Numbering {
    const numbering = new Numbering();
    numbering.styles = styles;
    if (!xml) return numbering;
    let abstractId = "";
    let levels: Map<number, LevelDef> | undefined;
    let level: LevelDef | undefined;
    let num: NumDef | undefined;
    let overrideLevel: number | undefined;
    parseXml(
      xml,
      {
        open(tag, key) {
          switch (key) {
            case "w:abstractNum":
              levels = new Map();
              abstractId = attr(tag, "abstractNumId") ?? "";
              numbering.abstracts.set(abstractId, levels);
              break;
            case "w:numStyleLink": {
              const link = attr(tag, "val");
              if (levels && link) numbering.styleLinks.set(abstractId, link);
              break;
            }
            case "w:num":
              num = { levels: new Map(), restarts: false };
              numbering.nums.set(attr(tag, "numId") ?? "", num);
              break;
            case "w:abstractNumId":
              if (num) num.abstractId = attr(tag, "val");
              break;
            case "w:lvlOverride":
              overrideLevel = intAttr(tag, "ilvl") ?? 0;
              break;
            case "w:startOverride":
              if (num && overrideLevel !== undefined) {
                num.restarts = true;
                const def = num.levels.get(overrideLevel) ?? {};
                def.start = intAttr(tag, "val") ?? 1;
                num.levels.set(overrideLevel, def);
              }
              break;
            case "w:lvl": {
              const ilvl = intAttr(tag, "ilvl") ?? overrideLevel ?? 0;
              const target = num && overrideLevel !== undefined ? num.levels : levels;
              level = target?.get(ilvl) ?? {};
              target?.set(ilvl, level);
              break;
            }
            case "w:start":
              if (level) level.start ??= intAttr(tag, "val");
              break;
            case "w:numFmt":
              if (level) level.fmt = attr(tag, "val");
              break;
            case "w:lvlText":
              if (level) level.text = attr(tag, "val");
              break;
          }
        },
        close(_tag, key) {
          if (key === "w:lvl") level = undefined;
          else if (key === "w:lvlOverride") overrideLevel = undefined;
          else if (key === "w:num") num = undefined;
          else if (key === "w:abstractNum") levels = undefined;
        },
      },
      "Word",
      "numbering.xml",
    );
    return numbering;
  }

  /** Same list definitions with counters of its own (footnotes number their lists separately). */
  fresh(): Numbering {
    return Object.assign(Object.create(Numbering.prototype) as Numbering, this, { counters: new Map() });
  }

  /** The list instance, following a list-style link to the list that defines the levels. */
  private resolve(numId: string): NumDef | undefined {
    const num = this.nums.get(numId);
    const link = num ? this.styleLinks.get(num.abstractId ?? "") : undefined;
    if (!num || !link) return num;
    const target = this.nums.get(this.styles.styleList(link)?.numId ?? "");
    if (!target || target === num) return num;
    return {
      ...target,
      levels: new Map([...target.levels, ...num.levels]),
      restarts: num.restarts || target.restarts,
    };
  }

  /** Advances the list counters for one paragraph and returns its label; undefined when not a list. */
  next(ref: ListRef): ListLabel | undefined {
    if (!ref.numId || ref.numId === "0") return undefined;
    const num = this.resolve(ref.numId);
    if (!num) return undefined;
    const ilvl = Math.min(Math.max(ref.ilvl ?? 0, 0), 8);
    const def = (l: number): LevelDef => ({
      ...this.abstracts.get(num.abstractId ?? "")?.get(l),
      ...num.levels.get(l),
    });
    const own = def(ilvl);
    if ((own.fmt ?? "decimal") === "bullet") return { bullet: true, label: "" };
    // Instances of one abstract list continue each other's numbering unless they restart it.
    const key = num.restarts ? `n${ref.numId}` : `a${num.abstractId}`;
    let counts = this.counters.get(key);
    if (!counts) {
      counts = [];
      this.counters.set(key, counts);
    }
    const current = counts[ilvl];
    counts[ilvl] = current === undefined ? (own.start ?? 1) : current + 1;
    counts.fill(undefined, ilvl + 1);
    if (own.fmt === "none") return { bullet: false, label: "" };
    const text = own.text ?? `%${ilvl + 1}.`;
    const label = text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const lvl = def(l);
      return formatNumber(counts[l] ?? lvl.start ?? 1, lvl.fmt ?? "decimal");
    });
    return { bullet: false, label };
  }
}

const ROMAN: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

function roman(n: number): string {
  let out = "";
  let rest = n;
  for (const [value, sym] of ROMAN) {
    while (rest >= value) {
      out += sym;
      rest -= value;
    }
  }
  return out;
}

function letters(n: number): string {
  // Word repeats the letter past z: aa, bb, …
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerLetter":
      return letters(n);
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}
