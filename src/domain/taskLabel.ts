/**
 * How a message names a task. A task's ref ("II.9") repeats across plans, so a notification or
 * an e-mail names the plan by its document number (số hiệu, "3450/KH-UBND"), or by its name when
 * the document has no number, and quotes the start of the task's title.
 */
export interface TaskNaming {
  ref: string;
  title: string;
  planNumber: string | null;
  planName: string;
}

/** Characters of a title kept in a label: enough to recognise the task on a phone's line. */
export const TITLE_EXCERPT_LENGTH = 60;

/** The start of a text cut at a word boundary, with "…" when something was cut. */
export function excerpt(text: string, max = TITLE_EXCERPT_LENGTH): string {
  // A closing full stop would double the sentence's own after the quote.
  const flat = text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.;,:]+$/, "");
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  // A long first word is cut inside the word rather than leaving nothing.
  const kept = space > max / 2 ? cut.slice(0, space) : cut;
  return `${kept.replace(/[\s,;:.–-]+$/, "")}…`;
}

/** The plan as a reader recognises it: "Kế hoạch 3450/KH-UBND" style number, else its name. */
export function planReference(naming: Pick<TaskNaming, "planNumber" | "planName">): string {
  const number = naming.planNumber?.trim();
  return number ? `số ${number}` : excerpt(naming.planName, 50);
}

/** "nhiệm vụ II.9 (số 3450/KH-UBND)": short enough for a notification's title. */
export function taskShortLabel(naming: TaskNaming): string {
  return `nhiệm vụ ${naming.ref} (${planReference(naming)})`;
}

/** "nhiệm vụ II.9 (số 3450/KH-UBND) “Tăng cường …”": the short label with the title's start. */
export function taskLabel(naming: TaskNaming): string {
  const title = excerpt(naming.title);
  return title ? `${taskShortLabel(naming)} “${title}”` : taskShortLabel(naming);
}

/** The same text opening a sentence: "Nhiệm vụ II.9 …". */
export const sentenceStart = (text: string) => text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
