import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { agencies, agencyAliases, imports } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { aliasStep } from "../domain/agencyAliases.ts";
import { agencyKey } from "../domain/agencyKey.ts";
import { agencyLevels } from "../domain/agencyLevels.ts";
import { normalizeText } from "../domain/text.ts";
import { AppError, invalid } from "../errors.ts";
import { type Extraction, extractionSchema } from "../ingest/extraction.ts";
import { nameOwner } from "../queries/agencies.ts";
import { findPlanForDocumentNumber } from "../queries/imports.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { createPlanFromExtraction, planSettingsInput } from "./createPlanFromExtraction.ts";
import { saveAgency } from "./saveAgency.ts";
import { lockOpenImport } from "./updateImport.ts";
import { type PlanDiff, planSettingsPatch, updatePlanFromExtraction } from "./updatePlanFromExtraction.ts";

const agencyName = z.string().trim().min(1).max(500);

/** An agency name of the document mapped to an agency of the directory, or to a new one. */
export const agencyMappingInput = z.union([
  z.strictObject({ name: agencyName, agencyId: z.uuid() }),
  z.strictObject({
    name: agencyName,
    create: z.strictObject({
      name: agencyName,
      level: z.enum(agencyLevels),
      parentId: z.uuid().nullish(),
    }),
  }),
]);
export type AgencyMappingInput = z.infer<typeof agencyMappingInput>;

export const commitImportInput = z.object({
  agencyMappings: z.array(agencyMappingInput).max(2000).default([]),
  /** A first import takes the defaults for what is not given; a re-import changes only what is given. */
  settings: planSettingsPatch.default({}),
});
export type CommitImportInput = z.input<typeof commitImportInput>;

export type CommitStage = "agencies_mapped" | "plan_saved";

export interface CommitImportResult {
  planId: string;
  /** True when the document was already in the system and its plan was updated. */
  reimport: boolean;
  diff: PlanDiff;
  unresolvedAgencies: string[];
  createdAgencies: { name: string; agencyId: string }[];
}

/**
 * Turns a previewed import into a plan, whole or nothing, in the caller's one transaction:
 *
 *  1. the import row is locked (committing twice → 409; a concurrent commit waits, then gets 409);
 *  2. agency mappings are applied: a name mapped to an agency becomes an alias of it
 *     (agency_aliases), so the next document resolves it by itself; a name mapped to a new agency
 *     creates it (the route checks agencyPolicy.createWhileImporting for that);
 *  3. a document already in the system (same number, typos allowed) is a re-import: its plan is
 *     updated (updatePlanFromExtraction) and the diff returned; otherwise createPlanFromExtraction;
 *  4. the import is marked committed with its plan.
 *
 * Commits of one province run one at a time (transaction-level advisory lock), so two imports
 * of the same document cannot both create a plan. `onStage` lets a test stop the process mid-way.
 */
export async function commitImport(
  ctx: CommandContext,
  importId: string,
  rawInput: CommitImportInput,
  options: { onStage?: (stage: CommitStage) => void | Promise<void> } = {},
): Promise<CommitImportResult> {
  const input = commitImportInput.parse(rawInput);
  const { tx, tenantId } = ctx;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`dondoc:import:${tenantId}`}))`);
  const row = await lockOpenImport(ctx, importId);
  const extraction = extractionSchema.parse(row.extraction) as Extraction;
  assertCommittable(extraction);

  const createdAgencies = await applyAgencyMappings(ctx, input.agencyMappings);
  await options.onStage?.("agencies_mapped");

  const existing = await findPlanForDocumentNumber(tx, tenantId, extraction.document.number);
  let result: CommitImportResult;
  if (existing) {
    const updated = await updatePlanFromExtraction(ctx, existing.planId, extraction, input.settings, {
      fileSha256: row.fileSha256,
    });
    result = { ...updated, reimport: true, createdAgencies };
  } else {
    const created = await createPlanFromExtraction(ctx, extraction, planSettingsInput.parse(input.settings), {
      fileSha256: row.fileSha256,
    });
    result = {
      planId: created.planId,
      reimport: false,
      diff: { added: extraction.tasks.map((t) => t.ref), changed: [], removed: [], conflicts: [] },
      unresolvedAgencies: created.unresolvedAgencies,
      createdAgencies,
    };
  }
  await options.onStage?.("plan_saved");

  await tx
    .update(imports)
    .set({ state: "committed", planId: result.planId, committedAt: new Date() })
    .where(inTenant(imports, tenantId, eq(imports.id, importId)));
  await recordAudit(ctx, {
    action: "import.commit",
    entityType: "import",
    entityId: importId,
    before: { state: row.state },
    after: {
      state: "committed",
      planId: result.planId,
      reimport: result.reimport,
      added: result.diff.added.length,
      changed: result.diff.changed.length,
      removed: result.diff.removed.length,
      conflicts: result.diff.conflicts.length,
      agencyMappings: input.agencyMappings,
      createdAgencies,
    },
  });
  return result;
}

/** What the database would refuse, said in words the importer can act on before anything is written. */
function assertCommittable(extraction: Extraction): void {
  const seen = new Set<string>();
  for (const t of extraction.tasks) {
    if (t.ref.trim() === "")
      throw invalid(
        "task_ref_missing",
        `Có nhiệm vụ chưa có số thứ tự ("${t.title.slice(0, 60)}…"); hãy điền trước khi lưu.`,
      );
    if (seen.has(t.ref)) {
      throw invalid(
        "duplicate_task_ref",
        `Có hai nhiệm vụ cùng số thứ tự ${t.ref}; hãy sửa một trong hai trước khi lưu.`,
      );
    }
    seen.add(t.ref);
  }
  const indicators = new Set<string>();
  for (const i of extraction.indicators) {
    if (indicators.has(i.ref)) {
      throw invalid(
        "duplicate_indicator_ref",
        `Có hai chỉ tiêu cùng số thứ tự ${i.ref}; hãy sửa một trong hai trước khi lưu.`,
      );
    }
    indicators.add(i.ref);
    const years = i.targets.map((t) => t.year);
    if (new Set(years).size !== years.length) {
      throw invalid(
        "duplicate_indicator_target",
        `Chỉ tiêu ${i.ref} có hai chỉ tiêu cho cùng một năm; hãy sửa trước khi lưu.`,
      );
    }
  }
}

/** Learns aliases and creates agencies as the importer mapped the names; audited one by one. */
async function applyAgencyMappings(
  ctx: CommandContext,
  mappings: AgencyMappingInput[],
): Promise<{ name: string; agencyId: string }[]> {
  const { tx, tenantId } = ctx;
  const created: { name: string; agencyId: string }[] = [];
  for (const mapping of mappings) {
    const name = normalizeText(mapping.name);
    const key = agencyKey(name);
    if (key === "") throw invalid("invalid_agency_name", `Tên cơ quan "${mapping.name}" không hợp lệ.`);
    let agencyId: string;
    if ("agencyId" in mapping) {
      const [agency] = await tx
        .select({ id: agencies.id, nameKey: agencies.nameKey })
        .from(agencies)
        .where(inTenant(agencies, tenantId, eq(agencies.id, mapping.agencyId)));
      if (!agency) {
        throw invalid("unknown_agency", `Cơ quan được chọn cho "${name}" không có trong danh mục cơ quan.`);
      }
      agencyId = agency.id;
    } else {
      // The directory's own command: same name rules, parent check and audit as the agency screen.
      const agency = await saveAgency(ctx, {
        name: normalizeText(mapping.create.name),
        level: mapping.create.level,
        parentId: mapping.create.parentId ?? null,
      });
      agencyId = agency.id;
      created.push({ name: agency.name, agencyId });
    }
    await learnAlias(ctx, agencyId, name, key);
  }
  return created;
}

/** Remembers `name` as another name of the agency, unless it already is its name or alias. */
async function learnAlias(ctx: CommandContext, agencyId: string, name: string, key: string): Promise<void> {
  const { tx, tenantId } = ctx;
  const owner = await nameOwner(tx, tenantId, key);
  const step = aliasStep(agencyId, owner);
  if (step === "known") return;
  if (step === "taken" && owner?.kind === "name") {
    throw new AppError(
      "agency_mapping_conflict",
      409,
      `"${name}" là tên của cơ quan "${owner.agencyName}" trong danh mục nên không thể gán cho cơ quan khác.`,
    );
  }
  if (owner?.kind === "alias") {
    // The importer corrects an alias learnt before: the name now means this agency.
    await tx
      .update(agencyAliases)
      .set({ agencyId, alias: name })
      .where(inTenant(agencyAliases, tenantId, eq(agencyAliases.id, owner.aliasId)));
  } else {
    await tx.insert(agencyAliases).values({ tenantId, agencyId, alias: name, aliasKey: key });
  }
  await recordAudit(ctx, {
    action: "agency.alias_add",
    entityType: "agency",
    entityId: agencyId,
    before: owner?.kind === "alias" ? { alias: name, agencyId: owner.agencyId } : null,
    after: { alias: name, agencyId },
  });
}
