import { readLeadIn } from "./proseAgency.ts";
import { findDeadline, withoutDeadline } from "./proseDeadline.ts";
import { clausesOf, folded, tidy } from "./proseText.ts";

/**
 * What one assignment sentence holds besides a single task: several actions, each with its own
 * deadline ("Hoàn thiện hệ thống … (hoàn thành trước ngày 30/6/2026); báo cáo kết quả trước ngày
 * 15/12/2026."), and sentences that only explain the work before them ("Qua đó, …", "Việc triển
 * khai phải …").
 */

/**
 * "Qua đó, …", "Trong đó, …", "Theo đó, …" draw a consequence or a detail from what precedes;
 * "Việc triển khai phải bảo đảm …" sets a condition on it. Neither gives new work, unless the
 * sentence hands work to an agency of its own ("Theo đó, giao Sở Tài chính …").
 */
const CONNECTIVE = /^(qua do|trong do|theo do|tu do|nho do|nhu vay|dong thoi luu y)\b/;
const CONDITION = /^viec\s+(?:\S+\s+){1,12}?(?:phai|can phai|can duoc|phai duoc)\s/;

export function isExplanation(text: string): boolean {
  const f = folded(text.trim()).replace(/^[-–—+•*\s]+/, "");
  if (!CONNECTIVE.test(f) && !CONDITION.test(f)) return false;
  // "Trong đó, Sở Tài chính bố trí …" names an agency doing work of its own: a task.
  const lead = readLeadIn(text);
  return !(lead.leads.length > 0 && !lead.descriptive && !lead.agencyOnly);
}

/** A clause of the work: what it asks and whether it says by when. */
interface Clause {
  text: string;
  /** A time the work must be done by. */
  deadline: boolean;
  /** A rhythm with no end ("thường xuyên", "hằng quý"): it paces the work, it does not close it. */
  rhythm: boolean;
  /** Something is left once the deadline is cut out ("hoàn thành trước ngày …" alone is not work). */
  work: boolean;
  explanation: boolean;
}

/**
 * The actions of one sentence's work. Clauses are cut at semicolons and full stops outside
 * brackets; a clause that states a deadline closes an action, clauses without one join the action
 * they stand in, and a clause that is only a deadline or an explanation belongs to the action
 * before it; a rhythm ("thường xuyên", "hằng quý") does not close one. The work splits only when
 * two or more actions each carry their own deadline; a
 * recurring clause and a final date in one clause ("thực hiện thường xuyên, hoàn thành chỉ tiêu
 * trước ngày 31/12/2026") stay one deadline.
 */
export function splitActions(work: string, year: number | undefined): string[] {
  if (!/[;.]\s/.test(work)) return [work];
  const clauses = clausesOf(work).map((text): Clause => {
    const found = findDeadline(text, year);
    const rest = tidy(withoutDeadline(text, found));
    const rhythm = found !== null && found.deadline.kind === "recurring" && found.deadline.due === null;
    return {
      text,
      deadline: found !== null && !rhythm,
      rhythm,
      work: !deadlineOnly(rest),
      explanation: isExplanation(text),
    };
  });
  const actions: { parts: string[]; closed: boolean; paced: boolean }[] = [];
  for (const clause of clauses) {
    const last = actions[actions.length - 1];
    const joins = last !== undefined && (!last.closed || clause.explanation || !clause.work);
    if (joins) {
      last.parts.push(clause.text);
      if (clause.deadline) last.closed = true;
      if (clause.rhythm) last.paced = true;
    } else {
      actions.push({ parts: [clause.text], closed: clause.deadline, paced: clause.rhythm });
    }
  }
  // Work after the last deadline has none of its own: it belongs to the action before. Work
  // paced after a dated one ("…; định kỳ hằng tháng cập nhật tiến độ") is an action of its own.
  const tail = actions[actions.length - 1];
  if (actions.length > 1 && tail && !tail.closed && !tail.paced) {
    actions.pop();
    actions[actions.length - 1]!.parts.push(...tail.parts);
  }
  if (actions.length < 2) return [work];
  return actions.map((a) => a.parts.join(" "));
}

/**
 * What is left of "hoàn thành trước ngày 30/6/2026" or "thực hiện thường xuyên" once the deadline
 * is cut: no work of its own ("báo cáo kết quả trước ngày 15/12/2026" is work).
 */
const DEADLINE_WORDS = new Set(
  "hoan thanh thuc hien trien khai xong nhiem vu la va dung han tien do".split(" "),
);

function deadlineOnly(rest: string): boolean {
  return folded(rest)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .every((w) => DEADLINE_WORDS.has(w));
}
