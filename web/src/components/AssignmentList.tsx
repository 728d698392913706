import { Collapse, Table, type TableColumnsType, Tag, Tooltip } from "antd";
import type { AssignmentStatusRow } from "../api/trackingTypes.ts";
import { compareVietnamese, formatDate, formatNumber } from "../lib/format.ts";
import { ROLE_IN_TASK_LABELS } from "../lib/labels.ts";
import { StatusTag } from "./StatusTag.tsx";

const columns: TableColumnsType<AssignmentStatusRow> = [
  {
    title: "Cơ quan, đơn vị",
    key: "agency",
    render: (_, a) => (
      <>
        <span className="dd-assignment-agency">{a.agencyName}</span>
        {a.viaGroupId && <div className="dd-muted">theo nhóm cơ quan nêu trong văn bản</div>}
      </>
    ),
  },
  {
    title: "Vai trò",
    key: "role",
    width: 100,
    render: (_, a) => (
      <Tag color={a.role === "lead" ? "volcano" : "default"}>{ROLE_IN_TASK_LABELS[a.role]}</Tag>
    ),
  },
  {
    title: "Trạng thái",
    key: "status",
    width: 220,
    render: (_, a) => (
      <StatusTag
        status={a.status}
        daysOverdue={a.daysOverdue}
        dueSoon={a.dueSoon}
        daysLeft={a.daysLeft}
        unreported={a.unreported}
      />
    ),
  },
  {
    title: "Thời hạn",
    key: "due",
    width: 170,
    render: (_, a) => {
      const changed = a.originalDue !== a.due && a.originalDue !== null;
      return (
        <>
          <div style={{ fontWeight: 600 }}>{a.due ? formatDate(a.due) : "—"}</div>
          {changed && (
            <Tooltip title="Thời hạn đã được điều chỉnh">
              <div className="dd-muted dd-original-due">Hạn ban đầu: {formatDate(a.originalDue)}</div>
            </Tooltip>
          )}
        </>
      );
    },
  },
];

const order = (a: AssignmentStatusRow, b: AssignmentStatusRow) =>
  compareVietnamese(a.agencyName, b.agencyName);

/**
 * Who holds the task: each lead agency with its own status and due date (and the original one
 * when it was moved), then the coordinating agencies; those that come from a group named in the
 * document ("Các cơ quan, đơn vị trong tỉnh": dozens) are folded away.
 */
export function AssignmentList({ assignments }: { assignments: AssignmentStatusRow[] }) {
  const leads = assignments.filter((a) => a.role === "lead").sort(order);
  const coordinators = assignments.filter((a) => a.role === "coordinator").sort(order);
  const named = coordinators.filter((a) => !a.viaGroupId);
  const viaGroups = coordinators.filter((a) => a.viaGroupId);
  const table = (rows: AssignmentStatusRow[], testId: string) => (
    <Table<AssignmentStatusRow>
      size="small"
      bordered
      rowKey="assignmentId"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      data-testid={testId}
      rowClassName="dd-assignment-row"
    />
  );

  return (
    <>
      {leads.length === 0 ? (
        <p className="dd-muted">Chưa xác định được cơ quan chủ trì trong danh mục cơ quan, đơn vị.</p>
      ) : (
        table([...leads, ...named], "lead-assignments")
      )}
      {viaGroups.length > 0 && (
        <Collapse
          size="small"
          style={{ marginTop: 8 }}
          items={[
            {
              key: "groups",
              label: `Cơ quan phối hợp theo nhóm (${formatNumber(viaGroups.length)} đơn vị)`,
              children: table(viaGroups, "group-assignments"),
            },
          ]}
        />
      )}
    </>
  );
}
