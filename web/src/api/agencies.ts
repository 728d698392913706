// The agency directory's API: list (tree, aliases, groups), create, edit, aliases, CSV/XLSX.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client.ts";

export const AGENCY_LEVELS = ["central", "province", "department", "commune", "other"] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

export interface Agency {
  id: string;
  code: string | null;
  name: string;
  shortName: string | null;
  level: AgencyLevel;
  parentId: string | null;
  parentCode: string | null;
  isGroup: boolean;
  active: boolean;
  aliases: { id: string; alias: string }[];
  group: { levels?: string[]; parentIds?: string[]; memberIds: string[] } | null;
}

export interface AgencyInput {
  name: string;
  shortName?: string | null;
  code?: string | null;
  level: AgencyLevel;
  parentId?: string | null;
  active?: boolean;
}

const enc = encodeURIComponent;
const key = ["agencies"] as const;

export function useAgencies(enabled = true) {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api<{ items: Agency[] }>("/api/agencies", { signal }),
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
      ? api<{ id: string; name: string }>(`/api/agencies/${enc(id)}`, { method: "PUT", body: input })
      : api<{ id: string; name: string }>("/api/agencies", { method: "POST", body: input }),
  );

export const useAddAlias = () =>
  useAgencyMutation(({ agencyId, alias }: { agencyId: string; alias: string }) =>
    api<{ created: boolean }>(`/api/agencies/${enc(agencyId)}/aliases`, { method: "POST", body: { alias } }),
  );

export const useRemoveAlias = () =>
  useAgencyMutation(({ agencyId, aliasId }: { agencyId: string; aliasId: string }) =>
    api<{ ok: true }>(`/api/agencies/${enc(agencyId)}/aliases/${enc(aliasId)}`, { method: "DELETE" }),
  );

export const useImportAgencies = () =>
  useAgencyMutation((file: File) => {
    const form = new FormData();
    form.set("file", file, file.name);
    return api<{ count: number }>("/api/agencies/import", { method: "POST", body: form });
  });
