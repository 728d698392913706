import { foldKeepingOffsets, parseDeadline } from "../../domain/deadline.ts";
import type { Deadline } from "../extraction.ts";
import { memoize, tidy } from "./proseText.ts";

/**
 * Finds the deadline clause inside an assignment sentence. A sentence names many times that are
 * not deadlines ("Công văn số 2039-CV/VPTW, ngày 28/4/2026", "các nhiệm vụ có thời hạn trong
 * tháng 4/2026", "kết quả Quý I"), so a time counts only behind a word that sets a limit, and the
 * strongest such word wins: a completion phrase ("hoàn thành trước ngày …", "thời hạn: …") over
 * a bare limit ("trước ngày …", "chậm nhất ngày …") over a period ("trong tháng 5/2026").
 * Patterns run on foldKeepingOffsets text so offsets cut the original clause out of the title.
 */

const DATE = String.raw`(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:\d{4}|\d{2})(?![\d/])|ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4})`;
const MONTH = String.raw`(?:thang\s+\d{1,2}(?:\s*(?:,|-|va)\s*\d{1,2})*\s*(?:/|-|nam)\s*\d{4})`;
const QUARTER = String.raw`(?:quy\s+(?:iv|i{1,3}|[1-4])(?:\s*(?:,|-|va)\s*(?:iv|i{1,3}|[1-4]))*\s*(?:/|-|nam)\s*\d{4})`;
const HALF = String.raw`(?:6\s+thang\s+(?:dau|cuoi)\s+nam\s+\d{4})`;
const YEAR = String.raw`(?:nam\s+\d{4})`;
const TIME = `(?:${DATE}|${MONTH}|${QUARTER}|${HALF}|${YEAR})`;

const COMPLETION = new RegExp(
  String.raw`(?<![a-z])(?:hoan\s+thanh|hoan\s+tat|ket\s+thuc|(?<!co\s)thoi\s+han(?:\s+hoan\s+thanh)?|thoi\s+gian\s+(?:hoan\s+thanh|thuc\s+hien)|han\s+hoan\s+thanh|han\s+chot)` +
    String.raw`(?:\s+xong)?\s*:?(?<limit>(?:\s+(?:truoc|trong|vao|cham\s+nhat(?:\s+la)?(?:\s+vao)?|ngay|den(?:\s+het)?|xong|la))*\s+${TIME})`,
  "g",
);
const LIMIT_WORDS = String.raw`(?<![a-z])(?:xong\s+)?(?:truoc|cham\s+nhat(?:\s+la)?(?:\s+vao)?|khong\s+muon\s+hon)(?:\s+ngay)?\s+`;
const LIMIT = new RegExp(`${LIMIT_WORDS}${DATE}`, "g");
/** "(tháng 6/2026)", "(Quý III/2026)": a bare time in brackets closing an item. */
const BRACKETED = new RegExp(String.raw`\(\s*(?:(?:truoc|trong|vao)\s+)?${TIME}\s*\)`, "g");
/** "trước ngày 15/6": the year is the document's. */
const LIMIT_NO_YEAR = new RegExp(String.raw`${LIMIT_WORDS}\d{1,2}\s*/\s*\d{1,2}(?![\d/])`, "g");
// "có thời hạn trong tháng 4/2026" describes which tasks are meant; it sets no limit.
const PERIOD = new RegExp(
  String.raw`(?<![a-z])(?<!co\s+thoi\s+han\s)(?<!den\s+han\s)(?<!het\s+han\s)(?:cham\s+nhat\s+(?:la\s+)?)?(?:ngay\s+trong|xong\s+trong|trong|den\s+het)\s+${`(?:${MONTH}|${QUARTER}|${HALF}|${YEAR})`}`,
  "g",
);
const RECURRING =
  /(?<![a-z])(?:thuong\s+xuyen(?:\s+(?:va|,)\s+dinh\s+ky)?|dinh\s+ky(?:\s+hang\s+(?:nam|quy|thang|tuan))?|hang\s+(?:nam|quy|thang|tuan)|moi\s+(?:nam|quy|thang)|(?:(?:trong\s+)?(?:nam\s+)?\d{4}\s+va\s+)?(?:nhung|cac)\s+nam\s+tiep\s+theo)(?![a-z])/g;
/** A clause that is nothing but the recurrence ("thực hiện thường xuyên", "(nhiệm vụ thường xuyên)"). */
const RECURRING_CLAUSE =
  /^(?:(?:la\s+)?nhiem\s+vu|thuc\s+hien|trien\s+khai|(?:thoi\s+gian|thoi\s+han|tien\s+do)(?:\s+(?:thuc\s+hien|hoan\s+thanh))?\s*:?)?\s*(?:thuong\s+xuyen(?:\s+(?:va|,)\s+dinh\s+ky)?|dinh\s+ky(?:\s+hang\s+(?:nam|quy|thang))?|hang\s+(?:nam|quy|thang))(?:\s+hang\s+(?:nam|quy|thang))?$/;

interface Span {
  start: number;
  end: number;
}

interface Candidate extends Span {
  rank: number;
  parsed: Deadline;
  /** Where the time itself starts, after "hoàn thành" ("hoàn thành| trước ngày 30/6/2026"). */
  limitStart: number;
}

export interface FoundDeadline {
  deadline: Deadline;
  /** 3: a completion phrase, 2: a limit ("trước ngày"), 1: a period ("trong tháng"), 0: recurrence only. */
  rank: number;
  /** Where the clause stands in the sentence, to cut it out of the title. */
  spans: Span[];
}

function parse(text: string, contextYear: number | undefined): Deadline {
  const parsed = parseDeadline(text, { contextYear });
  return { text: parsed.text, kind: parsed.kind, due: parsed.due };
}

function candidates(
  text: string,
  foldedText: string,
  pattern: RegExp,
  rank: number,
  contextYear: number | undefined,
): Candidate[] {
  const out: Candidate[] = [];
  for (const m of foldedText.matchAll(pattern)) {
    const clause = text.slice(m.index, m.index + m[0].length);
    const parsed = parse(clause, contextYear);
    if (parsed.due === null) continue;
    // "(tháng 6/2026)" is written "tháng 6/2026"; "thời hạn: trước ngày …" as its value, like a field.
    parsed.text = withoutLabel(parsed.text.replace(/^\(\s*|\s*\)$/g, ""));
    const limit = m.groups?.limit;
    const limitStart = limit ? m.index + m[0].length - limit.length : m.index;
    out.push({ start: m.index, end: m.index + m[0].length, rank, parsed, limitStart });
  }
  return out;
}

/** Clause boundaries: commas, semicolons, full stops and brackets. */
function clauseAround(foldedText: string, span: Span): Span {
  let start = span.start;
  while (start > 0 && !/[,;.(]/.test(foldedText[start - 1]!)) start--;
  let end = span.end;
  while (end < foldedText.length && !/[,;.)]/.test(foldedText[end]!)) end++;
  return { start, end };
}

/** "trước ngày 25 " right before "hằng tháng": the day of each period the work is due. */
const DAY_OF_PERIOD = /(?<![a-z])(?:truoc|cham\s+nhat(?:\s+la)?)(?:\s+ngay)?\s+\d{1,2}\s+$/;

/** A clause that is only "thực hiện" / "triển khai" before the time: the verb says nothing more. */
const BARE_VERB = /^(?:thuc\s+hien|trien\s+khai)$/;

/** ", thực hiện trong Quý III/2026": the whole clause goes from the title, not just the time. */
function withBareVerb(foldedText: string, span: Span): Span {
  const clause = clauseAround(foldedText, span);
  const before = foldedText.slice(clause.start, span.start).trim();
  return clause.start > 0 && BARE_VERB.test(before) ? { start: clause.start, end: span.end } : span;
}

/** `contextYear`: the document's year, for a date written without one ("trước ngày 15/6"). */
export function findDeadline(sentence: string, contextYear?: number): FoundDeadline | null {
  return findCached(`${contextYear ?? ""}|${sentence}`);
}

const findCached = memoize((key: string) => {
  const bar = key.indexOf("|");
  const year = bar > 0 ? Number(key.slice(0, bar)) : undefined;
  return findUncached(key.slice(bar + 1), year);
});

function findUncached(sentence: string, contextYear: number | undefined): FoundDeadline | null {
  // Every deadline names a number or a recurrence; most sentences can be passed over unread.
  if (!/\d|thường|hằng|hàng|định kỳ|mỗi|tiếp theo/i.test(sentence)) return null;
  const text = sentence;
  const f = foldKeepingOffsets(text);
  let found: Candidate[] = [];
  const passes: [RegExp, number][] = [
    [COMPLETION, 3],
    [LIMIT, 2],
    [LIMIT_NO_YEAR, 2],
    [BRACKETED, 2],
    [PERIOD, 1],
  ];
  for (const [pattern, rank] of passes) {
    found = candidates(text, f, pattern, rank, contextYear);
    if (found.length > 0) break;
  }
  // Of several limits of the same strength, the last day is the task's deadline.
  const last = found.reduce<Candidate | null>(
    (a, b) => (a === null || (b.parsed.due ?? "") >= (a.parsed.due ?? "") ? b : a),
    null,
  );
  // "trong năm 2026 và những năm tiếp theo" is the recurrence, not the year inside it.
  const best = [...f.matchAll(RECURRING)].some(
    (m) => last !== null && m.index <= last.start && m.index + m[0].length >= last.end,
  )
    ? null
    : last;

  // "hoàn thành trước 30/6/2026 việc sắp xếp": the verb belongs to the work, only the time goes.
  const cut: Span | null = best
    ? /^\s*(?:$|[,;.()])/.test(f.slice(best.end))
      ? withBareVerb(f, best)
      : { start: best.limitStart, end: best.end }
    : null;
  const recurring = [...f.matchAll(RECURRING)].filter((m) => !overlaps(m.index, m.index + m[0].length, best));
  if (recurring.length === 0) {
    if (!best || !cut) return null;
    return { deadline: best.parsed, rank: best.rank, spans: [cut] };
  }

  const first = recurring[0]!;
  const clause = clauseAround(f, { start: first.index, end: first.index + first[0].length });
  const clauseText = f.slice(clause.start, clause.end).trim();
  const standalone = RECURRING_CLAUSE.test(clauseText.replace(/\s+/g, " "));
  // "trước ngày 25 hằng tháng": a day in every period is a limit, cut like one.
  const day = standalone ? null : DAY_OF_PERIOD.exec(f.slice(0, first.index));
  const dayStart = day ? first.index - day[0].length : first.index;
  const recurText = standalone
    ? withoutLabel(tidy(text.slice(clause.start, clause.end)))
    : text.slice(dayStart, first.index + first[0].length);
  const spans: Span[] = [];
  if (standalone) spans.push(clause);
  else if (day) spans.push({ start: dayStart, end: first.index + first[0].length });
  if (best && cut) {
    spans.push(cut);
    return {
      deadline: { text: `${recurText}; ${best.parsed.text}`, kind: "recurring", due: best.parsed.due },
      rank: best.rank,
      spans,
    };
  }
  // "Hằng năm" is first due at the end of the document's year; "thường xuyên" never is.
  return { deadline: { ...parse(recurText, contextYear), kind: "recurring" }, rank: 0, spans };
}

function withoutLabel(clause: string): string {
  const colon = clause.indexOf(":");
  return colon >= 0 ? clause.slice(colon + 1).trim() : clause;
}

function overlaps(start: number, end: number, span: Span | null): boolean {
  return span !== null && start < span.end && end > span.start;
}

/** The sentence without its deadline clause(s). */
export function withoutDeadline(sentence: string, found: FoundDeadline | null): string {
  if (!found) return sentence;
  let out = sentence;
  for (const span of [...found.spans].sort((a, b) => b.start - a.start)) {
    out = `${out.slice(0, span.start)} ${out.slice(span.end)}`;
  }
  return tidyAfterCut(out);
}

/** A cut leaves "… thông tin 4 lớp. ." or "…, ." or a lone "và" before the gap. */
function tidyAfterCut(text: string): string {
  return text
    .replace(/\s+(?:và|,)\s*(?=[.;]|$)/g, "")
    .replace(/[,;]\s+(?=\()/g, " ")
    .replace(/[,;]\s*\./g, ".")
    .replace(/\s{2,}/g, " ");
}

/** A deadline given in a field ("Thời gian hoàn thành: Quý II/2026", "Thời hạn: Thường xuyên"). */
export function deadlineFromField(value: string, contextYear?: number): Deadline {
  return parse(tidy(value), contextYear);
}
