// The dashboards' API (issue 12): GET /api/dashboard and /api/dashboard/upstream.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "./client.ts";
import type { Json, Query } from "./schema.ts";

export type Dashboard = Json<"/api/dashboard">;
export type DashboardQuery = Query<"/api/dashboard">;
export type UpstreamView = Json<"/api/dashboard/upstream">;

export function useDashboard(query: DashboardQuery, enabled = true) {
  return useQuery({
    queryKey: ["dashboard", query],
    queryFn: ({ signal }) => api<Dashboard>("/api/dashboard", { signal, query: { ...query } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUpstreamView(query: DashboardQuery, enabled: boolean) {
  return useQuery({
    queryKey: ["dashboard-upstream", query],
    queryFn: ({ signal }) => api<UpstreamView>("/api/dashboard/upstream", { signal, query: { ...query } }),
    enabled,
  });
}
