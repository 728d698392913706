import { foldForSearch } from "./text.ts";

/**
 * What the task search matches against: number, title, the person responsible and the agencies
 * as written, folded, so "cong an" finds a task led by "Công an tỉnh".
 */
export const taskSearchKey = (t: {
  ref: string;
  title: string;
  responsible: string;
  leads: string[];
  coordinators: string[];
}) => foldForSearch([t.ref, t.title, t.responsible, ...t.leads, ...t.coordinators].join(" "));
