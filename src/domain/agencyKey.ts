import { foldForSearch } from "./text.ts";

/**
 * Abbreviations documents use for parts of agency names. Expanded before comparison so "UBND
 * tỉnh" and "Ủy ban nhân dân tỉnh", or "Sở KH&CN" and "Sở Khoa học và Công nghệ", meet.
 */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bubnd\b/g, "uy ban nhan dan"],
  [/\bhdnd\b/g, "hoi dong nhan dan"],
  [/\bubmttqvn\b/g, "uy ban mat tran to quoc viet nam"],
  [/\bubmttq\b/g, "uy ban mat tran to quoc"],
  [/\bmttq\b/g, "mat tran to quoc"],
  [/\bbcd\b/g, "ban chi dao"],
  [/\bvptw\b/g, "van phong trung uong"],
  [/\bkh ?& ?cn\b|\bkhcn\b/g, "khoa hoc va cong nghe"],
  [/\bgd ?& ?dt\b|\bgddt\b/g, "giao duc va dao tao"],
  [/\bvh,? ?tt ?& ?dl\b|\bvhttdl\b/g, "van hoa the thao va du lich"],
  [/\bdmst\b/g, "doi moi sang tao"],
  [/\bcds\b/g, "chuyen doi so"],
  [/\btp\b/g, "thanh pho"],
];

/**
 * The key under which an agency name is stored and looked up: no diacritics, lower case,
 * abbreviations expanded, punctuation and spacing ignored.
 */
export function agencyKey(name: string): string {
  let key = foldForSearch(name);
  for (const [pattern, expansion] of ABBREVIATIONS) key = key.replace(pattern, expansion);
  return key
    .replace(/&/g, " va ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
