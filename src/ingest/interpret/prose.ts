import { findDocumentNumbers } from "../../domain/documentNumber.ts";
import type { Deadline, ExtractedTask, ExtractionWarning } from "../extraction.ts";
import type { RawDocument } from "../model.ts";
import { isExplanation, splitActions } from "./proseActions.ts";
import { cooperatingClauses, cooperationOnly, type LeadIn, readLeadIn } from "./proseAgency.ts";
import { attributes, ownFields } from "./proseAttributes.ts";
import { findDeadline, withoutDeadline } from "./proseDeadline.ts";
import { type Field, readFields } from "./proseFields.ts";
import { composeNumber, type PathSegment } from "./proseNumbering.ts";
import { buildOutline, documentBody, type OutlineNode } from "./proseOutline.ts";
import { capitalizeFirst, folded, tidy, wordKey } from "./proseText.ts";
import { VACUOUS_SYLLABLES } from "./proseWords.ts";

/**
 * Tasks assigned in prose: conclusion notices (Thông báo kết luận) and official letters (Công
 * văn) that give work in numbered paragraphs and bullets instead of a table.
 *
 * Numbering scheme (ref / number):
 * - A written Arabic label is the number as written ("2.4"); a letter item adds its letter
 *   ("2.4.b"); "(1)" adds its digit.
 * - An unnumbered bullet or paragraph that is a task gets the next position among its parent's
 *   unnumbered task items: a letter after a number ("2.4.a", "2.4.b"), a digit after a letter or
 *   at the top ("1.a.1"; "1", "2" for bare paragraphs). Items that assign nothing take no position.
 * - A paragraph holding several assignment sentences ("Giao A … . Giao B …") yields one task per
 *   sentence: below a numbered paragraph ("3.a", "3.b"), or as consecutive items for an
 *   unnumbered one.
 * - section is the Roman numeral of the enclosing "II." heading, and ref is "II.2.4.a". Without
 *   Roman sections, a top-level numbered heading that groups tasks by topic ("2. Nhiệm vụ cụ
 *   thể") is the section and ref is the number itself ("2.1.a"), which already starts with it.
 *   Headings that name an agency group tasks without being sections.
 *
 * Fields: title is the work without the lead-in ("Giao X:", "X chủ trì, phối hợp với Y") and
 * without the deadline clause, keeping the sentence's full stop; deadline.text is the clause as
 * written ("Hoàn thành trước ngày 30/4/2026"); leads come from the sentence, else from the
 * heading of the group, else from a lead-in paragraph ("… yêu cầu các cơ quan … các nội dung
 * sau:"), capitalised; "Giám đốc Sở X" gives responsible "Giám đốc Sở X" and lead "Sở X".
 */
export function interpretProse(doc: RawDocument): { tasks: ExtractedTask[]; warnings: ExtractionWarning[] } {
  const body = documentBody(doc);
  const outline = buildOutline(body.paragraphs);
  const ownNumbers = new Set(body.numberLine ? findDocumentNumbers(body.numberLine).map(numberKey) : []);
  const drafts = walkChildren(outline, rootContext(body.year));

  const tasks: ExtractedTask[] = [];
  const warnings: ExtractionWarning[] = [];
  for (const draft of drafts) {
    const number = composeNumber(draft.path);
    const section = draft.section;
    const ref = section && section.kind === "roman" ? `${section.id}.${number}` : number;
    const task: ExtractedTask = {
      ref,
      section: section?.id ?? null,
      sectionTitle: section?.title ?? null,
      number,
      title: draft.title,
      sources: draft.sources.filter((s) => !ownNumbers.has(numberKey(s))),
      responsible: draft.responsible,
      // Copies: the readers' results are memoized and shared between items.
      leads: [...draft.leads],
      coordinators: draft.coordinators.filter((c) => !draft.leads.includes(c)),
      output: draft.output,
      note: draft.note,
      deadline: draft.deadline ? { ...draft.deadline } : { text: "", kind: "unspecified", due: null },
    };
    tasks.push(task);
    if (!draft.deadline) {
      warnings.push({
        ref,
        code: "no_deadline",
        message: `Nhiệm vụ ${ref} không ghi thời hạn hoàn thành; cơ quan chủ trì cần đề xuất thời hạn.`,
      });
    }
    if (task.leads.length === 0) {
      warnings.push({ ref, code: "no_lead", message: `Nhiệm vụ ${ref} chưa xác định được cơ quan chủ trì.` });
    }
  }
  return { tasks, warnings };
}

function numberKey(number: string): string {
  return number.replace(/\s+/g, "").toUpperCase();
}

interface Section {
  kind: "roman" | "arabic";
  id: string;
  title: string;
}

/** What a heading hands down to the items under it. */
interface Context {
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

function rootContext(year: number | undefined): Context {
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

interface Draft {
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

const ASSESSMENT_HEADING =
  /^(danh gia|ket qua|tinh hinh|ton tai|han che|kho khan|vuong mac|nguyen nhan|bai hoc|quan diem|muc tieu|muc dich|yeu cau chung|boi canh|dac diem|thuc trang)/;

/** Drafts of the items under `parent`, in document order, numbered relative to it. */
function walkChildren(parent: OutlineNode, inherited: Context): Draft[] {
  const out: Draft[] = [];
  const ctx: Context = { ...inherited };
  let position = 0;
  for (const node of parent.children) {
    if (node.field) continue;
    // "Qua đó, …", "Việc … phải …" explain the task before them: no task, no position.
    if (node.label === null && node.type !== "roman" && isExplanation(node.text)) continue;
    // "Sở Tài chính, Sở Nội vụ phối hợp thực hiện." adds coordinators to the task before it.
    const supporters = node.label === null && node.children.length === 0 ? cooperationOnly(node.text) : [];
    const previous = out[out.length - 1];
    if (supporters.length > 0 && previous) {
      previous.coordinators = [...new Set([...previous.coordinators, ...supporters])];
      continue;
    }
    const produced = walkNode(node, ctx);
    if (produced.leadIn) ctx.defaultLeads = produced.leadIn;
    if (produced.drafts.length === 0) continue;
    if (node.type === "arabic" || node.type === "letter" || node.type === "paren") {
      const segment: PathSegment = { kind: node.type, label: node.label! };
      for (const draft of produced.drafts) draft.path.unshift(segment);
    } else if (node.type !== "roman") {
      // An unnumbered paragraph with two assignment sentences gives two items of the same list.
      let segment: PathSegment = { kind: "position", index: ++position };
      produced.drafts.forEach((draft, n) => {
        if (draft.sentence && n > 0) segment = { kind: "position", index: ++position };
        draft.path.unshift(segment);
      });
    }
    out.push(...produced.drafts);
  }
  return out;
}

interface Produced {
  drafts: Draft[];
  /** Leads this paragraph sets for the items after it. */
  leadIn?: string[];
}

function walkNode(node: OutlineNode, ctx: Context): Produced {
  const fields = ownFields(node);
  const text = fields.text;
  const headingTitle = tidy(text);

  if (node.type === "roman") {
    const section: Section = { kind: "roman", id: node.label!, title: headingTitle };
    const assessment = ASSESSMENT_HEADING.test(folded(headingTitle));
    return { drafts: walkChildren(node, { ...rootContext(ctx.year), section, assessment, numbered: true }) };
  }

  const lead = readLeadIn(text);
  const own = attributes(text, lead, fields.fields, ctx.year);
  const itemChildren = node.children.filter((c) => !c.field);

  if (itemChildren.length > 0) {
    const childCtx: Context = {
      ...ctx,
      numbered: ctx.numbered || node.type !== "none",
      leads: own.leads.length > 0 ? own.leads : ctx.leads,
      responsible: own.leads.length > 0 ? own.responsible : ctx.responsible,
      coordinators: own.coordinators.length > 0 ? own.coordinators : ctx.coordinators,
      deadline: own.deadline ?? ctx.deadline,
      sources: unique([...ctx.sources, ...own.sources]),
      defaultLeads: own.leads.length > 0 ? [] : ctx.defaultLeads,
    };
    const topicHeading = own.leads.length === 0 && !lead.explicit;
    if (node.type === "arabic" && ctx.section === null && ctx.numbered === false && topicHeading) {
      childCtx.section = { kind: "arabic", id: node.label!, title: headingTitle };
      childCtx.assessment = ASSESSMENT_HEADING.test(folded(headingTitle));
    } else if (topicHeading && ASSESSMENT_HEADING.test(folded(headingTitle)) && headingTitle.length < 80) {
      childCtx.assessment = true;
    }
    // An item with work of its own ("3. Sở X tổng hợp … trong tháng 7/2026." over "3.1. …") is a
    // task as well as its sub-items; its unnumbered bullets that name no agency or deadline
    // detail its work rather than stand alone.
    const ownWork =
      !/:$/.test(text.trim()) &&
      !lead.agencyOnly &&
      !lead.descriptive &&
      (own.leads.length > 0 || own.deadlineRank >= 2 || (node.type !== "none" && ctx.leads.length > 0));
    if (ownWork) {
      const details = itemChildren.filter((c) => isDetail(c, ctx.year));
      const self = leafDrafts(
        { ...node, children: node.children.filter((c) => c.field || details.includes(c)) },
        ctx,
        fields.fields,
      );
      if (self.length > 0) {
        const subItems = itemChildren.filter((c) => !details.includes(c));
        return { drafts: [...self, ...walkChildren({ ...node, children: subItems }, childCtx)] };
      }
    }
    const drafts = walkChildren(node, childCtx);
    if (drafts.length > 0) return { drafts };
    // A closing "9. Đánh giá kết quả thực hiện …" over a report of results assigns nothing.
    if (childCtx.assessment && !ctx.assessment) return { drafts: [] };
    // Children that assign nothing (explanations, examples) belong to this item's text.
  }

  // An unnumbered paragraph ending in a colon, or naming only an agency (a bold "Sở Tài chính"
  // line in Word), introduces what follows.
  if (node.type === "none" && (/:$/.test(text.trim()) || (lead.agencyOnly && lead.leads.length > 0))) {
    const leads =
      lead.leads.length > 0 && (lead.explicit || lead.strong || lead.agencyOnly)
        ? lead.leads
        : leadInOfLastClause(text);
    return { drafts: [], leadIn: leads.length > 0 ? leads : undefined };
  }

  return { drafts: leafDrafts(node, ctx, fields.fields) };
}

function isDetail(node: OutlineNode, year: number | undefined): boolean {
  if (node.label !== null || node.type === "roman" || node.children.length > 0) return false;
  return readLeadIn(node.text).leads.length === 0 && findDeadline(node.text, year) === null;
}

/** "Thực hiện …; Ban Thường vụ Tỉnh ủy yêu cầu các cơ quan … các nội dung sau:" */
function leadInOfLastClause(text: string): string[] {
  const clauses = text.split(/;\s+|\.\s+(?=\p{Lu})/u);
  const last = clauses[clauses.length - 1]!;
  const lead = readLeadIn(last);
  return lead.explicit ? lead.leads : [];
}

/** Splits a paragraph where a new sentence gives work to another agency. */
function assignmentSentences(text: string): string[] {
  // A piece starts a new assignment only when it names its own agency ("Giao B …", "B chủ trì …").
  const pieces = text.split(/(?<=[.;])\s+/u);
  const out: string[] = [];
  for (const piece of pieces) {
    const lead = readLeadIn(piece);
    const previous = out[out.length - 1];
    // "Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã chịu trách nhiệm …" is one list of agencies.
    const startsNew =
      lead.leads.length > 0 && (lead.explicit || lead.strong) && !readLeadIn(previous ?? "").agencyOnly;
    if (previous !== undefined && !startsNew) {
      out[out.length - 1] = `${out[out.length - 1]} ${piece}`;
    } else {
      out.push(piece);
    }
  }
  return out;
}

function leafDrafts(node: OutlineNode, ctx: Context, fields: Field[]): Draft[] {
  const inline = readFields(node.text);
  const text = inline.fields.length > 0 ? inline.before : node.text;
  // Bullets under an item that assign nothing on their own detail its work.
  const extra = node.children
    .filter((c) => !c.field && c.type !== "none" && !readLeadIn(c.text).descriptive)
    .map((c) => c.text);
  const sentences = assignmentSentences(text);
  const groups: Draft[][] = [];
  sentences.forEach((sentence, n) => {
    const last = n === sentences.length - 1;
    const stop = /\.(\/\.?)?$/.test((last ? node.text : sentence).trim());
    const group = sentenceDrafts(sentence, node, ctx, n === 0 ? fields : [], n === 0 ? extra : [], stop);
    if (group.length > 0) groups.push(group);
  });
  if (groups.length > 1) {
    const numbered = node.type === "arabic" || node.type === "letter" || node.type === "paren";
    groups.forEach((group, n) => {
      for (const d of group) {
        if (numbered) d.path.unshift({ kind: "position", index: n + 1 });
      }
      if (!numbered) group[0]!.sentence = true;
    });
  }
  return groups.flat();
}

/**
 * The tasks of one assignment sentence: one, or one per action when its clauses each carry a
 * deadline. Such actions are numbered below the item as its sub-items would be ("2.1.b.1",
 * "2.1.b.2" for the second bullet under 2.1; "3.a", "3.b" for item 3), so the items after it keep
 * their numbers.
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
  drafts.forEach((d, k) => {
    d.path.push({ kind: "position", index: k + 1 });
  });
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

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
