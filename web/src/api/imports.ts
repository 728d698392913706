// The import flow's API (createImport, getImport, updateImport, commitImport, discardImport) and
// the extraction contract it speaks (src/ingest/extraction.ts).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client.ts";
import type { DeadlineKind } from "./types.ts";

export interface ExtractedDocument {
  number: string | null;
  type: string | null;
  issuer: string | null;
  /** yyyy-mm-dd */
  date: string | null;
  title: string | null;
}

export interface ExtractedTask {
  ref: string;
  section: string | null;
  sectionTitle: string | null;
  number: string;
  title: string;
  sources: string[];
  responsible: string;
  leads: string[];
  coordinators: string[];
  output: string;
  note: string;
  deadline: { text: string; kind: DeadlineKind; due: string | null };
}

export interface IndicatorTarget {
  year: number;
  text: string;
  op: ">=" | "<=" | ">" | "<" | "=" | null;
  value: number | boolean | null;
}

export interface ExtractedIndicator {
  ref: string;
  section: string | null;
  number: string;
  name: string;
  unit: string;
  targets: IndicatorTarget[];
  monitors: string[];
  sources: string[];
}

export interface ExtractionWarning {
  ref: string | null;
  code: string;
  message: string;
}

export interface Extraction {
  document: ExtractedDocument;
  tasks: ExtractedTask[];
  indicators: ExtractedIndicator[];
  warnings: ExtractionWarning[];
}

export interface AgencyResolution {
  name: string;
  agencyId: string | null;
  agencyName: string | null;
  isGroup: boolean;
}

export interface ImportPreview {
  importId: string;
  fileName: string;
  state: "previewed" | "committed" | "discarded";
  planId: string | null;
  createdAt: string;
  committedAt: string | null;
  extraction: Extraction;
  agencyResolution: AgencyResolution[];
  /** The plan of the same document already in the system: committing updates it (re-import). */
  existingPlan: { planId: string; name: string } | null;
}

export interface OpenImport {
  id: string;
  fileName: string;
  createdAt: string;
  createdBy: string;
  documentNumber: string | null;
  taskCount: number;
}

export type AgencyMapping =
  | { name: string; agencyId: string }
  | { name: string; create: { name: string; level: string; parentId?: string | null } };

export interface PlanSettings {
  name?: string;
  reportingFrequency?: "month" | "quarter";
  cutoffDay?: number;
  requireHeadApproval?: boolean;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface CommitResult {
  planId: string;
  reimport: boolean;
  diff: {
    added: string[];
    changed: { ref: string; fields: FieldChange[] }[];
    removed: string[];
    conflicts: { ref: string; agencyName: string; role: "lead" | "coordinator"; message: string }[];
  };
  unresolvedAgencies: string[];
  createdAgencies: { name: string; agencyId: string }[];
}

const enc = encodeURIComponent;

export function useOpenImports(enabled: boolean) {
  return useQuery({
    queryKey: ["imports"],
    queryFn: ({ signal }) => api<{ items: OpenImport[] }>("/api/imports", { signal }),
    select: (data) => data.items,
    enabled,
  });
}

export function useImport(importId: string | undefined) {
  return useQuery({
    queryKey: ["import", importId],
    queryFn: ({ signal }) => api<ImportPreview>(`/api/imports/${enc(importId!)}`, { signal }),
    enabled: !!importId,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useUploadImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.set("file", file, file.name);
      return api<ImportPreview>("/api/imports", { method: "POST", body: form });
    },
    onSuccess: (preview) => {
      client.setQueryData(["import", preview.importId], preview);
      void client.invalidateQueries({ queryKey: ["imports"] });
    },
  });
}

export function useUpdateImport(importId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (extraction: Extraction) =>
      api<ImportPreview>(`/api/imports/${enc(importId)}`, { method: "PUT", body: extraction }),
    onSuccess: (preview) => client.setQueryData(["import", importId], preview),
  });
}

export function useDiscardImport(importId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ ok: true }>(`/api/imports/${enc(importId)}`, { method: "DELETE" }),
    onSuccess: () => {
      client.removeQueries({ queryKey: ["import", importId] });
      void client.invalidateQueries({ queryKey: ["imports"] });
    },
  });
}

export function useCommitImport(importId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { agencyMappings: AgencyMapping[]; settings: PlanSettings }) =>
      api<CommitResult>(`/api/imports/${enc(importId)}/commit`, { method: "POST", body: input }),
    onSuccess: () => {
      for (const key of ["imports", "import", "plans", "plan", "tasks", "planSummary", "agencies"]) {
        void client.invalidateQueries({ queryKey: [key] });
      }
    },
  });
}
