import type { DashboardQuery } from "../api/dashboard.ts";

/**
 * SLOT: the at-risk list (issue 12, part 2: early warning) goes here on the dashboard. It receives
 * the dashboard's scope and day; the coordinator replaces this placeholder with the list (and
 * its "Có nguy cơ chậm" figures) when the early-warning work is merged. Renders nothing until then.
 */
export function DashboardAtRiskSlot(_props: { query: DashboardQuery }) {
  return null;
}
