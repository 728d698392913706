import { Alert, Breadcrumb, Button, Card, Empty, Result, Skeleton } from "antd";
import { useEffect } from "react";
import { Link, useParams } from "react-router-dom";
import { ApiError, errorMessage } from "../api/client.ts";
import { useMe, usePlan, usePlans, useTasks } from "../api/queries.ts";
import { Count } from "../components/Loading.tsx";
import { PlanActions } from "../components/PlanActions.tsx";
import { PlanHeader } from "../components/PlanHeader.tsx";
import { PlanSummaryStrip } from "../components/PlanSummaryStrip.tsx";
import { PrintTaskList } from "../components/PrintTaskList.tsx";
import { TaskFilters } from "../components/TaskFilters.tsx";
import { TaskTable } from "../components/TaskTable.tsx";
import { UnmappedLeadsNotice } from "../components/UnmappedLeads.tsx";
import { useDocumentTitle } from "../components/useDocumentTitle.ts";
import { can } from "../lib/can.ts";
import { formatNumber } from "../lib/format.ts";
import { paths } from "../lib/paths.ts";
import { PAGE_SIZES, useTaskFilters } from "../lib/useTaskFilters.ts";

export function PlanPage() {
  const { planId } = useParams();
  const me = useMe().data;
  const ownAgencyOnly = me?.abilities.task?.scope === "agencies";
  const plan = usePlan(planId);
  const summary = usePlans().data?.find((p) => p.id === planId);
  const { filters, update, clear, active } = useTaskFilters();
  // The list the filters select; the table shows one page of it, "In danh sách" prints all of it.
  const listQuery = {
    planId,
    section: filters.section,
    leadAgencyId: filters.leadAgencyId,
    deadlineKind: filters.deadlineKind,
    status: filters.status === "due_soon" ? undefined : filters.status,
    dueSoon: filters.status === "due_soon" ? "true" : undefined,
    asOf: filters.asOf,
    q: filters.q.trim() || undefined,
  };
  const tasks = useTasks({
    ...listQuery,
    limit: filters.pageSize,
    offset: (filters.page - 1) * filters.pageSize,
  });
  useDocumentTitle(plan.data?.documentNumber ?? plan.data?.name ?? "Kế hoạch");

  // A shared link may point past the last page once tasks change: go to the last page there is.
  const total = tasks.data?.total;
  useEffect(() => {
    if (total === undefined || tasks.isPlaceholderData) return;
    const last = Math.max(1, Math.ceil(total / filters.pageSize));
    if (filters.page > last) update({ page: last }, { replace: true });
  }, [total, tasks.isPlaceholderData, filters.page, filters.pageSize, update]);

  if (plan.isError) {
    const missing =
      plan.error instanceof ApiError && (plan.error.status === 404 || plan.error.status === 400);
    return (
      <Result
        status={missing ? "404" : "error"}
        title={missing ? "Không tìm thấy kế hoạch" : "Không tải được kế hoạch"}
        subTitle={
          plan.error instanceof ApiError && plan.error.status === 400
            ? "Đường dẫn không đúng: mã kế hoạch không hợp lệ."
            : errorMessage(plan.error)
        }
        extra={
          <Link to={paths.plans}>
            <Button type="primary">Về danh sách kế hoạch</Button>
          </Link>
        }
      />
    );
  }
  if (!plan.data) return <Skeleton active paragraph={{ rows: 8 }} />;

  const section = plan.data.sections.find((s) => s.numeral === filters.section);
  const empty = active ? (
    <Empty description="Không có nhiệm vụ phù hợp với bộ lọc.">
      <Button onClick={clear}>Xóa bộ lọc</Button>
    </Empty>
  ) : (
    <Empty description="Kế hoạch chưa có nhiệm vụ." />
  );

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to={paths.plans}>Kế hoạch</Link> },
          { title: plan.data.documentNumber ?? plan.data.name },
        ]}
      />
      <PlanHeader
        plan={plan.data}
        taskCount={summary?.taskCount}
        actions={can.editPlans(me) ? <PlanActions plan={plan.data} /> : undefined}
      />
      <div className="dd-no-print">
        <UnmappedLeadsNotice planId={plan.data.id} />
        <PlanSummaryStrip
          planId={plan.data.id}
          asOf={filters.asOf}
          status={filters.status}
          onStatus={(status) => update({ status })}
        />
      </div>
      <Card
        title="Danh mục nhiệm vụ"
        className="dd-task-list-card"
        extra={
          tasks.data && (
            <span className="dd-card-extra">
              <span data-testid="task-total" className="dd-muted">
                {active ? "Tìm thấy " : ""}
                <Count value={tasks.data.total} updating={tasks.isPlaceholderData} /> nhiệm vụ
                {ownAgencyOnly && " đơn vị chủ trì hoặc phối hợp"}
              </span>
              {tasks.data.total > 0 && (
                <PrintTaskList query={listQuery} sections={plan.data.sections} asOf={filters.asOf} />
              )}
            </span>
          )
        }
      >
        <div className="dd-print-slot" />
        <TaskFilters plan={plan.data} filters={filters} active={active} onChange={update} onClear={clear} />
        {section && (
          <div className="dd-section-heading" style={{ marginBottom: 8 }}>
            Phần {section.numeral}. {section.title}
          </div>
        )}
        {tasks.isError && (
          <Alert type="error" showIcon title={errorMessage(tasks.error)} style={{ marginBottom: 12 }} />
        )}
        <div className="dd-screen-tasks">
          {tasks.data && tasks.data.items.length < tasks.data.total && (
            <p className="dd-print-only dd-muted">
              Bản in chỉ gồm {formatNumber(tasks.data.items.length)} trong {formatNumber(tasks.data.total)}{" "}
              nhiệm vụ của trang đang xem; để in toàn bộ danh sách, dùng nút “In danh sách”.
            </p>
          )}
          <TaskTable
            tasks={tasks.data?.items ?? []}
            sections={plan.data.sections}
            total={tasks.data?.total ?? 0}
            page={filters.page}
            pageSize={filters.pageSize}
            pageSizes={PAGE_SIZES}
            loading={tasks.isFetching}
            query={filters.q}
            asOf={filters.asOf}
            empty={tasks.isPending ? " " : empty}
            onPageChange={(page, pageSize) =>
              update(pageSize !== filters.pageSize ? { page: 1, pageSize } : { page })
            }
          />
        </div>
      </Card>
    </>
  );
}
