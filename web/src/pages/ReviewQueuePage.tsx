import { Alert, Button, Card, Empty, Table, type TableColumnsType, Tabs, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import { periodInSentence } from "../../../src/domain/periods.ts";
import { errorMessage } from "../api/client.ts";
import { useMe } from "../api/queries.ts";
import { useDeadlineChanges, useReviewQueue } from "../api/tracking.ts";
import type { DeadlineChange, QueueItem } from "../api/trackingTypes.ts";
import { DeadlineDecision } from "../components/DeadlineDecision.tsx";
import { ReloadOutlined } from "../components/icons.tsx";
import { Count, isUpdating } from "../components/Loading.tsx";
import { PastDecisions } from "../components/PastDecisions.tsx";
import { ReportContent } from "../components/ReportContent.tsx";
import { ReviewActions } from "../components/ReviewActions.tsx";
import { ReviewTaskCell } from "../components/ReviewTaskCell.tsx";
import { useDocumentTitle } from "../components/useDocumentTitle.ts";
import { can } from "../lib/can.ts";
import { formatDate, formatDateTime, formatNumber } from "../lib/format.ts";

/**
 * "Duyệt báo cáo": reports waiting for the user's decision, oldest first (the standing office:
 * submitted reports; an agency head: the officers' reports awaiting the head), and, for the
 * standing office, pending deadline change requests.
 */
export function ReviewQueuePage() {
  useDocumentTitle("Duyệt báo cáo");
  const me = useMe().data;
  const reviewer = can.review(me);
  const queue = useReviewQueue(reviewer || can.headApprove(me));
  const queueItems = queue.data?.pages.flatMap((page) => page.items) ?? [];
  const queueTotal = queue.data?.pages[0]?.total;
  const changes = useDeadlineChanges({ state: "pending" }, reviewer);
  const [params, setParams] = useSearchParams();
  const wanted = params.get("muc");
  const tab =
    wanted === "gia-han" && reviewer ? "gia-han" : wanted === "da-quyet-dinh" ? "da-quyet-dinh" : "bao-cao";

  const reportColumns: TableColumnsType<QueueItem> = [
    { title: "Nhiệm vụ", key: "task", render: (_, item) => <ReviewTaskCell item={item} /> },
    {
      title: "Cơ quan báo cáo",
      key: "agency",
      width: 200,
      render: (_, item) => (
        <>
          <div>{item.agencyName}</div>
          {item.periodLabel && <div className="dd-muted">Kỳ {periodInSentence(item.periodLabel)}</div>}
          {item.dueOn && <div className="dd-muted">Hạn {formatDate(item.dueOn)}</div>}
        </>
      ),
    },
    {
      title: "Nội dung báo cáo",
      key: "content",
      width: 320,
      render: (_, item) => <ReportContent item={item} />,
    },
    {
      title: "Gửi lúc",
      key: "submitted",
      width: 150,
      render: (_, item) => (
        <>
          <div>{formatDateTime(item.submittedAt)}</div>
          {item.submittedBy && <div className="dd-muted">{item.submittedBy.displayName}</div>}
        </>
      ),
    },
    {
      title: "Xử lý",
      key: "actions",
      width: 230,
      render: (_, item) => (
        <ReviewActions
          reportId={item.id}
          version={item.version}
          mode={item.state === "awaiting_head" ? "head" : "review"}
          subject={`${item.taskRef} · ${item.agencyName}`}
          claimsCompletion={item.claimsCompletion}
          size="small"
        />
      ),
    },
  ];

  const changeColumns: TableColumnsType<DeadlineChange> = [
    { title: "Nhiệm vụ", key: "task", render: (_, item) => <ReviewTaskCell item={item} /> },
    { title: "Cơ quan đề nghị", dataIndex: "agencyName", width: 190 },
    {
      title: "Thời hạn",
      key: "dates",
      width: 170,
      render: (_, c) => (
        <>
          <div>Hiện tại: {c.currentDueOn ? formatDate(c.currentDueOn) : "chưa xác định"}</div>
          <div>
            Đề nghị: <b>{formatDate(c.requestedDueOn)}</b>
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
          <div className="dd-muted">
            {c.requestedBy?.displayName} · {formatDateTime(c.requestedAt)}
          </div>
        </>
      ),
    },
    {
      title: "Quyết định",
      key: "decide",
      width: 210,
      render: (_, c) => (
        <DeadlineDecision
          id={c.id}
          requestedDueOn={c.requestedDueOn}
          subject={`${c.taskRef} · ${c.agencyName}`}
        />
      ),
    },
  ];

  const reportsTab = (
    <>
      {queue.isError && (
        <Alert type="error" showIcon title={errorMessage(queue.error)} style={{ marginBottom: 12 }} />
      )}
      <Table<QueueItem>
        className="dd-review-queue"
        size="small"
        bordered
        rowKey="id"
        columns={reportColumns}
        dataSource={queueItems}
        loading={queue.isFetching && !queue.isFetchingNextPage}
        rowClassName={() => "dd-queue-row"}
        pagination={false}
        locale={{
          emptyText: queue.isPending ? " " : <Empty description="Không có báo cáo nào chờ duyệt." />,
        }}
      />
      {queue.hasNextPage && (
        <div style={{ textAlign: "center", marginTop: 12 }}>
          <Button onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
            Xem thêm ({formatNumber((queueTotal ?? 0) - queueItems.length)} báo cáo nữa)
          </Button>
        </div>
      )}
    </>
  );

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          Duyệt báo cáo
        </Typography.Title>
      }
      extra={
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            void queue.refetch();
            if (reviewer) void changes.refetch();
          }}
        >
          Làm mới
        </Button>
      }
    >
      {!reviewer && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="Báo cáo của cán bộ đơn vị chờ lãnh đạo đơn vị duyệt trước khi chuyển cơ quan thường trực."
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === "bao-cao" ? {} : { muc: key }, { replace: true })}
        items={[
          {
            key: "bao-cao",
            label: (
              <>
                Báo cáo chờ duyệt (<Count value={queueTotal} updating={isUpdating(queue)} />)
              </>
            ),
            children: reportsTab,
          },
          ...(reviewer
            ? [
                {
                  key: "gia-han",
                  label: (
                    <>
                      Đề nghị gia hạn (<Count value={changes.data?.total} updating={isUpdating(changes)} />)
                    </>
                  ),
                  children: (
                    <>
                      {changes.isError && <Alert type="error" showIcon title={errorMessage(changes.error)} />}
                      <Table<DeadlineChange>
                        className="dd-deadline-queue"
                        size="small"
                        bordered
                        rowKey="id"
                        columns={changeColumns}
                        dataSource={changes.data?.items ?? []}
                        loading={changes.isFetching}
                        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
                        locale={{
                          emptyText: changes.isPending ? (
                            " "
                          ) : (
                            <Empty description="Không có đề nghị gia hạn nào." />
                          ),
                        }}
                      />
                    </>
                  ),
                },
              ]
            : []),
          {
            key: "da-quyet-dinh",
            label: "Đã quyết định",
            children: <PastDecisions office={reviewer} />,
          },
        ]}
      />
    </Card>
  );
}
