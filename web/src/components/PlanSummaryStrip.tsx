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
      extra={
        <Tooltip title="Mỗi cơ quan chủ trì của một nhiệm vụ là một lượt giao: nhiệm vụ có ba cơ quan chủ trì tính là ba lượt. Các tỷ lệ và số đếm theo trạng thái tính trên các lượt giao này.">
          <span className="dd-muted dd-summary-total">
            {formatNumber(totals.total)} lượt giao cho cơ quan chủ trì
          </span>
        </Tooltip>
      }
    >
      <div className="dd-summary-row">
        <div className="dd-summary-rate" data-testid="completion-rate">
          <div className="dd-summary-value">{formatPercent(totals.completionRate)}</div>
          <Tooltip
            title={`Số lượt giao đã hoàn thành (đúng hạn hoặc quá hạn, được cơ quan thường trực duyệt), ${formatNumber(totals.done)}, chia cho số lượt giao đã đến hạn tính đến ngày ${formatDate(asOf)} (đã hoàn thành, hoặc có thời hạn từ ngày này trở về trước), ${formatNumber(totals.dueSoFar)}. Lượt giao chưa đến hạn, thường xuyên hoặc chưa xác định thời hạn không tính.`}
          >
            <div className="dd-muted">
              Tỷ lệ hoàn thành ({formatNumber(totals.done)}/{formatNumber(totals.dueSoFar)})
            </div>
          </Tooltip>
        </div>
        <div className="dd-summary-rate" data-testid="on-time-rate">
          <div className="dd-summary-value">{formatPercent(totals.onTimeRate)}</div>
          <Tooltip
            title={`Số lượt giao hoàn thành đúng hạn (ngày gửi báo cáo hoàn thành không muộn hơn thời hạn), ${formatNumber(totals.byStatus.done_on_time)}, chia cho số lượt giao đã hoàn thành, ${formatNumber(totals.done)}.`}
          >
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
