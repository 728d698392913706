import { foldForSearch, normalizeText } from "../../domain/text.ts";

/**
 * The header of a first page: the issuer block on the left (parent body, signing body, place),
 * the motto on the right, and the type heading under them. Read as text, the two columns may
 * come interleaved line by line or share their lines.
 */

export const MOTTO =
  /^(cong hoa xa hoi chu nghia viet nam|dang cong san viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc)/;

export const TYPE_HEADINGS = [
  "thong bao ket luan",
  "chuong trinh hanh dong",
  "ke hoach hanh dong",
  "ke hoach",
  "cong van",
  "thong bao",
  "chuong trinh",
  "quyet dinh",
  "nghi quyet",
  "chi thi",
  "ket luan",
  "bao cao",
  "huong dan",
  "to trinh",
  "de an",
  "quy che",
  "quy dinh",
  "nghi dinh",
  "thong tu",
];

const ORG_START =
  /^(co quan |to giup viec|uy ban|ubnd|hoi dong|hdnd|tinh uy|thanh uy|huyen uy|dang uy|dang bo|ban |bch |so |bo |van phong|chinh phu|thu tuong|quoc hoi|cuc |tong cuc|vien |truong |cong an|hoi |lien doan|mat tran|tong cong ty|cong ty|trung tam|dai hoc|hoc vien)/;

const ADMIN_UNITS = ["tinh", "thanh pho", "huyen", "thi xa", "xa", "phuong", "dac khu", "thi tran"];

export function isUpper(line: string): boolean {
  return /\p{L}/u.test(line) && line === line.toLocaleUpperCase("vi");
}

const capital = (w: string) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1);

/** Bodies whose names are capitalised by convention inside another name. */
const PROPER: [RegExp, string][] = [
  "Ủy ban nhân dân",
  "Hội đồng nhân dân",
  "Ban Chỉ đạo",
  "Ban Thường vụ",
  "Ban Chấp hành",
  "Trung ương",
  "Chính phủ",
  "Quốc hội",
  "Mặt trận Tổ quốc",
  "Đảng",
  "Việt Nam",
  "Tỉnh ủy",
  "Thành ủy",
  "Huyện ủy",
].map((name): [RegExp, string] => [
  new RegExp(`(?<!\\p{L})${name.toLocaleLowerCase("vi")}(?!\\p{L})`, "gu"),
  name,
]);

/**
 * An issuer line in capitals as the name is written in running text:
 * "TỈNH ỦY LÂM ĐỒNG" → "Tỉnh ủy Lâm Đồng", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG" → "Ủy ban nhân dân
 * tỉnh Lâm Đồng", "SỞ KHOA HỌC VÀ CÔNG NGHỆ" → "Sở Khoa học và Công nghệ".
 */
export function issuerFromCapitals(line: string): string {
  let text = normalizeText(line)
    .replace(/UỶ/g, "ỦY")
    .replace(/uỷ/g, "ủy")
    .replace(/^UBND\b/u, "ỦY BAN NHÂN DÂN")
    .replace(/^HĐND\b/u, "HỘI ĐỒNG NHÂN DÂN");
  text = text.toLocaleLowerCase("vi");
  for (const [re, to] of PROPER) text = text.replace(re, to);
  text = capital(text);
  const words = text.split(" ");
  const folded = words.map((w) => foldForSearch(w));
  const unitAt = (i: number): number => {
    if (ADMIN_UNITS.includes(`${folded[i]} ${folded[i + 1] ?? ""}`)) return 2;
    return ADMIN_UNITS.includes(folded[i] ?? "") && !/^(uy|hoi)$/.test(folded[i + 1] ?? "") ? 1 : 0;
  };
  // A place name follows an administrative unit ("tỉnh Lâm Đồng") or a Party committee, with or
  // without its unit ("Tỉnh ủy Lâm Đồng", "Đảng ủy xã Đức Trọng").
  for (let i = 0; i < words.length; i++) {
    let placeFrom = -1;
    if (/^(tinh|thanh|huyen|dang) uy$/.test(`${folded[i]} ${folded[i + 1] ?? ""}`)) {
      placeFrom = i + 2 + unitAt(i + 2);
    } else if (unitAt(i) > 0) placeFrom = i + unitAt(i);
    if (placeFrom < 0 || placeFrom >= words.length) continue;
    for (let k = placeFrom; k < words.length; k++) words[k] = capital(words[k]!);
    break;
  }
  // "Sở/Bộ khoa học và công nghệ": each field of the name starts with a capital.
  if (/^(so|bo)$/.test(folded[0] ?? "") && words.length > 1) {
    words[1] = capital(words[1]!);
    for (let k = 2; k < words.length; k++) {
      if (/^(va|-)$/.test(folded[k - 1]!) || words[k - 1]!.endsWith(",")) words[k] = capital(words[k]!);
    }
  }
  return words.join(" ");
}

export function isOrgLine(line: string | undefined): boolean {
  if (!line || !isUpper(line) || line.length > 120) return false;
  const folded = foldForSearch(line);
  return !MOTTO.test(folded) && ORG_START.test(`${folded} `);
}

/** "TỈNH LÂM ĐỒNG" under "ỦY BAN NHÂN DÂN": the rest of a name broken over two lines. */
function isPlaceLine(line: string | undefined): boolean {
  if (!line || !isUpper(line)) return false;
  const folded = foldForSearch(line);
  return ADMIN_UNITS.some((u) => folded.startsWith(`${u} `)) && !/^(tinh|thanh|huyen) uy\b/.test(folded);
}

/** The name at `index`, joined with a place on the next line; and the index after it. */
function nameAt(lines: string[], index: number): { name: string; next: number } {
  const name = lines[index]!;
  return isPlaceLine(lines[index + 1])
    ? { name: `${name} ${lines[index + 1]}`, next: index + 2 }
    : { name, next: index + 1 };
}

/** Unit and place of a parent body: "Tỉnh ủy Khánh Hòa" → tỉnh Khánh Hòa, "Ủy ban nhân dân tỉnh X" → tỉnh X. */
function placeOf(parent: string): { unit: string; place: string; party: boolean } | null {
  const party =
    /^(Tỉnh|Thành|Huyện|Đảng) ủy (?:(tỉnh|thành phố|huyện|xã|phường|đặc khu|thị xã|thị trấn) )?(.+)$/u.exec(
      parent,
    );
  if (party) {
    const unit = party[2] ?? { Tỉnh: "tỉnh", Thành: "thành phố", Huyện: "huyện", Đảng: "" }[party[1]!] ?? "";
    return unit ? { unit, place: party[3]!, party: true } : null;
  }
  const state = /(?:^|\s)(tỉnh|thành phố|huyện|xã|phường|đặc khu|thị xã|thị trấn) (\p{Lu}.*)$/u.exec(parent);
  return state ? { unit: state[1]!, place: state[2]!, party: false } : null;
}

/**
 * The signing body under its parent, named as running text names it: "Ban Chỉ đạo … tỉnh Khánh
 * Hòa" under "TỈNH ỦY KHÁNH HÒA", "Sở Khoa học và Công nghệ tỉnh Lâm Đồng" under "UBND TỈNH LÂM
 * ĐỒNG", but "Văn phòng Tỉnh ủy Lâm Đồng" for an office that serves the parent itself.
 */
function underParent(body: string, parent: string): string {
  const where = placeOf(parent);
  if (!where || foldForSearch(body).includes(foldForSearch(where.place))) return body;
  const serves = body.split(" ").length <= 2 || (where.party && /^Ban (?!Chỉ đạo)/u.test(body));
  return serves ? `${body} ${parent}` : `${body} ${where.unit} ${where.place}`;
}

/**
 * The first page's header sets the issuer block on the left and the motto on the right. Read
 * row by row (a text file's tab-separated columns, a PDF's lines), the two columns interleave:
 * "ỦY BAN NHÂN DÂN", "CỘNG HÒA…", "TỈNH TÂY NINH", "Độc lập…", in either order. The motto's lines
 * and the rules under each block are not the issuer's: without them the issuer's lines meet again.
 */
function issuerBlock(lines: string[]): string[] {
  const head = lines.slice(0, 16);
  // The header ends where the type heading starts the body ("KẾ HOẠCH").
  const type = head.findIndex(isTypeHeading);
  return (type > 0 ? head.slice(0, type) : head)
    .filter((l) => !MOTTO.test(foldForSearch(l)) && !/,\s*ngày\b/iu.test(l) && /\p{L}/u.test(l))
    .slice(0, 12);
}

/** A line in capitals that can only be the rest of the name above it (not a name, number, type). */
function isNameRest(line: string | undefined): boolean {
  return (
    line !== undefined &&
    isUpper(line) &&
    line.length <= 120 &&
    !/\d/.test(line) &&
    !isOrgLine(line) &&
    !isTypeHeading(line)
  );
}

/**
 * A long name wraps in its narrow column ("BAN CHỈ ĐẠO VỀ PHÁT TRIỂN" / "KHOA HỌC, CÔNG NGHỆ…"):
 * it runs on over the lines in capitals under it until it names its place, which ends a name.
 */
function runOn(lines: string[], at: { name: string; next: number }): { name: string; next: number } {
  let { name, next } = at;
  while (!placeOf(issuerFromCapitals(name)) && isNameRest(lines[next])) {
    name = `${name} ${lines[next]}`;
    next++;
  }
  return { name, next };
}

export function issuerOf(lines: string[]): string | null {
  const head = issuerBlock(lines);
  const index = head.findIndex((l) => isOrgLine(l));
  if (index < 0) return null;
  const parent = runOn(head, nameAt(head, index));
  const below = head[parent.next];
  if (isOrgLine(below)) {
    const body = runOn(head, nameAt(head, parent.next));
    return underParent(issuerFromCapitals(body.name), issuerFromCapitals(parent.name));
  }
  return issuerFromCapitals(parent.name);
}

/**
 * The type heading: a line in capitals that is a type name, possibly qualified in a word or two
 * ("KẾ HOẠCH HÀNH ĐỘNG", "THÔNG BÁO KẾT LUẬN"), never a sentence or a line with numbers.
 */
export function isTypeHeading(line: string): boolean {
  if (!isUpper(line) || /\d/.test(line)) return false;
  const folded = foldForSearch(line)
    .replace(/[^a-z ]/g, "")
    .trim();
  if (TYPE_HEADINGS.includes(folded)) return true;
  return folded.split(" ").length <= 4 && TYPE_HEADINGS.some((t) => folded.startsWith(`${t} `));
}

const MOTTO_ANYWHERE = new RegExp(MOTTO.source.slice(1), "g");

/**
 * A header line holding both columns ("ỦY BAN NHÂN DÂN   CỘNG HÒA XÃ HỘI…", "TỈNH TÂY NINH\tĐộc
 * lập - Tự do - Hạnh phúc"): the issuer's part and the motto's part, each a line of its own.
 */
export function besideMotto(raw: string): string[] {
  const line = raw.normalize("NFC");
  // Folded letter by letter, so that positions in it are positions in the line.
  const folded = [...line].map((ch) => foldForSearch(ch) || " ").join("");
  if (folded.length !== line.length) return [raw];
  const cuts: number[] = [];
  for (const m of folded.matchAll(MOTTO_ANYWHERE)) {
    const before = folded.slice(0, m.index);
    if (m.index > 0 && /\S/.test(before)) cuts.push(m.index);
    const end = m.index + m[0].length;
    if (/\S/.test(folded.slice(end))) cuts.push(end);
  }
  if (cuts.length === 0) return [raw];
  const parts: string[] = [];
  let from = 0;
  for (const cut of [...cuts, line.length]) {
    const part = line.slice(from, cut).trim();
    if (part !== "") parts.push(part);
    from = cut;
  }
  // Only as a header sets them: the motto in capitals (its second line in title case) beside a
  // name in capitals; "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam" in a sentence stays whole.
  const header = parts.every((p) =>
    MOTTO.test(foldForSearch(p))
      ? isUpper(p) || /^Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc$/u.test(p)
      : isUpper(p),
  );
  return header ? parts : [raw];
}
