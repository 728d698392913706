import { startsLikeAgency } from "../../domain/agencyNames.ts";
import { looksLikeDeadline } from "../../domain/deadline.ts";
import { findDocumentNumbers } from "../../domain/documentNumber.ts";
import { foldForSearch } from "../../domain/text.ts";

/**
 * Lines of a flattened row cut into pieces where a cell may start inside a line. A PDF viewer or
 * pdftotext writes text in the order it is drawn and breaks the line only where the baseline
 * changes, so a one-line cell and the first line of the next cell, both at the top of the row,
 * come out as one line: "Quý III/2026 Chỉ thị số 29-CT/TU", "Công an tỉnh Sở Xây dựng;". A piece
 * boundary inside a line is only a possibility: the segmenter decides, and only where one side of
 * it is a cell held within that line.
 */

export interface Piece {
  text: string;
  /** Index of the line the piece comes from. */
  line: number;
  /** True for the first piece of its line. */
  first: boolean;
}

export const SOURCE_START =
  /^(ke hoach|thong bao|chuong trinh|nghi quyet|nghi dinh|cong van|quyet dinh|chi thi|ket luan|luat|van ban|thong tu|de an|quy che|quy dinh|huong dan|to trinh|bao cao|cong dien)\b/;

const MAX_DEADLINE_WORDS = 6;

/** The number of words at the start of `words` that make a deadline ("Quý III/2026"), or 0. */
function deadlineWords(words: string[]): number {
  for (let n = Math.min(MAX_DEADLINE_WORDS, words.length); n >= 1; n--) {
    if (looksLikeDeadline(words.slice(0, n).join(" "))) return n;
  }
  return 0;
}

/**
 * Where a cell could start at word `k` of a line, judging by how cells usually open. The next
 * line's words are read on: the cell may wrap right after its first word ("Thường" / "xuyên",
 * "Trường" / "Chính trị tỉnh").
 */
function opensCell(words: string[], k: number, ahead: string[]): boolean {
  const next = words[k]!;
  if (!/^[\p{Lu}\d]/u.test(next)) return false;
  const rest = [...words.slice(k), ...ahead];
  const text = rest.join(" ");
  if (startsLikeAgency(text)) return true;
  if (SOURCE_START.test(foldForSearch(text)) || findDocumentNumbers(next).length > 0) return true;
  if (deadlineWords(rest) > 0) return true;
  // After a whole deadline, whatever follows starts the next cell ("Thường xuyên Báo cáo …").
  return looksLikeDeadline(words.slice(0, k).join(" "));
}

const AHEAD_WORDS = 4;

/** Word indexes inside `line` where a cell may start; `next` is the line after it. */
export function cellStarts(line: string, next = ""): number[] {
  const words = line.split(" ").filter(Boolean);
  const ahead = next.split(" ").filter(Boolean).slice(0, AHEAD_WORDS);
  const starts: number[] = [];
  for (let k = 1; k < words.length; k++) if (opensCell(words, k, ahead)) starts.push(k);
  return starts;
}

/**
 * Pieces of the lines. `starts`: "every" lets a cell start at any word, "capital" at any word
 * opening with a capital or a digit (a row whose cells each gave one line, side by side, before a
 * page break cut it: "Hỗ trợ thương nhân tại Ban Quản Hải quan cửa Thường Thủ tục"), "usual" where
 * cells usually open.
 */
export function toPieces(lines: string[], starts: "usual" | "every" | "capital" = "usual"): Piece[] {
  const pieces: Piece[] = [];
  lines.forEach((line, index) => {
    const words = line.split(" ").filter(Boolean);
    const inner =
      starts === "every"
        ? words.map((_, k) => k).slice(1)
        : starts === "capital"
          ? words.map((_, k) => k).filter((k) => k > 0 && /^[\p{Lu}\d]/u.test(words[k]!))
          : cellStarts(line, lines[index + 1]);
    const cuts = [0, ...inner, words.length];
    for (let c = 0; c + 1 < cuts.length; c++) {
      pieces.push({ text: words.slice(cuts[c], cuts[c + 1]).join(" "), line: index, first: c === 0 });
    }
    if (words.length === 0) pieces.push({ text: line, line: index, first: true });
  });
  return pieces;
}
