import { desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { agencies, documents, type importState, imports, plans, users } from "../db/schema/index.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";
import { agencyKey } from "../domain/agencyKey.ts";
import { isAgencyGroup } from "../domain/agencyNames.ts";
import { normalizeDocumentNumber, sameDocumentNumber } from "../domain/documentNumber.ts";
import { normalizeText } from "../domain/text.ts";
import type { Doubt, Extraction } from "../ingest/extraction.ts";
import { refreshDoubts, withExtraDoubts } from "../ingest/interpret/doubts.ts";
import { resolveAgencyNames } from "./agencies.ts";

export interface AgencyResolution {
  /** The name as the document wrote it. */
  name: string;
  agencyId: string | null;
  agencyName: string | null;
  /** The resolved agency is a group, or (unresolved) the name reads like one ("Các sở, ban, ngành"). */
  isGroup: boolean;
}

export interface ImportPreview {
  importId: string;
  fileName: string;
  state: (typeof importState.enumValues)[number];
  planId: string | null;
  createdAt: string;
  committedAt: string | null;
  extraction: Extraction;
  agencyResolution: AgencyResolution[];
  existingPlan: { planId: string; name: string } | null;
}

export async function getImportRow(db: Executor, tenantId: string, importId: string) {
  const [row] = await db
    .select()
    .from(imports)
    .where(inTenant(imports, tenantId, eq(imports.id, importId)));
  return row ?? null;
}

/** Imports still waiting to be committed, newest first (what the import screen lists). */
export async function listOpenImports(db: Executor, tenantId: string) {
  const rows = await db
    .select({
      id: imports.id,
      fileName: imports.fileName,
      createdAt: imports.createdAt,
      createdBy: imports.createdBy,
      createdByName: users.displayName,
      documentNumber: sql<string | null>`${imports.extraction} -> 'document' ->> 'number'`,
      taskCount: sql<number>`jsonb_array_length(${imports.extraction} -> 'tasks')`,
    })
    .from(imports)
    .leftJoin(users, tenantJoin(users.id, imports.createdBy))
    .where(inTenant(imports, tenantId, eq(imports.state, "previewed")))
    .orderBy(desc(imports.createdAt))
    .limit(200);
  return rows.map((r) => ({
    ...r,
    createdByName: r.createdByName ?? "",
    createdAt: r.createdAt.toISOString(),
    taskCount: Number(r.taskCount),
  }));
}

/** Every distinct agency name of the extraction (leads, coordinators, indicator monitors), in order of appearance. */
export function agencyNamesOf(extraction: Extraction): string[] {
  const names = new Map<string, string>();
  const add = (raw: string) => {
    const name = normalizeText(raw);
    if (name !== "" && !names.has(name)) names.set(name, name);
  };
  for (const t of extraction.tasks) for (const n of [...t.leads, ...t.coordinators]) add(n);
  for (const i of extraction.indicators) for (const n of i.monitors) add(n);
  return [...names.values()];
}

/** How each agency name of the extraction resolves against the directory (names and aliases). */
export async function resolveExtractionAgencies(
  db: Executor,
  tenantId: string,
  extraction: Extraction,
): Promise<AgencyResolution[]> {
  const names = agencyNamesOf(extraction);
  const resolved = await resolveAgencyNames(db, tenantId, names);
  const ids = [...new Set([...resolved.values()].map((a) => a.id))];
  const nameById = new Map<string, string>();
  if (ids.length > 0) {
    const rows = await db
      .select({ id: agencies.id, name: agencies.name })
      .from(agencies)
      .where(inTenant(agencies, tenantId, inArray(agencies.id, ids)));
    for (const row of rows) nameById.set(row.id, row.name);
  }
  return names.map((name) => {
    const agency = resolved.get(agencyKey(name));
    return agency
      ? { name, agencyId: agency.id, agencyName: nameById.get(agency.id) ?? null, isGroup: agency.isGroup }
      : { name, agencyId: null, agencyName: null, isGroup: isAgencyGroup(name) };
  });
}

/**
 * The plan already kept for the document with this number, if any: the same number once
 * normalised, allowing for the typos real documents carry (04-KH/BCĐTƯ = 04-KH/BCĐTW). The most
 * recent plan that is not archived wins.
 */
export async function findPlanForDocumentNumber(
  db: Executor,
  tenantId: string,
  number: string | null,
): Promise<{ planId: string; name: string; documentId: string; documentNumber: string } | null> {
  if (!number || normalizeDocumentNumber(number) === "") return null;
  const serial = /^\d+/.exec(normalizeDocumentNumber(number))?.[0];
  const rows = await db
    .select({
      planId: plans.id,
      name: plans.name,
      documentId: documents.id,
      documentNumber: documents.number,
    })
    .from(plans)
    .innerJoin(documents, tenantJoin(documents.id, plans.documentId))
    .where(
      inTenant(
        plans,
        tenantId,
        isNull(plans.archivedAt),
        isNull(plans.deletedAt),
        isNotNull(documents.number),
        // Same serial (leading zeros aside) before the finer comparison in code.
        serial
          ? sql`regexp_replace(${documents.number}, '\\s', '', 'g') ~ ${`^0*${String(Number(serial))}[^0-9]`}`
          : undefined,
      ),
    )
    .orderBy(desc(plans.createdAt));
  const match = rows.find((r) => r.documentNumber && sameDocumentNumber(r.documentNumber, number));
  return match ? { ...match, documentNumber: match.documentNumber! } : null;
}

/** The preview the importer works on: the extraction, how its agencies resolve, and whether it is a re-import. */
export async function importPreview(
  db: Executor,
  tenantId: string,
  row: typeof imports.$inferSelect,
): Promise<ImportPreview> {
  const stored = row.extraction as Extraction;
  const agencyResolution = await resolveExtractionAgencies(db, tenantId, stored);
  const extraction = withAgencyDoubts(refreshDoubts(stored, { dropServer: true }), agencyResolution);
  const existing = await findPlanForDocumentNumber(db, tenantId, extraction.document.number);
  return {
    importId: row.id,
    fileName: row.fileName,
    state: row.state,
    planId: row.planId,
    createdAt: row.createdAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
    extraction,
    agencyResolution,
    existingPlan: existing ? { planId: existing.planId, name: existing.name } : null,
  };
}

/**
 * Every row naming an agency the directory (names and aliases) does not hold gets a doubt on that
 * column; the rows' other doubts are derived again from what they hold now, so a cell corrected
 * and saved loses its doubt.
 */
export function withAgencyDoubts<T extends Extraction>(extraction: T, resolution: AgencyResolution[]): T {
  const unknown = new Set(resolution.filter((r) => !r.agencyId).map((r) => r.name));
  const doubtsOf = (field: string, names: string[]): Doubt[] =>
    names
      .filter((name) => unknown.has(normalizeText(name)))
      .map((name) => ({
        field,
        code: "agency_unknown",
        message: `"${name}" chưa có trong danh mục cơ quan: xem mục Đối chiếu cơ quan.`,
      }));
  // A lead the directory lacks gives the saved task no lead assignment: nobody could report on
  // it (src/queries/unmappedLeads.ts flags it after saving), so the row is doubtful before.
  const leadDoubts = (names: string[]): Doubt[] =>
    names
      .filter((name) => unknown.has(normalizeText(name)))
      .map((name) => ({
        field: "leads",
        code: "lead_unassigned",
        message: `Chưa giao được: "${name}" chưa có trong danh mục cơ quan; hãy chọn cơ quan tương ứng ở mục Đối chiếu cơ quan, nếu không sẽ không ai báo cáo được phần chủ trì này.`,
      }));
  return withExtraDoubts(extraction, {
    tasks: extraction.tasks.map((t) => [...leadDoubts(t.leads), ...doubtsOf("coordinators", t.coordinators)]),
    indicators: extraction.indicators.map((i) => doubtsOf("monitors", i.monitors)),
  });
}
