// Early warning and ranking (docs/EVALUATION.md): the at-risk list page by page, the ranking of
// agencies for a period, and the ranking settings the standing office sets.
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { api } from "./client.ts";
import type { Body, Json } from "./schema.ts";

export type AtRiskPage = Json<"/api/at-risk">;
export type AtRiskItem = AtRiskPage["items"][number];
export type Ranking = Json<"/api/ranking">;
export type RankingItem = Ranking["items"][number];
export type RankingSettings = Json<"/api/ranking/settings">;

export interface AtRiskFilters {
  planId?: string;
  agencyId?: string;
  asOf?: string;
}

export function useAtRisk(filters: AtRiskFilters, limit = 50) {
  return useInfiniteQuery({
    queryKey: ["atRisk", filters, limit],
    queryFn: ({ signal, pageParam }) =>
      api<AtRiskPage>("/api/at-risk", {
        signal,
        query: { ...filters, limit, ...(pageParam ? { after: pageParam } : {}) },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export interface RankingFilters {
  planId?: string;
  from?: string;
  to?: string;
  asOf?: string;
}

export function useRanking(filters: RankingFilters) {
  return useQuery({
    queryKey: ["ranking", filters],
    queryFn: ({ signal }) => api<Ranking>("/api/ranking", { signal, query: { ...filters } }),
    placeholderData: keepPreviousData,
  });
}

const settingsKey = ["rankingSettings"] as const;

export function useRankingSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api<RankingSettings>("/api/ranking/settings", { signal }),
  });
}

export function useSaveRankingSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Body<"/api/ranking/settings", "put">) =>
      api<RankingSettings>("/api/ranking/settings", { method: "PUT", body: input }),
    onSuccess: (data) => {
      client.setQueryData(settingsKey, data);
      return client.invalidateQueries({ queryKey: ["ranking"] });
    },
  });
}
