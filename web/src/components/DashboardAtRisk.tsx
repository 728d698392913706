import { Card } from "antd";
import { Link } from "react-router-dom";
import type { DashboardQuery } from "../api/dashboard.ts";
import type { AtRiskFilters } from "../api/evaluation.ts";
import { paths } from "../lib/paths.ts";
import { AtRiskList } from "./AtRiskList.tsx";

/**
 * The dashboard's early warning: the first at-risk assignments of its scope, with a link to the
 * whole list. The list filters by plan or by agency (an agency with its units); a section's
 * dashboard shows its plan's, as the list has no section filter.
 */
export function DashboardAtRisk(props: { query: DashboardQuery; planOfSection?: string }) {
  const { scope, id, asOf } = props.query;
  const filters: AtRiskFilters = {
    ...(scope === "plan" && id ? { planId: id } : {}),
    ...(scope === "section" && props.planOfSection ? { planId: props.planOfSection } : {}),
    ...((scope === "agency" || scope === "agencyTree") && id ? { agencyId: id } : {}),
    ...(asOf ? { asOf } : {}),
  };
  const listLink = `${paths.atRisk}?${new URLSearchParams(
    Object.entries({ planId: filters.planId, agencyId: filters.agencyId }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  )}`;
  return (
    <Card
      size="small"
      title="Cảnh báo sớm: nhiệm vụ có nguy cơ chậm"
      extra={<Link to={listLink}>Xem tất cả</Link>}
      data-testid="dashboard-at-risk"
    >
      <AtRiskList filters={filters} limit={10} showMore={false} />
    </Card>
  );
}
