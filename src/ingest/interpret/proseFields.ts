import { foldKeepingOffsets } from "../../domain/deadline.ts";
import { memoize, tidy } from "./proseText.ts";

/**
 * Plans written as prose often give each task's attributes as labelled lines under it:
 * "- Cơ quan chủ trì: Sở Khoa học và Công nghệ." "- Thời gian hoàn thành: Quý II/2026."
 * Such a line is part of the task above it, not a task of its own.
 */
export type FieldName =
  | "lead"
  | "coordinators"
  | "deadline"
  | "output"
  | "responsible"
  | "sources"
  | "note"
  | "content";

const LABELS: [FieldName, string[]][] = [
  [
    "lead",
    [
      "co quan chu tri",
      "don vi chu tri",
      "co quan, don vi chu tri",
      "co quan chu tri thuc hien",
      "don vi chu tri thuc hien",
      "co quan thuc hien",
      "don vi thuc hien",
      "co quan, don vi thuc hien",
      "chu tri",
      "chu tri thuc hien",
    ],
  ],
  [
    "coordinators",
    [
      "co quan phoi hop",
      "don vi phoi hop",
      "co quan, don vi phoi hop",
      "co quan phoi hop thuc hien",
      "don vi phoi hop thuc hien",
      "phoi hop",
      "phoi hop thuc hien",
    ],
  ],
  [
    "deadline",
    [
      "thoi gian",
      "thoi gian thuc hien",
      "thoi gian hoan thanh",
      "thoi han",
      "thoi han hoan thanh",
      "thoi han thuc hien",
      "tien do",
      "tien do thuc hien",
      "tien do hoan thanh",
      "han hoan thanh",
      "thoi diem hoan thanh",
    ],
  ],
  [
    "output",
    [
      "san pham",
      "san pham dau ra",
      "san pham, ket qua",
      "san pham, ket qua yeu cau",
      "ket qua",
      "ket qua dau ra",
      "ket qua, san pham",
      "ket qua yeu cau",
      "hinh thuc san pham",
      "hinh thuc van ban",
    ],
  ],
  ["responsible", ["nguoi chiu trach nhiem", "nguoi dung dau chiu trach nhiem", "lanh dao chiu trach nhiem"]],
  ["sources", ["van ban giao", "van ban nguon", "nguon"]],
  ["note", ["ghi chu"]],
  ["content", ["noi dung", "noi dung thuc hien", "noi dung cong viec", "noi dung nhiem vu"]],
];

const LABEL_RE = new RegExp(
  String.raw`(?:^|(?<=[.;]\s*))(${LABELS.flatMap(([, labels]) => labels)
    .sort((a, b) => b.length - a.length)
    .map((l) => l.replace(/ /g, String.raw`\s+`))
    .join("|")})\s*:\s*`,
  "g",
);

const BY_LABEL = new Map<string, FieldName>();
for (const [name, labels] of LABELS) for (const label of labels) BY_LABEL.set(label, name);

export interface Field {
  name: FieldName;
  value: string;
}

export interface FieldSplit {
  /** Text before the first label (the task itself when fields follow it inline). */
  before: string;
  fields: Field[];
}

/** Labelled fields in a paragraph: "Cơ quan chủ trì: X; thời gian hoàn thành: Quý II/2026." */
export const readFields = memoize(readFieldsUncached);

function readFieldsUncached(text: string): FieldSplit {
  if (!text.includes(":")) return { before: text, fields: [] };
  const f = foldKeepingOffsets(text);
  const hits = [...f.matchAll(LABEL_RE)];
  if (hits.length === 0) return { before: text, fields: [] };
  const fields: Field[] = [];
  hits.forEach((m, n) => {
    const label = m[1]!.replace(/\s+/g, " ");
    const name = BY_LABEL.get(label);
    const end = hits[n + 1]?.index ?? text.length;
    const value = tidy(text.slice(m.index + m[0].length, end));
    if (name && value !== "") fields.push({ name, value });
  });
  return { before: text.slice(0, hits[0]!.index), fields };
}

/** True when the paragraph starts with a field label. */
export function isFieldParagraph(text: string): boolean {
  const split = readFields(text);
  return split.fields.length > 0 && tidy(split.before) === "";
}
