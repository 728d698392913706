/**
 * Line rules shared by the Word and Excel readers. The contract (model.ts) says list items inside a
 * cell are lines starting with "- "; people type those items in many ways, so every reader funnels
 * its cell lines through here.
 */

/** Characters Vietnamese offices type (or paste from PDF) as a manual bullet at the start of a line. */
const MANUAL_BULLET =
  /^[\s\u00A0]*[-\u2010-\u2015\u2022\u2023\u2043\u25AA\u25AB\u25CF\u25E6\u2219\uF0A7\uF0B7\uF02D·●○■□▪◦➢➤►✓✔*][\s\u00A0]+/;

/**
 * Inside an item that already starts with "- ", another " - " followed by a capital letter starts the
 * next item: Word users often type a whole list in one paragraph ("- A. - B."). Requiring the capital
 * keeps "kinh tế - xã hội" whole; a wrong split costs nothing downstream because items are joined
 * with " " again.
 */
const INLINE_ITEM = /[\s\u00A0]+[-\u2013\u2014][\s\u00A0]+(?=\p{Lu})/u;

/** Marks a line as a list item ("- text"), keeping a dash the author typed instead of doubling it. */
export function asListItem(line: string): string {
  const text = line.replace(MANUAL_BULLET, "").trimStart();
  return text.length > 0 ? `- ${text}` : "";
}

/**
 * Rewrites one cell's raw lines into contract lines: manual bullets become "- ", lists typed on one
 * line are split into items, blank lines are dropped. "+" stays: it marks a sub-item in Vietnamese
 * directives and the interpreter may want to see it.
 */
export function toCellLines(rawLines: Iterable<string>): string[] {
  const out: string[] = [];
  for (const raw of rawLines) {
    if (raw.trim().length === 0) continue;
    const line = MANUAL_BULLET.test(raw) ? asListItem(raw) : raw;
    if (!line.startsWith("- ")) {
      out.push(line);
      continue;
    }
    for (const item of line.split(INLINE_ITEM)) {
      if (item.trim().length > 0) out.push(item.startsWith("- ") ? item : `- ${item.trimStart()}`);
    }
  }
  return out;
}
