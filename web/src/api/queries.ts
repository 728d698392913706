import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api } from "./client.ts";
import type { Body, Json } from "./schema.ts";
import type { Me, PlanDetail, TaskPage, TaskQuery } from "./types.ts";

export const meKey = ["me"] as const;

/** The signed-in account, or null when there is no valid session. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async ({ signal }) => {
      try {
        return await api<Me>("/api/me", { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Body<"/api/auth/login", "post">) =>
      api<Json<"/api/auth/login", "post">>("/api/auth/login", { method: "POST", body: input }),
    onSuccess: async () => {
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
      await client.invalidateQueries({ queryKey: meKey });
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<Json<"/api/auth/logout", "post">>("/api/auth/logout", { method: "POST" }),
    onSettled: () => {
      client.clear();
      client.setQueryData(meKey, null);
    },
  });
}

export function usePlans() {
  return useQuery({
    queryKey: ["plans"],
    queryFn: ({ signal }) => api<Json<"/api/plans">>("/api/plans", { signal }),
    select: (data) => data.items,
  });
}

export function usePlan(planId: string | undefined) {
  return useQuery({
    queryKey: ["plan", planId],
    queryFn: ({ signal }) => api<PlanDetail>(`/api/plans/${encodeURIComponent(planId!)}`, { signal }),
    enabled: !!planId,
  });
}

export function useTasks(query: TaskQuery) {
  return useQuery({
    queryKey: ["tasks", query],
    queryFn: ({ signal }) => api<TaskPage>("/api/tasks", { signal, query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}
