// Row operations of the import preview, as pure functions over the extraction the importer edits:
// delete a row, add one, split one, merge one into the row above, move a cell's text to another
// column. Refs stay unique (a new row takes the first free "N.1", "N.2" … after its neighbour),
// so the existing save and commit accept the result; the server derives the doubts again.
import { splitAgencies } from "../../../src/domain/agencyNames.ts";
import { parseDeadline } from "../../../src/domain/deadline.ts";
import type { ExtractedTask, Extraction } from "../api/imports.ts";

type Doubt = ExtractedTask["doubts"][number];

/** Columns of a task whose text can move: plain texts and lists. */
export const TEXT_FIELDS = ["title", "responsible", "output", "note", "deadline"] as const;
export const LIST_FIELDS = ["leads", "coordinators", "sources"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type ListField = (typeof LIST_FIELDS)[number];
export type MovableField = TextField | ListField;

export const FIELD_LABELS: Record<string, string> = {
  ref: "Số thứ tự",
  title: "Tên nhiệm vụ",
  responsible: "Người chịu trách nhiệm",
  leads: "Cơ quan chủ trì",
  coordinators: "Cơ quan phối hợp",
  output: "Sản phẩm",
  note: "Ghi chú",
  deadline: "Thời hạn",
  sources: "Văn bản giao",
  name: "Tên chỉ tiêu",
  unit: "Đơn vị tính",
  targets: "Mục tiêu",
  monitors: "Cơ quan theo dõi",
};

export const isListField = (field: MovableField): field is ListField =>
  (LIST_FIELDS as readonly string[]).includes(field);

export const words = (text: string) => text.split(/\s+/).filter(Boolean);

const refOf = (section: string | null, number: string) => (section ? `${section}.${number}` : number);

/** The first number "N.1", "N.2" … whose ref no row holds. */
function freeNumber(tasks: ExtractedTask[], after: ExtractedTask): string {
  const taken = new Set(tasks.map((t) => t.ref));
  for (let k = 1; ; k++) {
    const number = `${after.number}.${k}`;
    if (!taken.has(refOf(after.section, number))) return number;
  }
}

function blankAfter(tasks: ExtractedTask[], after: ExtractedTask, title: string): ExtractedTask {
  const number = freeNumber(tasks, after);
  return {
    ref: refOf(after.section, number),
    section: after.section,
    sectionTitle: after.sectionTitle,
    number,
    title,
    sources: [],
    responsible: "",
    leads: [],
    coordinators: [],
    output: "",
    note: "",
    deadline: { text: "", kind: "unspecified", due: null },
    confidence: 1,
    doubts: [],
  };
}

/** Warnings about refs no row holds any more are dropped with the row. */
function withTasks(extraction: Extraction, tasks: ExtractedTask[]): Extraction {
  const refs = new Set([...tasks.map((t) => t.ref), ...extraction.indicators.map((i) => i.ref)]);
  return { ...extraction, tasks, warnings: extraction.warnings.filter((w) => !w.ref || refs.has(w.ref)) };
}

export function deleteTask(extraction: Extraction, index: number): Extraction {
  return withTasks(
    extraction,
    extraction.tasks.filter((_, i) => i !== index),
  );
}

/** An empty row after row `index`, in its section. */
export function addTaskAfter(extraction: Extraction, index: number): Extraction {
  const tasks = [...extraction.tasks];
  const after = tasks[index]!;
  tasks.splice(index + 1, 0, blankAfter(tasks, after, ""));
  return withTasks(extraction, tasks);
}

/** Row `index` keeps the first `at` words of its title; a new row after it, in its section, takes the rest. */
export function splitTask(extraction: Extraction, index: number, at: number): Extraction {
  const tasks = [...extraction.tasks];
  const row = tasks[index]!;
  const all = words(row.title);
  if (at <= 0 || at >= all.length) return extraction;
  const kept = { ...row, title: all.slice(0, at).join(" "), doubts: dropField(row.doubts, "title") };
  tasks[index] = kept;
  tasks.splice(index + 1, 0, blankAfter(tasks, row, all.slice(at).join(" ")));
  return withTasks(extraction, tasks);
}

const union = (a: string[], b: string[]) => [...a, ...b.filter((x) => !a.includes(x))];
const joined = (a: string, b: string) => [a, b].filter(Boolean).join(" ");

/** Row `index` joins the row above: texts joined, agencies and sources united; the row above keeps its ref. */
export function mergeIntoPrevious(extraction: Extraction, index: number): Extraction {
  if (index <= 0) return extraction;
  const tasks = [...extraction.tasks];
  const above = tasks[index - 1]!;
  const row = tasks[index]!;
  tasks[index - 1] = {
    ...above,
    title: joined(above.title, row.title),
    sources: union(above.sources, row.sources),
    responsible: above.responsible || row.responsible,
    leads: union(above.leads, row.leads),
    coordinators: union(above.coordinators, row.coordinators),
    output: joined(above.output, row.output),
    note: joined(above.note, row.note),
    deadline: above.deadline.text ? above.deadline : row.deadline,
    doubts: [
      ...above.doubts,
      ...row.doubts.filter((d) => !above.doubts.some((x) => x.message === d.message)),
    ],
  };
  tasks.splice(index, 1);
  return withTasks(extraction, tasks);
}

/** What a move takes: from a text, the words from `fromWord` to the end; from a list, the items listed. */
export type MovePart = { fromWord: number } | { items: string[] };

function textOf(task: ExtractedTask, field: TextField): string {
  return field === "deadline" ? task.deadline.text : task[field];
}

function setText(task: ExtractedTask, field: TextField, text: string, contextYear?: number): ExtractedTask {
  if (field !== "deadline") return { ...task, [field]: text };
  const parsed = parseDeadline(text, { contextYear });
  return { ...task, deadline: { text: parsed.text, kind: parsed.kind, due: parsed.due } };
}

const dropField = (doubts: Doubt[], field: string) => doubts.filter((d) => d.field !== field);

/** Moves part of a cell of row `index` to another column of the same row (appended to what it holds). */
export function moveCellText(
  extraction: Extraction,
  index: number,
  move: { from: MovableField; to: MovableField; part: MovePart; contextYear?: number },
): Extraction {
  const { from, to, part, contextYear } = move;
  if (from === to) return extraction;
  let task = extraction.tasks[index]!;
  let moved: string[];
  if (isListField(from)) {
    const items = "items" in part ? part.items : [];
    moved = task[from].filter((x) => items.includes(x));
    task = { ...task, [from]: task[from].filter((x) => !items.includes(x)) };
  } else {
    const all = words(textOf(task, from));
    const at = "fromWord" in part ? Math.max(0, Math.min(part.fromWord, all.length)) : all.length;
    moved = [all.slice(at).join(" ")].filter(Boolean);
    task = setText(task, from, all.slice(0, at).join(" "), contextYear);
  }
  if (moved.length === 0) return extraction;
  if (isListField(to)) {
    const added =
      isListField(from) || to === "sources" ? moved : moved.flatMap((text) => splitAgencies(text));
    task = { ...task, [to]: union(task[to], added.length > 0 ? added : moved) };
  } else {
    task = setText(task, to, joined(textOf(task, to), moved.join(", ")), contextYear);
  }
  task = { ...task, doubts: dropField(dropField(task.doubts, from), to) };
  return { ...extraction, tasks: extraction.tasks.map((t, i) => (i === index ? task : t)) };
}

/** A corrected cell has been looked at: its doubts go (the server finds them again if they remain). */
export function editedTask(task: ExtractedTask, field: string): ExtractedTask {
  return { ...task, doubts: dropField(task.doubts, field) };
}

export function deleteIndicator(extraction: Extraction, index: number): Extraction {
  const indicators = extraction.indicators.filter((_, i) => i !== index);
  const refs = new Set([...extraction.tasks.map((t) => t.ref), ...indicators.map((i) => i.ref)]);
  return {
    ...extraction,
    indicators,
    warnings: extraction.warnings.filter((w) => !w.ref || refs.has(w.ref)),
  };
}

/** Doubts of a row grouped by column. */
export function doubtsByField(doubts: Doubt[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const d of doubts) map.set(d.field, [...(map.get(d.field) ?? []), d.message]);
  return map;
}
