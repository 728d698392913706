import { foldForSearch } from "./text.ts";

/**
 * When do two task texts state the same task? Provincial plans restate central tasks word for
 * word or nearly ("Triển khai mô hình bảo đảm an toàn thông tin 4 lớp." / "… 4 lớp"), sometimes
 * with a sentence added ("… chính sách cho KHCN, ĐMST, CDS. Trong đó, bảo đảm …"), while two
 * different tasks citing the same document share the vocabulary of their field ("an ninh mạng",
 * "hệ thống thông tin").
 *
 * The measure is the Jaccard index of the sets of folded words (no diacritics, lower case,
 * punctuation dropped): |A ∩ B| / |A ∪ B|, from 0 to 1.
 *
 * The threshold, 0.5, was read off the real fixtures (every task of lam-dong-1535-cv-tu against
 * every task of lam-dong-3450-kh-ubnd, 4,170 pairs): the 18 pairs that restate the same upstream
 * task score 1.00 (17 of them: tasks 1–6 against III.12, V.32–V.35 and VIII.4 for 04-KH/BCĐTW,
 * and others for 02-CTr/BCĐTW, 11/NQ-CP, 17-TB/CQTTBCĐ) or 0.65 (task 17 against II.6, which
 * appends its output sentence to the title); the highest pair of different tasks scores 0.43
 * (4 against V.7), and no two tasks within 3450/KH-UBND reach 0.45. 0.5 sits in that gap.
 * taskSimilarity.test.ts keeps these figures honest.
 */
export const SIMILAR_TASK_THRESHOLD = 0.5;

/** The folded words of a text, as a set. */
export function taskWords(text: string): Set<string> {
  return new Set(
    foldForSearch(text ?? "")
      .split(/[^a-z0-9]+/)
      .filter((w) => w !== ""),
  );
}

/** Jaccard index of two word sets; 0 when either is empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Similarity of two task texts, 0 to 1 (see the module comment). */
export function taskSimilarity(a: string, b: string): number {
  return jaccard(taskWords(a), taskWords(b));
}

/** True when two task texts state the same task. */
export function similarTasks(a: string, b: string, threshold = SIMILAR_TASK_THRESHOLD): boolean {
  return taskSimilarity(a, b) >= threshold;
}

/**
 * The candidate most similar to the text, when it reaches the threshold; ties go to the first.
 * Word sets are computed once per candidate by the caller when the same list is searched often.
 */
export function mostSimilar<T>(
  words: ReadonlySet<string>,
  candidates: readonly T[],
  wordsOf: (candidate: T) => ReadonlySet<string>,
  threshold = SIMILAR_TASK_THRESHOLD,
): { candidate: T; similarity: number } | null {
  let best: { candidate: T; similarity: number } | null = null;
  for (const candidate of candidates) {
    const similarity = jaccard(words, wordsOf(candidate));
    if (similarity >= threshold && (!best || similarity > best.similarity)) best = { candidate, similarity };
  }
  return best;
}

export interface MatchableTask {
  ref: string;
  title: string;
}

/**
 * Pairs the tasks of a new version of a document with those of the version already saved, so a
 * re-import updates tasks (and keeps their reports) rather than replacing them. For each new task,
 * the index of the saved task it continues, or null for a new task. Each saved task is used once.
 *
 *  1. same ref and a similar title: the same task, maybe reworded a little;
 *  2. a similar title under another ref: the same task, renumbered (a task inserted or dropped
 *     before it) — the most similar pairs first, then the nearest in position;
 *  3. same ref, title rewritten beyond recognition: still the same row of the table (an
 *     importer's correction of a misread cell), so the ref decides.
 *
 * What is left on the saved side is no longer in the document; what is left on the new side is new.
 */
export function matchTasks(
  saved: readonly MatchableTask[],
  next: readonly MatchableTask[],
  threshold = SIMILAR_TASK_THRESHOLD,
): (number | null)[] {
  const result: (number | null)[] = next.map(() => null);
  const used = new Set<number>();
  const savedWords = saved.map((t) => taskWords(t.title));
  const nextWords = next.map((t) => taskWords(t.title));
  const savedByRef = new Map<string, number>();
  saved.forEach((t, i) => {
    if (!savedByRef.has(t.ref)) savedByRef.set(t.ref, i);
  });

  // 1. Same ref, similar title.
  next.forEach((t, i) => {
    const j = savedByRef.get(t.ref);
    if (j === undefined || used.has(j)) return;
    if (jaccard(nextWords[i]!, savedWords[j]!) >= threshold) {
      result[i] = j;
      used.add(j);
    }
  });

  // 2. Similar title, another ref.
  const pairs: { i: number; j: number; similarity: number; distance: number }[] = [];
  next.forEach((_, i) => {
    if (result[i] !== null) return;
    saved.forEach((__, j) => {
      if (used.has(j)) return;
      const similarity = jaccard(nextWords[i]!, savedWords[j]!);
      if (similarity >= threshold) pairs.push({ i, j, similarity, distance: Math.abs(i - j) });
    });
  });
  pairs.sort((a, b) => b.similarity - a.similarity || a.distance - b.distance);
  for (const pair of pairs) {
    if (result[pair.i] !== null || used.has(pair.j)) continue;
    result[pair.i] = pair.j;
    used.add(pair.j);
  }

  // 3. Same ref, whatever the title.
  next.forEach((t, i) => {
    if (result[i] !== null) return;
    const j = savedByRef.get(t.ref);
    if (j === undefined || used.has(j)) return;
    result[i] = j;
    used.add(j);
  });
  return result;
}
