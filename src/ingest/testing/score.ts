import type { Extraction } from "../extraction.ts";

/**
 * Field-by-field scoring of an extraction against a hand-checked answer, as EXTRACTION.md
 * compares: text after NFC and whitespace folding (a task title's closing full stop aside),
 * agency lists as sets, sources as sets of numbers with spaces removed. Used by the fixture tests (exact match) and by
 * `npm run bench -- extract-quality` (a score per file and per field).
 *
 * Items are paired by ref, then the rest by the most similar title, so a row numbered wrong
 * still scores its other fields. An expected item nobody found scores zero on each field; an
 * item the engine made up costs as many fields as a real one (a responsibility paragraph taken
 * for a task is an error the importer must clean up).
 */

type Item = Record<string, unknown>;

export const TASK_FIELDS = [
  "title",
  "leads",
  "coordinators",
  "deadline.kind",
  "deadline.due",
  "sources",
] as const;
export const INDICATOR_FIELDS = ["name", "unit", "targets", "monitors"] as const;
export const DOCUMENT_FIELDS = ["number", "type", "issuer", "date", "title"] as const;

export const fold = (v: unknown) =>
  typeof v === "string" ? v.normalize("NFC").replace(/\s+/g, " ").trim() : v;
const asSet = (list: unknown) =>
  [...new Set(((list as string[]) ?? []).map((s) => String(fold(s))))].sort((a, b) => a.localeCompare(b));
const asSources = (list: unknown) =>
  [...new Set(((list as string[]) ?? []).map((s) => s.normalize("NFC").replace(/\s+/g, "")))].sort();

/** The fields of one task or indicator, in the comparable form. */
export function comparable(item: Item): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (key === "leads" || key === "coordinators" || key === "monitors") out[key] = asSet(value);
    else if (key === "sources") out[key] = asSources(value);
    else if (key === "deadline" && value) {
      const d = value as Item;
      out[key] = { text: fold(d.text), kind: d.kind, due: d.due };
      out["deadline.kind"] = d.kind;
      out["deadline.due"] = d.due;
    } else if (key === "targets") {
      out[key] = (value as Item[]).map((t) => ({
        year: t.year,
        text: fold(t.text),
        op: t.op,
        value: t.value,
      }));
    } else if (key === "title" && typeof value === "string") {
      // A title's closing full stop is punctuation, not content: the prose answers keep the
      // sentence's stop (as the engine does) and the table answers, with one prose answer
      // (holdout4 nghe-an-186), leave it out.
      out[key] = String(fold(value)).replace(/\.$/, "");
    } else out[key] = fold(value);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function words(text: unknown): Set<string> {
  return new Set(
    String(text ?? "")
      .normalize("NFC")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
}

function similarity(a: unknown, b: unknown): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return (2 * common) / (x.size + y.size);
}

export interface FieldTally {
  right: number;
  total: number;
}

export interface ItemScore {
  fields: Record<string, FieldTally>;
  missing: string[];
  unexpected: string[];
  /** Per expected ref, the fields that differ. */
  wrong: { ref: string; field: string; expected: unknown; actual: unknown }[];
}

/** Pairs expected with actual items: by ref, then by the most similar name or title. */
function pair(actual: Item[], expected: Item[], nameKey: string): [Item, Item | undefined][] {
  const free = new Set(actual);
  const byRef = new Map<string, Item>();
  for (const a of actual) if (!byRef.has(String(a.ref))) byRef.set(String(a.ref), a);
  const pairs: [Item, Item | undefined][] = [];
  const unpaired: Item[] = [];
  for (const e of expected) {
    const a = byRef.get(String(e.ref));
    if (a && free.has(a) && similarity(a[nameKey], e[nameKey]) >= 0.3) {
      free.delete(a);
      pairs.push([e, a]);
    } else unpaired.push(e);
  }
  for (const e of unpaired) {
    let best: Item | undefined;
    let bestScore = 0.5;
    for (const a of free) {
      const s = similarity(a[nameKey], e[nameKey]);
      if (s > bestScore) {
        best = a;
        bestScore = s;
      }
    }
    if (best) free.delete(best);
    pairs.push([e, best]);
  }
  for (const a of free) pairs.push([{ ref: `+${String(a.ref)}` }, a]);
  return pairs;
}

export function scoreItems(
  actual: Item[],
  expected: Item[],
  fieldNames: readonly string[],
  nameKey: string,
): ItemScore {
  const fields: Record<string, FieldTally> = Object.fromEntries(
    fieldNames.map((f) => [f, { right: 0, total: 0 }]),
  );
  const result: ItemScore = { fields, missing: [], unexpected: [], wrong: [] };
  for (const [e, a] of pair(actual, expected, nameKey)) {
    const isExtra = String(e.ref).startsWith("+");
    if (!a) result.missing.push(String(e.ref));
    if (isExtra) result.unexpected.push(String(a?.ref));
    const ce = comparable(e);
    const ca = a ? comparable(a) : {};
    for (const f of fieldNames) {
      const tally = fields[f]!;
      tally.total++;
      if (isExtra || !a) continue;
      if (same(ca[f], ce[f])) tally.right++;
      else result.wrong.push({ ref: String(e.ref), field: f, expected: ce[f], actual: ca[f] });
    }
  }
  return result;
}

export interface ExtractionScore {
  /** Right fields over all fields, 0..1. */
  score: number;
  fields: Record<string, FieldTally>;
  tasks: ItemScore;
  indicators: ItemScore;
  documentWrong: string[];
}

export function scoreExtraction(actual: Extraction, expected: Extraction): ExtractionScore {
  const tasks = scoreItems(
    actual.tasks as unknown as Item[],
    expected.tasks as unknown as Item[],
    TASK_FIELDS,
    "title",
  );
  const indicators = scoreItems(
    actual.indicators as unknown as Item[],
    expected.indicators as unknown as Item[],
    INDICATOR_FIELDS,
    "name",
  );
  const fields: Record<string, FieldTally> = {};
  for (const [prefix, part] of [
    ["task", tasks],
    ["indicator", indicators],
  ] as const) {
    for (const [f, t] of Object.entries(part.fields)) if (t.total > 0) fields[`${prefix}.${f}`] = t;
  }
  const documentWrong: string[] = [];
  for (const f of DOCUMENT_FIELDS) {
    const ok = same(fold(actual.document[f]), fold(expected.document[f]));
    fields[`document.${f}`] = { right: ok ? 1 : 0, total: 1 };
    if (!ok) documentWrong.push(f);
  }
  let right = 0;
  let total = 0;
  for (const t of Object.values(fields)) {
    right += t.right;
    total += t.total;
  }
  return { score: total === 0 ? 1 : right / total, fields, tasks, indicators, documentWrong };
}
