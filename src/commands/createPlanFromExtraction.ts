import {
  assignments,
  documents,
  indicators,
  indicatorTargets,
  planSections,
  plans,
  tasks,
} from "../db/schema/index.ts";
import { refreshStatusFacts } from "../db/statusFacts.ts";
import { agencyKey } from "../domain/agencyKey.ts";
import type { AssignmentRole } from "../domain/assignments.ts";
import { taskSearchKey } from "../domain/taskSearch.ts";
import { foldForSearch } from "../domain/text.ts";
import { type ExtractedTask, type Extraction, extractionSchema } from "../ingest/extraction.ts";
import { groupMembers, type ResolvedAgency, resolveAgencyNames } from "../queries/agencies.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { type PlanSettingsInput, planSettingsInput } from "./inputs/createPlanFromExtraction.ts";
import { linkUpstreamTasks } from "./linkUpstreamTasks.ts";

export { type PlanSettingsInput, planSettingsInput };

/**
 * Saves a reviewed extraction as a document and a plan with its sections, tasks, lead and
 * coordinating assignments and indicators, all in the caller's transaction (whole or nothing).
 * Agency names that do not resolve stay on the task as written and are returned for mapping.
 * Tasks citing a document number are then linked to the upstream task they restate
 * (linkUpstreamTasks.ts).
 */
export async function createPlanFromExtraction(
  ctx: CommandContext,
  rawExtraction: Extraction,
  rawSettings: PlanSettingsInput = {},
  source?: { fileSha256?: string },
): Promise<{ planId: string; documentId: string; unresolvedAgencies: string[] }> {
  const extraction = extractionSchema.parse(rawExtraction);
  const settings = planSettingsInput.parse(rawSettings);
  const meta = extraction.document;
  const tenantId = ctx.tenantId;

  const [document] = await ctx.tx
    .insert(documents)
    .values({
      tenantId,
      number: meta.number,
      numberKey: meta.number ? foldForSearch(meta.number).replace(/\s+/g, "") : null,
      type: meta.type,
      issuer: meta.issuer,
      issuedOn: meta.date,
      title: meta.title,
      organisationText: extraction.organisation,
      fileSha256: source?.fileSha256 ?? null,
    })
    .returning({ id: documents.id });

  const year = Number((meta.date ?? "").slice(0, 4)) || null;
  const name = settings.name ?? [meta.type, meta.number].filter(Boolean).join(" số ") ?? "Kế hoạch";
  const [plan] = await ctx.tx
    .insert(plans)
    .values({
      tenantId,
      documentId: document!.id,
      name: name || "Kế hoạch chưa đặt tên",
      year,
      reportingFrequency: settings.reportingFrequency,
      cutoffDay: settings.cutoffDay,
      requireHeadApproval: settings.requireHeadApproval,
    })
    .returning({ id: plans.id });
  const planId = plan!.id;

  const sectionIds = new Map<string, string>();
  const sectionRows = uniqueSections(extraction);
  if (sectionRows.length > 0) {
    const inserted = await ctx.tx
      .insert(planSections)
      .values(
        sectionRows.map((s, position) => ({
          tenantId,
          planId,
          numeral: s.numeral,
          title: s.title,
          position,
        })),
      )
      .returning({ id: planSections.id, numeral: planSections.numeral });
    for (const row of inserted) sectionIds.set(row.numeral, row.id);
  }

  const agencyNames = extraction.tasks.flatMap((t) => [...t.leads, ...t.coordinators]);
  const resolved = await resolveAgencyNames(ctx.tx, tenantId, agencyNames);
  const groupIds = [...new Set([...resolved.values()].filter((a) => a.isGroup).map((a) => a.id))];
  const members = await groupMembers(ctx.tx, tenantId, groupIds);

  const taskRows = extraction.tasks.length
    ? await ctx.tx
        .insert(tasks)
        .values(
          extraction.tasks.map((t, position) => ({
            tenantId,
            planId,
            ...taskColumns(t, position, sectionIds),
          })),
        )
        .returning({ id: tasks.id })
    : [];

  const assignmentRows = extraction.tasks.flatMap((t, index) =>
    assignmentTargets(t, resolved, members).map((a) => ({ tenantId, taskId: taskRows[index]!.id, ...a })),
  );
  if (assignmentRows.length > 0) await ctx.tx.insert(assignments).values(assignmentRows);

  for (const [position, indicator] of extraction.indicators.entries()) {
    const [row] = await ctx.tx
      .insert(indicators)
      .values({
        tenantId,
        planId,
        section: indicator.section,
        number: indicator.number,
        ref: indicator.ref,
        name: indicator.name,
        unit: indicator.unit,
        monitorsText: indicator.monitors,
        sources: indicator.sources,
        position,
      })
      .returning({ id: indicators.id });
    if (indicator.targets.length > 0) {
      await ctx.tx.insert(indicatorTargets).values(
        indicator.targets.map((target) => ({
          tenantId,
          indicatorId: row!.id,
          year: target.year,
          text: target.text,
          op: target.op,
          valueNumber: typeof target.value === "number" ? String(target.value) : null,
          valueBoolean: typeof target.value === "boolean" ? target.value : null,
        })),
      );
    }
  }

  const links = await linkUpstreamTasks(ctx, { planId });
  await refreshStatusFacts(ctx.tx, ctx.tenantId, { planId });
  const unresolvedAgencies = [...new Set(agencyNames.filter((n) => !resolved.has(agencyKey(n))))];
  await recordAudit(ctx, {
    action: "plan.create_from_extraction",
    entityType: "plan",
    entityId: planId,
    after: {
      document: meta,
      tasks: extraction.tasks.length,
      indicators: extraction.indicators.length,
      assignments: assignmentRows.length,
      links,
      unresolvedAgencies,
    },
  });
  return { planId, documentId: document!.id, unresolvedAgencies };
}

export interface AssignmentTarget {
  agencyId: string;
  role: AssignmentRole;
  viaGroupId: string | null;
  dueOn: string | null;
}

/**
 * The assignments a task's agency names call for. A group named in the document ("Các sở, ban,
 * ngành") becomes one assignment per member, each reporting and judged on its own; an agency
 * named both alone and in a group, or as lead and coordinator, is assigned once, the lead role
 * winning. Names that do not resolve give no assignment (they stay on the task as written).
 */
export function assignmentTargets(
  t: Pick<ExtractedTask, "leads" | "coordinators" | "deadline">,
  resolved: Map<string, ResolvedAgency>,
  members: Map<string, string[]>,
): AssignmentTarget[] {
  const rows = new Map<string, AssignmentTarget>();
  for (const [role, names] of [
    ["lead", t.leads],
    ["coordinator", t.coordinators],
  ] as const) {
    for (const agencyName of names) {
      const agency = resolved.get(agencyKey(agencyName));
      if (!agency) continue;
      const targets = agency.isGroup ? (members.get(agency.id) ?? []) : [agency.id];
      for (const agencyId of targets) {
        if (rows.has(agencyId)) continue;
        rows.set(agencyId, {
          agencyId,
          role,
          viaGroupId: agency.isGroup ? agency.id : null,
          dueOn: role === "lead" ? t.deadline.due : null,
        });
      }
    }
  }
  return [...rows.values()];
}

export function uniqueSections(extraction: Extraction): { numeral: string; title: string }[] {
  const seen = new Map<string, string>();
  for (const t of extraction.tasks)
    if (t.section && !seen.has(t.section)) seen.set(t.section, t.sectionTitle ?? "");
  return [...seen].map(([numeral, title]) => ({ numeral, title }));
}

/** The columns of a task row as the document states them (shared by first import and re-import). */
export function taskColumns(t: ExtractedTask, position: number, sectionIds: Map<string, string>) {
  return {
    sectionId: t.section ? (sectionIds.get(t.section) ?? null) : null,
    number: t.number,
    ref: t.ref,
    title: t.title,
    responsible: t.responsible,
    output: t.output,
    note: t.note,
    leadsText: t.leads,
    coordinatorsText: t.coordinators,
    sources: t.sources,
    deadlineText: t.deadline.text,
    deadlineKind: t.deadline.kind,
    dueOn: t.deadline.due,
    position,
    searchKey: taskSearchKey(t),
  };
}
