import { findDocumentNumbers } from "../../domain/documentNumber.ts";
import type { Deadline } from "../extraction.ts";
import { cooperatingClauses, coordinatorsIn, directedIn, type LeadIn } from "./proseAgency.ts";
import { deadlineFromField, findDeadline } from "./proseDeadline.ts";
import { type Field, readFields } from "./proseFields.ts";
import { agencyList, responsibility } from "./proseNames.ts";
import type { OutlineNode } from "./proseOutline.ts";

/**
 * What one item says about its task: from its sentence (lead-in, "phối hợp với …", deadline
 * clause, cited documents) and from its labelled field lines, which win where both speak.
 */

export function ownFields(node: OutlineNode): { text: string; fields: Field[] } {
  const inline = readFields(node.text);
  const fields = [...inline.fields];
  for (const child of node.children) if (child.field) fields.push(...readFields(child.text).fields);
  return { text: inline.fields.length > 0 ? inline.before : node.text, fields };
}

export interface Attributes {
  /** How firmly the text states its deadline (FoundDeadline.rank; 3 for a field). */
  deadlineRank: number;
  leads: string[];
  responsible: string;
  coordinators: string[];
  deadline: Deadline | null;
  sources: string[];
  output: string;
  note: string;
  content: string[];
}

export function attributes(
  text: string,
  lead: LeadIn,
  fields: Field[],
  year: number | undefined,
): Attributes {
  const found = findDeadline(text, year);
  const attrs: Attributes = {
    deadlineRank: found?.rank ?? -1,
    leads: lead.leads,
    responsible: lead.responsible,
    coordinators: unique([
      ...lead.coordinators,
      ...coordinatorsIn(text),
      ...directedIn(lead.work),
      ...cooperatingClauses(lead.work).coordinators,
    ]),
    deadline: found?.deadline ?? null,
    sources: findDocumentNumbers(text),
    output: "",
    note: "",
    content: [],
  };
  for (const field of fields) {
    switch (field.name) {
      case "lead": {
        const who = responsibility(field.value);
        attrs.leads = who.leads;
        if (who.responsible) attrs.responsible = who.responsible;
        break;
      }
      case "coordinators":
        attrs.coordinators = agencyList(field.value);
        break;
      case "deadline":
        attrs.deadline = deadlineFromField(field.value, year);
        attrs.deadlineRank = 3;
        break;
      case "output":
        attrs.output = attrs.output ? `${attrs.output} - ${field.value}` : field.value;
        break;
      case "responsible":
        attrs.responsible = field.value;
        break;
      case "sources":
        attrs.sources = unique([...attrs.sources, ...findDocumentNumbers(field.value)]);
        break;
      case "note":
        attrs.note = field.value;
        break;
      case "content":
        attrs.content.push(field.value);
        break;
    }
  }
  return attrs;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
