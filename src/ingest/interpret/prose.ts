import { findDocumentNumbers } from "../../domain/documentNumber.ts";
import type { ExtractedTask, ExtractionWarning } from "../extraction.ts";
import type { RawDocument } from "../model.ts";
import { isExplanation } from "./proseActions.ts";
import { cooperationOnly, readLeadIn } from "./proseAgency.ts";
import { attributes, ownFields } from "./proseAttributes.ts";
import { findDeadline } from "./proseDeadline.ts";
import { type Context, type Draft, leafDrafts, rootContext, type Section, unique } from "./proseDrafts.ts";
import { composeNumber, type PathSegment } from "./proseNumbering.ts";
import { buildOutline, documentBody, type OutlineNode } from "./proseOutline.ts";
import { folded, tidy } from "./proseText.ts";

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
 * - An item whose clauses each carry their own deadline ("Hoàn thiện … (hoàn thành trước ngày
 *   30/6/2026); báo cáo kết quả trước ngày 15/12/2026.") yields one task per action, numbered as
 *   several sentences are: "8.a", "8.b" for item 8; for the second bullet under 2.1, consecutive
 *   items "2.1.b", "2.1.c", and the bullets after it move on ("2.1.d").
 * - Paragraphs that explain the task before them ("Qua đó, …", "Trong đó, …", "Việc … phải …")
 *   are not tasks and take no position.
 * - section is the Roman numeral of the enclosing "II." heading, and ref is "II.2.4.a". Without
 *   Roman sections, a top-level numbered heading that groups tasks by topic ("2. Nhiệm vụ cụ
 *   thể") is the section and ref is the number itself ("2.1.a"), which already starts with it.
 *   Headings that name an agency group tasks without being sections.
 *
 * Fields: title is the work without the lead-in ("Giao X:", "X chủ trì, phối hợp với Y") and
 * without the deadline clause, keeping the sentence's full stop; deadline.text is the clause as
 * written ("Hoàn thành trước ngày 30/4/2026"); leads come from the sentence, else from the
 * heading of the group, else from a lead-in paragraph ("… yêu cầu các cơ quan … các nội dung
 * sau:"), capitalised; "Giám đốc Sở X" gives responsible "Giám đốc Sở X" and lead "Sở X". A party
 * committee leads through the body it sits in: under "Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo UBND
 * tỉnh:" (or "… lãnh đạo, chỉ đạo:", "Ban cán sự đảng X …") the lead is the UBND tỉnh, and
 * "Giao Đảng ủy X lãnh đạo, chỉ đạo các cơ quan liên quan …" is X's work. Coordinators are the
 * agencies of "phối hợp với Y", of "Y phối hợp thực hiện", and those the lead is told to direct
 * ("chỉ đạo Y …", kept in the title).
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
