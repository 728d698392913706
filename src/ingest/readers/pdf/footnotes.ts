import type { RawCell } from "../../model.ts";
import { right, type TextItem } from "./types.ts";

/**
 * Footnotes. Word sets a footnote reference as a small raised number right after the word it
 * annotates, and the note at the page foot starting with the same small raised number. The
 * references are taken out of the text (they would read as part of a document number:
 * "5039/KH-UBND2"), and notes referenced from a table cell become that cell's footnotes.
 */

const MARK = /^\s*(\d{1,3}|[*†‡])\s*$/;

/** Flags footnote marks: a short number, smaller than and raised above the text it touches. */
export function markSuperscripts(items: TextItem[]): void {
  for (const item of items) {
    if (!MARK.test(item.str)) continue;
    item.sup = items.some((other) => {
      if (other === item || other.size < 1.2 * item.size) return false;
      const raised = other.y - item.y > 0.15 * other.size && other.y - item.y < other.size;
      const gap = Math.min(Math.abs(other.x - right(item)), Math.abs(item.x - right(other)));
      return raised && gap < 0.5 * other.size;
    });
  }
}

export interface Footnote {
  mark: string;
  text: string;
}

/** Gives cells the notes they reference; returns the marks whose notes were used. */
export function attachFootnotes(marks: Map<RawCell, string[]>, notes: Footnote[]): Set<string> {
  const used = new Set<string>();
  for (const [cell, cellMarks] of marks) {
    const texts = cellMarks.flatMap((mark) => {
      const note = notes.find((n) => n.mark === mark);
      if (!note) return [];
      used.add(mark);
      return [note.text];
    });
    if (texts.length > 0) cell.footnotes = texts;
  }
  return used;
}
