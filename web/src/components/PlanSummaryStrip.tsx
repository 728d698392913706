import { Alert, Card, Skeleton, Tooltip } from "antd";
import { type AssignmentStatus, assignmentStatuses } from "../../../src/domain/status.ts";
import { errorMessage } from "../api/client.ts";
import { usePlanSummary } from "../api/tracking.ts";
import { formatDate, formatNumber, formatPercent } from "../lib/format.ts";
import { STATUS_HEX, STATUS_LABELS } from "../lib/labels.ts";
import type { StatusFilter } from "../lib/useTaskFilters.ts";
import { isUpdating } from "./Loading.tsx";

/**
 * The plan at a glance (getPlanSummary): assignments of lead agencies by status, completion rate
 * (done / due so far) and on-time rate (on time / done), as of the chosen day. A count is a
 * shortcut to the table filtered by that status.
 */
export function PlanSummaryStrip(props: {
  planId: string;
  asOf?: string;
  status?: StatusFilter;
  onStatus(status: AssignmentStatus | undefined): void;
}) {
  const summary = usePlanSummary(props.planId, props.asOf);
  if (summary.isError) {
    return <Alert type="warning" showIcon title={errorMessage(summary.error)} style={{ marginBottom: 16 }} />;
  }
  if (!summary.data) return <Skeleton.Input active block style={{ height: 88, marginBottom: 16 }} />;
  const { totals, asOf } = summary.data;

  return (
    <Card
      size="small"
      // Figures of another day or from before a change stay dimmed until the new ones arrive.
      className={isUpdating(summary) ? "dd-summary dd-updating" : "dd-summary"}
      aria-busy={isUpdating(summary) || undefined}
      data-testid="plan-summary"
      style={{ marginBottom: 16 }}
      title={`Tình hình thực hiện đến ngày ${formatDate(asOf)}`}
      extra={<span className="dd-muted">{formatNumber(totals.total)} lượt giao cho cơ quan chủ trì</span>}
    >
      <div className="dd-summary-row">
        <div className="dd-summary-rate" data-testid="completion-rate">
          <div className="dd-summary-value">{formatPercent(totals.completionRate)}</div>
          <Tooltip title="Số đã hoàn thành trên số nhiệm vụ đã đến hạn">
            <div className="dd-muted">
              Tỷ lệ hoàn thành ({formatNumber(totals.done)}/{formatNumber(totals.dueSoFar)})
            </div>
          </Tooltip>
        </div>
        <div className="dd-summary-rate" data-testid="on-time-rate">
          <div className="dd-summary-value">{formatPercent(totals.onTimeRate)}</div>
          <Tooltip title="Số hoàn thành đúng hạn trên số đã hoàn thành">
            <div className="dd-muted">
              Tỷ lệ đúng hạn ({formatNumber(totals.byStatus.done_on_time)}/{formatNumber(totals.done)})
            </div>
          </Tooltip>
        </div>
        {assignmentStatuses.map((status) => {
          const selected = props.status === status;
          return (
            <button
              type="button"
              key={status}
              className={`dd-summary-count${selected ? " dd-selected" : ""}`}
              style={{ borderTopColor: STATUS_HEX[status] }}
              aria-pressed={selected}
              data-status={status}
              onClick={() => props.onStatus(selected ? undefined : status)}
              title={selected ? "Bỏ lọc theo trạng thái này" : "Lọc danh mục theo trạng thái này"}
            >
              <div className="dd-summary-value" style={{ color: STATUS_HEX[status] }}>
                {formatNumber(totals.byStatus[status] ?? 0)}
              </div>
              <div className="dd-muted">{STATUS_LABELS[status]}</div>
            </button>
          );
        })}
      </div>
    </Card>
  );
}
