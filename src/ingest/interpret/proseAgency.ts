import {
  type AgencySpan,
  agencyHeadAt,
  agencyList,
  agencySpanAt,
  isGenericAgency,
  looseHeadAt,
  responsibility,
} from "./proseNames.ts";
import {
  clausesOf,
  folded,
  matchPhrase,
  memoize,
  phraseSet,
  startsLower,
  startsUpper,
  type Token,
  tidy,
  tokenize,
} from "./proseText.ts";
import { APPRAISAL, ASSIGN, DESCRIPTIVE, STRONG_ROLE } from "./proseWords.ts";

/**
 * Who an assignment sentence gives the work to, and what is left of the sentence as the work.
 */

export interface LeadIn {
  /** The sentence assigns with a verb: "Giao X", "Đề nghị X", "Ban Thường vụ yêu cầu X". */
  explicit: boolean;
  /** An agency opens the sentence and is followed by chủ trì / có trách nhiệm / a colon. */
  strong: boolean;
  /** The sentence reports (đã, đang, được, ghi nhận …) rather than assigns. */
  descriptive: boolean;
  leads: string[];
  responsible: string;
  coordinators: string[];
  /** The sentence after the lead-in: the work, still with its deadline clause. */
  work: string;
  /** Nothing but an agency name: a heading such as "2. Sở Khoa học và Công nghệ". */
  agencyOnly: boolean;
}

// "Trong đó, Sở Tài chính …", "Đồng thời, giao …": a connective before the assignment.
const FRONT =
  /^(?:(?:trong đó|theo đó|đồng thời|bên cạnh đó|ngoài ra|mặt khác),\s+)?(?:đối với|về phía|riêng|giao nhiệm vụ cho)?\s*/i;
const LEADING_TIME =
  /^(?:(?:trước|chậm nhất|trong)\s+(?:ngày|tháng|quý|năm)?\s*[\dIVX][^,]{0,25}?\d{4}|ngay trong[^,]{0,25}?\d{4}),\s*/i;

/**
 * Reads who an assignment sentence gives the work to. Handles "Giao X: …", "Giao X chủ trì,
 * phối hợp với Y …", "Đề nghị X …", "[issuer] yêu cầu X …", "X chủ trì …", "X: …", and the Party
 * chain "Đảng ủy A (lãnh đạo,) chỉ đạo B …", where the work falls to B unless B is a whole group
 * ("các cơ quan, đơn vị liên quan"), in which case A answers for it.
 */
export const readLeadIn = memoize(readLeadInUncached);

function readLeadInUncached(sentence: string): LeadIn {
  const text = sentence.replace(LEADING_TIME, "").replace(FRONT, "");
  const tokens = tokenize(text);
  const none: LeadIn = {
    explicit: false,
    strong: false,
    descriptive: false,
    leads: [],
    responsible: "",
    coordinators: [],
    work: text,
    agencyOnly: false,
  };
  if (tokens.length === 0) return none;

  const opening = assignmentVerb(text, tokens);
  const explicit = opening.explicit;
  let i = opening.start;
  if (tokens[i]?.key === "cho") i++;

  let span = agencySpanAt(text, tokens, i, explicit);
  // A name no head noun knows lists its members with commas before capitals.
  const unknownKind = span !== null && agencyHeadAt(tokens, i) === 0;
  let chained = false;
  if (!span && !explicit) {
    // "+ Chỉ đạo Sở Khoa học và Công nghệ chủ trì …" under "Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo UBND tỉnh:".
    const k = chainStart(tokens, i);
    const next = k >= 0 ? agencySpanAt(text, tokens, k) : null;
    // "Lãnh đạo, chỉ đạo UBND tỉnh ban hành …" under a party committee: the formula of party
    // leadership names the body that does the work.
    const formula = tokens[i]?.key === "lãnh" && tokens[i + 1]?.key === "đạo";
    if (next && !isGenericAgency(next.raw) && (formula || namesLeadRole(tokens, next))) {
      span = next;
      chained = true;
    }
  }
  if (!span) {
    if (!explicit && matchPhrase(tokens, i, APPRAISAL) > 0) return { ...none, descriptive: true };
    // "Chủ trì, phối hợp với Y …" under an agency heading drops the role words, which the
    // fields carry; a bare "Phối hợp với Y …" stays: it says the agency only supports.
    const roles = readRoles(text, tokens, i);
    return {
      ...none,
      explicit,
      coordinators: roles.coordinators,
      work: roles.chairs ? rest(text, tokens, roles.end) : rest(text, tokens, i),
    };
  }

  // "Sở X được giao chủ trì …" assigns in the passive; "Sở X được giao … đã hoàn thành" reports.
  const passive = tokens[span.end]?.key === "được" && tokens[span.end + 1]?.key === "giao";
  const descriptive =
    !explicit &&
    !chained &&
    (matchPhrase(tokens, passive ? span.end + 2 : span.end, DESCRIPTIVE) > 0 ||
      (passive && reportsPast(tokens, span.end + 2)));
  const chain = passive ? passiveChain(span) : followChain(text, tokens, span);
  span = chain.span;
  const { leadName, directed, formulaColon } = chain;
  const j = chain.end;
  const strong = span.colon || chained || formulaColon || matchPhrase(tokens, j, STRONG_ROLE) > 0;
  const roles = readRoles(text, tokens, j);
  roles.coordinators.unshift(...directed);
  // "X phối hợp với Y …" without "chủ trì" keeps the role in the work: X only supports.
  const work = rest(text, tokens, roles.chairs ? roles.end : j);
  const who =
    unknownKind && chain.span.start === i
      ? { leads: leadName.split(/\s*,\s*(?=\p{Lu})/u).flatMap((name) => agencyList(name)), responsible: "" }
      : responsibility(leadName);
  return {
    explicit,
    strong,
    descriptive,
    leads: who.leads,
    responsible: who.responsible,
    coordinators: roles.coordinators,
    work,
    agencyOnly: tidy(work) === "",
  };
}

/**
 * Where an assignment verb hands the work to an addressee: "Giao X …", "X yêu cầu Y …", "Thời
 * gian tới, đề nghị X …". `start` is the token after the verb, or 0 without one.
 */
function assignmentVerb(text: string, tokens: Token[]): { explicit: boolean; start: number } {
  const verb = matchPhrase(tokens, 0, ASSIGN);
  const cho = tokens[verb]?.key === "cho" ? 1 : 0;
  // "Giao thông …", "Yêu cầu chung" open no assignment: the verb must hand the work to someone.
  const addressee = (k: number) => agencyHeadAt(tokens, k) > 0 || looseHeadAt(tokens, k);
  if (verb > 0 && (addressee(verb + cho) || /:$/.test(tokens[verb - 1]!.raw))) {
    return { explicit: true, start: verb };
  }
  const subject = agencySpanAt(text, tokens, 0);
  if (subject && !subject.colon) {
    const assign = matchPhrase(tokens, subject.end, ASSIGN);
    if (assign > 0 && startsLower(tokens[subject.end]!.raw))
      return { explicit: true, start: subject.end + assign };
  }
  // "Thời gian tới, đề nghị X …", "Để bảo đảm tiến độ, giao X …": a short opening phrase.
  for (let k = 1; k < Math.min(tokens.length, 14); k++) {
    if (!/,$/.test(tokens[k - 1]!.raw)) continue;
    const assign = matchPhrase(tokens, k, ASSIGN);
    if (assign > 0 && agencyHeadAt(tokens, k + assign + (tokens[k + assign]?.key === "cho" ? 1 : 0)) > 0) {
      return { explicit: true, start: k + assign };
    }
  }
  return { explicit: false, start: 0 };
}

/**
 * Party bodies direct the state body that does the work ("Đảng ủy Công an tỉnh chỉ đạo Công an
 * tỉnh"); any other agency that "chỉ đạo B" keeps the work unless B is named lead (B chủ trì).
 */
const PARTY_BODY = /^(dang uy|dang doan|ban can su|ban thuong vu|thuong truc (tinh|thanh|huyen) uy)\b/;

const PARTY_PREFIX = /^(dang uy|dang doan|ban can su dang|chi bo|dang bo) /;
const BACK_REFERENCE = new Set(["sở", "ban", "ngành", "trường", "viện", "ubnd", "xã", "phường"]);

/** "… đã hoàn thành", "… đang triển khai" within the clause from token `from`. */
function reportsPast(tokens: Token[], from: number): boolean {
  for (let k = from; k < tokens.length; k++) {
    if (tokens[k]!.key === "đã" || tokens[k]!.key === "đang") return true;
    if (/[.;]$/.test(tokens[k]!.raw)) break;
  }
  return false;
}

/** "Sở X được giao (nhiệm vụ) chủ trì …": the work starts after the passive. */
function passiveChain(span: AgencySpan): Chain {
  return { span, leadName: span.raw, end: span.end + 2, directed: [], formulaColon: false };
}

interface Chain {
  /** The agency the chain ends on. */
  span: AgencySpan;
  /** Its name as a lead: a party committee's body ("UBND tỉnh" for "Đảng ủy UBND tỉnh"). */
  leadName: string;
  /** Token where the work starts. */
  end: number;
  /** A group the lead is to direct ("… chỉ đạo các cơ quan, đơn vị liên quan …"). */
  directed: string[];
  /** The party formula closed on a colon: the work follows below. */
  formulaColon: boolean;
}

/**
 * "A lãnh đạo, chỉ đạo B …", "A giao B …": follows the chain of command from the agency that opens
 * the sentence to the one that does the work.
 */
function followChain(text: string, tokens: Token[], first: AgencySpan): Chain {
  let span = first;
  const out: Chain = { span, leadName: span.raw, end: span.end, directed: [], formulaColon: false };
  for (let guard = 0; guard < 6; guard++) {
    const party = PARTY_PREFIX.exec(folded(span.raw));
    // "Đảng ủy UBND tỉnh: lãnh đạo, chỉ đạo UBND tỉnh …" reads as without the colon.
    if (span.colon && !(party && chainStart(tokens, out.end) >= 0)) break;
    // "UBND tỉnh giao Sở Tài chính chủ trì …": the agency given the work does it.
    const assign = matchPhrase(tokens, out.end, ASSIGN);
    const given = assign > 0 ? agencySpanAt(text, tokens, out.end + assign) : null;
    if (given) {
      span = given;
      out.leadName = given.raw;
      out.end = given.end;
      continue;
    }
    const k = chainStart(tokens, out.end);
    if (k < 0) {
      // "Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo:" heads the work of the UBND tỉnh listed below.
      const end = chainStart(tokens, out.end, true);
      if (party && end > 0 && out.leadName === span.raw && !/^cac /.test(folded(span.raw))) {
        out.leadName = span.raw.slice(party[0].length);
        out.end = end;
        out.formulaColon = true;
      }
      break;
    }
    // "Đảng ủy Sở Khoa học và Công nghệ lãnh đạo, chỉ đạo Sở …": the bare noun is the body A leads.
    const body = party ? span.raw.slice(party[0].length).replace(/[\s,;:.]+$/, "") : "";
    const repeated = party !== null && folded(text.slice(tokens[k]!.start)).startsWith(folded(body));
    const next = agencySpanAt(text, tokens, k);
    // A bare noun is a back reference; one heading a name that runs on ("UBND các xã, phường:",
    // closed by the colon) names a body of its own.
    const named = next?.colon === true && next.end > k + 1;
    if (
      party &&
      !repeated &&
      !named &&
      BACK_REFERENCE.has(tokens[k]!.key) &&
      !startsUpper(tokens[k + 1]?.raw ?? "x")
    ) {
      out.leadName = body;
      out.end = k + 1;
      break;
    }
    if (!next || (isGenericAgency(next.raw) && !named)) {
      // A party committee leads through the body it sits in: "Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo
      // các cơ quan, đơn vị liên quan …" is work for the UBND tỉnh, which the group supports; the
      // formula of party leadership is no part of the work.
      if (party && out.leadName === span.raw && !/^cac /.test(folded(span.raw))) {
        out.leadName = body;
        if (next) out.directed.push(...agencyList(next.raw));
        out.end = next ? next.end : k;
      }
      break;
    }
    if (!PARTY_BODY.test(folded(span.raw)) && !namesLeadRole(tokens, next)) break;
    span = next;
    out.leadName = next.raw;
    out.end = next.end;
  }
  out.span = span;
  return out;
}

function namesLeadRole(tokens: Token[], span: AgencySpan): boolean {
  return span.colon || span.end >= tokens.length || matchPhrase(tokens, span.end, STRONG_ROLE) > 0;
}

/** Index of the agency after "lãnh đạo, chỉ đạo" / "chỉ đạo" at token `j`, or -1. */
function chainStart(tokens: Token[], j: number, colon = false): number {
  let k = j;
  if (tokens[k]?.key === "lãnh" && tokens[k + 1]?.key === "đạo") {
    k += 2;
    if (tokens[k]?.key === "và") k++;
  }
  if (tokens[k]?.key !== "chỉ" || tokens[k + 1]?.key !== "đạo") {
    // "Đảng ủy Công an tỉnh lãnh đạo Công an tỉnh …"
    return k > j && !colon && !/[,;:]$/.test(tokens[k - 1]!.raw) ? k : -1;
  }
  // `colon`: the formula closes on a colon ("lãnh đạo, chỉ đạo:") and the work follows below.
  const closes = /:$/.test(tokens[k + 1]!.raw);
  if (colon ? closes : !/[,;:]$/.test(tokens[k + 1]!.raw)) return k + 2;
  return -1;
}

interface Roles {
  coordinators: string[];
  /** Token where the work starts once "chủ trì, phối hợp với …" is read. */
  end: number;
  /** "chủ trì" was written. */
  chairs: boolean;
}

/** Reads "chủ trì(,) phối hợp (chặt chẽ) với A, B" at token `j`. */
function readRoles(text: string, tokens: Token[], j: number): Roles {
  let k = j;
  let chairs = false;
  if (tokens[k]?.key === "chủ" && tokens[k + 1]?.key === "trì") {
    k += 2;
    chairs = true;
    if (tokens[k]?.key === "và") k++;
  } else if (tokens[k]?.key === "có" && tokens[k + 1]?.key === "trách" && tokens[k + 2]?.key === "nhiệm") {
    // "X có trách nhiệm theo dõi …": the duty is the work, "có trách nhiệm" only marks it.
    k += 3;
    chairs = true;
  }
  const coordinators: string[] = [];
  if (tokens[k]?.key === "phối" && tokens[k + 1]?.key === "hợp" && !/[,;:.]$/.test(tokens[k + 1]!.raw)) {
    let m = k + 2;
    if (tokens[m]?.key === "chặt" && tokens[m + 1]?.key === "chẽ") m += 2;
    if (tokens[m]?.key === "với" || tokens[m]?.key === "cùng") m++;
    const span = agencySpanAt(text, tokens, m);
    if (span) {
      coordinators.push(...agencyList(span.raw));
      k = span.end;
    }
  }
  return { coordinators, end: k, chairs };
}

function rest(text: string, tokens: Token[], from: number): string {
  const token = tokens[from];
  if (!token) return "";
  return text.slice(token.start).replace(/^[\s,;:]+/, "");
}

/** Every "phối hợp với A, B" in a sentence, wherever it stands. */
export function coordinatorsIn(text: string): string[] {
  const tokens = tokenize(text);
  const out: string[] = [];
  for (let i = 0; i < tokens.length - 2; i++) {
    if (tokens[i]!.key !== "phối" || tokens[i + 1]!.key !== "hợp") continue;
    let m = i + 2;
    if (tokens[m]?.key === "chặt" && tokens[m + 1]?.key === "chẽ") m += 2;
    if (tokens[m]?.key !== "với" && tokens[m]?.key !== "cùng") continue;
    const span = agencySpanAt(text, tokens, m + 1);
    if (span) for (const name of agencyList(span.raw)) if (!out.includes(name)) out.push(name);
  }
  return out;
}

/**
 * Every agency the work tells the lead to direct ("chỉ đạo các sở, ngành rà soát …"): they carry
 * the work out under the lead, so they follow it as coordinators. "Ban Chỉ đạo" is a name, and
 * "theo chỉ đạo của …" names no agency.
 */
const CO_DIRECTING = phraseSet(["hướng dẫn", "đôn đốc", "kiểm tra", "giám sát"]);

export function directedIn(work: string): string[] {
  const tokens = tokenize(work);
  const out: string[] = [];
  for (let i = 0; i < tokens.length - 2; i++) {
    if (tokens[i]!.key !== "chỉ" || tokens[i + 1]!.key !== "đạo") continue;
    if (i > 0 && (tokens[i - 1]!.key === "ban" || startsUpper(tokens[i]!.raw))) continue;
    let k = i + 2;
    // "chỉ đạo, hướng dẫn các xã, phường …": the agency follows the second verb.
    if (/,$/.test(tokens[i + 1]!.raw)) {
      const second = matchPhrase(tokens, k, CO_DIRECTING);
      if (second === 0 || /[,;:.]$/.test(tokens[k + second - 1]!.raw)) continue;
      k += second;
    } else if (/[;:.]$/.test(tokens[i + 1]!.raw)) {
      continue;
    }
    const span = agencySpanAt(work, tokens, k);
    if (span) for (const name of agencyList(span.raw)) if (!out.includes(name)) out.push(name);
  }
  return out;
}

export interface Cooperation {
  coordinators: string[];
  /** The work without the clauses that only name who supports it. */
  work: string;
}

/**
 * "Tham mưu ban hành kế hoạch …; các sở, ngành liên quan phối hợp thực hiện; hoàn thành …": a
 * clause after the first whose subject is an agency that "phối hợp" names coordinators. When it
 * says nothing more ("phối hợp thực hiện"), it is a role, like "chủ trì", and leaves the title.
 */
export function cooperatingClauses(work: string, fromFirst = false): Cooperation {
  if (!/phối hợp/i.test(work)) return { coordinators: [], work };
  const clauses = clausesOf(work);
  const kept: string[] = [];
  const coordinators: string[] = [];
  clauses.forEach((clause, n) => {
    const tokens = tokenize(clause);
    const span = n > 0 || fromFirst ? agencySpanAt(clause, tokens, 0) : null;
    if (!span || tokens[span.end]?.key !== "phối" || tokens[span.end + 1]?.key !== "hợp") {
      kept.push(clause);
      return;
    }
    for (const name of agencyList(span.raw)) if (!coordinators.includes(name)) coordinators.push(name);
    const after = folded(rest(clause, tokens, span.end + 2));
    if (!/^(?:(?:thuc hien|trien khai)(?: (?:nhiem vu nay|noi dung nay))?)?\s*[.;]?$/.test(after))
      kept.push(clause);
  });
  return { coordinators, work: kept.length === clauses.length ? work : kept.join(" ") };
}

/** A paragraph that only names who supports the task before it ("Sở Tài chính phối hợp thực hiện."). */
export function cooperationOnly(text: string): string[] {
  const found = cooperatingClauses(text.trim(), true);
  return tidy(found.work) === "" ? found.coordinators : [];
}
