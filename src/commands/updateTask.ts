import { eq, inArray } from "drizzle-orm";
import { agencies, assignments, planSections, plans, progressReports, tasks } from "../db/schema/index.ts";
import { refreshStatusFacts } from "../db/statusFacts.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";
import { followsTaskDueDate } from "../domain/assignmentDue.ts";
import type { AssignmentRole } from "../domain/assignments.ts";
import { taskSearchKey } from "../domain/taskSearch.ts";
import { conflict, invalid, notFound } from "../errors.ts";
import { movedByApprovedChange } from "../queries/deadlineChanges.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import {
  assertRefFree,
  deadlineOf,
  loadAgencies,
  refOf,
  sectionOf,
  targetsForAgencyIds,
} from "./createTask.ts";
import { type UpdateTaskInput, updateTaskInput } from "./inputs/task.ts";
import { linkUpstreamTasks } from "./linkUpstreamTasks.ts";

export { type UpdateTaskInput, updateTaskInput } from "./inputs/task.ts";

/**
 * The standing office edits a task: any field, the lead and coordinating agencies (chosen by id),
 * the deadline (typed as documents write it). One audit row holds the fields before and after.
 *
 * A changed deadline moves the due date of lead assignments, except where an approved deadline
 * change already moved it. An agency taken off the task loses its assignment only if it never
 * reported on it; otherwise the edit is refused (409) so no report is orphaned. A task a
 * re-import removed cannot be edited (409).
 */
export async function updateTask(
  ctx: CommandContext,
  taskId: string,
  raw: UpdateTaskInput,
): Promise<{ taskId: string; ref: string; changed: string[] }> {
  const input = updateTaskInput.parse(raw);
  const { tx, tenantId } = ctx;
  const [task] = await tx
    .select()
    .from(tasks)
    .where(inTenant(tasks, tenantId, eq(tasks.id, taskId)))
    .for("update");
  // A deleted task is out of every read; it is restored before it is edited.
  if (!task || task.deletedAt) throw notFound("nhiệm vụ");
  if (task.removedAt) {
    throw conflict(
      "task_removed",
      "Nhiệm vụ này đã bị bỏ khỏi kế hoạch khi nhập lại văn bản nên không sửa được.",
    );
  }
  const [plan] = await tx
    .select({ year: plans.year })
    .from(plans)
    .where(inTenant(plans, tenantId, eq(plans.id, task.planId)));

  const currentSection = task.sectionId
    ? ((
        await tx
          .select({ id: planSections.id, numeral: planSections.numeral })
          .from(planSections)
          .where(inTenant(planSections, tenantId, eq(planSections.id, task.sectionId)))
      )[0] ?? null)
    : null;
  const section =
    input.sectionId !== undefined ? await sectionOf(ctx, task.planId, input.sectionId) : currentSection;
  const number = input.number ?? task.number;
  const ref = refOf(section, number);
  if (ref !== task.ref) await assertRefFree(ctx, task.planId, ref, task.id);

  const current = await tx
    .select({
      id: assignments.id,
      agencyId: assignments.agencyId,
      role: assignments.role,
      viaGroupId: assignments.viaGroupId,
      dueOn: assignments.dueOn,
      agencyName: agencies.name,
    })
    .from(assignments)
    .innerJoin(agencies, tenantJoin(agencies.id, assignments.agencyId))
    .where(inTenant(assignments, tenantId, eq(assignments.taskId, taskId)));
  const currentIds = current.map((a) => a.id);

  const deadline =
    input.deadlineText !== undefined ? deadlineOf(input.deadlineText, plan?.year ?? null) : null;
  const dueOn = deadline ? deadline.due : task.dueOn;

  let leadsText = task.leadsText;
  let coordinatorsText = task.coordinatorsText;
  const added: (typeof assignments.$inferInsert)[] = [];
  const deleted: string[] = [];
  if (input.leadAgencyIds !== undefined || input.coordinatorAgencyIds !== undefined) {
    // The role not given keeps the agencies it has (named directly or through their group).
    const kept = (role: AssignmentRole) => [
      ...new Set(current.filter((a) => a.role === role).map((a) => a.viaGroupId ?? a.agencyId)),
    ];
    const leadIds = input.leadAgencyIds ?? kept("lead");
    const coordinatorIds = (input.coordinatorAgencyIds ?? kept("coordinator")).filter(
      (id) => !leadIds.includes(id),
    );
    const known = await loadAgencies(ctx, [...leadIds, ...coordinatorIds]);
    if (input.leadAgencyIds !== undefined) leadsText = [...new Set(leadIds)].map((id) => known.get(id)!.name);
    if (input.coordinatorAgencyIds !== undefined) {
      coordinatorsText = [...new Set(coordinatorIds)].map((id) => known.get(id)!.name);
    }
    const wanted = await targetsForAgencyIds(ctx, leadIds, coordinatorIds, known, dueOn);
    const leaving = current.filter(
      (a) => !wanted.some((w) => w.agencyId === a.agencyId && w.role === a.role),
    );
    if (leaving.length > 0) {
      const reported = await tx
        .select({ assignmentId: progressReports.assignmentId })
        .from(progressReports)
        .where(
          inTenant(
            progressReports,
            tenantId,
            inArray(
              progressReports.assignmentId,
              leaving.map((a) => a.id),
            ),
          ),
        )
        .limit(1);
      const blocked = leaving.find((a) => a.id === reported[0]?.assignmentId);
      if (blocked) {
        throw conflict(
          "assignment_has_reports",
          `${blocked.agencyName} đã báo cáo về nhiệm vụ này nên không thể bỏ khỏi nhiệm vụ; hãy giữ cơ quan này.`,
        );
      }
      deleted.push(...leaving.map((a) => a.id));
    }
    for (const w of wanted) {
      if (!current.some((a) => a.agencyId === w.agencyId && a.role === w.role))
        added.push({ tenantId, taskId, ...w });
    }
  }

  const next = {
    sectionId: section?.id ?? null,
    number,
    ref,
    title: input.title ?? task.title,
    responsible: input.responsible ?? task.responsible,
    output: input.output ?? task.output,
    note: input.note ?? task.note,
    sources: input.sources ? input.sources.filter((s) => s !== "") : task.sources,
    leadsText,
    coordinatorsText,
    deadlineText: deadline ? deadline.text : task.deadlineText,
    deadlineKind: deadline ? deadline.kind : task.deadlineKind,
    dueOn,
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
    (k) => JSON.stringify(next[k]) !== JSON.stringify(task[k]),
  );
  if (changed.length === 0 && added.length === 0 && deleted.length === 0) return { taskId, ref, changed: [] };
  if (next.title === "") throw invalid("invalid_request", "Tên nhiệm vụ không được để trống.");

  await tx
    .update(tasks)
    .set({
      ...next,
      searchKey: taskSearchKey({
        ref,
        title: next.title,
        responsible: next.responsible,
        leads: leadsText,
        coordinators: coordinatorsText,
      }),
      updatedAt: new Date(),
    })
    .where(inTenant(tasks, tenantId, eq(tasks.id, taskId)));

  if (deleted.length > 0) {
    await tx.delete(assignments).where(inTenant(assignments, tenantId, inArray(assignments.id, deleted)));
  }
  if (added.length > 0) await tx.insert(assignments).values(added);
  let moved = 0;
  if (deadline && dueOn !== task.dueOn && currentIds.length > 0) {
    const approved = await movedByApprovedChange(tx, tenantId, currentIds);
    const follow = current
      .filter((a) => !deleted.includes(a.id) && followsTaskDueDate(a, approved.has(a.id)))
      .map((a) => a.id);
    if (follow.length > 0) {
      await tx
        .update(assignments)
        .set({ dueOn, updatedAt: new Date() })
        .where(inTenant(assignments, tenantId, inArray(assignments.id, follow)));
      moved = follow.length;
    }
  }

  if (changed.includes("title") || changed.includes("sources")) {
    await linkUpstreamTasks(ctx, { taskIds: [taskId] });
  }
  await refreshStatusFacts(tx, tenantId, { taskIds: [taskId] });
  const pick = (source: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, source[k]]));
  await recordAudit(ctx, {
    action: "task.update",
    entityType: "task",
    entityId: taskId,
    before: {
      ...pick(task),
      ...(deleted.length || added.length
        ? { assignments: current.map((a) => ({ agencyId: a.agencyId, role: a.role })) }
        : {}),
    },
    after: {
      ...pick(next),
      ...(deleted.length || added.length
        ? {
            assignments: [
              ...current
                .filter((a) => !deleted.includes(a.id))
                .map((a) => ({ agencyId: a.agencyId, role: a.role })),
              ...added.map((a) => ({ agencyId: a.agencyId, role: a.role })),
            ],
          }
        : {}),
      ...(moved ? { leadAssignmentsMoved: moved } : {}),
    },
  });
  return { taskId, ref, changed };
}
