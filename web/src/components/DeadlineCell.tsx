import { Tag, Tooltip } from "antd";
import type { TaskRow } from "../api/types.ts";
import { formatDate } from "../lib/format.ts";
import { DEADLINE_KIND_COLORS, DEADLINE_KIND_HINTS, DEADLINE_KIND_LABELS } from "../lib/labels.ts";

/** The deadline as the document wrote it, the due date it reads as, and its kind. */
export function DeadlineCell({ task }: { task: Pick<TaskRow, "deadlineText" | "deadlineKind" | "dueOn"> }) {
  const due = formatDate(task.dueOn);
  const text = task.deadlineText.trim();
  const showText = text && text !== due && text !== DEADLINE_KIND_LABELS[task.deadlineKind];
  return (
    <div>
      {due && (
        <Tooltip title="Hạn hoàn thành">
          <div style={{ fontWeight: 600 }}>{due}</div>
        </Tooltip>
      )}
      {showText && <div className="dd-muted">{text}</div>}
      <Tooltip title={DEADLINE_KIND_HINTS[task.deadlineKind]}>
        <Tag
          color={DEADLINE_KIND_COLORS[task.deadlineKind]}
          style={{ marginTop: 2, marginInlineEnd: 0 }}
          className="dd-deadline-kind"
          tabIndex={0}
        >
          {DEADLINE_KIND_LABELS[task.deadlineKind]}
        </Tag>
      </Tooltip>
    </div>
  );
}
