import { foldForSearch, normalizeLines, normalizeText } from "./text.ts";

/**
 * Splitting an agency cell into agencies. Semicolons, line breaks and bullets always separate
 * agencies. Commas are ambiguous: they separate agencies ("Sở Tài chính, Sở Công thương") but
 * also sit inside one name ("Sở Văn hóa, Thể thao và Du lịch", "Báo và Phát thanh, Truyền hình
 * tỉnh") and inside groups ("Các sở, ban, ngành"). Vietnamese names start with a capitalised
 * head noun that says what kind of body it is (Sở, Ban, Ủy ban, Trường…), while the field words
 * after a comma inside a name do not, and the members of a group are written in lower case. So
 * a comma starts a new agency only when what follows starts with a capitalised head noun, an
 * acronym (UBND, VNPT) or a plural "các".
 */

/** Head nouns of agency names, folded. Longer entries first so "ban chi huy" wins over "ban". */
const HEAD_NOUNS = [
  "uy ban",
  "ubnd",
  "hoi dong",
  "hdnd",
  "so",
  "ban",
  "bo",
  "cuc",
  "chi cuc",
  "tong cuc",
  "vu",
  "vien",
  "hoc vien",
  "truong",
  "dai hoc",
  "cao dang",
  "cong an",
  "van phong",
  "bao",
  "dai",
  "trung tam",
  "tinh uy",
  "thanh uy",
  "huyen uy",
  "dang uy",
  "dang bo",
  "doan",
  "hoi",
  "hiep hoi",
  "lien doan",
  "lien hiep",
  "lien minh",
  "mat tran",
  "thanh tra",
  "toa an",
  "kho bac",
  "ngan hang",
  "bao hiem",
  "thue",
  "hai quan",
  "thong ke",
  "cong ty",
  "tong cong ty",
  "tap doan",
  "chi nhanh",
  "benh vien",
  "phong",
  "chinh phu",
  "quoc hoi",
  "thu tuong",
  "cang vu",
  "quy",
  "khu",
  "nha",
  "xa",
  "phuong",
  "dac khu",
  "huyen",
  "quan",
  "thi xa",
  "thanh pho",
  "tinh",
  "bo chi huy",
  "bo doi",
  "bien phong",
  "canh sat",
  "to",
  "tieu ban",
  "hop tac xa",
  "doanh nghiep",
  "thuong truc",
  "lanh dao",
];

const HEADS = new Set(HEAD_NOUNS);

/** Plural openers: the start of a group of agencies, in any case. */
const GROUP_OPENERS = /^(cac|tat ca|moi|nhung|toan bo)\s/;

function firstWords(folded: string, n: number): string {
  return folded.split(" ").slice(0, n).join(" ");
}

/** True when the text opens like an agency name (a capitalised head noun, an acronym, "các …"). */
export function startsLikeAgency(text: string): boolean {
  const t = normalizeText(text).replace(/^[-+•*–]\s*/, "");
  if (t === "") return false;
  const folded = foldForSearch(t);
  if (GROUP_OPENERS.test(`${folded} `)) return true;
  const first = t.split(" ")[0] ?? "";
  if (/^\p{Lu}[\p{Lu}\p{N}&]+$/u.test(first)) return true;
  if (!/^\p{Lu}/u.test(t)) return false;
  // A head noun alone ("Ban" in "Các Sở, Ban, Ngành") names a kind of body, not a body.
  const count = folded.split(" ").length;
  for (let n = 3; n >= 1; n--) {
    const head = firstWords(folded, n);
    if (!HEADS.has(head)) continue;
    if (n === 1 && !spelledAsHead(head, t)) return false;
    return count > n;
  }
  return false;
}

/**
 * One-word heads as written: without its marks "so" is also "Số", "nha" "Nha Trang", "bo" "Bờ",
 * "to" "Tổ quốc". A name typed without any marks is taken as it comes.
 */
const ONE_WORD_HEADS: Record<string, string> = {
  so: "sở",
  bo: "bộ",
  nha: "nhà",
  to: "tổ",
  dai: "đài",
  bao: "báo",
  quy: "quỹ",
  vu: "vụ",
  hoi: "hội",
  doan: "đoàn",
  xa: "xã",
  quan: "quận",
  cuc: "cục",
  vien: "viện",
  tinh: "tỉnh",
  phong: "phòng",
  thue: "thuế",
  huyen: "huyện",
  phuong: "phường",
  truong: "trường",
  khu: "khu",
};

function spelledAsHead(head: string, text: string): boolean {
  const words = text.toLocaleLowerCase("vi").split(" ");
  // "Tổ quốc" is the fatherland, "Khu vực" a region.
  const second = foldForSearch(words[1] ?? "");
  if ((head === "to" && second === "quoc") || (head === "khu" && second === "vuc")) return false;
  const want = ONE_WORD_HEADS[head];
  // Text of three words or more with no mark at all was typed without them.
  const unmarked = words.length >= 3 && foldForSearch(text) === text.toLocaleLowerCase("vi");
  if (want === undefined || unmarked) return true;
  return words[0] === want;
}

const BULLET = /^\s*(?:[-+•*–—▪●◦]|\d+[.)]|[a-zđ][.)])\s+/u;

/** Lines of a cell, with lines that only wrap a long name joined back to it. */
function logicalLines(cellText: string): string[] {
  const lines = normalizeLines(cellText).split("\n");
  const out: string[] = [];
  for (const raw of lines) {
    const bulleted = BULLET.test(raw);
    const line = raw.replace(BULLET, "").trim();
    if (line === "") continue;
    const previous = out[out.length - 1];
    const wraps =
      previous !== undefined &&
      !bulleted &&
      /^\p{Ll}/u.test(line) &&
      !GROUP_OPENERS.test(`${foldForSearch(line)} `) &&
      !/[;,.:]$/.test(previous);
    if (wraps) out[out.length - 1] = `${previous} ${line}`;
    else out.push(line);
  }
  return out;
}

function tidy(name: string): string {
  return normalizeText(name)
    .replace(/^[-+•*–—▪●◦]\s*/u, "")
    .replace(/[\s,;:.]+$/u, "")
    .trim();
}

/** Cells that say "nothing" rather than naming an agency. */
const NOTHING = /^(?:-+|x|\/|không|khong|n\/a)$/i;

/**
 * The agencies named in a cell, one entry per agency or group, as written.
 * "Sở Tài chính, Sở Công thương; UBND cấp xã" → ["Sở Tài chính", "Sở Công thương", "UBND cấp xã"].
 */
export function splitAgencies(cellText: string): string[] {
  const result: string[] = [];
  for (const line of logicalLines(cellText ?? "")) {
    for (const part of line.split(/\s*;\s*/)) {
      let current = "";
      for (const piece of part.split(/\s*,\s*/)) {
        if (current !== "" && startsLikeAgency(piece)) {
          result.push(current);
          current = piece;
        } else {
          current = current === "" ? piece : `${current}, ${piece}`;
        }
      }
      if (current !== "") result.push(current);
    }
  }
  const names: string[] = [];
  for (const raw of result) {
    const name = tidy(raw);
    if (name === "" || NOTHING.test(name)) continue;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * True for a name that stands for many agencies: "Các sở, ban, ngành", "UBND cấp xã", "Các xã,
 * phường, đặc khu", "Các cơ quan, đơn vị có liên quan", "Các Trường Đại học trên địa bàn tỉnh".
 */
export function isAgencyGroup(name: string): boolean {
  const folded = foldForSearch(name);
  if (folded === "") return false;
  if (GROUP_OPENERS.test(`${folded} `)) return true;
  if (/\b(cac|nhung)\b/.test(folded)) return true;
  if (/\bcap (xa|huyen|co so)\b/.test(folded)) return true;
  if (/\b(co )?lien quan\b/.test(folded)) return true;
  if (/\bdia phuong\b/.test(folded) && !/^(so|ban|uy ban|ubnd)\b/.test(folded)) return true;
  return false;
}
