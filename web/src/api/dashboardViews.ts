// Saved dashboards: each user lists those shared with a role they hold; the standing office saves,
// changes and removes them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client.ts";
import type { Body, Json } from "./schema.ts";

export type DashboardView = Json<"/api/dashboard-views">["items"][number];
export type DashboardViewBody = Body<"/api/dashboard-views", "post">;

const enc = encodeURIComponent;
const key = ["dashboard-views"] as const;

export function useDashboardViews() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api<Json<"/api/dashboard-views">>("/api/dashboard-views", { signal }),
    select: (data) => data.items,
  });
}

function useViewMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: key }) });
}

export const useCreateDashboardView = () =>
  useViewMutation((body: DashboardViewBody) =>
    api<Json<"/api/dashboard-views", "post">>("/api/dashboard-views", { method: "POST", body }),
  );

export const useUpdateDashboardView = () =>
  useViewMutation(({ id, body }: { id: string; body: DashboardViewBody }) =>
    api<Json<"/api/dashboard-views/{viewId}", "put">>(`/api/dashboard-views/${enc(id)}`, {
      method: "PUT",
      body,
    }),
  );

export const useDeleteDashboardView = () =>
  useViewMutation((id: string) =>
    api<Json<"/api/dashboard-views/{viewId}", "delete">>(`/api/dashboard-views/${enc(id)}`, {
      method: "DELETE",
    }),
  );
