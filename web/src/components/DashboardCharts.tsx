import { Segmented } from "antd";
import { useMemo } from "react";
import { useNavigate } from "react-router-dom";
import type { DashboardTrendKind } from "../../../src/domain/dashboardViews.ts";
import { type AssignmentStatus, assignmentStatuses } from "../../../src/domain/status.ts";
import type { Dashboard } from "../api/dashboard.ts";
import { STATUS_HEX, STATUS_LABELS } from "../lib/labels.ts";
import { taskListPath } from "../lib/taskListLink.ts";
import { EChart } from "./EChart.tsx";

/** Tasks by status as bars; a click opens the list of that status. */
export function StatusChart({ dashboard }: { dashboard: Dashboard }) {
  const navigate = useNavigate();
  const statuses = assignmentStatuses.filter((s) => dashboard.totals.byStatus[s] > 0);
  const option = useMemo(
    () => ({
      tooltip: { trigger: "item" },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: {
        type: "category",
        inverse: true,
        data: statuses.map((s) => STATUS_LABELS[s]),
        axisLabel: { width: 130, overflow: "break" },
      },
      series: [
        {
          type: "bar",
          name: "Số nhiệm vụ",
          data: statuses.map((s) => ({
            value: dashboard.totals.byStatus[s],
            itemStyle: { color: STATUS_HEX[s] },
          })),
          label: { show: true, position: "right" },
          cursor: "pointer",
        },
      ],
    }),
    [dashboard, statuses],
  );
  return (
    <EChart
      option={option}
      height={Math.max(160, statuses.length * 40)}
      label={`Biểu đồ số nhiệm vụ theo trạng thái: ${dashboard.sentence}`}
      summary={{
        caption: "Số nhiệm vụ theo trạng thái",
        columns: ["Trạng thái", "Số nhiệm vụ"],
        rows: assignmentStatuses.map((s: AssignmentStatus) => [
          STATUS_LABELS[s],
          dashboard.totals.byStatus[s],
        ]),
      }}
      onSelect={(index) => {
        const status = statuses[index];
        if (status) navigate(taskListPath({ ...dashboard.listQuery, status }));
      }}
    />
  );
}

const SERIES = [
  { key: "completed", name: "Hoàn thành", color: "#389e0d" },
  { key: "becameOverdue", name: "Chuyển sang quá hạn", color: "#cf1322" },
  { key: "reportsReceived", name: "Báo cáo nhận được", color: "#1677ff" },
] as const;

/** Completions, tasks turning overdue and reports received, by month or by quarter. */
export function TrendChart({
  dashboard,
  grain,
  onGrain,
}: {
  dashboard: Dashboard;
  grain: DashboardTrendKind;
  onGrain(grain: DashboardTrendKind): void;
}) {
  const rows = dashboard.trend[grain];
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { bottom: 0 },
      grid: { left: 8, right: 8, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: "category", data: rows.map((r) => r.label.replace("Tháng ", "T").replace("Quý ", "Q")) },
      yAxis: { type: "value", minInterval: 1 },
      series: SERIES.map((s) => ({
        type: s.key === "reportsReceived" ? "line" : "bar",
        name: s.name,
        data: rows.map((r) => r[s.key]),
        itemStyle: { color: s.color },
      })),
    }),
    [rows],
  );
  return (
    <>
      <Segmented
        size="small"
        value={grain}
        onChange={(value) => onGrain(value as DashboardTrendKind)}
        options={[
          { value: "month", label: "Theo tháng" },
          { value: "quarter", label: "Theo quý" },
        ]}
        aria-label="Xu hướng theo tháng hoặc theo quý"
        style={{ marginBottom: 8 }}
      />
      <EChart
        option={option}
        height={280}
        label={`Biểu đồ xu hướng ${grain === "month" ? "theo tháng" : "theo quý"}, ${rows.length} kỳ gần nhất`}
        summary={{
          caption: grain === "month" ? "Xu hướng theo tháng" : "Xu hướng theo quý",
          columns: ["Kỳ", ...SERIES.map((s) => s.name)],
          rows: rows.map((r) => [r.label, ...SERIES.map((s) => r[s.key])]),
        }}
      />
    </>
  );
}
