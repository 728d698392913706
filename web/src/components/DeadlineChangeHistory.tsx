import { Card, Table, type TableColumnsType, Tag } from "antd";
import type { AssignmentStatusRow, TaskDetail } from "../api/trackingTypes.ts";
import { formatDate, formatDateTime } from "../lib/format.ts";
import { DEADLINE_CHANGE_STATE_LABELS } from "../lib/labels.ts";
import { DeadlineDecision } from "./DeadlineDecision.tsx";

type Change = TaskDetail["deadlineChanges"][number] & { agencyName: string };

/** Requests to move the due date, with reasons and decisions; the office decides pending ones here too. */
export function DeadlineChangeHistory(props: {
  task: TaskDetail;
  assignments: AssignmentStatusRow[];
  canDecide: boolean;
}) {
  const agencyOf = new Map(props.assignments.map((a) => [a.assignmentId, a.agencyName]));
  const rows: Change[] = props.task.deadlineChanges.map((c) => ({
    ...c,
    agencyName: agencyOf.get(c.assignmentId) ?? "",
  }));
  const columns: TableColumnsType<Change> = [
    { title: "Cơ quan", dataIndex: "agencyName", width: 200 },
    {
      title: "Thời hạn",
      key: "dates",
      width: 190,
      render: (_, c) => (
        <>
          <div>Từ {c.previousDueOn ? formatDate(c.previousDueOn) : "chưa xác định"}</div>
          <div>
            đến <b>{formatDate(c.requestedDueOn)}</b>
          </div>
        </>
      ),
    },
    {
      title: "Lý do",
      key: "reason",
      render: (_, c) => (
        <>
          <div className="dd-pre">{c.reason}</div>
          <div className="dd-muted">Đề nghị lúc {formatDateTime(c.requestedAt)}</div>
        </>
      ),
    },
    {
      title: "Quyết định",
      key: "decision",
      width: 260,
      render: (_, c) => {
        const state = DEADLINE_CHANGE_STATE_LABELS[c.state] ?? { label: c.state, color: "default" };
        if (c.state === "pending" && props.canDecide) {
          return (
            <DeadlineDecision
              id={c.id}
              requestedDueOn={c.requestedDueOn}
              subject={`${props.task.ref} · ${c.agencyName}`}
            />
          );
        }
        return (
          <>
            <Tag color={state.color}>{state.label}</Tag>
            {c.decidedAt && <div className="dd-muted">{formatDateTime(c.decidedAt)}</div>}
            {c.decisionComment && <div className="dd-pre">{c.decisionComment}</div>}
          </>
        );
      },
    },
  ];
  return (
    <Card title={`Điều chỉnh thời hạn (${rows.length})`} size="small" style={{ marginBottom: 16 }}>
      {rows.length === 0 ? (
        <span className="dd-muted">Chưa có đề nghị gia hạn.</span>
      ) : (
        <Table<Change>
          size="small"
          bordered
          rowKey="id"
          columns={columns}
          dataSource={rows}
          pagination={false}
          data-testid="deadline-changes"
        />
      )}
    </Card>
  );
}
