// Editing after import: tasks, plans and accounts are edited, deleted (soft) and restored; leads
// nobody mapped are listed and given their agency. Every change touches lists, counts and
// statuses across pages, so each success refetches what is on screen.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client.ts";
import type { Body, Json } from "./schema.ts";

const enc = encodeURIComponent;

export type TaskInput = Body<"/api/plans/{planId}/tasks", "post">;
export type TaskPatch = Body<"/api/tasks/{taskId}", "patch">;
export type PlanPatch = Body<"/api/plans/{planId}", "patch">;
export type UserPatch = Body<"/api/users/{userId}", "patch">;
export type UnmappedLead = Json<"/api/plans/{planId}/unmapped-leads">["items"][number];
export type DeletedPlan = Json<"/api/deleted-plans">["items"][number];

function useEdit<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries() });
}

export const useCreateTask = (planId: string) =>
  useEdit((input: TaskInput) =>
    api<Json<"/api/plans/{planId}/tasks", "post">>(`/api/plans/${enc(planId)}/tasks`, {
      method: "POST",
      body: input,
    }),
  );

export const useUpdateTask = (taskId: string) =>
  useEdit((input: TaskPatch) =>
    api<Json<"/api/tasks/{taskId}", "patch">>(`/api/tasks/${enc(taskId)}`, { method: "PATCH", body: input }),
  );

export const useDeleteTask = () =>
  useEdit((taskId: string) =>
    api<Json<"/api/tasks/{taskId}", "delete">>(`/api/tasks/${enc(taskId)}`, { method: "DELETE" }),
  );

export const useRestoreTask = () =>
  useEdit((taskId: string) =>
    api<Json<"/api/tasks/{taskId}/restore", "post">>(`/api/tasks/${enc(taskId)}/restore`, { method: "POST" }),
  );

export const useMapTaskLead = (taskId: string) =>
  useEdit((input: Body<"/api/tasks/{taskId}/lead-mappings", "post">) =>
    api<Json<"/api/tasks/{taskId}/lead-mappings", "post">>(`/api/tasks/${enc(taskId)}/lead-mappings`, {
      method: "POST",
      body: input,
    }),
  );

export const useUpdatePlan = (planId: string) =>
  useEdit((input: PlanPatch) =>
    api<Json<"/api/plans/{planId}", "patch">>(`/api/plans/${enc(planId)}`, { method: "PATCH", body: input }),
  );

export const useDeletePlan = () =>
  useEdit((planId: string) =>
    api<Json<"/api/plans/{planId}", "delete">>(`/api/plans/${enc(planId)}`, { method: "DELETE" }),
  );

export const useRestorePlan = () =>
  useEdit((planId: string) =>
    api<Json<"/api/plans/{planId}/restore", "post">>(`/api/plans/${enc(planId)}/restore`, { method: "POST" }),
  );

export function useDeletedPlans(enabled: boolean) {
  return useQuery({
    queryKey: ["deleted-plans"],
    queryFn: ({ signal }) => api<Json<"/api/deleted-plans">>("/api/deleted-plans", { signal }),
    select: (data) => data.items,
    enabled,
  });
}

export function useUnmappedLeads(planId: string | undefined) {
  return useQuery({
    queryKey: ["plans", planId, "unmapped-leads"],
    queryFn: ({ signal }) =>
      api<Json<"/api/plans/{planId}/unmapped-leads">>(`/api/plans/${enc(planId!)}/unmapped-leads`, {
        signal,
      }),
    select: (data) => data.items,
    enabled: !!planId,
  });
}

export const useUpdateUser = (userId: string) =>
  useEdit((input: UserPatch) =>
    api<Json<"/api/users/{userId}", "patch">>(`/api/users/${enc(userId)}`, { method: "PATCH", body: input }),
  );

export const useDeleteUser = () =>
  useEdit((userId: string) =>
    api<Json<"/api/users/{userId}", "delete">>(`/api/users/${enc(userId)}`, { method: "DELETE" }),
  );

export const useRestoreUser = () =>
  useEdit((userId: string) =>
    api<Json<"/api/users/{userId}/restore", "post">>(`/api/users/${enc(userId)}/restore`, { method: "POST" }),
  );

export function useDeletedUsers(enabled: boolean) {
  return useQuery({
    queryKey: ["users", "deleted"],
    queryFn: ({ signal }) => api<Json<"/api/users">>("/api/users", { query: { deleted: "true" }, signal }),
    select: (data) => data.items,
    enabled,
  });
}
