// The import flow's API (createImport, getImport, updateImport, commitImport, discardImport) and
// the extraction contract it speaks (src/ingest/extraction.ts).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client.ts";
import type { Body, Json } from "./schema.ts";

export type ImportPreview = Json<"/api/imports/{importId}">;
export type Extraction = ImportPreview["extraction"];
export type ExtractedDocument = Extraction["document"];
export type ExtractedTask = Extraction["tasks"][number];
export type ExtractedIndicator = Extraction["indicators"][number];
export type ExtractionWarning = Extraction["warnings"][number];
export type AgencyResolution = ImportPreview["agencyResolution"][number];
export type OpenImport = Json<"/api/imports">["items"][number];

type CommitInput = Body<"/api/imports/{importId}/commit", "post">;
export type AgencyMapping = NonNullable<CommitInput["agencyMappings"]>[number];
export type PlanSettings = NonNullable<CommitInput["settings"]>;
export type CommitResult = Json<"/api/imports/{importId}/commit", "post">;
export type FieldChange = CommitResult["diff"]["changed"][number]["fields"][number];

const enc = encodeURIComponent;

export function useOpenImports(enabled: boolean) {
  return useQuery({
    queryKey: ["imports"],
    queryFn: ({ signal }) => api<Json<"/api/imports">>("/api/imports", { signal }),
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

export type ImportProgress = NonNullable<Json<"/api/imports/progress/{token}">["progress"]>;

/** A random (v4) UUID; crypto.randomUUID exists only on https pages, an intranet may serve http. */
export function progressToken(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The upload names itself with `token`, under which useImportProgress follows its extraction. */
export function useUploadImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, token }: { file: File; token: string }) => {
      const form = new FormData();
      form.set("file", file, file.name);
      return api<ImportPreview>(`/api/imports?progress=${enc(token)}`, { method: "POST", body: form });
    },
    onSuccess: (preview) => {
      client.setQueryData(["import", preview.importId], preview);
      void client.invalidateQueries({ queryKey: ["imports"] });
    },
  });
}

/** Polled while an upload runs: OCR of a scanned PDF takes tens of seconds. */
export function useImportProgress(token: string | undefined) {
  return useQuery({
    queryKey: ["import-progress", token],
    queryFn: ({ signal }) =>
      api<Json<"/api/imports/progress/{token}">>(`/api/imports/progress/${enc(token!)}`, { signal }),
    select: (data) => data.progress,
    enabled: !!token,
    refetchInterval: 1000,
    gcTime: 0,
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
    mutationFn: () =>
      api<Json<"/api/imports/{importId}", "delete">>(`/api/imports/${enc(importId)}`, { method: "DELETE" }),
    onSuccess: () => {
      client.removeQueries({ queryKey: ["import", importId] });
      void client.invalidateQueries({ queryKey: ["imports"] });
    },
  });
}

export function useCommitImport(importId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CommitInput) =>
      api<CommitResult>(`/api/imports/${enc(importId)}/commit`, { method: "POST", body: input }),
    onSuccess: () => {
      for (const key of ["imports", "import", "plans", "plan", "tasks", "planSummary", "agencies"]) {
        void client.invalidateQueries({ queryKey: [key] });
      }
    },
  });
}
