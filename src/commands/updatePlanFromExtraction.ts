import { asc, count, eq, inArray } from "drizzle-orm";
import {
  agencies,
  assignments,
  documents,
  planSections,
  plans,
  progressReports,
  tasks,
} from "../db/schema/index.ts";
import { refreshStatusFacts } from "../db/statusFacts.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";
import { agencyKey } from "../domain/agencyKey.ts";
import { followsTaskDueDate } from "../domain/assignmentDue.ts";
import type { AssignmentRole } from "../domain/assignments.ts";
import { matchTasks } from "../domain/taskSimilarity.ts";
import { foldForSearch } from "../domain/text.ts";
import { notFound } from "../errors.ts";
import { type ExtractedTask, type Extraction, extractionSchema } from "../ingest/extraction.ts";
import { groupMembers, resolveAgencyNames } from "../queries/agencies.ts";
import { movedByApprovedChange } from "../queries/deadlineChanges.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { assignmentTargets, taskColumns, uniqueSections } from "./createPlanFromExtraction.ts";
import { type PlanSettingsPatch, planSettingsPatch } from "./inputs/createPlanFromExtraction.ts";
import { linkUpstreamTasks } from "./linkUpstreamTasks.ts";
import { syncIndicators } from "./syncPlanIndicators.ts";

export { type PlanSettingsPatch, planSettingsPatch };

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** An assignment the new version no longer names but that already has reports: kept, for the office to settle. */
export interface AssignmentConflict {
  ref: string;
  agencyId: string;
  agencyName: string;
  role: AssignmentRole;
  reason: "has_reports";
  message: string;
}

export interface PlanDiff {
  added: string[];
  changed: { ref: string; fields: FieldChange[] }[];
  removed: string[];
  conflicts: AssignmentConflict[];
}

type SavedTask = typeof tasks.$inferSelect;

/**
 * Applies a new version of a plan's document (a re-import) to the plan already kept, in the
 * caller's transaction, without losing what agencies reported:
 *
 *  - tasks are matched to the saved ones by ref, or by a similar title when the document was
 *    renumbered (domain/taskSimilarity.ts matchTasks); matched tasks get the changed fields;
 *  - tasks of the new version that match nothing are added; saved tasks that nothing matches are
 *    marked removed (removedAt), never deleted, so their reports stay; a removed task that comes
 *    back is restored;
 *  - assignments follow the agencies now named: new ones are added; those no longer named are
 *    deleted only when nobody reported on them, otherwise kept and returned as conflicts; the due
 *    date of a lead assignment follows the document unless an approved deadline change moved it;
 *  - indicators are updated by ref; one no longer present is deleted unless values were reported.
 *
 * Returns the diff {added, changed, removed} by ref, and the assignment conflicts.
 */
export async function updatePlanFromExtraction(
  ctx: CommandContext,
  planId: string,
  rawExtraction: Extraction,
  rawSettings: PlanSettingsPatch = {},
  source?: { fileSha256?: string },
): Promise<{ planId: string; documentId: string; diff: PlanDiff; unresolvedAgencies: string[] }> {
  const extraction = extractionSchema.parse(rawExtraction);
  const settings = planSettingsPatch.parse(rawSettings);
  const { tx, tenantId } = ctx;
  const meta = extraction.document;
  const now = new Date();

  const [plan] = await tx
    .select()
    .from(plans)
    .where(inTenant(plans, tenantId, eq(plans.id, planId)))
    .for("update");
  if (!plan) throw notFound("kế hoạch");
  // What the audit row says the document and the settings were before this version.
  const [previousDocument] = await tx
    .select({
      number: documents.number,
      type: documents.type,
      issuer: documents.issuer,
      date: documents.issuedOn,
      title: documents.title,
    })
    .from(documents)
    .where(inTenant(documents, tenantId, eq(documents.id, plan.documentId)));
  const previousSettings = Object.fromEntries(
    Object.keys(settings).map((key) => [key, plan[key as keyof typeof settings]]),
  );

  await tx
    .update(documents)
    .set({
      number: meta.number,
      numberKey: meta.number ? foldForSearch(meta.number).replace(/\s+/g, "") : null,
      type: meta.type,
      issuer: meta.issuer,
      issuedOn: meta.date,
      title: meta.title,
      organisationText: extraction.organisation,
      ...(source?.fileSha256 ? { fileSha256: source.fileSha256 } : {}),
    })
    .where(inTenant(documents, tenantId, eq(documents.id, plan.documentId)));
  const year = Number((meta.date ?? "").slice(0, 4)) || plan.year;
  await tx
    .update(plans)
    .set({ ...settings, year, updatedAt: now })
    .where(inTenant(plans, tenantId, eq(plans.id, planId)));

  // Sections: by numeral; titles follow the document; sections no longer used stay (removed
  // tasks may point to them).
  const sectionRows = await tx
    .select()
    .from(planSections)
    .where(inTenant(planSections, tenantId, eq(planSections.planId, planId)));
  const sectionIds = new Map(sectionRows.map((s) => [s.numeral, s.id]));
  const numeralOf = new Map(sectionRows.map((s) => [s.id, s.numeral]));
  for (const [position, section] of uniqueSections(extraction).entries()) {
    const existing = sectionRows.find((s) => s.numeral === section.numeral);
    if (existing) {
      if (existing.title !== section.title || existing.position !== position) {
        await tx
          .update(planSections)
          .set({ title: section.title, position })
          .where(inTenant(planSections, tenantId, eq(planSections.id, existing.id)));
      }
    } else {
      const [row] = await tx
        .insert(planSections)
        .values({
          tenantId,
          planId,
          numeral: section.numeral,
          title: section.title,
          position,
        })
        .returning({ id: planSections.id });
      sectionIds.set(section.numeral, row!.id);
      numeralOf.set(row!.id, section.numeral);
    }
  }

  // Saved tasks: live ones first, so a ref names the live task before a removed one.
  const saved = await tx
    .select()
    .from(tasks)
    .where(inTenant(tasks, tenantId, eq(tasks.planId, planId)))
    .orderBy(asc(tasks.position));
  saved.sort((a, b) => Number(a.removedAt !== null) - Number(b.removedAt !== null));
  const match = matchTasks(saved, extraction.tasks);
  const matchedSaved = new Set(match.filter((j): j is number => j !== null));

  const diff: PlanDiff = { added: [], changed: [], removed: [], conflicts: [] };

  // 1. Saved live tasks nothing matches leave the plan (their ref is free again).
  const removed = saved.filter((t, j) => !matchedSaved.has(j) && t.removedAt === null);
  if (removed.length > 0) {
    await tx
      .update(tasks)
      .set({ removedAt: now, updatedAt: now })
      .where(
        inTenant(
          tasks,
          tenantId,
          inArray(
            tasks.id,
            removed.map((t) => t.id),
          ),
        ),
      );
    diff.removed = removed.map((t) => t.ref);
  }

  // 2. Matched tasks whose ref changes step aside first: refs are unique among live tasks, and a
  //    renumbering may swap them.
  const renamed = extraction.tasks.flatMap((t, i) => {
    const j = match[i];
    return j !== null && j !== undefined && saved[j]!.ref !== t.ref ? [saved[j]!] : [];
  });
  for (const task of renamed) {
    await tx
      .update(tasks)
      .set({ ref: `~${task.id}` })
      .where(inTenant(tasks, tenantId, eq(tasks.id, task.id)));
  }

  // Agencies as now named.
  const agencyNames = extraction.tasks.flatMap((t) => [...t.leads, ...t.coordinators]);
  const resolved = await resolveAgencyNames(tx, tenantId, agencyNames);
  const groupIds = [...new Set([...resolved.values()].filter((a) => a.isGroup).map((a) => a.id))];
  const members = await groupMembers(tx, tenantId, groupIds);

  // 3. Matched tasks take the new values.
  const valuesOf = (t: ExtractedTask, position: number) => taskColumns(t, position, sectionIds);
  const matchedPairs: { task: ExtractedTask; saved: SavedTask }[] = [];
  const newTasks: { task: ExtractedTask; position: number }[] = [];
  for (const [i, t] of extraction.tasks.entries()) {
    const j = match[i];
    if (j === null || j === undefined) {
      newTasks.push({ task: t, position: i });
      continue;
    }
    const before = saved[j]!;
    matchedPairs.push({ task: t, saved: before });
    const fields = fieldChanges(before, t, numeralOf);
    if (fields.length > 0) diff.changed.push({ ref: t.ref, fields });
    await tx
      .update(tasks)
      .set({ ...valuesOf(t, i), removedAt: null, ...(fields.length > 0 ? { updatedAt: now } : {}) })
      .where(inTenant(tasks, tenantId, eq(tasks.id, before.id)));
  }

  // 4. New tasks.
  const inserted = newTasks.length
    ? await tx
        .insert(tasks)
        .values(newTasks.map(({ task, position }) => ({ tenantId, planId, ...valuesOf(task, position) })))
        .returning({ id: tasks.id })
    : [];
  diff.added = newTasks.map(({ task }) => task.ref);
  const newAssignments = newTasks.flatMap(({ task }, k) =>
    assignmentTargets(task, resolved, members).map((a) => ({ tenantId, taskId: inserted[k]!.id, ...a })),
  );

  // 5. Assignments of matched tasks follow the agencies now named.
  const matchedIds = matchedPairs.map((p) => p.saved.id);
  const current = matchedIds.length
    ? await tx
        .select({
          id: assignments.id,
          taskId: assignments.taskId,
          agencyId: assignments.agencyId,
          agencyName: agencies.name,
          role: assignments.role,
          viaGroupId: assignments.viaGroupId,
          dueOn: assignments.dueOn,
        })
        .from(assignments)
        .innerJoin(agencies, tenantJoin(agencies.id, assignments.agencyId))
        .where(inTenant(assignments, tenantId, inArray(assignments.taskId, matchedIds)))
    : [];
  const currentIds = current.map((a) => a.id);
  const reported = new Set(
    currentIds.length
      ? (
          await tx
            .select({ id: progressReports.assignmentId, n: count() })
            .from(progressReports)
            .where(inTenant(progressReports, tenantId, inArray(progressReports.assignmentId, currentIds)))
            .groupBy(progressReports.assignmentId)
        ).map((r) => r.id)
      : [],
  );
  const moved = await movedByApprovedChange(tx, tenantId, currentIds);
  const toDelete: string[] = [];
  for (const { task, saved: before } of matchedPairs) {
    const wanted = assignmentTargets(task, resolved, members);
    const existing = current.filter((a) => a.taskId === before.id);
    for (const a of existing) {
      const keep = wanted.find((w) => w.agencyId === a.agencyId && w.role === a.role);
      if (!keep) {
        if (reported.has(a.id)) {
          diff.conflicts.push({
            ref: task.ref,
            agencyId: a.agencyId,
            agencyName: a.agencyName,
            role: a.role,
            reason: "has_reports",
            message: `${a.agencyName} không còn được giao nhiệm vụ ${task.ref} nhưng đã có báo cáo; phân công được giữ lại để cơ quan thường trực xem xét.`,
          });
        } else {
          toDelete.push(a.id);
        }
        continue;
      }
      const dueOn = followsTaskDueDate(a, moved.has(a.id)) ? keep.dueOn : a.dueOn;
      if (dueOn !== a.dueOn || keep.viaGroupId !== a.viaGroupId) {
        await tx
          .update(assignments)
          .set({ dueOn, viaGroupId: keep.viaGroupId, updatedAt: now })
          .where(inTenant(assignments, tenantId, eq(assignments.id, a.id)));
      }
    }
    for (const w of wanted) {
      if (!existing.some((a) => a.agencyId === w.agencyId && a.role === w.role)) {
        newAssignments.push({ tenantId, taskId: before.id, ...w });
      }
    }
  }
  if (toDelete.length > 0) {
    await tx.delete(assignments).where(inTenant(assignments, tenantId, inArray(assignments.id, toDelete)));
  }
  for (let i = 0; i < newAssignments.length; i += 500) {
    await tx.insert(assignments).values(newAssignments.slice(i, i + 500));
  }

  const indicatorChanges = await syncIndicators(ctx, planId, extraction);
  const links = await linkUpstreamTasks(ctx, { planId });
  await refreshStatusFacts(tx, tenantId, { planId });

  const unresolvedAgencies = [...new Set(agencyNames.filter((n) => !resolved.has(agencyKey(n))))];
  await recordAudit(ctx, {
    action: "plan.update_from_extraction",
    entityType: "plan",
    entityId: planId,
    before: {
      document: previousDocument,
      settings: previousSettings,
      tasks: saved.filter((t) => t.removedAt === null).length,
    },
    after: {
      document: meta,
      settings,
      tasks: extraction.tasks.length,
      diff,
      assignments: { added: newAssignments.length, deleted: toDelete.length },
      indicators: indicatorChanges,
      links,
      unresolvedAgencies,
    },
  });
  return { planId, documentId: plan.documentId, diff, unresolvedAgencies };
}

/** The fields of a saved task that the new version changes, with before and after values. */
function fieldChanges(before: SavedTask, t: ExtractedTask, numeralOf: Map<string, string>): FieldChange[] {
  const pairs: [string, unknown, unknown][] = [
    ["ref", before.ref, t.ref],
    ["section", before.sectionId ? (numeralOf.get(before.sectionId) ?? null) : null, t.section],
    ["number", before.number, t.number],
    ["title", before.title, t.title],
    ["responsible", before.responsible, t.responsible],
    ["leads", before.leadsText, t.leads],
    ["coordinators", before.coordinatorsText, t.coordinators],
    ["output", before.output, t.output],
    ["note", before.note, t.note],
    ["sources", before.sources, t.sources],
    [
      "deadline",
      { text: before.deadlineText, kind: before.deadlineKind, due: before.dueOn },
      { text: t.deadline.text, kind: t.deadline.kind, due: t.deadline.due },
    ],
    ["removed", before.removedAt !== null, false],
  ];
  return pairs
    .filter(([, a, b]) => JSON.stringify(a) !== JSON.stringify(b))
    .map(([field, a, b]) => ({ field, before: a, after: b }));
}
