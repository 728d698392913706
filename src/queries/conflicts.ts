import { eq, inArray, isNotNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../db/client.ts";
import { liveTask } from "../db/liveRows.ts";
import { documents, plans, taskLinks, tasks } from "../db/schema/index.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";
import type { DeadlineKind } from "../domain/deadline.ts";
import { taskSimilarity } from "../domain/taskSimilarity.ts";
import type { TaskScope } from "../policies/task.ts";
import { taskInScope } from "./scopeSql.ts";

/** deadline_conflict: the two say different due dates; duplicate: the same work assigned twice. */
export const conflictKinds = ["deadline_conflict", "duplicate"] as const;
export type ConflictKind = (typeof conflictKinds)[number];

export interface ConflictTask {
  id: string;
  planId: string;
  planName: string;
  documentNumber: string | null;
  ref: string;
  title: string;
  leads: string[];
  deadlineText: string;
  deadlineKind: DeadlineKind;
  dueOn: string | null;
}

export interface TaskConflict {
  kind: ConflictKind;
  /** The upstream document both cite. */
  upstreamDocumentNumber: string;
  /** The upstream task both restate, when its document is in the system. */
  upstreamTaskId: string | null;
  /** Similarity of the two titles (domain/taskSimilarity.ts), 0 to 1. */
  similarity: number;
  task: ConflictTask;
  other: ConflictTask;
}

/**
 * Tasks of this plan and tasks of other plans that restate the same upstream task — both cite
 * the same upstream document and say the same thing (a "duplicates" link), or both restate the
 * same upstream task found in the system — with different due dates (a conflict the office must
 * settle) or the same (likely duplicates: the same work reached an agency twice). Removed tasks
 * are left out. A principal scoped to agencies sees the pairs whose two tasks they can see.
 * Conflicts come first, then by ref.
 */
export async function listTaskConflicts(
  db: Executor,
  tenantId: string,
  planId: string,
  scope: TaskScope,
): Promise<TaskConflict[]> {
  const own = alias(tasks, "own_task");
  const pairs = new Map<
    string,
    { taskId: string; otherId: string; number: string; upstreamTaskId: string | null }
  >();

  const duplicates = await db
    .select({
      taskId: taskLinks.taskId,
      otherId: taskLinks.upstreamTaskId,
      number: taskLinks.upstreamDocumentNumber,
    })
    .from(taskLinks)
    .innerJoin(own, tenantJoin(own.id, taskLinks.taskId))
    .where(
      inTenant(
        taskLinks,
        tenantId,
        eq(taskLinks.kind, "duplicates"),
        eq(taskLinks.upstreamTenantId, tenantId),
        eq(own.planId, planId),
        liveTask(own),
        isNotNull(taskLinks.upstreamTaskId),
      ),
    );
  for (const d of duplicates) {
    pairs.set(`${d.taskId}|${d.otherId}`, {
      taskId: d.taskId,
      otherId: d.otherId!,
      number: d.number,
      upstreamTaskId: null,
    });
  }

  // Both restate one upstream task kept in the system.
  const restates = await db
    .select({
      taskId: taskLinks.taskId,
      upstreamTaskId: taskLinks.upstreamTaskId,
      number: taskLinks.upstreamDocumentNumber,
    })
    .from(taskLinks)
    .innerJoin(own, tenantJoin(own.id, taskLinks.taskId))
    .where(
      inTenant(
        taskLinks,
        tenantId,
        eq(taskLinks.kind, "restates"),
        isNotNull(taskLinks.upstreamTaskId),
        eq(own.planId, planId),
        liveTask(own),
      ),
    );
  const upstreamIds = [...new Set(restates.map((r) => r.upstreamTaskId!))];
  if (upstreamIds.length > 0) {
    const siblings = await db
      .select({ taskId: taskLinks.taskId, upstreamTaskId: taskLinks.upstreamTaskId, planId: tasks.planId })
      .from(taskLinks)
      .innerJoin(tasks, tenantJoin(tasks.id, taskLinks.taskId))
      .where(
        inTenant(
          taskLinks,
          tenantId,
          eq(taskLinks.kind, "restates"),
          inArray(taskLinks.upstreamTaskId, upstreamIds),
          liveTask(),
        ),
      );
    for (const r of restates) {
      for (const s of siblings) {
        if (s.upstreamTaskId !== r.upstreamTaskId || s.planId === planId) continue;
        const key = `${r.taskId}|${s.taskId}`;
        const known = pairs.get(key);
        pairs.set(key, {
          taskId: r.taskId,
          otherId: s.taskId,
          number: known?.number ?? r.number,
          upstreamTaskId: r.upstreamTaskId,
        });
      }
    }
  }
  if (pairs.size === 0) return [];

  const ids = [...new Set([...pairs.values()].flatMap((p) => [p.taskId, p.otherId]))];
  const rows = await db
    .select({
      id: tasks.id,
      planId: tasks.planId,
      planName: plans.name,
      documentNumber: documents.number,
      ref: tasks.ref,
      title: tasks.title,
      leads: tasks.leadsText,
      deadlineText: tasks.deadlineText,
      deadlineKind: tasks.deadlineKind,
      dueOn: tasks.dueOn,
      removedAt: tasks.removedAt,
    })
    .from(tasks)
    .innerJoin(plans, tenantJoin(plans.id, tasks.planId))
    .innerJoin(documents, tenantJoin(documents.id, plans.documentId))
    // A pair is shown when the principal may see both of its tasks: an unseen one is left out here.
    .where(inTenant(tasks, tenantId, inArray(tasks.id, ids), taskInScope(scope, tasks)));
  const byId = new Map(rows.filter((r) => r.removedAt === null).map(({ removedAt: _, ...r }) => [r.id, r]));

  const result: TaskConflict[] = [];
  for (const pair of pairs.values()) {
    const task = byId.get(pair.taskId);
    const other = byId.get(pair.otherId);
    if (!task || !other) continue;
    result.push({
      kind: task.dueOn === other.dueOn ? "duplicate" : "deadline_conflict",
      upstreamDocumentNumber: pair.number,
      upstreamTaskId: pair.upstreamTaskId,
      similarity: Math.round(taskSimilarity(task.title, other.title) * 100) / 100,
      task,
      other,
    });
  }
  const collator = new Intl.Collator("vi", { numeric: true });
  return result.sort(
    (a, b) =>
      Number(a.kind === "duplicate") - Number(b.kind === "duplicate") ||
      collator.compare(a.task.ref, b.task.ref) ||
      collator.compare(a.other.planName, b.other.planName),
  );
}
