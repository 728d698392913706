import { foldForSearch } from "../../domain/text.ts";
import { stripMarkup } from "../markup.ts";
import type { RawDocument } from "../model.ts";

/**
 * The body's "Tổ chức thực hiện" section: who follows up, who funds, who reports, in paragraphs
 * addressed to agencies. Where the plan lists its tasks in a table, these paragraphs are not tasks
 * but the plan's arrangements for carrying it out, which the office reads beside the tasks; kept
 * as text. The section runs from its heading to the next heading of the same kind (the next
 * Roman numeral or part), the recipients ("Nơi nhận"), an appendix, a table or the end.
 */

const MAX_CHARS = 20_000;
const HEADING = /^(?:(?:phan|muc|chuong)\s+)?([ivxlc]{1,7}|\d{1,2}|[a-z])[.)]?\s+to chuc thuc hien[.:]?$/;
const BARE_HEADING = /^to chuc thuc hien[.:]?$/;
// Upper-case numerals only: "c)" and "i)" are sub-items of the section, not the next section.
const ROMAN_START = /^(?:(?:[Pp]hần|[Mm]ục|[Cc]hương|PHẦN|MỤC|CHƯƠNG)\s+)?[IVXLC]{1,7}[.)]\s/u;
const ARABIC_START = /^\d{1,2}[.)]\s+\p{Lu}/u;
const END = /^(noi nhan|phu luc|tm\.?\s|kt\.?\s|\(kem theo)/;

export function organisationText(doc: RawDocument): string | null {
  return organisationSection(doc)?.text ?? null;
}

/**
 * The document without its "Tổ chức thực hiện" section. A plan whose only tables are indicator
 * tables states its tasks in the body; its closing arrangements ("các cơ quan được giao theo dõi
 * chỉ tiêu có trách nhiệm …") are not among them.
 */
export function withoutOrganisation(doc: RawDocument): RawDocument {
  const section = organisationSection(doc);
  if (!section) return doc;
  return { ...doc, blocks: doc.blocks.filter((_, i) => !section.blocks.has(i)) };
}

/** The section's text and the paragraph blocks it spans, heading included. */
function organisationSection(doc: RawDocument): { text: string | null; blocks: Set<number> } | null {
  const lines: string[] = [];
  const blocks = new Set<number>();
  let inside = false;
  let headingKind: "roman" | "arabic" | "bare" = "bare";
  const done = () => ({ text: joined(lines), blocks });
  for (const [index, block] of doc.blocks.entries()) {
    if (block.kind === "table") {
      if (inside) return done();
      continue;
    }
    for (const raw of stripMarkup(block.text).split("\n")) {
      const text = raw.trim();
      if (text === "") continue;
      const folded = foldForSearch(text);
      if (!inside) {
        const heading = HEADING.exec(folded);
        if (heading || BARE_HEADING.test(folded)) {
          inside = true;
          blocks.add(index);
          headingKind = !heading ? "bare" : /^\d/.test(heading[1]!) ? "arabic" : "roman";
        }
        continue;
      }
      if (END.test(folded) || endsSection(text, headingKind)) return done();
      blocks.add(index);
      lines.push(text);
    }
  }
  return inside ? done() : null;
}

/** The next heading of the section's own kind closes it; its sub-items (1., a)) do not. */
function endsSection(text: string, kind: "roman" | "arabic" | "bare"): boolean {
  if (kind === "roman") return ROMAN_START.test(text);
  if (kind === "arabic") return ARABIC_START.test(text) && text === text.toLocaleUpperCase("vi");
  return false;
}

function joined(lines: string[]): string | null {
  const text = lines.join("\n").slice(0, MAX_CHARS).trim();
  return text === "" ? null : text;
}
