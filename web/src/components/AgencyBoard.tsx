import { Table, type TableColumnsType } from "antd";
import { Link } from "react-router-dom";
import { assignmentStatuses } from "../../../src/domain/status.ts";
import type { Dashboard } from "../api/dashboard.ts";
import { compareVietnamese, formatNumber, formatPercent } from "../lib/format.ts";
import { STATUS_LABELS } from "../lib/labels.ts";
import { taskListPath } from "../lib/taskListLink.ts";
import { emptyText } from "./Loading.tsx";

type Row = Dashboard["board"][number];

/**
 * Agencies (rows) by the status of their own lead assignments (columns), sortable; each count
 * opens the list of those tasks, with that agency's status (leadStatus).
 */
export function AgencyBoard({ dashboard, loading }: { dashboard: Dashboard; loading: boolean }) {
  const link = (row: Row, extra: Record<string, string>, value: number) =>
    value === 0 ? (
      <span className="dd-muted">0</span>
    ) : (
      <Link
        to={taskListPath({
          ...dashboard.listQuery,
          leadAgencyId: row.agencyId,
          agencyTree: "false",
          ...extra,
        })}
        aria-label={`${formatNumber(value)} nhiệm vụ của ${row.name}`}
      >
        {formatNumber(value)}
      </Link>
    );
  const columns: TableColumnsType<Row> = [
    {
      title: "Cơ quan, đơn vị",
      dataIndex: "name",
      key: "name",
      fixed: "left",
      width: 200,
      sorter: (a, b) => compareVietnamese(a.name, b.name),
    },
    {
      title: "Tổng số",
      key: "total",
      width: 80,
      align: "right",
      sorter: (a, b) => a.total - b.total,
      render: (_, row) => link(row, {}, row.total),
    },
    ...assignmentStatuses.map((status) => ({
      title: STATUS_LABELS[status],
      key: status,
      width: 110,
      align: "right" as const,
      sorter: (a: Row, b: Row) => a.byStatus[status] - b.byStatus[status],
      defaultSortOrder: status === "overdue" ? ("descend" as const) : undefined,
      render: (_: unknown, row: Row) => link(row, { status }, row.byStatus[status]),
    })),
    {
      title: "Tỷ lệ hoàn thành",
      key: "completionRate",
      width: 110,
      align: "right",
      sorter: (a, b) => (a.completionRate ?? -1) - (b.completionRate ?? -1),
      render: (_, row) => formatPercent(row.completionRate),
    },
    {
      title: "Tỷ lệ đúng hạn",
      key: "onTimeRate",
      width: 100,
      align: "right",
      sorter: (a, b) => (a.onTimeRate ?? -1) - (b.onTimeRate ?? -1),
      render: (_, row) => formatPercent(row.onTimeRate),
    },
  ];
  return (
    <Table<Row>
      className="dd-agency-board"
      size="small"
      bordered
      rowKey="agencyId"
      columns={columns}
      dataSource={dashboard.board}
      loading={loading}
      pagination={dashboard.board.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: emptyText(false, "Không có cơ quan nào chủ trì nhiệm vụ trong phạm vi này.") }}
      scroll={{ x: 1300 }}
    />
  );
}
