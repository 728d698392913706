import { startsLikeAgency } from "../../domain/agencyNames.ts";
import { findHiddenDeadline, looksLikeDeadline } from "../../domain/deadline.ts";
import { findDocumentNumbers } from "../../domain/documentNumber.ts";
import { normalizeText } from "../../domain/text.ts";
import type {
  Doubt,
  ExtractedIndicator,
  ExtractedTask,
  Extraction,
  ExtractionWarning,
} from "../extraction.ts";
import { wordKey } from "./proseText.ts";
import { WORK_START } from "./proseWords.ts";

/**
 * Why a row deserves a second look before it is saved, and how sure the engine is of it.
 *
 * Three kinds of doubt meet on a row:
 *  - what the finished row shows by itself (`rowDoubts`: a title that starts in lower case, a
 *    lead that reads like work, a deadline no rule could date); these are derived again whenever
 *    the row changes (`refreshDoubts`), so a corrected cell loses its doubt;
 *  - what only an interpreter saw while reading (`tableRowDoubts`: the deadline came from the
 *    output column, the source column held no number). HOOK: an interpreter adds its own by
 *    setting `doubts` on the task or indicator it returns (or on its Draft, in tasks.ts); they
 *    are kept as they are, and count towards the confidence through DOUBT_WEIGHTS (an unknown
 *    code weighs DEFAULT_WEIGHT);
 *  - what the server knows (an agency the tenant's directory does not hold): added by the import
 *    preview (src/queries/imports.ts) with the SERVER_CODES below.
 *
 * The confidence is the product of (1 − weight) over a row's doubts: 1 for a clean row, lower for
 * each reason to doubt it. Weights are declared here and nowhere else.
 */
export const DOUBT_WEIGHTS = {
  // Known only while reading (interpreters).
  deadline_other_column: 0.2,
  source_unparsed: 0.15,
  // Read from the finished row.
  deadline_unrecognised: 0.3,
  lead_missing: 0.25,
  agency_verb_phrase: 0.4,
  agency_fragment: 0.3,
  agency_too_long: 0.25,
  title_empty: 0.6,
  title_continuation: 0.4,
  title_unfinished: 0.3,
  number_missing: 0.3,
  duplicate_ref: 0.3,
  source_not_number: 0.15,
  target_unreadable: 0.2,
  monitor_missing: 0.1,
  // Known by the server.
  agency_unknown: 0.15,
  /** A lead the directory lacks: saved as is, the task gets no lead anyone can report for. */
  lead_unassigned: 0.35,
} as const;
export type DoubtCode = keyof typeof DOUBT_WEIGHTS;
export const DEFAULT_WEIGHT = 0.2;

/** Codes derived from the finished row: dropped and derived again when the row is re-read. */
const DERIVED_CODES = new Set<string>([
  "deadline_unrecognised",
  "lead_missing",
  "agency_verb_phrase",
  "agency_fragment",
  "agency_too_long",
  "title_empty",
  "title_continuation",
  "title_unfinished",
  "number_missing",
  "duplicate_ref",
  "source_not_number",
  "target_unreadable",
  "monitor_missing",
]);
/** Codes only the server can know (the directory); the preview replaces them on each read. */
export const SERVER_CODES = new Set<string>(["agency_unknown", "lead_unassigned"]);

const doubt = (field: string, code: DoubtCode, message: string): Doubt => ({ field, code, message });

export function confidenceOf(doubts: readonly Doubt[]): number {
  let confidence = 1;
  for (const d of doubts)
    confidence *= 1 - ((DOUBT_WEIGHTS as Record<string, number>)[d.code] ?? DEFAULT_WEIGHT);
  return Math.round(confidence * 100) / 100;
}

/** Words that cannot end a Vietnamese phrase: a title ending on one was cut off. */
const DANGLING = new Set(
  (
    "và|hoặc|của|cho|với|theo|trong|tại|để|về|từ|đến|trên|dưới|các|những|là|được|bằng|nhằm|" +
    "đối với|giữa|sau|trước|qua|vào|ra|như|mà|thì|nhưng|cùng|gồm|bao gồm|thuộc|do|bởi"
  ).split("|"),
);
const LONG_AGENCY_WORDS = 16;
/** Lower-case openers of a group of agencies ("các sở, ngành"), which are no fragment. */
const GROUP_OPENER = /^(các|những|tất cả|mọi|toàn bộ)\s/u;
const LONG_AGENCY_CHARS = 130;

function lastWords(text: string, n: number): string {
  return text.toLowerCase().split(" ").slice(-n).join(" ");
}

function titleDoubts(field: string, raw: string): Doubt[] {
  const text = normalizeText(raw);
  if (text === "") return [doubt(field, "title_empty", "Ô tên để trống.")];
  const out: Doubt[] = [];
  if (/^\p{Ll}/u.test(text)) {
    out.push(
      doubt(
        field,
        "title_continuation",
        "Tên bắt đầu bằng chữ thường: có thể là phần tiếp theo của dòng trên.",
      ),
    );
  }
  const bare = text.replace(/[\s]+$/u, "");
  const opens = (bare.match(/\(/g) ?? []).length;
  const closes = (bare.match(/\)/g) ?? []).length;
  if (
    /[,:;(\-–]$/u.test(bare) ||
    DANGLING.has(lastWords(bare, 1)) ||
    DANGLING.has(lastWords(bare, 2)) ||
    opens > closes
  ) {
    out.push(
      doubt(field, "title_unfinished", "Tên kết thúc giữa chừng: có thể bị cắt sang dòng hoặc cột khác."),
    );
  }
  return out;
}

/** The lower-case words of a text open with a verb of the work ("triển khai", "chủ trì …"). */
function opensWithWork(text: string): boolean {
  const words = text
    .split(/[\s,;:]+/u)
    .filter(Boolean)
    .map(wordKey);
  for (const phrase of WORK_START.get(words[0] ?? "") ?? []) {
    if (phrase.every((w, i) => words[i] === w)) return true;
  }
  return false;
}

function agencyDoubts(field: string, names: readonly string[]): Doubt[] {
  const out: Doubt[] = [];
  for (const name of names) {
    if (!startsLikeAgency(name) && opensWithWork(name)) {
      out.push(
        doubt(field, "agency_verb_phrase", `"${name}" đọc như một việc cần làm, không phải tên cơ quan.`),
      );
    } else if (/^\p{Ll}/u.test(name) && !GROUP_OPENER.test(name)) {
      out.push(
        doubt(
          field,
          "agency_fragment",
          `"${name}" bắt đầu bằng chữ thường: có thể là phần cuối của một tên bị cắt.`,
        ),
      );
    } else if (name.split(" ").length > LONG_AGENCY_WORDS || name.length > LONG_AGENCY_CHARS) {
      out.push(doubt(field, "agency_too_long", `"${name.slice(0, 60)}…" quá dài cho một tên cơ quan.`));
    }
  }
  return out;
}

function sourceDoubts(sources: readonly string[]): Doubt[] {
  return sources
    .filter((s) => findDocumentNumbers(s).length === 0)
    .map((s) => doubt("sources", "source_not_number", `"${s}" không phải số hiệu văn bản.`));
}

/** Doubts a task shows by itself. */
export function taskDoubts(task: ExtractedTask): Doubt[] {
  const out: Doubt[] = [...titleDoubts("title", task.title)];
  if (task.leads.length === 0) out.push(doubt("leads", "lead_missing", "Chưa có cơ quan chủ trì."));
  out.push(...agencyDoubts("leads", task.leads), ...agencyDoubts("coordinators", task.coordinators));
  const deadline = task.deadline.text;
  if (deadline !== "" && task.deadline.kind === "unspecified" && !looksLikeDeadline(deadline)) {
    out.push(doubt("deadline", "deadline_unrecognised", `Không đọc được thời hạn "${deadline}".`));
  }
  out.push(...sourceDoubts(task.sources));
  return out;
}

/** Doubts an indicator shows by itself. */
export function indicatorDoubts(indicator: ExtractedIndicator): Doubt[] {
  const out: Doubt[] = [...titleDoubts("name", indicator.name)];
  if (indicator.monitors.length === 0) {
    out.push(doubt("monitors", "monitor_missing", "Chưa có cơ quan theo dõi, đánh giá."));
  }
  out.push(...agencyDoubts("monitors", indicator.monitors));
  for (const target of indicator.targets) {
    if (target.value === null && !/^[\s\-–—/x.]*$/iu.test(target.text)) {
      out.push(
        doubt(
          "targets",
          "target_unreadable",
          `Không đọc được giá trị mục tiêu năm ${target.year}: "${target.text}".`,
        ),
      );
    }
  }
  out.push(...sourceDoubts(indicator.sources));
  return out;
}

/**
 * Doubts only the interpreter of a task row can know, from the raw text of each column role: the
 * deadline column was empty and the deadline was found in another; the source column held text
 * but no document number. For tasks.ts to put on the tasks it returns.
 */
export function tableRowDoubts(texts: Partial<Record<string, string>>, contextYear?: number): Doubt[] {
  const plain = (role: string) => normalizeText((texts[role] ?? "").replace(/\n/g, " "));
  const out: Doubt[] = [];
  if (plain("deadline") === "") {
    const from = ["output", "note", "title"].find((role) => findHiddenDeadline(plain(role), { contextYear }));
    if (from) {
      const column = COLUMN_NAMES[from] ?? from;
      out.push(
        doubt("deadline", "deadline_other_column", `Thời hạn lấy từ cột ${column} vì cột thời hạn để trống.`),
      );
    }
  }
  return [...out, ...sourceColumnDoubts(texts)];
}

/** The source column held text but no document number (tasks and indicators). */
export function sourceColumnDoubts(texts: Partial<Record<string, string>>): Doubt[] {
  const source = normalizeText((texts.source ?? "").replace(/\n/g, " "));
  if (source === "" || findDocumentNumbers(source).length > 0) return [];
  const message = `Cột văn bản giao ghi "${source.slice(0, 60)}" nhưng không có số hiệu văn bản nào.`;
  return [doubt("sources", "source_unparsed", message)];
}

const COLUMN_NAMES: Record<string, string> = { output: "sản phẩm", note: "ghi chú", title: "tên nhiệm vụ" };

/** Rows sharing a ref, and rows numbered by position (the warnings say which). */
function refDoubts(refs: readonly string[], warnings: readonly ExtractionWarning[], what: string): Doubt[][] {
  const count = new Map<string, number>();
  for (const ref of refs) count.set(ref, (count.get(ref) ?? 0) + 1);
  const unnumbered = new Set(warnings.filter((w) => w.code === "missing_number").map((w) => w.ref));
  return refs.map((ref) => {
    const out: Doubt[] = [];
    if ((count.get(ref) ?? 0) > 1) {
      out.push(doubt("ref", "duplicate_ref", `Có nhiều ${what} cùng số thứ tự ${ref}.`));
    }
    if (unnumbered.has(ref)) {
      out.push(doubt("ref", "number_missing", `Dòng không có số thứ tự; tạm đánh số ${ref} theo vị trí.`));
    }
    return out;
  });
}

/** Doubts kept as they are: the interpreter's own, and (unless told otherwise) the server's. */
function kept(doubts: readonly Doubt[] | undefined, dropServer: boolean): Doubt[] {
  return (doubts ?? []).filter(
    (d) => !DERIVED_CODES.has(d.code) && !(dropServer && SERVER_CODES.has(d.code)),
  );
}

function unique(doubts: Doubt[]): Doubt[] {
  const seen = new Set<string>();
  return doubts.filter((d) => {
    const key = `${d.field}\u0000${d.code}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The extraction with every row's doubts derived again from what it now holds, the interpreter's
 * doubts kept, the server's dropped when `dropServer` (the preview adds them afresh), and each
 * confidence computed from the result. Used at the end of interpretation and on every preview.
 */
export function refreshDoubts<T extends Extraction>(
  extraction: T,
  options: { dropServer?: boolean } = {},
): T {
  const dropServer = options.dropServer ?? false;
  const taskRefs = refDoubts(
    extraction.tasks.map((t) => t.ref),
    extraction.warnings,
    "nhiệm vụ",
  );
  const indicatorRefs = refDoubts(
    extraction.indicators.map((i) => i.ref),
    extraction.warnings,
    "chỉ tiêu",
  );
  return {
    ...extraction,
    tasks: extraction.tasks.map((task, i) => {
      const doubts = unique([...kept(task.doubts, dropServer), ...taskRefs[i]!, ...taskDoubts(task)]);
      return { ...task, doubts, confidence: confidenceOf(doubts) };
    }),
    indicators: extraction.indicators.map((indicator, i) => {
      const doubts = unique([
        ...kept(indicator.doubts, dropServer),
        ...indicatorRefs[i]!,
        ...indicatorDoubts(indicator),
      ]);
      return { ...indicator, doubts, confidence: confidenceOf(doubts) };
    }),
  };
}

/** Adds doubts to the rows of an extraction (by position) and computes their confidence again. */
export function withExtraDoubts<T extends Extraction>(
  extraction: T,
  extra: { tasks: Doubt[][]; indicators: Doubt[][] },
): T {
  const add = <R extends { doubts?: Doubt[] }>(row: R, more: Doubt[] | undefined) => {
    const doubts = unique([...(row.doubts ?? []), ...(more ?? [])]);
    return { ...row, doubts, confidence: confidenceOf(doubts) };
  };
  return {
    ...extraction,
    tasks: extraction.tasks.map((t, i) => add(t, extra.tasks[i])),
    indicators: extraction.indicators.map((x, i) => add(x, extra.indicators[i])),
  };
}
