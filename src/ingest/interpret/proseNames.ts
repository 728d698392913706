import { splitAgencies } from "../../domain/agencyNames.ts";
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
export function agencySpanAt(text: string, tokens: Token[], i: number): AgencySpan | null {
  const head = agencyHeadAt(tokens, i);
  if (head === 0) return null;
  let j = i;
  let depth = 0;
  let colon = false;
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
    }
    j++;
    if (/:$/.test(token.raw)) {
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

/** Name as a lead or coordinator: no brackets, no final punctuation, capitalised. */
function cleanAgencyName(name: string): string {
  const text = tidy(name.replace(/\([^()]*\)/g, " ").replace(/^(cho|với)\s+/i, ""));
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

function startsTitle(tokens: Token[], i: number): number {
  const title = matchPhrase(tokens, i, TITLES);
  if (title === 0 || agencyHeadAt(tokens, i + title) === 0) return 0;
  return title;
}
