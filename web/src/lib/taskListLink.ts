import type { TaskQuery } from "../api/types.ts";
import { paths } from "./paths.ts";

/**
 * The task list page's address for a query of GET /api/tasks, and back: the dashboard links each
 * figure to the list of its rows (the API query it counted), the list page reads it from the URL.
 * Parameter names are Vietnamese without diacritics, like the plan page's filters.
 */
export const TASK_LIST_PARAMS = {
  planId: "kehoach",
  sectionId: "phan",
  leadAgencyId: "chutri",
  agencyId: "donvi",
  agencyTree: "catructhuoc",
  leadStatus: "theochutri",
  status: "trangthai",
  completed: "hoanthanh",
  overdueMinDays: "quahantu",
  overdueMaxDays: "quahanden",
  dueWithinDays: "denhantrong",
  asOf: "ngay",
  q: "q",
} as const satisfies Partial<Record<keyof TaskQuery, string>>;

export type TaskListKey = keyof typeof TASK_LIST_PARAMS;

export function taskListPath(query: Partial<Record<TaskListKey, string | number | boolean>>): string {
  const params = new URLSearchParams();
  for (const [key, name] of Object.entries(TASK_LIST_PARAMS) as [TaskListKey, string][]) {
    const value = query[key];
    if (value !== undefined && value !== "") params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${paths.tasks}?${text}` : paths.tasks;
}

/** The API query a list page's URL asks for (unknown parameters ignored; the server validates). */
export function taskQueryOf(search: URLSearchParams): Partial<Record<TaskListKey, string>> {
  const query: Partial<Record<TaskListKey, string>> = {};
  for (const [key, name] of Object.entries(TASK_LIST_PARAMS) as [TaskListKey, string][]) {
    const value = search.get(name);
    if (value) query[key] = value;
  }
  return query;
}
