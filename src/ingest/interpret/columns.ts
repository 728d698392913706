import { foldKeepingOffsets } from "../../domain/deadline.ts";
import { horizonYear } from "../../domain/indicatorTarget.ts";
import { foldForSearch } from "../../domain/text.ts";

/**
 * Header rows and column roles. Issuers name, order and pick columns as they like ("Thời hạn",
 * "Thời gian hoàn thành", "Hạn hoàn thành"; "Cơ quan phối hợp", "Cơ quan thực hiện/phối hợp"),
 * and make typos ("Phần đầu" for "Phấn đấu"), so a header cell is read by the key words it
 * contains, compared without diacritics and with one letter of slack in longer words.
 */

export type TaskRole =
  | "stt"
  | "title"
  | "source"
  | "responsible"
  | "lead"
  | "coordinator"
  | "output"
  | "deadline"
  | "note";
export type IndicatorRole = "stt" | "name" | "unit" | "target" | "monitor" | "source" | "note";
export type Role = TaskRole | IndicatorRole;

export interface ColumnMap {
  kind: "task" | "indicator";
  /** Role of each grid column, null for a column the interpreter does not use. */
  roles: (Role | null)[];
  /** For indicator target columns: the year the header names, else null. */
  years: (number | null)[];
  /** Same value for the same header repeated on the next page. */
  signature: string;
}

function tokens(text: string): string[] {
  return foldForSearch(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

function near(a: string, b: string): boolean {
  if (a === b) return true;
  // Short words differ by one letter too often ("nguoi"/"nguon") to allow slack there.
  if (a.length < 6 || b.length < 6 || Math.abs(a.length - b.length) > 1) return false;
  // One substitution, insertion or deletion.
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** True when the words of `phrase` appear one after another in `words`. */
function has(words: string[], phrase: string): boolean {
  const want = phrase.split(" ");
  for (let start = 0; start + want.length <= words.length; start++) {
    if (want.every((w, k) => near(words[start + k]!, w))) return true;
  }
  return false;
}

const hasAny = (words: string[], phrases: string[]) => phrases.some((p) => has(words, p));

const STT = /^(?:s ?t ?t|t ?t|so tt|so thu tu|thu tu|so)$/;

export function isSttHeader(text: string): boolean {
  return STT.test(tokens(text).join(" "));
}

export function taskRoleOf(header: string): TaskRole | null {
  const words = tokens(header);
  if (words.length === 0) return null;
  if (STT.test(words.join(" "))) return "stt";
  if (has(words, "ghi chu")) return "note";
  const agencyWords = hasAny(words, ["co quan", "don vi"]);
  // The person who answers for the task: "Người đứng đầu chịu trách nhiệm", "Lãnh đạo tỉnh phụ trách".
  if (hasAny(words, ["nguoi dung dau", "lanh dao", "nguoi phu trach", "nguoi chiu trach nhiem"]))
    return "responsible";
  if (hasAny(words, ["chiu trach nhiem", "phu trach"]) && !agencyWords) return "responsible";
  if (has(words, "phoi hop")) return "coordinator";
  if (
    hasAny(words, ["chu tri", "thuc hien", "chiu trach nhiem", "chu quan"]) &&
    (agencyWords || has(words, "chu tri"))
  ) {
    return "lead";
  }
  // "Nguồn kinh phí" is where the money comes from, not the assigning document; a start date
  // ("Thời gian bắt đầu") is not a deadline.
  if (hasAny(words, ["kinh phi", "du toan", "von", "bat dau", "khoi cong"])) return null;
  // "Hình thức văn bản" is the form of the product (a decision, a report), not its source.
  if (has(words, "hinh thuc")) return "output";
  if (hasAny(words, ["van ban", "can cu", "nguon", "co so phap ly", "xuat xu"])) return "source";
  if (hasAny(words, ["thoi han", "thoi gian", "han hoan thanh", "tien do", "moc thoi gian", "thoi diem"])) {
    return "deadline";
  }
  if (words.length === 1 && near(words[0]!, "han")) return "deadline";
  if (hasAny(words, ["san pham", "ket qua", "dau ra", "hinh thuc"])) return "output";
  if (
    hasAny(words, ["nhiem vu", "noi dung", "cong viec", "ten", "hoat dong", "giai phap", "de an", "du an"])
  ) {
    return "title";
  }
  return null;
}

/** The year a target column aims at: "Năm 2026", "Phấn đấu đến năm 2030", "2026–2030" (its end). */
export function headerYear(header: string): number | null {
  return horizonYear(header);
}

/** Words after "chỉ tiêu" that make it the figure to reach: "Chỉ tiêu cần đạt", "Chỉ tiêu phải đạt". */
const TARGET_QUALIFIERS = ["can dat", "phai dat", "phan dau", "den nam", "muc tieu", "ke hoach", "giao"];

/**
 * "Chỉ tiêu" followed by what is to be reached heads the targets; bare ("Chỉ tiêu"), named
 * ("Tên chỉ tiêu") or listed after another noun ("Mục tiêu, chỉ tiêu") it heads the rows' names.
 */
function qualifiedAfter(words: string[]): boolean {
  for (let k = 0; k + 1 < words.length; k++) {
    const pair = `${words[k]} ${words[k + 1]}`;
    if (pair === "chi tieu" || pair === "tieu chi") return hasAny(words.slice(k + 2), TARGET_QUALIFIERS);
  }
  return false;
}

export function indicatorRoleOf(header: string): IndicatorRole | null {
  const words = tokens(header);
  if (words.length === 0) return null;
  if (STT.test(words.join(" "))) return "stt";
  if (has(words, "ghi chu")) return "note";
  const planned = hasAny(words, [
    "muc tieu",
    "phan dau",
    "ke hoach",
    "gia tri",
    "chi tieu giao",
    "ket qua dat",
    "dat duoc",
  ]);
  const unit = hasAny(words, ["don vi tinh", "dvt", "don vi do"]) || words.join(" ") === "don vi";
  // "Cơ quan chủ trì thực hiện", "Đơn vị theo dõi": who answers for the figure.
  const agency =
    !unit && hasAny(words, ["theo doi", "chu tri", "co quan", "danh gia", "phu trach", "don vi"]);
  const year = headerYear(header) !== null;
  // "Thực hiện năm 2025", "Ước thực hiện": what was achieved, not what is to be reached.
  if (!planned && !(agency && !year) && hasAny(words, ["thuc hien", "uoc", "thuc te", "luy ke"])) return null;
  // "Mục tiêu, chỉ tiêu" names the row; a target says what is to be reached, or when.
  const named = hasAny(words, ["chi tieu", "tieu chi"]) && !year;
  if (
    named &&
    !hasAny(words, ["phan dau", "ke hoach", "gia tri", "chi tieu giao", "ket qua dat", "dat duoc"]) &&
    !qualifiedAfter(words)
  )
    return "name";
  // A bare "Kết quả" is what the row is to reach; "Kết quả thực hiện" was caught above.
  if (planned || year || qualifiedAfter(words) || (has(words, "ket qua") && !agency)) return "target";
  if (unit) return "unit";
  // Agencies that help are not the ones that answer for the figure.
  if (has(words, "phoi hop") && !hasAny(words, ["chu tri", "theo doi"])) return null;
  if (agency) return "monitor";
  if (hasAny(words, ["van ban", "nguon", "can cu"])) return "source";
  if (hasAny(words, ["chi tieu", "tieu chi", "noi dung", "ten"])) return "name";
  return null;
}

/** Header cells are labels: short, and none is a bare number (that would be a data row). */
export function looksLikeLabels(cells: string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== "");
  if (filled.length === 0) return false;
  return filled.every((c) => c.length <= 90) && !/^\d+([.,]\d+)?\.?$/.test((cells[0] ?? "").trim());
}

function signatureOf(roles: (Role | null)[], cells: string[]): string {
  return roles.map((r, i) => `${r ?? "-"}:${r ? "" : tokens(cells[i] ?? "").join("")}`).join("|");
}

/**
 * Reads a row as a header, or returns null when it is not one. A task table needs a title
 * column and at least two other task columns; an indicator table needs a "chỉ tiêu" column and
 * a target or unit column.
 */
export function mapHeader(cells: string[]): ColumnMap | null {
  if (!looksLikeLabels(cells)) return null;
  const indicator = indicatorMap(cells);
  const task = taskMap(cells);
  // Indicators are measured, not done by a date: a deadline column makes it a task table.
  if (indicator && !(task?.roles.includes("deadline") ?? false)) return indicator;
  return task;
}

const distinct = (roles: (Role | null)[]) => new Set(roles.filter((r) => r !== null)).size;

function indicatorMap(cells: string[]): ColumnMap | null {
  const roles = cells.map((c) => indicatorRoleOf(c));
  // An indicator table has a name column and says "chỉ tiêu" (or "tiêu chí") somewhere in its
  // header, or measures: a unit beside a target ("Nội dung | Đơn vị tính | Mục tiêu đến năm 2030").
  const measured = roles.includes("unit") && roles.includes("target");
  const hasName =
    roles.includes("name") && (measured || cells.some((c) => hasAny(tokens(c), ["chi tieu", "tieu chi"])));
  if (!hasName || !roles.some((r) => r === "target" || r === "unit") || distinct(roles) < 3) return null;
  const years = cells.map((c, i) => (roles[i] === "target" ? headerYear(c) : null));
  return {
    kind: "indicator",
    roles,
    years,
    // Targets for another year ("2027" then "Mục tiêu") make another table, of the same columns.
    signature: `indicator#${signatureOf(roles, cells)}#${years.join(",")}`,
  };
}

function taskMap(cells: string[]): ColumnMap | null {
  const roles = cells.map((c) => taskRoleOf(c));
  // A merged header cell repeats its text over the columns it spans; one title column is enough.
  const titles = roles.filter((r) => r === "title").length;
  if (titles === 0 || distinct(roles) < 3 || (titles > 1 && distinct(roles) < 4)) return null;
  // A list of documents or notes is not a task table: someone must do something by some time.
  if (!roles.some((r) => r === "lead" || r === "deadline" || r === "responsible" || r === "coordinator"))
    return null;
  const recognised = roles.filter((r) => r !== null).length;
  const filled = cells.filter((c) => c.trim() !== "").length;
  if (recognised < Math.min(3, filled) || recognised * 2 < filled) return null;
  return {
    kind: "task",
    roles,
    years: cells.map(() => null),
    signature: `task#${signatureOf(roles, cells)}`,
  };
}

/** A row that only numbers the columns ("(1) (2) (3)…" or "1 2 3…") under a header. */
export function isColumnNumberRow(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== "");
  if (filled.length < 3) return false;
  const numbers = filled.map((c) => /^\(?(\d{1,2})\)?$/.exec(c)?.[1]);
  if (numbers.some((n) => n === undefined)) return false;
  return numbers.every((n, i) => i === 0 || Number(n) > Number(numbers[i - 1]));
}

/**
 * Header labels found in text where a header's cells were flattened into lines and words were
 * cut anywhere ("ST" / "T" / "Tên nhiệm vụ Văn bản" / "giao"): each known label is looked for in
 * the text with spaces removed, left to right.
 */
const SQUASHED_LABELS: RegExp[] = [
  /stt|sott|sothutu|thutu|tt/y,
  // "Nhiệm vụ, giải pháp", "Nội dung công việc", "Tên đề án, dự án", "Nhiệm vụ cụ thể"
  /(?:ten|noidung)?(?:nhiemvu|congviec|hoatdong|giaiphap|dean|duan)(?:nhiemvu|congviec|hoatdong|giaiphap|dean|duan)*(?:cuthe|trongtam|chuyeu)?|noidung(?:thuchien)?/y,
  /vanban(?:giao(?:nhiemvu)?|nguon|chidao|cancu)?|cancu(?:giao(?:nhiemvu)?|phaply)?/y,
  /nguoidungdau(?:chiutrachnhiem)?|nguoi(?:chiutrachnhiem|phutrach)|lanhdao(?:ubnd|uybannhandan)?(?:tinh|thanhpho|huyen|xa)?(?:chiutrachnhiem|phutrach|chidao)/y,
  /(?:coquan,?donvi|coquan|donvi)?chutri(?:thuchien)?(?:theodoi,?danhgia|theodoi)?/y,
  /(?:coquan,?donvi|coquan|donvi)?(?:thuchien\/?)?phoihop(?:thuchien)?/y,
  /(?:coquan,?donvi|coquan|donvi)thuchien/y,
  // "Sản phẩm", "Kết quả/sản phẩm", "Sản phẩm, kết quả yêu cầu", "Hình thức văn bản"
  /motasanphamdaura|yeucau(?:ve)?sanpham|hinhthuc(?:vanban|sanpham)?|(?:dukien)?(?:sanpham|ketqua),?(?:sanpham|ketqua)?(?:yeucau|daura|dukien|datduoc)?/y,
  /(?:thoihan|thoigian|hanhoanthanh|tiendo|mocthoigian)(?:hoanthanh|thuchien|trinh|banhanh)?/y,
  /ghichu/y,
  // Columns no role reads, which a flattened header still has to step over.
  /(?:nguon|du)?kinhphi(?:thuchien|dukien)?(?:trieudong|nghindong|dong)?|dutoan(?:kinhphi)?(?:trieudong)?|linhvuc|diadiem(?:thuchien)?|thoigianbatdau|captrinh|capbanhanh|coquantrinh/y,
  /(?:ten)?chitieu(?:cuthe)?/y,
  /donvitinh|dvt/y,
  /(?:ketquadatduoc|phandau(?:den)?|muctieu|kehoach)?(?:nam)?(?:19|20)\d\d/y,
  /(?:ketquadatduoc|phandau(?:den)?|muctieu|kehoach)/y,
  /(?:coquan)?(?:chutri)?theodoidanhgia/y,
];

export interface SquashedHeader {
  labels: string[];
  /** Characters of the text the labels cover; what follows is not header. */
  consumed: number;
}

/**
 * Labels read left to right from the start of `text`, stopping at the first stretch that is no
 * known label (the first row's text, when the header has no clear end). Null when the text does
 * not open with at least three labels.
 */
export function splitSquashedHeader(text: string): SquashedHeader | null {
  const original = text.normalize("NFC").replace(/\s+/g, " ").trim();
  const squashed: string[] = [];
  const offsets: number[] = [];
  const folded = foldKeepingOffsets(original);
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i]!;
    // A comma or slash inside a label ("Cơ quan, đơn vị chủ trì", "Kết quả/sản phẩm") cuts nothing.
    if (/[a-z0-9]/.test(ch)) {
      squashed.push(ch);
      offsets.push(i);
    }
  }
  const s = squashed.join("");
  const cuts: number[] = [];
  let pos = 0;
  while (pos < s.length) {
    let best = 0;
    for (const re of SQUASHED_LABELS) {
      re.lastIndex = pos;
      const m = re.exec(s);
      if (m && m[0].length > best) best = m[0].length;
    }
    if (best === 0) break;
    cuts.push(pos);
    pos += best;
  }
  if (cuts.length < 3) return null;
  // The labels end after their last letter: "(" of a column number "(1)" below is not theirs.
  const end = pos >= s.length ? original.length : offsets[pos - 1]! + 1;
  const labels: string[] = [];
  for (let k = 0; k < cuts.length; k++) {
    const from = offsets[cuts[k]!]!;
    const to = k + 1 < cuts.length ? offsets[cuts[k + 1]!]! : end;
    labels.push(original.slice(from, to).trim());
  }
  return { labels: underSpanningLabel(labels), consumed: end };
}

/**
 * A header over two rows saved as text gives the upper row's cells, then the cells of the lower
 * row under the one upper cell that spans them ("Cơ quan thực hiện" over "Chủ trì" | "Phối hợp").
 * The data rows have the lower row's columns: the spanning label's place goes to the cells under it.
 */
function underSpanningLabel(labels: string[]): string[] {
  const bare = (label: string) => /^(chu tri|phoi hop)$/.test(tokens(label).join(" "));
  let k = labels.length;
  while (k > 0 && bare(labels[k - 1]!)) k--;
  const under = labels.slice(k);
  if (under.length < 2) return labels;
  const span = labels.slice(0, k).findIndex((label) => {
    const words = tokens(label);
    return (
      hasAny(words, ["thuc hien", "co quan", "don vi"]) &&
      !hasAny(words, ["chu tri", "phoi hop", "thoi gian", "thoi han"])
    );
  });
  if (span < 0) return labels;
  return [...labels.slice(0, span), ...under, ...labels.slice(span + 1, k)];
}
