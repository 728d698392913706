import { and, eq, inArray, or } from "drizzle-orm";
import { liveTask } from "../db/liveRows.ts";
import { documents, plans, taskLinks, tasks } from "../db/schema/index.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";
import { normalizeDocumentNumber, sameDocumentNumber } from "../domain/documentNumber.ts";
import { jaccard, mostSimilar, SIMILAR_TASK_THRESHOLD, taskWords } from "../domain/taskSimilarity.ts";
import type { CommandContext } from "./context.ts";

/**
 * Task links (PRODUCT.md §2): a provincial task restates an upstream task ("Văn bản giao: Kế
 * hoạch số 04-KH/BCĐTW"), and the same upstream task reaches several provincial documents.
 *
 *  - kind "restates": one row per task and cited document number (its `sources`). When a plan
 *    for that document is in the system and one of its tasks is similar (taskSimilarity.ts), the
 *    row points to it (upstreamTaskId, upstreamTenantId). Only the tenant's own plans are searched
 *    today; a central tenant can be searched the same way later.
 *  - kind "duplicates": two tasks of different plans that cite the same upstream document and
 *    say the same thing restate the same upstream task, even when that document is not in the
 *    system. One row each way; upstreamTaskId holds the other task, upstreamDocumentNumber the
 *    number they share. listTaskConflicts reads these to show conflicting deadlines and
 *    duplicates.
 *
 * Runs inside the caller's command (no audit row of its own) and is idempotent: the links of
 * the tasks in scope, and the links other tasks hold to them, are recomputed from scratch.
 */
export async function linkUpstreamTasks(
  ctx: CommandContext,
  scope: { planId: string } | { taskIds: string[] },
): Promise<{ restates: number; withUpstreamTask: number; duplicates: number }> {
  const { tx, tenantId } = ctx;

  const scopeRows = await tx
    .select({ id: tasks.id, planId: tasks.planId })
    .from(tasks)
    .where(
      inTenant(
        tasks,
        tenantId,
        "planId" in scope
          ? eq(tasks.planId, scope.planId)
          : inArray(tasks.id, scope.taskIds.length ? scope.taskIds : [NO_ID]),
      ),
    );
  const scopeIds = scopeRows.map((r) => r.id);
  const affectedPlanIds = new Set(scopeRows.map((r) => r.planId));
  if ("planId" in scope) affectedPlanIds.add(scope.planId);
  if (scopeIds.length === 0 && affectedPlanIds.size === 0)
    return { restates: 0, withUpstreamTask: 0, duplicates: 0 };

  // Every live task of the province and the document each plan carries.
  const planDocs = await tx
    .select({ planId: plans.id, number: documents.number })
    .from(plans)
    .innerJoin(documents, tenantJoin(documents.id, plans.documentId))
    .where(inTenant(plans, tenantId));
  const live = await tx
    .select({ id: tasks.id, planId: tasks.planId, title: tasks.title, sources: tasks.sources })
    .from(tasks)
    .where(inTenant(tasks, tenantId, liveTask()));

  const liveTasks: LiveTask[] = live.map((t) => ({ ...t, numbers: citedNumbers(t.sources) }));
  const byId = new Map(liveTasks.map((t) => [t.id, t]));
  const byPlan = groupBy(liveTasks, (t) => t.planId);
  const words = new Map<string, Set<string>>();
  const wordsOf = (t: LiveTask) => {
    let w = words.get(t.id);
    if (!w) {
      w = taskWords(t.title);
      words.set(t.id, w);
    }
    return w;
  };
  // Tasks by the serial of each number they cite: sameDocumentNumber needs equal serials.
  const citing = new Map<string, { task: LiveTask; number: string }[]>();
  for (const task of liveTasks)
    for (const number of task.numbers) {
      const list = citing.get(serialOf(number)) ?? [];
      list.push({ task, number });
      citing.set(serialOf(number), list);
    }
  const plansFor = (number: string) =>
    planDocs.filter((p) => p.number && sameDocumentNumber(p.number, number)).map((p) => p.planId);

  // Whose restates links are recomputed: the tasks in scope, and every task citing the document
  // of an affected plan (its upstream may now be found, or may have moved).
  const restating = new Map<string, LiveTask>();
  for (const id of scopeIds) {
    const task = byId.get(id);
    if (task) restating.set(id, task);
  }
  for (const planId of affectedPlanIds) {
    const number = planDocs.find((p) => p.planId === planId)?.number;
    if (!number) continue;
    for (const { task, number: cited } of citing.get(serialOf(number)) ?? []) {
      if (task.planId !== planId && sameDocumentNumber(cited, number)) restating.set(task.id, task);
    }
  }

  const scopeAndRestating = [...new Set([...scopeIds, ...restating.keys()])];
  if (scopeAndRestating.length > 0) {
    await tx
      .delete(taskLinks)
      .where(
        inTenant(
          taskLinks,
          tenantId,
          or(
            inArray(taskLinks.taskId, scopeIds.length ? scopeIds : [NO_ID]),
            and(eq(taskLinks.kind, "restates"), inArray(taskLinks.taskId, scopeAndRestating)),
            and(
              eq(taskLinks.kind, "duplicates"),
              inArray(taskLinks.upstreamTaskId, scopeIds.length ? scopeIds : [NO_ID]),
            ),
          ),
        ),
      );
  }

  const rows: (typeof taskLinks.$inferInsert)[] = [];
  let withUpstreamTask = 0;
  for (const task of restating.values()) {
    for (const number of task.numbers) {
      const upstreamPlans = new Set(plansFor(number).filter((id) => id !== task.planId));
      const candidates = [...upstreamPlans].flatMap((id) => byPlan.get(id) ?? []);
      const best = mostSimilar(wordsOf(task), candidates, wordsOf);
      if (best) withUpstreamTask++;
      rows.push({
        tenantId,
        taskId: task.id,
        kind: "restates",
        upstreamDocumentNumber: number,
        upstreamTenantId: best ? tenantId : null,
        upstreamTaskId: best?.candidate.id ?? null,
      });
    }
  }

  const pairs = new Set<string>();
  let duplicates = 0;
  for (const id of scopeIds) {
    const task = byId.get(id);
    if (!task) continue;
    for (const number of task.numbers) {
      const upstreamPlans = new Set(plansFor(number));
      for (const { task: other, number: cited } of citing.get(serialOf(number)) ?? []) {
        if (other.planId === task.planId || upstreamPlans.has(other.planId)) continue;
        if (pairs.has(`${task.id}|${other.id}`) || !sameDocumentNumber(cited, number)) continue;
        if (jaccard(wordsOf(task), wordsOf(other)) < SIMILAR_TASK_THRESHOLD) continue;
        pairs.add(`${task.id}|${other.id}`);
        pairs.add(`${other.id}|${task.id}`);
        duplicates++;
        for (const [from, to] of [
          [task, other],
          [other, task],
        ] as const) {
          rows.push({
            tenantId,
            taskId: from.id,
            kind: "duplicates",
            upstreamDocumentNumber: number,
            upstreamTenantId: tenantId,
            upstreamTaskId: to.id,
          });
        }
      }
    }
  }

  for (let i = 0; i < rows.length; i += 500) await tx.insert(taskLinks).values(rows.slice(i, i + 500));
  return { restates: rows.filter((r) => r.kind === "restates").length, withUpstreamTask, duplicates };
}

interface LiveTask {
  id: string;
  planId: string;
  title: string;
  sources: string[];
  numbers: string[];
}

/** A never-used id, for `in (…)` lists that would otherwise be empty. */
const NO_ID = "00000000-0000-0000-0000-000000000000";

/** The distinct document numbers a task cites, normalised; typo variants of one number count once. */
export function citedNumbers(sources: string[]): string[] {
  const numbers: string[] = [];
  for (const raw of sources ?? []) {
    const number = normalizeDocumentNumber(raw);
    if (number !== "" && !numbers.some((n) => sameDocumentNumber(n, number))) numbers.push(number);
  }
  return numbers;
}

const serialOf = (number: string) => {
  const digits = /^\d+/.exec(number)?.[0];
  return digits ? String(Number(digits)) : number;
};

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item)) ?? [];
    list.push(item);
    map.set(key(item), list);
  }
  return map;
}
