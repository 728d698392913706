import { Alert, Button, Table, type TableColumnsType, Tag, Tooltip, Typography } from "antd";
import { Link } from "react-router-dom";
import {
  type RiskReason,
  riskReasonExplanations,
  riskReasonLabels,
} from "../../../src/domain/earlyWarning.ts";
import { periodInSentence } from "../../../src/domain/periods.ts";
import { errorMessage } from "../api/client.ts";
import { type AtRiskFilters, type AtRiskItem, useAtRisk } from "../api/evaluation.ts";
import { formatDate } from "../lib/format.ts";
import { paths } from "../lib/paths.ts";
import { Count, emptyText, isUpdating } from "./Loading.tsx";

const reasonColors: Record<RiskReason, string> = {
  missing_period: "volcano",
  behind_schedule: "orange",
  refused_near_due: "magenta",
  returned_often: "gold",
};

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

/** The figure behind a reason, in the words of the list: what the office checks before urging. */
function reasonDetail(reason: RiskReason, item: AtRiskItem): string {
  switch (reason) {
    case "missing_period":
      return item.period
        ? `Chưa báo cáo ${periodInSentence(item.period.label)} (hạn chốt ${formatDate(item.period.cutoffOn)})`
        : "Chưa báo cáo cả kỳ";
    case "behind_schedule":
      return `Tiến độ ${item.progress ?? 0}% khi đã qua ${percent(item.elapsed ?? 0)} thời gian`;
    case "refused_near_due":
      return `Bị từ chối gia hạn ngày ${formatDate(item.refusedOn)}; còn ${item.daysLeft ?? 0} ngày đến hạn`;
    case "returned_often":
      return `Báo cáo bị trả lại ${item.returns} lần`;
  }
}

export function RiskReasons({ item }: { item: AtRiskItem }) {
  return (
    <div className="dd-risk-reasons">
      {item.reasons.map((reason) => (
        <div key={reason} data-reason={reason}>
          <Tooltip title={riskReasonExplanations[reason]}>
            <Tag color={reasonColors[reason]}>{riskReasonLabels[reason]}</Tag>
          </Tooltip>
          <span className="dd-muted">{reasonDetail(reason, item)}</span>
        </div>
      ))}
    </div>
  );
}

/**
 * Cảnh báo sớm: the assignments at risk in the filters, each with its reasons and the numbers
 * behind them, linking to the task. Shared by the at-risk page and the dashboards (`limit`).
 */
export function AtRiskList(props: { filters: AtRiskFilters; limit?: number; showMore?: boolean }) {
  const list = useAtRisk(props.filters, props.limit ?? 50);
  const pages = list.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const total = pages[0]?.total;

  const columns: TableColumnsType<AtRiskItem> = [
    {
      title: "Nhiệm vụ",
      key: "task",
      render: (_, item) => (
        <>
          <Link to={paths.task(item.taskId)} data-testid="at-risk-task">
            {item.taskRef}. {item.taskTitle}
          </Link>
          <div className="dd-muted">{item.planName}</div>
        </>
      ),
    },
    { title: "Cơ quan chủ trì", dataIndex: "agencyName", key: "agency", width: 180 },
    { title: "Lý do cảnh báo", key: "reasons", width: 340, render: (_, item) => <RiskReasons item={item} /> },
    {
      title: "Hạn",
      key: "due",
      width: 120,
      render: (_, item) =>
        item.dueOn ? (
          <>
            <div>{formatDate(item.dueOn)}</div>
            {item.daysLeft !== null && item.daysLeft >= 0 && (
              <div className="dd-muted">còn {item.daysLeft} ngày</div>
            )}
          </>
        ) : (
          <span className="dd-muted">Thường xuyên</span>
        ),
    },
  ];

  return (
    <>
      <Typography.Paragraph>
        <Count value={total} updating={isUpdating(list)} /> nhiệm vụ có nguy cơ chậm
      </Typography.Paragraph>
      {list.isError && (
        <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} />
      )}
      <Table<AtRiskItem>
        size="small"
        rowKey="assignmentId"
        columns={columns}
        dataSource={items}
        loading={list.isFetching && !list.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: emptyText(list.isPending, "Không có nhiệm vụ nào có nguy cơ chậm.") }}
        data-testid="at-risk-list"
      />
      {props.showMore !== false && list.hasNextPage && (
        <div style={{ textAlign: "center", marginTop: 12 }}>
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Xem thêm
          </Button>
        </div>
      )}
    </>
  );
}
