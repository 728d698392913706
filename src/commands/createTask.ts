import { eq, gt, inArray, isNull, max, sql } from "drizzle-orm";
import { agencies, assignments, planSections, plans, tasks } from "../db/schema/index.ts";
import { refreshStatusFacts } from "../db/statusFacts.ts";
import { inTenant } from "../db/tenancy.ts";
import type { AssignmentRole } from "../domain/assignments.ts";
import { type ParsedDeadline, parseDeadline } from "../domain/deadline.ts";
import { taskSearchKey } from "../domain/taskSearch.ts";
import { conflict, invalid, notFound } from "../errors.ts";
import { groupMembers } from "../queries/agencies.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { type CreateTaskInput, createTaskInput } from "./inputs/task.ts";
import { linkUpstreamTasks } from "./linkUpstreamTasks.ts";

export { type CreateTaskInput, createTaskInput, taskFieldsInput } from "./inputs/task.ts";

export interface AgencyInfo {
  id: string;
  name: string;
  isGroup: boolean;
}

/** The agencies behind ids chosen in a form; an id not in the directory is a 400. */
export async function loadAgencies(ctx: CommandContext, ids: string[]): Promise<Map<string, AgencyInfo>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await ctx.tx
    .select({ id: agencies.id, name: agencies.name, isGroup: agencies.isGroup })
    .from(agencies)
    .where(inTenant(agencies, ctx.tenantId, inArray(agencies.id, unique)));
  if (rows.length !== unique.length) {
    throw invalid("unknown_agency", "Có cơ quan được chọn không có trong danh mục cơ quan.");
  }
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The assignments for agencies chosen by id, as an import would make them: a group becomes one
 * assignment per member; an agency chosen as lead and coordinator is assigned once, as lead.
 */
export async function targetsForAgencyIds(
  ctx: CommandContext,
  leadIds: string[],
  coordinatorIds: string[],
  known: Map<string, AgencyInfo>,
  due: string | null,
) {
  const groupIds = [...known.values()].filter((a) => a.isGroup).map((a) => a.id);
  const members = await groupMembers(ctx.tx, ctx.tenantId, groupIds);
  const rows = new Map<
    string,
    { agencyId: string; role: AssignmentRole; viaGroupId: string | null; dueOn: string | null }
  >();
  for (const [role, ids] of [
    ["lead", leadIds],
    ["coordinator", coordinatorIds],
  ] as const) {
    for (const id of ids) {
      const agency = known.get(id)!;
      for (const agencyId of agency.isGroup ? (members.get(id) ?? []) : [id]) {
        if (rows.has(agencyId)) continue;
        rows.set(agencyId, {
          agencyId,
          role,
          viaGroupId: agency.isGroup ? id : null,
          dueOn: role === "lead" ? due : null,
        });
      }
    }
  }
  return [...rows.values()];
}

/** The deadline of a typed text, reading a month or quarter without a year in the plan's year. */
export function deadlineOf(deadlineText: string, planYear: number | null): ParsedDeadline {
  if (deadlineText === "") return { text: "", kind: "unspecified", due: null };
  return parseDeadline(deadlineText, planYear ? { contextYear: planYear } : {});
}

export async function sectionOf(ctx: CommandContext, planId: string, sectionId: string | null) {
  if (!sectionId) return null;
  const [section] = await ctx.tx
    .select({ id: planSections.id, numeral: planSections.numeral })
    .from(planSections)
    .where(
      inTenant(planSections, ctx.tenantId, eq(planSections.planId, planId), eq(planSections.id, sectionId)),
    );
  if (!section) throw invalid("unknown_section", "Phần được chọn không thuộc kế hoạch này.");
  return section;
}

export const refOf = (section: { numeral: string } | null, number: string) =>
  section ? `${section.numeral}.${number}` : number;

export async function assertRefFree(ctx: CommandContext, planId: string, ref: string, exceptTaskId?: string) {
  const [taken] = await ctx.tx
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      inTenant(
        tasks,
        ctx.tenantId,
        eq(tasks.planId, planId),
        eq(tasks.ref, ref),
        isNull(tasks.removedAt),
        exceptTaskId ? sql`${tasks.id} <> ${exceptTaskId}` : undefined,
      ),
    );
  if (taken) throw conflict("task_ref_taken", `Kế hoạch đã có nhiệm vụ số ${ref}; hãy chọn số thứ tự khác.`);
}

/**
 * The standing office adds a task the document did not have (or the import missed): in a
 * section, with lead and coordinating agencies chosen from the directory and a deadline typed
 * as documents write it. Placed after the last task of its section.
 */
export async function createTask(
  ctx: CommandContext,
  planId: string,
  raw: CreateTaskInput,
): Promise<{ taskId: string; ref: string }> {
  const input = createTaskInput.parse(raw);
  const { tx, tenantId } = ctx;
  const [plan] = await tx
    .select({ id: plans.id, year: plans.year })
    .from(plans)
    .where(inTenant(plans, tenantId, eq(plans.id, planId)))
    .for("update");
  if (!plan) throw notFound("kế hoạch");
  const section = await sectionOf(ctx, planId, input.sectionId);
  const ref = refOf(section, input.number);
  await assertRefFree(ctx, planId, ref);

  const known = await loadAgencies(ctx, [...input.leadAgencyIds, ...input.coordinatorAgencyIds]);
  const leads = [...new Set(input.leadAgencyIds)].map((id) => known.get(id)!.name);
  const coordinators = [...new Set(input.coordinatorAgencyIds)]
    .filter((id) => !input.leadAgencyIds.includes(id))
    .map((id) => known.get(id)!.name);
  const deadline = deadlineOf(input.deadlineText, plan.year);

  // After the last task of the section (or of the plan), moving the rest down one place.
  const [last] = await tx
    .select({ position: max(tasks.position) })
    .from(tasks)
    .where(
      inTenant(
        tasks,
        tenantId,
        eq(tasks.planId, planId),
        section ? eq(tasks.sectionId, section.id) : undefined,
      ),
    );
  const [end] = await tx
    .select({ position: max(tasks.position) })
    .from(tasks)
    .where(inTenant(tasks, tenantId, eq(tasks.planId, planId)));
  const position = (last?.position ?? end?.position ?? -1) + 1;
  await tx
    .update(tasks)
    .set({ position: sql`${tasks.position} + 1` })
    .where(inTenant(tasks, tenantId, eq(tasks.planId, planId), gt(tasks.position, position - 1)));

  const values = {
    tenantId,
    planId,
    sectionId: section?.id ?? null,
    number: input.number,
    ref,
    title: input.title,
    responsible: input.responsible,
    output: input.output,
    note: input.note,
    leadsText: leads,
    coordinatorsText: coordinators,
    sources: input.sources.filter((s) => s !== ""),
    deadlineText: deadline.text,
    deadlineKind: deadline.kind,
    dueOn: deadline.due,
    position,
    searchKey: taskSearchKey({
      ref,
      title: input.title,
      responsible: input.responsible,
      leads,
      coordinators,
    }),
  };
  const [row] = await tx.insert(tasks).values(values).returning({ id: tasks.id });
  const taskId = row!.id;
  const targets = await targetsForAgencyIds(
    ctx,
    input.leadAgencyIds,
    input.coordinatorAgencyIds,
    known,
    deadline.due,
  );
  if (targets.length > 0)
    await tx.insert(assignments).values(targets.map((t) => ({ tenantId, taskId, ...t })));
  const links = await linkUpstreamTasks(ctx, { taskIds: [taskId] });
  await refreshStatusFacts(tx, tenantId, { taskIds: [taskId] });

  await recordAudit(ctx, {
    action: "task.create",
    entityType: "task",
    entityId: taskId,
    after: {
      planId,
      ref,
      title: values.title,
      responsible: values.responsible,
      output: values.output,
      note: values.note,
      sources: values.sources,
      leads: input.leadAgencyIds,
      coordinators: input.coordinatorAgencyIds,
      deadline: { text: deadline.text, kind: deadline.kind, due: deadline.due },
      assignments: targets.length,
      links,
    },
  });
  return { taskId, ref };
}
