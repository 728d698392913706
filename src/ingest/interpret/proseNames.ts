import { splitAgencies } from "../../domain/agencyNames.ts";
import { runsPastKnownAgency } from "../../domain/provincialAgencies.ts";
import { normalizeText } from "../../domain/text.ts";
import {
  capitalizeFirst,
  folded,
  matchPhrase,
  startsLower,
  startsUpper,
  type Token,
  tidy,
  tokenize,
} from "./proseText.ts";
import { AGENCY_HEADS, CAPITAL_HEADS, DESCRIPTIVE, GROUP_NOUNS, TITLES, WORK_START } from "./proseWords.ts";

/**
 * Agency names inside sentences: where a name starts (a head noun such as "Sở", "Ủy ban nhân
 * dân", "các cơ quan"), where it ends (the first lower-case verb of the work), and how a written
 * name becomes leads and a responsible person.
 */

/** Length in words of an agency's first words at token `i` (its head), or 0. */
export function agencyHeadAt(tokens: Token[], i: number): number {
  const token = tokens[i];
  if (!token) return 0;
  const title = matchPhrase(tokens, i, TITLES);
  if (title > 0 && !/[,;:.]$/.test(tokens[i + title - 1]!.raw)) {
    const rest = agencyHeadAt(tokens, i + title);
    if (rest > 0) return title + rest;
  }
  if (token.key === "các" || token.key === "những") {
    const group = matchPhrase(tokens, i + 1, GROUP_NOUNS);
    if (group > 0) return 1 + group;
    const head = headOnly(tokens, i + 1);
    return head > 0 ? 1 + head : 0;
  }
  return headOnly(tokens, i);
}

function headOnly(tokens: Token[], i: number): number {
  const head = matchPhrase(tokens, i, AGENCY_HEADS);
  if (head > 0) return head;
  const capital = matchPhrase(tokens, i, CAPITAL_HEADS);
  // In a heading set in capitals ("TỔ CHỨC THỰC HIỆN") every word looks like a name.
  if (capital > 0 && !/^\p{Lu}{2,}$/u.test(tokens[i]!.raw.replace(/[^\p{L}]/gu, ""))) {
    const last = tokens[i + capital - 1]!;
    const next = tokens[i + capital];
    if (next && !/[,;:.]$/.test(last.raw) && (startsUpper(next.raw) || /^\d/.test(next.raw))) return capital;
  }
  return 0;
}

/**
 * After "Giao", "Đề nghị", "Yêu cầu" the addressee comes first, whatever its kind: a capitalised
 * word that starts no work ("Đề nghị Viễn thông Thanh Hóa, Viettel Thanh Hóa phối hợp …") opens
 * a name the head nouns do not know.
 */
export function looseHeadAt(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (!token || !startsUpper(token.raw) || /[,;:.]$/.test(token.raw)) return false;
  return matchPhrase(tokens, i, WORK_START) === 0 && matchPhrase(tokens, i, DESCRIPTIVE) === 0;
}

export interface AgencySpan {
  /** First token of the name. */
  start: number;
  /** Token after the name. */
  end: number;
  /** The name as written, brackets and final punctuation included. */
  raw: string;
  /** The name was closed by a colon ("Giao Ban Tổ chức Tỉnh ủy: …"). */
  colon: boolean;
}

/**
 * The agency name (or list of names) starting at token `i`. It runs until the first lower-case
 * verb of the work, a colon or a full stop; bracketed asides ride along ("Sở Khoa học và Công
 * nghệ (cơ quan thường trực)").
 */
export function agencySpanAt(text: string, tokens: Token[], i: number, loose = false): AgencySpan | null {
  const head = agencyHeadAt(tokens, i) || (loose && looseHeadAt(tokens, i) ? 1 : 0);
  if (head === 0) return null;
  let j = i;
  let depth = 0;
  let colon = false;
  // The first token of the list member being read.
  let memberStart = i;
  const group = tokens[i]!.key === "các" || tokens[i]!.key === "những";
  while (j < tokens.length && j - i < 80) {
    const token = tokens[j]!;
    if (depth > 0) {
      depth += count(token.raw, "(") - count(token.raw, ")");
      j++;
      continue;
    }
    if (j >= i + head) {
      if (token.raw.startsWith("(")) {
        depth += count(token.raw, "(") - count(token.raw, ")");
        j++;
        continue;
      }
      // A further agency in the list ("… và các tổ chức chính trị - xã hội") is read whole.
      const next = j > i && /[,;]$|^và$/.test(tokens[j - 1]!.raw) ? agencyHeadAt(tokens, j) : 0;
      if (next > 0) {
        memberStart = j;
        j += next;
        if (/:$/.test(tokens[j - 1]!.raw)) {
          colon = true;
          break;
        }
        continue;
      }
      // "Các cấp ủy, tổ chức đảng, cơ quan, đơn vị": members of a group are bare nouns after a
      // comma, and "tổ chức" is one of them when its phrase closes on a comma or "và" as well.
      const member = group && /,$/.test(tokens[j - 1]!.raw) ? groupMemberAt(tokens, j) : 0;
      if (member > 0) {
        j += member;
        continue;
      }
      if (
        startsLower(token.raw) &&
        (matchPhrase(tokens, j, WORK_START) > 0 || matchPhrase(tokens, j, DESCRIPTIVE) > 0)
      ) {
        break;
      }
      // A whole name from the directory followed by lower-case words that are no part of a name
      // ("… với Sở Tài chính thanh tra việc …"): the work starts there.
      if (startsLower(token.raw) && runsPastKnownAgency(text.slice(tokens[memberStart]!.start, token.end)))
        break;
    }
    j++;
    if (/:$/.test(token.raw)) {
      // "các Sở: Tài chính, Nội vụ …" names its members after the colon.
      if (isPluralHead(tokens, j - 1) && startsUpper(tokens[j]?.raw ?? "")) continue;
      colon = true;
      break;
    }
    if (/[.!?]$/.test(token.raw) && !/^(TP|tp|Tp|TT|Q)\.$/.test(token.raw)) break;
  }
  // A name does not end on a joining word: "Sở Tài chính và" + verb means the list went on in the verb.
  while (j > i + head && /^(và|với|cùng|,)$/.test(tokens[j - 1]!.key)) j--;
  const raw = text.slice(tokens[i]!.start, tokens[j - 1]!.end);
  return { start: i, end: j, raw, colon };
}

/** Words of a group member ("tổ chức đảng,") at token `j` that ends the member on a comma or "và", or 0. */
function groupMemberAt(tokens: Token[], j: number): number {
  const noun = matchPhrase(tokens, j, GROUP_NOUNS);
  if (noun === 0) return 0;
  const closes = (k: number) => /,$/.test(tokens[k]!.raw) || tokens[k + 1]?.key === "và";
  const last = j + noun - 1;
  if (closes(last)) return noun;
  // One qualifier may follow the noun ("tổ chức đảng"), but not the first verb of the work.
  const next = last + 1;
  if (next < tokens.length && matchPhrase(tokens, next, WORK_START) === 0 && closes(next)) return noun + 1;
  return 0;
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

/** "các sở, ngành liên quan", "UBND các xã" name many agencies; a chain of command stops there. */
export function isGenericAgency(name: string): boolean {
  const f = ` ${folded(name)} `;
  return / (cac|nhung|moi|toan the) | lien quan | cap xa | cap huyen | cap co so /.test(f);
}

/** "Sở:" or "Ban:" right after "các": the members of the group follow. */
function isPluralHead(tokens: Token[], k: number): boolean {
  const before = tokens[k - 1]?.key;
  return (before === "các" || before === "những") && /^(sở|ban)$/.test(tokens[k]!.key);
}

/**
 * Names of bodies whose own name holds "và" or a comma; in "các Sở: Tài chính, Nội vụ và Y tế"
 * any other "và" separates members.
 */
const JOINED_NAMES = new Set([
  "khoa hoc va cong nghe",
  "nong nghiep va moi truong",
  "giao duc va dao tao",
  "dan toc va ton giao",
  "van hoa, the thao va du lich",
  "tuyen giao va dan van",
  "ke hoach va dau tu",
  "tai nguyen va moi truong",
  "thong tin va truyen thong",
  "lao dong - thuong binh va xa hoi",
  "giao thong van tai",
]);

/**
 * "các Sở: Tài chính, Nội vụ, Khoa học và Công nghệ" is "Sở Tài chính", "Sở Nội vụ", "Sở Khoa học
 * và Công nghệ"; "các Ban: Tổ chức, Tuyên giáo và Dân vận Tỉnh ủy" gives the last member's
 * "Tỉnh ủy" to every member.
 */
function distributed(text: string): string[] | null {
  const m = /^(?:các|những)\s+(sở|ban)\s*:?\s+(\p{Lu}.*)$/iu.exec(text);
  if (!m) return null;
  const head = capitalizeFirst(m[1]!.toLowerCase());
  const pieces: string[] = [];
  for (const piece of m[2]!.split(/\s*,\s*/)) {
    const previous = pieces[pieces.length - 1];
    if (previous !== undefined && JOINED_NAMES.has(folded(`${previous}, ${piece}`))) {
      pieces[pieces.length - 1] = `${previous}, ${piece}`;
    } else {
      pieces.push(piece);
    }
  }
  const members: string[] = [];
  for (const piece of pieces) {
    const parts = piece.split(/\s+và\s+/);
    if (parts.length === 1 || JOINED_NAMES.has(folded(piece))) members.push(piece);
    else members.push(...joinKnown(parts));
  }
  const suffix = /\s((?:Tỉnh|Thành|Huyện) ủy)$/u.exec(members[members.length - 1] ?? "")?.[1];
  return members.map((name) => {
    const full = suffix && !name.endsWith(suffix) ? `${name} ${suffix}` : name;
    return `${head} ${full}`;
  });
}

/** "Nội vụ và Khoa học và Công nghệ" → "Nội vụ", "Khoa học và Công nghệ". */
function joinKnown(parts: string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < parts.length; k++) {
    const pair = k + 1 < parts.length ? `${parts[k]} và ${parts[k + 1]}` : "";
    const known = pair !== "" && JOINED_NAMES.has(folded(pair.replace(/\s(Tỉnh|Thành|Huyện) ủy$/u, "")));
    if (known) {
      out.push(pair);
      k++;
    } else {
      out.push(parts[k]!);
    }
  }
  return out;
}

/** Name as a lead or coordinator: no brackets, no final punctuation, capitalised. */
function cleanAgencyName(name: string): string {
  const text = tidy(
    name
      .replace(/\([^()]*\)/g, " ")
      .replace(/^(cho|với)\s+/i, "")
      // "Sở Khoa học và Công nghệ - Cơ quan thường trực Ban Chỉ đạo": the role is no part of the name.
      .replace(
        /\s+[-–]\s+(?:là\s+)?(?:cơ quan|đơn vị)\s+(?:thường trực|đầu mối|chủ trì|tham mưu)\b.*$/iu,
        "",
      ),
  );
  return capitalizeFirst(text.replace(/^(và|cùng)\s+/i, ""));
}

/**
 * "Sở Tài chính và Sở Nội vụ" names two agencies, "Sở Khoa học và Công nghệ" one: "và" separates
 * only when both sides start like an agency.
 */
function splitOnAnd(name: string): string[] {
  const parts = name.split(/\s+và\s+/);
  if (parts.length === 1) return [name];
  const out: string[] = [parts[0]!];
  for (const part of parts.slice(1)) {
    const startsAgency = agencyHeadAt(tokenize(part), 0) > 0;
    const prevStartsAgency = agencyHeadAt(tokenize(out[out.length - 1]!), 0) > 0;
    if (startsAgency && prevStartsAgency) out.push(part);
    else out[out.length - 1] = `${out[out.length - 1]} và ${part}`;
  }
  return out;
}

export function agencyList(raw: string): string[] {
  const text = normalizeText(raw.replace(/\([^()]*\)/g, " ")).replace(/[\s,;:.]+$/, "");
  if (text === "") return [];
  const members = distributed(text);
  if (members) return members;
  const out: string[] = [];
  for (const part of splitAgencies(text)) {
    for (const piece of splitOnAnd(part)) {
      const name = cleanAgencyName(piece);
      if (name !== "" && !out.includes(name)) out.push(name);
    }
  }
  return out;
}

export interface Responsibility {
  leads: string[];
  /** The titled person(s) answering for the work ("Giám đốc Sở Tài chính"), or "". */
  responsible: string;
}

/**
 * Splits "Giám đốc Sở Tài chính, Chủ tịch UBND các xã" into the people who answer for the work
 * and the agencies they head. "Chánh Văn phòng" heads "Văn phòng"; every other title drops whole.
 */
export function responsibility(raw: string): Responsibility {
  const cleaned = normalizeText(raw.replace(/\([^()]*\)/g, " ")).replace(/[\s,;:.]+$/, "");
  // "đồng chí Phó Chủ tịch UBND tỉnh Nguyễn Văn An" names a person: the name is no part of the agency.
  const person = /^đồng chí\s+/i.test(cleaned);
  const text = cleaned.replace(/^đồng chí\s+/i, "");
  const tokens = tokenize(text);
  const cuts = [0];
  for (let i = 1; i < tokens.length; i++) {
    if (/[,;]$/.test(tokens[i - 1]!.raw) && startsTitle(tokens, i)) cuts.push(i);
  }
  const people: string[] = [];
  const agencies: string[] = [];
  cuts.forEach((start, n) => {
    const end = cuts[n + 1] ?? tokens.length;
    const segment = tidy(text.slice(tokens[start]!.start, tokens[end - 1]!.end));
    const title = startsTitle(tokens, start);
    if (title === 0) {
      // "đồng chí Nguyễn Văn Hùng, Phó Chủ tịch UBND tỉnh": the name before the title is a person's.
      if (person && n === 0 && cuts.length > 1 && isPersonalName(segment)) {
        people.push(segment);
        return;
      }
      agencies.push(segment);
      return;
    }
    people.push(segment);
    let nameEnd = end;
    if (person) {
      let k = end;
      while (k > start + title && startsUpper(tokens[k - 1]!.raw)) k--;
      if (end - k >= 2 && k > start + title && startsLower(tokens[k - 1]!.raw)) nameEnd = k;
    }
    agencies.push(text.slice(tokens[start + title]!.start, tokens[nameEnd - 1]!.end));
  });
  const leads: string[] = [];
  for (const agency of agencies)
    for (const name of agencyList(agency)) if (!leads.includes(name)) leads.push(name);
  return { leads, responsible: people.map((p) => capitalizeFirst(p)).join("; ") };
}

/** Two to five capitalised words with no head noun of an agency: "Nguyễn Văn Hùng". */
function isPersonalName(segment: string): boolean {
  const tokens = tokenize(segment);
  return (
    tokens.length >= 2 &&
    tokens.length <= 5 &&
    tokens.every((t) => startsUpper(t.raw)) &&
    agencyHeadAt(tokens, 0) === 0
  );
}

function startsTitle(tokens: Token[], i: number): number {
  const title = matchPhrase(tokens, i, TITLES);
  if (title === 0 || agencyHeadAt(tokens, i + title) === 0) return 0;
  return title;
}
