import { asc, inArray } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { evidence, storedFiles } from "../db/schema/index.ts";
import { inTenant, tenantJoin } from "../db/tenancy.ts";
import { evidencePreview } from "../domain/reports.ts";

/** Where a file is downloaded, and where it is shown in the page (images and PDFs only). */
export const evidenceUrls = (id: string, kind: string, mimeType: string | null) => {
  if (kind !== "file") return { downloadUrl: null, previewUrl: null, preview: null };
  const preview = evidencePreview(mimeType);
  return {
    downloadUrl: `/api/evidence/${id}`,
    previewUrl: preview ? `/api/evidence/${id}?inline=1` : null,
    preview,
  };
};

/** The evidence of these reports, in the order it was attached, by report id. */
export async function evidenceOfReports(db: Executor, tenantId: string, reportIds: string[]) {
  const rows = reportIds.length
    ? await db
        .select({
          id: evidence.id,
          reportId: evidence.reportId,
          kind: evidence.kind,
          fileName: evidence.fileName,
          url: evidence.url,
          documentNumber: evidence.documentNumber,
          size: storedFiles.size,
          mimeType: storedFiles.mimeType,
        })
        .from(evidence)
        .leftJoin(storedFiles, tenantJoin(storedFiles.sha256, evidence.sha256))
        .where(inTenant(evidence, tenantId, inArray(evidence.reportId, reportIds)))
        .orderBy(asc(evidence.createdAt), asc(evidence.id))
    : [];
  const byReport = new Map<string, ReturnType<typeof present>[]>();
  for (const row of rows) {
    const list = byReport.get(row.reportId) ?? [];
    list.push(present(row));
    byReport.set(row.reportId, list);
  }
  return byReport;
}

const present = (e: {
  id: string;
  kind: "file" | "link" | "document_number";
  fileName: string | null;
  size: number | null;
  mimeType: string | null;
  url: string | null;
  documentNumber: string | null;
}) => ({
  id: e.id,
  kind: e.kind,
  fileName: e.fileName,
  size: e.size,
  mimeType: e.mimeType,
  url: e.url,
  documentNumber: e.documentNumber,
  ...evidenceUrls(e.id, e.kind, e.mimeType),
});

export type EvidenceItem = ReturnType<typeof present>;
