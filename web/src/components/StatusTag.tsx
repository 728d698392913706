import { Tag, Tooltip } from "antd";
import { type AssignmentStatus, latenessText, statusText } from "../../../src/domain/status.ts";
import { formatNumber } from "../lib/format.ts";
import { STATUS_COLORS } from "../lib/labels.ts";
import { ClockCircleOutlined } from "./icons.tsx";

/** "Sắp đến hạn": an overlay on not started / in progress, never a status of its own. */
export function DueSoonBadge({ daysLeft }: { daysLeft?: number | null }) {
  const title =
    daysLeft === null || daysLeft === undefined
      ? "Sắp đến hạn"
      : daysLeft === 0
        ? "Đến hạn hôm nay"
        : `Còn ${formatNumber(daysLeft)} ngày đến hạn`;
  return (
    <Tooltip title={title}>
      <Tag color="gold" icon={<ClockCircleOutlined />} className="dd-due-soon">
        Sắp đến hạn
      </Tag>
    </Tooltip>
  );
}

/**
 * The status as users read it: coloured tag ("Quá hạn, chưa báo cáo" when an overdue task has
 * no report at all), how late ("quá hạn 120 ngày"; done late: how late it was finished, not how
 * long ago the due date passed), and the due-soon badge.
 */
export function StatusTag(props: {
  status: AssignmentStatus;
  daysOverdue?: number | null;
  dueSoon?: boolean;
  daysLeft?: number | null;
  unreported?: boolean;
}) {
  const { status, daysOverdue, dueSoon } = props;
  const late = latenessText(status, daysOverdue);
  const tag = (
    <Tag color={STATUS_COLORS[status]} className="dd-status-tag">
      {statusText(status, props.unreported)}
    </Tag>
  );
  return (
    <span className="dd-status" data-status={status} data-unreported={props.unreported ? "true" : undefined}>
      {status === "overdue" && props.unreported ? (
        <Tooltip title="Đã quá hạn mà đơn vị chưa gửi báo cáo nào (báo cáo bị trả lại không tính).">
          {tag}
        </Tooltip>
      ) : (
        tag
      )}
      {late && (
        <Tooltip
          title={
            status === "done_late"
              ? "Số ngày từ hạn hoàn thành đến ngày đơn vị gửi báo cáo hoàn thành được duyệt."
              : "Số ngày từ hạn hoàn thành đến hôm nay."
          }
        >
          <div className="dd-status-late">{late}</div>
        </Tooltip>
      )}
      {dueSoon && (status === "not_started" || status === "in_progress") && (
        <div>
          <DueSoonBadge daysLeft={props.daysLeft} />
        </div>
      )}
    </span>
  );
}

/** "3/26 đơn vị hoàn thành", when a task has several lead agencies. */
export function LeadProgress({ counts }: { counts: Partial<Record<AssignmentStatus, number>> }) {
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  if (total <= 1) return null;
  const done = (counts.done_on_time ?? 0) + (counts.done_late ?? 0);
  const overdue = counts.overdue ?? 0;
  return (
    <div className="dd-muted dd-lead-progress">
      {formatNumber(done)}/{formatNumber(total)} đơn vị hoàn thành
      {overdue > 0 && <span className="dd-status-late">; {formatNumber(overdue)} quá hạn</span>}
    </div>
  );
}
