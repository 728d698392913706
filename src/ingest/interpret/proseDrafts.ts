import type { Deadline } from "../extraction.ts";
import { isExplanation, splitActions } from "./proseActions.ts";
import { cooperatingClauses, type LeadIn, readLeadIn } from "./proseAgency.ts";
import { attributes } from "./proseAttributes.ts";
import { findDeadline, withoutDeadline } from "./proseDeadline.ts";
import { type Field, readFields } from "./proseFields.ts";
import type { PathSegment } from "./proseNumbering.ts";
import type { OutlineNode } from "./proseOutline.ts";
import { capitalizeFirst, folded, tidy, wordKey } from "./proseText.ts";
import { VACUOUS_SYLLABLES } from "./proseWords.ts";

/**
 * The tasks of one item of a prose directive: its assignment sentences, each read for its agency,
 * work and deadline (see interpretProse for the rules), with what its headings hand down.
 */

export interface Section {
  kind: "roman" | "arabic";
  id: string;
  title: string;
}

/** What a heading hands down to the items under it. */
export interface Context {
  section: Section | null;
  leads: string[];
  responsible: string;
  coordinators: string[];
  deadline: Deadline | null;
  sources: string[];
  /** Set by an unnumbered lead-in ("… yêu cầu các cơ quan … thực hiện các nội dung sau:"). */
  defaultLeads: string[];
  /** Inside an assessment part (đánh giá, kết quả, tồn tại …) only explicit assignments count. */
  assessment: boolean;
  /** Under an item numbered by the document (not a bare paragraph at the top). */
  numbered: boolean;
  /** The document's year. */
  year: number | undefined;
}

export function rootContext(year: number | undefined): Context {
  return {
    year,
    section: null,
    leads: [],
    responsible: "",
    coordinators: [],
    deadline: null,
    sources: [],
    defaultLeads: [],
    assessment: false,
    numbered: false,
  };
}

export interface Draft {
  path: PathSegment[];
  /** One of several assignment sentences of the same paragraph. */
  sentence?: boolean;
  section: Section | null;
  title: string;
  leads: string[];
  responsible: string;
  coordinators: string[];
  deadline: Deadline | null;
  sources: string[];
  output: string;
  note: string;
}

/** Splits a paragraph where a new sentence gives work to another agency. */
/**
 * "Chủ tịch UBND các xã chịu trách nhiệm trước Chủ tịch UBND tỉnh về kết quả thực hiện." states who
 * answers for the work above; with no work or deadline of its own, it is no task.
 */
const RESPONSIBILITY_ONLY = /^chiu trach nhiem (?:truoc|ve)\b[^;]*$/;

const CLOSING = /\bthong bao (?:de|cho)\b.*\bbiet\b/;

function assignmentSentences(text: string): string[] {
  // A piece starts a new assignment only when it names its own agency ("Giao B …", "B chủ trì …").
  const pieces = text.split(/(?<=[.;])\s+/u);
  const out: string[] = [];
  for (const piece of pieces) {
    const lead = readLeadIn(piece);
    const previous = out[out.length - 1];
    // "Văn phòng UBND tỉnh thông báo để các cơ quan biết, thực hiện./." closes the document; a
    // PDF may run it into the last item.
    if (previous !== undefined && lead.descriptive && CLOSING.test(folded(piece))) continue;
    // "Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã chịu trách nhiệm …" is one list of agencies.
    // A new sentence whose subject is an agency doing work of its own ("Sở Tài chính bố trí kinh
    // phí … . Sở Nội vụ tham mưu …") is another assignment; "Sở Tài chính phối hợp thực hiện." is not.
    const subject =
      /\.$/.test(previous ?? "") &&
      !lead.descriptive &&
      !lead.agencyOnly &&
      !/^phối hợp\b/i.test(lead.work) &&
      !isExplanation(piece);
    const startsNew =
      lead.leads.length > 0 &&
      (lead.explicit || lead.strong || subject) &&
      !readLeadIn(previous ?? "").agencyOnly;
    if (previous !== undefined && !startsNew) {
      out[out.length - 1] = `${out[out.length - 1]} ${piece}`;
    } else {
      out.push(piece);
    }
  }
  return out;
}

export function leafDrafts(node: OutlineNode, ctx: Context, fields: Field[]): Draft[] {
  const inline = readFields(node.text);
  const text = inline.fields.length > 0 ? inline.before : node.text;
  // Bullets under an item that assign nothing on their own detail its work.
  const extra = node.children
    .filter((c) => !c.field && c.type !== "none" && !readLeadIn(c.text).descriptive)
    .map((c) => c.text);
  const sentences = assignmentSentences(text);
  const groups: Draft[][] = [];
  sentences.forEach((sentence, n) => {
    // Every sentence of the paragraph keeps its full stop, those cut at a semicolon as well.
    const stop = /\.(\/\.?)?$/.test(node.text.trim());
    const group = sentenceDrafts(sentence, node, ctx, n === 0 ? fields : [], n === 0 ? extra : [], stop);
    if (group.length > 0) groups.push(group);
  });
  // Several tasks from one item, by sentence or by action: below a numbered item ("3.a", "3.b"),
  // or as consecutive items of the list an unnumbered one stands in.
  const drafts = groups.flat();
  if (drafts.length > 1) {
    const numbered = node.type === "arabic" || node.type === "letter" || node.type === "paren";
    drafts.forEach((d, n) => {
      if (numbered) d.path.push({ kind: "position", index: n + 1 });
      else d.sentence = true;
    });
  }
  return drafts;
}

/**
 * The tasks of one assignment sentence: one, or one per action when its clauses each carry a
 * deadline. They are numbered as the sentences of one paragraph are (see leafDrafts).
 */
function sentenceDrafts(
  sentence: string,
  node: OutlineNode,
  ctx: Context,
  fields: Field[],
  extra: string[],
  stop: boolean,
): Draft[] {
  const lead = readLeadIn(sentence);
  if (lead.descriptive) return [];
  const actions = fields.length === 0 && extra.length === 0 ? splitActions(lead.work, ctx.year) : [];
  if (actions.length < 2) {
    const draft = sentenceDraft(sentence, lead, node, ctx, fields, extra, stop);
    return draft ? [draft] : [];
  }
  const drafts: Draft[] = [];
  for (const action of actions) {
    const draft = sentenceDraft(action, { ...lead, work: action }, node, ctx, [], [], stop);
    if (draft) drafts.push(draft);
  }
  // An action that is no task on its own would lose its words: keep the sentence whole then.
  if (drafts.length < actions.length) {
    const draft = sentenceDraft(sentence, lead, node, ctx, fields, extra, stop);
    return draft ? [draft] : [];
  }
  return drafts;
}

function sentenceDraft(
  sentence: string,
  lead: LeadIn,
  node: OutlineNode,
  ctx: Context,
  fields: Field[],
  extra: string[],
  stop: boolean,
): Draft | null {
  const own = attributes(sentence, lead, fields, ctx.year);
  const numberedItem = node.type !== "none";

  if (ctx.assessment && !(lead.explicit && lead.leads.length > 0)) return null;

  let leads = own.leads;
  let responsible = own.responsible;
  // A lead-in paragraph is nearer to the item than the heading above both.
  if (leads.length === 0) {
    if (numberedItem && ctx.defaultLeads.length > 0) {
      leads = ctx.defaultLeads;
    } else if (ctx.leads.length > 0) {
      leads = ctx.leads;
      responsible = ctx.responsible;
    }
  }
  const deadline = own.deadline ?? ctx.deadline;

  // Without an agency only a firm limit ("hoàn thành trước ngày …") makes an item a task; "trong
  // năm 2025" in "Ghi nhận những kết quả đạt được trong năm 2025" is a period, not a deadline.
  const firmDeadline = own.deadline !== null && own.deadlineRank >= 2;
  // A plain paragraph assigns only with a verb of its own, or under a numbered heading.
  const isTask = numberedItem
    ? leads.length > 0 || firmDeadline || lead.explicit
    : lead.explicit
      ? lead.leads.length > 0
      : ctx.numbered && (leads.length > 0 || firmDeadline);
  if (!isTask) return null;

  const work = cooperatingClauses(lead.work).work;
  const found = findDeadline(work, ctx.year);
  let title = tidy(withoutDeadline(work, found));
  if (own.content.length > 0) title = tidy([title, ...own.content].filter(Boolean).join(" - "));
  if (extra.length > 0 && title !== "") title = `${title} - ${extra.map(tidy).join(" - ")}`;
  if (title === "" || isVacuous(title)) return null;
  if (own.deadline === null && RESPONSIBILITY_ONLY.test(folded(title))) return null;
  // The title keeps the sentence's full stop, as the same work reads in a task table.
  if (stop && !/(\.|…)$/.test(title)) title = `${title}.`;
  title = capitalizeFirst(title);

  const coordinators = own.coordinators.length > 0 ? own.coordinators : ctx.coordinators;
  return {
    path: [],
    section: ctx.section,
    title,
    leads,
    responsible,
    coordinators,
    deadline,
    sources: unique([...ctx.sources, ...own.sources]),
    output: own.output,
    note: own.note,
  };
}

function isVacuous(title: string): boolean {
  const words = title.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.every((w) => VACUOUS_SYLLABLES.has(wordKey(w)));
}

export function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
