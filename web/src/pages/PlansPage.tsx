import { Alert, Card, Empty, Grid, Skeleton, Table, type TableColumnsType, Typography } from "antd";
import { Link, useNavigate } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { usePlans } from "../api/queries.ts";
import type { PlanSummary } from "../api/types.ts";
import { DeletedPlans } from "../components/DeletedPlans.tsx";
import { useDocumentTitle } from "../components/useDocumentTitle.ts";
import { compareVietnamese, formatDate, formatNumber } from "../lib/format.ts";
import { paths } from "../lib/paths.ts";

const columns: TableColumnsType<PlanSummary> = [
  {
    title: "Số hiệu",
    dataIndex: "documentNumber",
    width: 150,
    render: (_, plan) => (
      <Link to={paths.plan(plan.id)} className="dd-plan-link" onClick={(event) => event.stopPropagation()}>
        {plan.documentNumber ?? plan.name}
      </Link>
    ),
    sorter: (a, b) => compareVietnamese(a.documentNumber ?? a.name, b.documentNumber ?? b.name),
  },
  {
    title: "Loại",
    dataIndex: "documentType",
    width: 120,
    render: (type: string | null) => type ?? "",
    sorter: (a, b) => compareVietnamese(a.documentType ?? "", b.documentType ?? ""),
  },
  { title: "Trích yếu", dataIndex: "title", render: (title: string | null, plan) => title ?? plan.name },
  {
    title: "Cơ quan ban hành",
    dataIndex: "issuer",
    width: 240,
    render: (issuer: string | null) => issuer ?? "",
    sorter: (a, b) => compareVietnamese(a.issuer ?? "", b.issuer ?? ""),
  },
  {
    title: "Ngày ban hành",
    dataIndex: "issuedOn",
    width: 130,
    align: "center",
    render: (issuedOn: string | null) => formatDate(issuedOn),
    sorter: (a, b) => (a.issuedOn ?? "").localeCompare(b.issuedOn ?? ""),
    defaultSortOrder: "descend",
  },
  {
    title: "Số nhiệm vụ",
    dataIndex: "taskCount",
    width: 120,
    align: "right",
    render: (count: number) => formatNumber(count),
    sorter: (a, b) => a.taskCount - b.taskCount,
  },
];

/** On a phone, each plan as a card: its number (the link), type, title, issuer, date, task count. */
function PlanCards({ plans }: { plans: PlanSummary[] }) {
  const sorted = [...plans].sort((a, b) => (b.issuedOn ?? "").localeCompare(a.issuedOn ?? ""));
  if (sorted.length === 0) return <Empty description="Chưa có kế hoạch nào." />;
  return (
    <div className="dd-task-cards dd-plans-table">
      {sorted.map((plan) => (
        <article key={plan.id} className="dd-task-card" data-testid="plan-card">
          <Link to={paths.plan(plan.id)} className="dd-plan-link">
            {plan.documentNumber ?? plan.name}
          </Link>
          {plan.documentType && <span className="dd-muted"> · {plan.documentType}</span>}
          <div>{plan.title ?? plan.name}</div>
          <div className="dd-muted">
            {[plan.issuer, plan.issuedOn && `ngày ${formatDate(plan.issuedOn)}`].filter(Boolean).join(", ")}
            {" · "}
            {formatNumber(plan.taskCount)} nhiệm vụ
          </div>
        </article>
      ))}
    </div>
  );
}

export function PlansPage() {
  useDocumentTitle("Kế hoạch");
  const plans = usePlans();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;

  return (
    <>
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }}>
            Kế hoạch, văn bản chỉ đạo
          </Typography.Title>
        }
        extra={plans.data && <span className="dd-muted">{formatNumber(plans.data.length)} văn bản</span>}
      >
        {plans.isError && (
          <Alert type="error" showIcon title={errorMessage(plans.error)} style={{ marginBottom: 12 }} />
        )}
        {phone ? (
          plans.data ? (
            <PlanCards plans={plans.data} />
          ) : (
            !plans.isError && <Skeleton active />
          )
        ) : (
          <Table<PlanSummary>
            className="dd-plans-table"
            size="small"
            bordered
            rowKey="id"
            columns={columns}
            dataSource={plans.data ?? []}
            loading={plans.isPending}
            pagination={false}
            showSorterTooltip={false}
            locale={{ emptyText: plans.isPending ? " " : "Chưa có kế hoạch nào." }}
            onRow={(plan) => ({
              onClick: () => navigate(paths.plan(plan.id)),
              style: { cursor: "pointer" },
            })}
          />
        )}
      </Card>
      <DeletedPlans />
    </>
  );
}
