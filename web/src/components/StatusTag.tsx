import { Tag, Tooltip } from "antd";
import type { AssignmentStatus } from "../../../src/domain/status.ts";
import { formatNumber } from "../lib/format.ts";
import { STATUS_COLORS, STATUS_LABELS } from "../lib/labels.ts";
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

/** The status as users read it: coloured tag, "quá hạn N ngày", and the due-soon badge. */
export function StatusTag(props: {
  status: AssignmentStatus;
  daysOverdue?: number | null;
  dueSoon?: boolean;
  daysLeft?: number | null;
}) {
  const { status, daysOverdue, dueSoon } = props;
  const late = (status === "overdue" || status === "done_late") && daysOverdue ? daysOverdue : null;
  return (
    <span className="dd-status" data-status={status}>
      <Tag color={STATUS_COLORS[status]} className="dd-status-tag">
        {STATUS_LABELS[status]}
      </Tag>
      {late !== null && <div className="dd-status-late">quá hạn {formatNumber(late)} ngày</div>}
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
