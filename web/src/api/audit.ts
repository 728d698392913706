// The audit log, for administrators: read a page at a time, newest first; exported as a file.
import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "./client.ts";
import type { Json, Query } from "./schema.ts";

export type AuditEntry = Json<"/api/audit">["items"][number];
export type AuditFilter = Omit<Query<"/api/audit">, "limit" | "after">;

/** The query string of a filter, as the list and the export both take it. */
export function auditQuery(filter: AuditFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  return params.toString();
}

export function useAuditLog(filter: AuditFilter, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ["audit", filter],
    queryFn: ({ signal, pageParam }) =>
      api<Json<"/api/audit">>("/api/audit", {
        signal,
        query: { ...filter, limit: 50, ...(pageParam ? { after: pageParam } : {}) },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}
