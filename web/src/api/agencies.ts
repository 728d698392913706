// The agency directory's API: list (tree, aliases, groups), create, edit, aliases, CSV/XLSX.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client.ts";
import type { Body, Json } from "./schema.ts";

export type Agency = Json<"/api/agencies">["items"][number];
export type AgencyInput = Body<"/api/agencies", "post">;

const enc = encodeURIComponent;
const key = ["agencies"] as const;

export function useAgencies(enabled = true) {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api<Json<"/api/agencies">>("/api/agencies", { signal }),
    select: (data) => data.items,
    enabled,
    staleTime: 60_000,
  });
}

function useAgencyMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}

export const useSaveAgency = () =>
  useAgencyMutation(({ id, input }: { id?: string; input: AgencyInput }) =>
    id
      ? api<Json<"/api/agencies/{agencyId}", "put">>(`/api/agencies/${enc(id)}`, {
          method: "PUT",
          body: input,
        })
      : api<Json<"/api/agencies", "post">>("/api/agencies", { method: "POST", body: input }),
  );

export const useAddAlias = () =>
  useAgencyMutation(({ agencyId, alias }: { agencyId: string; alias: string }) =>
    api<Json<"/api/agencies/{agencyId}/aliases", "post">>(`/api/agencies/${enc(agencyId)}/aliases`, {
      method: "POST",
      body: { alias },
    }),
  );

export const useRemoveAlias = () =>
  useAgencyMutation(({ agencyId, aliasId }: { agencyId: string; aliasId: string }) =>
    api<Json<"/api/agencies/{agencyId}/aliases/{aliasId}", "delete">>(
      `/api/agencies/${enc(agencyId)}/aliases/${enc(aliasId)}`,
      { method: "DELETE" },
    ),
  );

export const useImportAgencies = () =>
  useAgencyMutation((file: File) => {
    const form = new FormData();
    form.set("file", file, file.name);
    return api<Json<"/api/agencies/import", "post">>("/api/agencies/import", { method: "POST", body: form });
  });
