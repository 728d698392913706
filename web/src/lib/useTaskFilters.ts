import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import { type DeadlineKind, deadlineKinds } from "../../../src/domain/deadline.ts";
import { type AssignmentStatus, assignmentStatuses } from "../../../src/domain/status.ts";

export const PAGE_SIZES = [20, 50, 100, 200] as const;
const DEFAULT_PAGE_SIZE = 50;

/** The status filter: a status, or "Sắp đến hạn" (due soon, an overlay on the statuses). */
export type StatusFilter = AssignmentStatus | "due_soon";
const STATUS_FILTERS: readonly string[] = [...assignmentStatuses, "due_soon"];

/** yyyy-mm-dd that is a real calendar day. */
export function isIsoDate(text: string | null | undefined): text is string {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** The task table's filters, kept in the URL so that a filtered view can be shared as a link. */
export interface TaskFilterState {
  section?: string;
  leadAgencyId?: string;
  deadlineKind?: DeadlineKind;
  status?: StatusFilter;
  /** yyyy-mm-dd: statuses as of that day; absent = today. */
  asOf?: string;
  q: string;
  page: number;
  pageSize: number;
}

// URL parameter names, in Vietnamese without diacritics:
// ?phan=V&chutri=…&thoihan=month&trangthai=overdue&ngay=2026-06-30&q=cong+an
const PARAM = {
  section: "phan",
  leadAgencyId: "chutri",
  deadlineKind: "thoihan",
  status: "trangthai",
  asOf: "ngay",
  q: "q",
  page: "trang",
  pageSize: "sodong",
} as const;

function positiveInt(text: string | null): number | undefined {
  if (!text || !/^\d{1,6}$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 ? value : undefined;
}

export function useTaskFilters() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<TaskFilterState>(() => {
    const kind = params.get(PARAM.deadlineKind);
    const size = positiveInt(params.get(PARAM.pageSize));
    const status = params.get(PARAM.status);
    const asOf = params.get(PARAM.asOf);
    return {
      section: params.get(PARAM.section) || undefined,
      leadAgencyId: params.get(PARAM.leadAgencyId) || undefined,
      deadlineKind: deadlineKinds.includes(kind as DeadlineKind) ? (kind as DeadlineKind) : undefined,
      status: status && STATUS_FILTERS.includes(status) ? (status as StatusFilter) : undefined,
      asOf: isIsoDate(asOf) ? asOf : undefined,
      q: params.get(PARAM.q) ?? "",
      page: positiveInt(params.get(PARAM.page)) ?? 1,
      pageSize: size && (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    };
  }, [params]);

  /** Changes some filters; any change other than the page goes back to page 1. */
  const update = useCallback(
    (patch: Partial<TaskFilterState>, options: { replace?: boolean } = {}) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch) as [keyof TaskFilterState, unknown][]) {
            const name = PARAM[key];
            const isDefault =
              value === undefined ||
              value === "" ||
              (key === "page" && value === 1) ||
              (key === "pageSize" && value === DEFAULT_PAGE_SIZE);
            if (isDefault) next.delete(name);
            else next.set(name, String(value));
          }
          if (!("page" in patch)) next.delete(PARAM.page);
          return next;
        },
        { replace: options.replace },
      );
    },
    [setParams],
  );

  const clear = useCallback(
    () =>
      setParams((current) => {
        const next = new URLSearchParams();
        const asOf = current.get(PARAM.asOf);
        if (asOf) next.set(PARAM.asOf, asOf);
        return next;
      }),
    [setParams],
  );

  // The day (asOf) is not a filter: clearing the filters keeps it.
  const active = !!(
    filters.section ||
    filters.leadAgencyId ||
    filters.deadlineKind ||
    filters.status ||
    filters.q.trim()
  );
  return { filters, update, clear, active };
}
