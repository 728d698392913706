import {
  Alert,
  Button,
  DatePicker,
  Empty,
  Segmented,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { periodInSentence } from "../../../src/domain/periods.ts";
import { useAgencies } from "../api/agencies.ts";
import { errorMessage } from "../api/client.ts";
import { type DecisionFilters, useReviewDecisions } from "../api/tracking.ts";
import type { PastDecision } from "../api/trackingTypes.ts";
import { compareVietnamese, formatDateTime } from "../lib/format.ts";
import { REPORT_STATE_LABELS } from "../lib/labels.ts";
import { PlanSelect } from "./PlanSelect.tsx";
import { ReportContent } from "./ReportContent.tsx";
import { ReviewTaskCell } from "./ReviewTaskCell.tsx";

/** What was decided, in the words of who decided it. */
export function decisionLabel(item: Pick<PastDecision, "stage" | "decision">): {
  label: string;
  color: string;
} {
  if (item.stage === "head") {
    return item.decision === "approve"
      ? { label: "Lãnh đạo đơn vị duyệt, chuyển cơ quan thường trực", color: "blue" }
      : { label: "Lãnh đạo đơn vị trả lại", color: "orange" };
  }
  return item.decision === "approve"
    ? { label: "Đã duyệt", color: "green" }
    : { label: "Đã trả lại", color: "red" };
}

const columns: TableColumnsType<PastDecision> = [
  { title: "Nhiệm vụ", key: "task", render: (_, item) => <ReviewTaskCell item={item} /> },
  {
    title: "Cơ quan báo cáo",
    key: "agency",
    width: 190,
    render: (_, item) => (
      <>
        <div>{item.agencyName}</div>
        {item.periodLabel && <div className="dd-muted">Kỳ {periodInSentence(item.periodLabel)}</div>}
        {item.submittedBy && (
          <div className="dd-muted">
            {item.submittedBy.displayName} · gửi {formatDateTime(item.submittedAt)}
          </div>
        )}
      </>
    ),
  },
  {
    title: "Nội dung báo cáo",
    key: "content",
    width: 300,
    render: (_, item) => <ReportContent item={item} />,
  },
  {
    title: "Quyết định",
    key: "decision",
    width: 250,
    render: (_, item) => {
      const decided = decisionLabel(item);
      const now = REPORT_STATE_LABELS[item.state];
      return (
        <>
          <Tag color={decided.color} className="dd-decision-tag">
            {decided.label}
          </Tag>
          <div className="dd-muted">
            {item.decidedBy?.displayName ?? "—"} · {formatDateTime(item.decidedAt)}
          </div>
          {item.comment && <div className="dd-pre dd-clamp">{item.comment}</div>}
          {now && (
            <div className="dd-muted">
              Hiện nay: <Tag color={now.color}>{now.label}</Tag>
            </div>
          )}
        </>
      );
    },
  },
];

const isoDay = (day: Dayjs | null | undefined) => (day ? day.format("YYYY-MM-DD") : undefined);

/**
 * "Đã quyết định": reports already approved or returned (by the standing office, or forwarded
 * or returned by an agency head), newest first, with filters; scoped as the queue is.
 */
export function PastDecisions({ office }: { office: boolean }) {
  const [filters, setFilters] = useState<DecisionFilters>({});
  const set = (patch: Partial<DecisionFilters>) => setFilters((current) => ({ ...current, ...patch }));
  const decisions = useReviewDecisions(filters, true);
  const agencies = useAgencies(office);
  const pages = decisions.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const deciders = pages[0]?.deciders ?? [];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }} className="dd-decision-filters">
        <Segmented
          data-testid="decision-filter"
          value={filters.decision ?? "all"}
          onChange={(value) =>
            set({ decision: value === "all" ? undefined : (value as "approve" | "return") })
          }
          options={[
            { value: "all", label: "Tất cả" },
            { value: "approve", label: "Đã duyệt" },
            { value: "return", label: "Đã trả lại" },
          ]}
        />
        <Select
          allowClear
          placeholder="Cấp quyết định"
          aria-label="Cấp quyết định"
          style={{ width: 200 }}
          value={filters.stage}
          onChange={(stage) => set({ stage })}
          options={[
            { value: "office", label: "Cơ quan thường trực" },
            { value: "head", label: "Lãnh đạo đơn vị" },
          ]}
        />
        <PlanSelect value={filters.planId} onChange={(planId) => set({ planId })} />
        {office && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="Cơ quan báo cáo"
            aria-label="Cơ quan báo cáo"
            style={{ width: 220 }}
            value={filters.agencyId}
            onChange={(agencyId) => set({ agencyId })}
            options={(agencies.data ?? [])
              .filter((a) => !a.isGroup)
              .sort((a, b) => compareVietnamese(a.name, b.name))
              .map((a) => ({ value: a.id, label: a.name }))}
          />
        )}
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="Người quyết định"
          aria-label="Người quyết định"
          style={{ width: 200 }}
          value={filters.deciderId}
          onChange={(deciderId) => set({ deciderId })}
          options={deciders.map((d) => ({ value: d.id, label: d.displayName }))}
        />
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          allowEmpty={[true, true]}
          aria-label="Ngày quyết định"
          placeholder={["Từ ngày", "Đến ngày"]}
          onChange={(range) => set({ from: isoDay(range?.[0]), to: isoDay(range?.[1]) })}
        />
      </Space>
      {decisions.isError && (
        <Alert type="error" showIcon title={errorMessage(decisions.error)} style={{ marginBottom: 12 }} />
      )}
      <Table<PastDecision>
        className="dd-past-decisions"
        size="small"
        bordered
        rowKey="key"
        columns={columns}
        dataSource={items}
        loading={decisions.isFetching && !decisions.isFetchingNextPage}
        rowClassName={() => "dd-decision-row"}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{
          emptyText: decisions.isPending ? " " : <Empty description="Chưa có quyết định nào khớp bộ lọc." />,
        }}
      />
      {decisions.hasNextPage && (
        <div style={{ textAlign: "center", marginTop: 12 }}>
          <Button onClick={() => void decisions.fetchNextPage()} loading={decisions.isFetchingNextPage}>
            Xem thêm
          </Button>
        </div>
      )}
    </>
  );
}
