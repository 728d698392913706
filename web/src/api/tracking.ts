// Queries and mutations of the tracking workflow: task page, reports, reviews, deadline changes,
// directive comments, review queue, notifications. Every mutation refreshes what it changes.
import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { api } from "./client.ts";
import type { Body, Json, Query } from "./schema.ts";
import type { ReportInput, TaskDetail, TaskReports } from "./trackingTypes.ts";
import type { PlanStatusSummary } from "./types.ts";

const enc = encodeURIComponent;

/** After any report, review or deadline decision: statuses change everywhere. */
function refreshTracking(client: QueryClient) {
  for (const key of [
    "task",
    "taskReports",
    "tasks",
    "planSummary",
    "reviewQueue",
    "reviewDecisions",
    "deadlineChanges",
  ]) {
    void client.invalidateQueries({ queryKey: [key] });
  }
  void client.invalidateQueries({ queryKey: ["notifications"] });
}

export function usePlanSummary(planId: string | undefined, asOf: string | undefined) {
  return useQuery({
    queryKey: ["planSummary", planId, asOf ?? null],
    queryFn: ({ signal }) =>
      api<PlanStatusSummary>(`/api/plans/${enc(planId!)}/summary`, { signal, query: { asOf } }),
    enabled: !!planId,
    placeholderData: keepPreviousData,
  });
}

export function useTask(taskId: string | undefined, asOf?: string) {
  return useQuery({
    queryKey: ["task", taskId, asOf ?? null],
    queryFn: ({ signal }) => api<TaskDetail>(`/api/tasks/${enc(taskId!)}`, { signal, query: { asOf } }),
    enabled: !!taskId,
  });
}

export function useTaskReports(taskId: string | undefined) {
  return useQuery({
    queryKey: ["taskReports", taskId],
    queryFn: ({ signal }) => api<TaskReports>(`/api/tasks/${enc(taskId!)}/reports`, { signal }),
    enabled: !!taskId,
  });
}

export function useDirectiveComments(taskId: string | undefined) {
  return useQuery({
    queryKey: ["comments", taskId],
    queryFn: ({ signal }) =>
      api<Json<"/api/tasks/{taskId}/comments">>(`/api/tasks/${enc(taskId!)}/comments`, { signal }),
    enabled: !!taskId,
    select: (data) => data.items,
  });
}

/** Builds the multipart form of submitReport: repeated fields for lists, one part per file. */
function reportForm({ files, ...fields }: ReportInput): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) form.append(name, String(item));
    else form.set(name, String(value));
  }
  for (const file of files) form.append("files", file, file.name);
  return form;
}

export function useSubmitReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ assignmentId, input }: { assignmentId: string; input: ReportInput }) =>
      api<Json<"/api/assignments/{assignmentId}/reports", "post">>(
        `/api/assignments/${enc(assignmentId)}/reports`,
        { method: "POST", body: reportForm(input) },
      ),
    onSettled: () => refreshTracking(client),
  });
}

type ReportDecision = Body<"/api/reports/{reportId}/review", "post"> & { reportId: string };

export function useReviewReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReportDecision) =>
      api<Json<"/api/reports/{reportId}/review", "post">>(`/api/reports/${enc(input.reportId)}/review`, {
        method: "POST",
        body: { decision: input.decision, comment: input.comment, version: input.version },
      }),
    // A 409 (already decided by someone else) refreshes too: the queue must drop the report.
    onSettled: () => refreshTracking(client),
  });
}

export function useHeadDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReportDecision) =>
      api<Json<"/api/reports/{reportId}/head-decision", "post">>(
        `/api/reports/${enc(input.reportId)}/head-decision`,
        {
          method: "POST",
          body: { decision: input.decision, comment: input.comment, version: input.version },
        },
      ),
    onSettled: () => refreshTracking(client),
  });
}

export function useRequestDeadlineChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      input: Body<"/api/assignments/{assignmentId}/deadline-changes", "post"> & { assignmentId: string },
    ) =>
      api<Json<"/api/assignments/{assignmentId}/deadline-changes", "post">>(
        `/api/assignments/${enc(input.assignmentId)}/deadline-changes`,
        { method: "POST", body: { requestedDueOn: input.requestedDueOn, reason: input.reason } },
      ),
    onSettled: () => refreshTracking(client),
  });
}

export function useDecideDeadlineChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Body<"/api/deadline-changes/{deadlineChangeId}/decision", "post"> & { id: string }) =>
      api<Json<"/api/deadline-changes/{deadlineChangeId}/decision", "post">>(
        `/api/deadline-changes/${enc(input.id)}/decision`,
        {
          method: "POST",
          body: { decision: input.decision, comment: input.comment },
        },
      ),
    onSettled: () => refreshTracking(client),
  });
}

export function useDeadlineChanges(
  query: Pick<Query<"/api/deadline-changes">, "state" | "taskId">,
  enabled = true,
) {
  return useQuery({
    queryKey: ["deadlineChanges", query],
    queryFn: ({ signal }) =>
      api<Json<"/api/deadline-changes">>("/api/deadline-changes", {
        signal,
        query: { ...query, limit: 200 },
      }),
    enabled,
  });
}

export function useAddComment(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      api<Json<"/api/tasks/{taskId}/comments", "post">>(`/api/tasks/${enc(taskId)}/comments`, {
        method: "POST",
        body: { body },
      }),
    onSettled: () => client.invalidateQueries({ queryKey: ["comments", taskId] }),
  });
}

/** The queue a page of 50 at a time, oldest first; each page continues from the last one's cursor. */
export function useReviewQueue(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ["reviewQueue"],
    queryFn: ({ signal, pageParam }) =>
      api<Json<"/api/review-queue">>("/api/review-queue", {
        signal,
        query: { limit: 50, ...(pageParam ? { after: pageParam } : {}) },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

/** Filters of the past decisions, as the route takes them (the page cursor aside). */
export type DecisionFilters = Omit<Query<"/api/review-decisions">, "after" | "limit">;

/** Reports already decided, newest first, a page at a time (keyset). */
export function useReviewDecisions(filters: DecisionFilters, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ["reviewDecisions", filters],
    queryFn: ({ signal, pageParam }) =>
      api<Json<"/api/review-decisions">>("/api/review-decisions", {
        signal,
        query: { ...filters, limit: 50, ...(pageParam ? { after: pageParam } : {}) },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: ["notifications"],
    queryFn: ({ signal }) =>
      api<Json<"/api/notifications">>("/api/notifications", { signal, query: { limit: 20 } }),
    refetchInterval: 60_000,
  });
}

export function useMarkNotificationRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string | "all") =>
      api<Json<"/api/notifications/read-all", "post">>(
        id === "all" ? "/api/notifications/read-all" : `/api/notifications/${enc(id)}/read`,
        {
          method: "POST",
        },
      ),
    onSettled: () => client.invalidateQueries({ queryKey: ["notifications"] }),
  });
}
