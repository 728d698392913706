import { Alert, Card, Collapse, DatePicker, Select, Space, Typography } from "antd";
import dayjs from "dayjs";
import type { ReactNode } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { type DashboardScopeKind, dashboardScopeLabels } from "../../../src/domain/dashboard.ts";
import {
  type DashboardPanel,
  type DashboardTrendKind,
  type DashboardViewConfig,
  dashboardPanels,
} from "../../../src/domain/dashboardViews.ts";
import { useAgencies } from "../api/agencies.ts";
import { errorMessage } from "../api/client.ts";
import { type Dashboard, type DashboardQuery, useDashboard } from "../api/dashboard.ts";
import { useMe, usePlan, usePlans } from "../api/queries.ts";
import { AgencyBoard } from "../components/AgencyBoard.tsx";
import { DashboardAtRisk } from "../components/DashboardAtRisk.tsx";
import { StatusChart, TrendChart } from "../components/DashboardCharts.tsx";
import { DashboardViews } from "../components/DashboardViews.tsx";
import { Count, isUpdating } from "../components/Loading.tsx";
import { UpstreamView } from "../components/UpstreamView.tsx";
import { useDocumentTitle } from "../components/useDocumentTitle.ts";
import { compareVietnamese, formatNumber, formatPercent, matchesFolded } from "../lib/format.ts";
import { paths } from "../lib/paths.ts";
import { taskListPath } from "../lib/taskListLink.ts";
import { isIsoDate } from "../lib/useTaskFilters.ts";

// ?phamvi=plan&ma=…&kehoach=…&ngay=2026-06-30&xuhuong=quarter&hien=totals,trend: the scope, its id,
// the plan a section is picked from, the day, the trend's grouping and the panels shown (a saved view's).
const PARAM = {
  kind: "phamvi",
  id: "ma",
  plan: "kehoach",
  asOf: "ngay",
  trend: "xuhuong",
  panels: "hien",
} as const;
const WIDE_KINDS: DashboardScopeKind[] = ["province", "plan", "section", "agency", "agencyTree"];
const AGENCY_KINDS: DashboardScopeKind[] = ["agency", "plan", "section"];

/** One figure: its label and the number, a link to the list of its tasks. */
function Figure(props: {
  label: ReactNode;
  value: number | undefined;
  to: string;
  updating: boolean;
  tone?: string;
}) {
  return (
    <div className={`dd-figure${props.tone ? ` dd-figure-${props.tone}` : ""}`}>
      <div className="dd-figure-label">{props.label}</div>
      <Link to={props.to} className="dd-figure-value" data-testid="dashboard-figure">
        <Count value={props.value} updating={props.updating} />
      </Link>
    </div>
  );
}

/**
 * "Tổng quan" (issue 12): where the province, a plan, a section, an agency or an agency with its
 * units stands on a day. Leaders and the standing office see any scope (the office also what
 * waits for its review); agency staff their own agency's part. Every number opens its task list.
 */
export function DashboardPage() {
  useDocumentTitle("Tổng quan");
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const wide = me?.abilities.task.scope === "all";
  const kinds = wide ? WIDE_KINDS : AGENCY_KINDS;
  const kindParam = params.get(PARAM.kind) as DashboardScopeKind | null;
  const kind: DashboardScopeKind =
    kindParam && kinds.includes(kindParam) ? kindParam : wide ? "province" : "agency";
  const ownAgency = me?.agencyId ?? undefined;
  const id =
    kind === "province"
      ? undefined
      : kind === "agency" && !wide
        ? ownAgency
        : (params.get(PARAM.id) ?? undefined);
  const planForSection = params.get(PARAM.plan) ?? undefined;
  const asOfParam = params.get(PARAM.asOf);
  const asOf = isIsoDate(asOfParam) ? asOfParam : undefined;
  const query: DashboardQuery = { scope: kind, ...(id ? { id } : {}), ...(asOf ? { asOf } : {}) };
  const trend: DashboardTrendKind = params.get(PARAM.trend) === "quarter" ? "quarter" : "month";
  const chosenPanels = (params.get(PARAM.panels) ?? "")
    .split(",")
    .filter((p): p is DashboardPanel => (dashboardPanels as readonly string[]).includes(p));
  const panels = chosenPanels.length > 0 ? chosenPanels : [...dashboardPanels];
  const panel = (name: DashboardPanel) => panels.includes(name);
  const current: DashboardViewConfig = {
    scope: kind,
    ...(id && kind !== "province" ? { scopeId: id } : {}),
    ...(asOf ? { asOf } : {}),
    trend,
    panels,
  };
  const openView = (config: DashboardViewConfig) =>
    setParams(
      new URLSearchParams(
        Object.entries({
          [PARAM.kind]: config.scope,
          [PARAM.id]: config.scopeId,
          [PARAM.asOf]: config.asOf,
          [PARAM.trend]: config.trend === "quarter" ? "quarter" : undefined,
          [PARAM.panels]: config.panels.length < dashboardPanels.length ? config.panels.join(",") : undefined,
        }).filter((entry): entry is [string, string] => entry[1] !== undefined),
      ),
    );
  const ready = kind === "province" || !!id;
  const dashboard = useDashboard(query, ready && !!me);
  const plans = usePlans();
  const plan = usePlan(kind === "section" ? planForSection : undefined);
  const agencies = useAgencies(wide && (kind === "agency" || kind === "agencyTree"));

  const set = (patch: Partial<Record<keyof typeof PARAM, string | undefined>>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(patch) as [keyof typeof PARAM, string | undefined][]) {
      if (value) next.set(PARAM[key], value);
      else next.delete(PARAM[key]);
    }
    setParams(next);
  };

  const idOptions =
    kind === "plan"
      ? (plans.data ?? []).map((p) => ({ value: p.id, label: p.name }))
      : kind === "section"
        ? (plan.data?.sections ?? []).map((s) => ({ value: s.id, label: `Phần ${s.numeral}. ${s.title}` }))
        : [...(agencies.data ?? [])]
            .sort((a, b) => compareVietnamese(a.name, b.name))
            .map((a) => ({ value: a.id, label: a.name }));

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }} className="dd-dashboard">
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Tổng quan{dashboard.data ? `: ${dashboard.data.scope.label}` : ""}
        </Typography.Title>
        {wide && <DashboardViews current={current} onOpen={openView} />}
        <search className="dd-filters dd-dashboard-picker">
          <Select<DashboardScopeKind>
            aria-label="Phạm vi"
            value={kind}
            options={kinds.map((k) => ({
              value: k,
              label: k === "agency" && !wide ? "Cơ quan của tôi" : dashboardScopeLabels[k],
            }))}
            onChange={(k) => set({ kind: k, id: undefined, plan: undefined })}
            style={{ width: 240, maxWidth: "100%" }}
          />
          {kind === "section" && (
            <Select<string>
              aria-label="Kế hoạch"
              placeholder="Chọn kế hoạch"
              value={planForSection}
              options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              onChange={(value) => set({ plan: value, id: undefined })}
              showSearch={{ filterOption: (input, option) => matchesFolded(input, option?.label) }}
              style={{ width: 320, maxWidth: "100%" }}
            />
          )}
          {kind !== "province" && !(kind === "agency" && !wide) && (
            <Select<string>
              aria-label={dashboardScopeLabels[kind]}
              placeholder={
                kind === "plan" ? "Chọn kế hoạch" : kind === "section" ? "Chọn phần" : "Chọn cơ quan"
              }
              value={id}
              options={idOptions}
              onChange={(value) => set({ id: value })}
              showSearch={{ filterOption: (input, option) => matchesFolded(input, option?.label) }}
              style={{ width: 320, maxWidth: "100%" }}
            />
          )}
          <DatePicker
            aria-label="Số liệu tại ngày"
            format="DD/MM/YYYY"
            prefix={<span className="dd-muted">Tại ngày</span>}
            placeholder="hôm nay"
            value={asOf ? dayjs(asOf) : null}
            onChange={(date) => set({ asOf: date ? date.format("YYYY-MM-DD") : undefined })}
            style={{ width: 200, maxWidth: "100%" }}
          />
        </search>
        {!ready && (
          <Typography.Text type="secondary">
            Chọn {dashboardScopeLabels[kind].toLowerCase()} để xem số liệu.
          </Typography.Text>
        )}
        {dashboard.isError && <Alert type="error" showIcon title={errorMessage(dashboard.error)} />}
        {dashboard.data && (
          <Summary
            dashboard={dashboard.data}
            updating={isUpdating(dashboard)}
            show={{
              totals: panel("totals"),
              overdueAge: panel("overdueAge"),
              dueSoon: panel("dueSoon"),
              reviewWaiting: panel("reviewWaiting"),
            }}
          />
        )}
      </Card>
      {ready && panel("atRisk") && <DashboardAtRisk query={query} planOfSection={planForSection} />}
      {dashboard.data && (
        <>
          <div className="dd-dashboard-charts">
            {panel("totals") && (
              <Card title="Theo trạng thái" size="small">
                {dashboard.data.totals.total > 0 ? (
                  <StatusChart dashboard={dashboard.data} />
                ) : (
                  <Typography.Text type="secondary">Chưa có nhiệm vụ nào trong phạm vi này.</Typography.Text>
                )}
              </Card>
            )}
            {panel("trend") && (
              <Card title="Xu hướng hai năm gần đây" size="small">
                <TrendChart
                  dashboard={dashboard.data}
                  grain={trend}
                  onGrain={(grain) => set({ trend: grain === "quarter" ? "quarter" : undefined })}
                />
              </Card>
            )}
          </div>
          {panel("agencyBoard") && (
            <Card title="Các cơ quan, đơn vị theo trạng thái" size="small" className="dd-board-card">
              <AgencyBoard dashboard={dashboard.data} loading={isUpdating(dashboard)} />
            </Card>
          )}
          {panel("upstream") && (
            <Collapse
              items={[
                {
                  key: "upstream",
                  label: "Nhiệm vụ cấp trên và các nhiệm vụ của tỉnh cụ thể hóa",
                  children: <UpstreamView query={query} />,
                },
              ]}
            />
          )}
        </>
      )}
    </Space>
  );
}

function Summary({
  dashboard,
  updating,
  show,
}: {
  dashboard: Dashboard;
  updating: boolean;
  show: Record<"totals" | "overdueAge" | "dueSoon" | "reviewWaiting", boolean>;
}) {
  const base = dashboard.listQuery;
  const to = (extra: Record<string, string> = {}) => taskListPath({ ...base, ...extra });
  const t = dashboard.totals;
  return (
    <>
      <p className="dd-dashboard-sentence" data-testid="dashboard-sentence">
        {dashboard.scope.label}: {dashboard.sentence}
        {dashboard.rates && `; ${dashboard.rates}`}
        {dashboard.overdueAge && `; ${dashboard.overdueAge}`}.
      </p>
      <div className="dd-figures">
        {show.totals && (
          <>
            <Figure label="Tổng số nhiệm vụ" value={t.total} to={to()} updating={updating} />
            <Figure
              label="Đã hoàn thành"
              value={t.done}
              to={to({ completed: "any" })}
              updating={updating}
              tone="done"
            />
            <Figure
              label="Hoàn thành đúng hạn"
              value={t.byStatus.done_on_time}
              to={to({ status: "done_on_time" })}
              updating={updating}
              tone="done"
            />
            <Figure
              label="Hoàn thành quá hạn"
              value={t.byStatus.done_late}
              to={to({ status: "done_late" })}
              updating={updating}
              tone="late"
            />
            <Figure
              label="Đang quá hạn"
              value={t.byStatus.overdue}
              to={to({ status: "overdue" })}
              updating={updating}
              tone="overdue"
            />
            <Figure
              label="Đang thực hiện trong hạn"
              value={t.byStatus.in_progress}
              to={to({ status: "in_progress" })}
              updating={updating}
            />
            <Figure
              label="Chưa thực hiện"
              value={t.byStatus.not_started}
              to={to({ status: "not_started" })}
              updating={updating}
            />
            <Figure
              label="Thường xuyên"
              value={t.byStatus.recurring}
              to={to({ status: "recurring" })}
              updating={updating}
            />
            <Figure
              label="Chưa xác định thời hạn"
              value={t.byStatus.no_deadline}
              to={to({ status: "no_deadline" })}
              updating={updating}
            />
          </>
        )}
        {show.overdueAge &&
          dashboard.overdueOver.map((o) => (
            <Figure
              key={o.days}
              label={`Quá hạn trên ${o.days} ngày`}
              value={o.count}
              to={to({ overdueMinDays: String(o.days + 1) })}
              updating={updating}
              tone="overdue"
            />
          ))}
        {show.dueSoon &&
          dashboard.dueWithin.map((w) => (
            <Figure
              key={w.days}
              label={`Đến hạn trong ${w.days} ngày tới`}
              value={w.count}
              to={to({ dueWithinDays: String(w.days) })}
              updating={updating}
            />
          ))}
        {show.reviewWaiting && dashboard.waitingForReview !== null && (
          <Figure
            label="Báo cáo chờ duyệt"
            value={dashboard.waitingForReview}
            to={paths.reviews}
            updating={updating}
          />
        )}
      </div>
      {show.overdueAge && (
        <p className="dd-muted" style={{ marginBottom: 0 }}>
          Tỷ lệ hoàn thành trên số nhiệm vụ đã đến hạn: {formatPercent(t.completionRate)} · Tỷ lệ đúng hạn:{" "}
          {formatPercent(t.onTimeRate)} · Quá hạn theo độ dài:{" "}
          {dashboard.overdueByAge.map((b, i) => (
            <span key={b.minDays}>
              {i > 0 && ", "}
              {b.label.replace("Quá hạn ", "")}:{" "}
              <Link
                to={to({
                  overdueMinDays: String(b.minDays),
                  ...(b.maxDays ? { overdueMaxDays: String(b.maxDays) } : {}),
                })}
              >
                {formatNumber(b.count)}
              </Link>
            </span>
          ))}
        </p>
      )}
    </>
  );
}
