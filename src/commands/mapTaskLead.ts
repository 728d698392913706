import { eq } from "drizzle-orm";
import { liveTask } from "../db/liveRows.ts";
import { agencyAliases, assignments, tasks } from "../db/schema/index.ts";
import { refreshStatusFacts } from "../db/statusFacts.ts";
import { inTenant } from "../db/tenancy.ts";
import { aliasStep } from "../domain/agencyAliases.ts";
import { agencyKey } from "../domain/agencyKey.ts";
import { invalid, notFound } from "../errors.ts";
import { nameOwner } from "../queries/agencies.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { loadAgencies, targetsForAgencyIds } from "./createTask.ts";
import { type MapTaskLeadInput, mapTaskLeadInput } from "./inputs/mapTaskLead.ts";

/**
 * Gives a lead the document named but the directory did not know (src/queries/unmappedLeads.ts)
 * its agency: the task gets its lead assignment (one per member for a group), so the agency can
 * report and the task is judged; the document's text stays as written. With `remember`, the name
 * becomes the agency's alias (when no other agency goes by it) and every task of the plan naming
 * it is assigned in the same step.
 */
export async function mapTaskLead(
  ctx: CommandContext,
  taskId: string,
  raw: MapTaskLeadInput,
): Promise<{ taskIds: string[]; assignments: number; aliasAdded: boolean }> {
  const input = mapTaskLeadInput.parse(raw);
  const { tx, tenantId } = ctx;
  const [task] = await tx
    .select({ id: tasks.id, planId: tasks.planId, leads: tasks.leadsText })
    .from(tasks)
    .where(inTenant(tasks, tenantId, eq(tasks.id, taskId), liveTask()))
    .for("update");
  if (!task) throw notFound("nhiệm vụ");
  const key = agencyKey(input.name);
  if (!task.leads.some((name) => agencyKey(name) === key)) {
    throw invalid("lead_not_named", `Nhiệm vụ không ghi "${input.name}" là cơ quan chủ trì.`);
  }
  const known = await loadAgencies(ctx, [input.agencyId]);

  let aliasAdded = false;
  if (input.remember && aliasStep(input.agencyId, await nameOwner(tx, tenantId, key)) === "add") {
    await tx
      .insert(agencyAliases)
      .values({ tenantId, agencyId: input.agencyId, alias: input.name, aliasKey: key });
    aliasAdded = true;
  }
  const targets = input.remember
    ? (
        await tx
          .select({ id: tasks.id, leads: tasks.leadsText, dueOn: tasks.dueOn })
          .from(tasks)
          .where(inTenant(tasks, tenantId, eq(tasks.planId, task.planId), liveTask()))
      ).filter((t) => t.leads.some((name) => agencyKey(name) === key))
    : await tx
        .select({ id: tasks.id, dueOn: tasks.dueOn })
        .from(tasks)
        .where(inTenant(tasks, tenantId, eq(tasks.id, taskId)));
  let added = 0;
  for (const target of targets) {
    const rows = await targetsForAgencyIds(ctx, [input.agencyId], [], known, target.dueOn);
    if (rows.length === 0) continue;
    const inserted = await tx
      .insert(assignments)
      .values(rows.map((r) => ({ tenantId, taskId: target.id, ...r })))
      .onConflictDoNothing()
      .returning({ id: assignments.id });
    added += inserted.length;
  }
  const taskIds = targets.map((t) => t.id);
  await refreshStatusFacts(tx, tenantId, { taskIds });
  await recordAudit(ctx, {
    action: "task.lead_mapped",
    entityType: "task",
    entityId: taskId,
    after: { name: input.name, agencyId: input.agencyId, taskIds, assignments: added, aliasAdded },
  });
  return { taskIds, assignments: added, aliasAdded };
}
