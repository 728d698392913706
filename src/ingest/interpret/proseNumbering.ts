/**
 * Task numbers from the outline: see the numbering scheme on interpretProse.
 */
export type PathSegment =
  | { kind: "arabic" | "letter" | "paren"; label: string }
  | { kind: "position"; index: number };

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

function positionLabel(index: number, asLetter: boolean): string {
  if (!asLetter) return String(index);
  let n = index;
  let out = "";
  while (n > 0) {
    n -= 1;
    out = LETTERS[n % 26] + out;
    n = Math.floor(n / 26);
  }
  return out;
}

export function composeNumber(path: PathSegment[]): string {
  let number = "";
  for (const segment of path) {
    if (segment.kind === "arabic") {
      number = segment.label;
      continue;
    }
    const label =
      segment.kind === "position" ? positionLabel(segment.index, /\d$/.test(number)) : segment.label;
    number = number === "" ? label : `${number}.${label}`;
  }
  return number;
}
