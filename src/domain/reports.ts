/**
 * A progress report's life (PRODUCT.md §2): drafted, forwarded by the agency head when the plan
 * asks for it, then approved or returned by the standing office. Stored as the report_state enum.
 */
export const reportStates = ["draft", "awaiting_head", "submitted", "approved", "returned"] as const;
export type ReportState = (typeof reportStates)[number];

/** States that wait for a decision (the agency head's or the office's): one per assignment and period. */
export const awaitingDecisionStates = [
  "awaiting_head",
  "submitted",
] as const satisfies readonly ReportState[];
export const isAwaitingDecision = (state: ReportState) =>
  (awaitingDecisionStates as readonly ReportState[]).includes(state);

/** What the agency head and the standing office decide on a report (review_decision). */
export const reviewDecisions = ["approve", "return"] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

/** Minh chứng: a stored file, a link or a cited document number (evidence_kind). */
export const evidenceKinds = ["file", "link", "document_number"] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/**
 * How a stored evidence file may be shown in the page: raster images and PDFs are previewed
 * (the browser renders them without running anything of theirs); every other type, and SVG
 * above all (it can carry script), is only ever downloaded.
 */
export type EvidencePreview = "image" | "pdf";

export function evidencePreview(mimeType: string | null | undefined): EvidencePreview | null {
  const type = mimeType?.split(";")[0]?.trim().toLowerCase();
  if (type === "image/png" || type === "image/jpeg") return "image";
  if (type === "application/pdf") return "pdf";
  return null;
}
