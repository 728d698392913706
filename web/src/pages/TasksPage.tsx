import { Alert, Button, Card, Space, Tag, Typography } from "antd";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useAgencies } from "../api/agencies.ts";
import { errorMessage } from "../api/client.ts";
import { useMe, usePlans, useTasks } from "../api/queries.ts";
import type { TaskQuery } from "../api/types.ts";
import { Count, emptyText } from "../components/Loading.tsx";
import { SearchBox } from "../components/SearchBox.tsx";
import { TaskTable } from "../components/TaskTable.tsx";
import { useDocumentTitle } from "../components/useDocumentTitle.ts";
import { can } from "../lib/can.ts";
import { formatDate } from "../lib/format.ts";
import { statusLabel } from "../lib/labels.ts";
import { paths } from "../lib/paths.ts";
import { TASK_LIST_PARAMS, type TaskListKey, taskQueryOf } from "../lib/taskListLink.ts";
import { PAGE_SIZES } from "../lib/useTaskFilters.ts";

const DEFAULT_PAGE_SIZE = 50;
const COMPLETED_LABELS: Record<string, string> = {
  any: "Đã hoàn thành",
  onTime: "Hoàn thành đúng hạn",
  late: "Hoàn thành quá hạn",
};

/**
 * Every task of the province the account may see, filtered by the URL: the list behind each
 * figure of the dashboard (lib/taskListLink.ts), with the same count the figure shows.
 */
export function TasksPage() {
  useDocumentTitle("Danh sách nhiệm vụ");
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => taskQueryOf(params), [params]);
  const page = Math.max(1, Number(params.get("trang")) || 1);
  const sizeParam = Number(params.get("sodong"));
  const pageSize = (PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : DEFAULT_PAGE_SIZE;
  const query = {
    ...filters,
    sort: filters.overdueMinDays || filters.status === "overdue" ? "overdue" : "position",
    limit: pageSize,
    offset: (page - 1) * pageSize,
  } as TaskQuery;
  const tasks = useTasks(query);
  const plans = usePlans();
  const agencies = useAgencies(can.listAgencies(me));

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [name, value] of Object.entries(patch)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    if (!("trang" in patch)) next.delete("trang");
    setParams(next);
  };

  const agencyName = (id: string) =>
    agencies.data?.find((a) => a.id === id)?.name ??
    (id === me?.agencyId ? me?.agencyName : null) ??
    "cơ quan đã chọn";
  const described: { key: TaskListKey; text: string }[] = [];
  const f = filters;
  if (f.planId)
    described.push({
      key: "planId",
      text: plans.data?.find((p) => p.id === f.planId)?.name ?? "Kế hoạch đã chọn",
    });
  if (f.sectionId) described.push({ key: "sectionId", text: "Một phần của kế hoạch" });
  if (f.leadAgencyId)
    described.push({
      key: "leadAgencyId",
      text: `Chủ trì: ${agencyName(f.leadAgencyId)}${f.agencyTree === "true" ? " và đơn vị trực thuộc" : ""}`,
    });
  if (f.agencyId) described.push({ key: "agencyId", text: `Đơn vị: ${agencyName(f.agencyId)}` });
  if (f.status) described.push({ key: "status", text: statusLabel(f.status) });
  if (f.completed) described.push({ key: "completed", text: COMPLETED_LABELS[f.completed] ?? f.completed });
  if (f.overdueMinDays || f.overdueMaxDays)
    described.push({
      key: "overdueMinDays",
      text: f.overdueMaxDays
        ? `Quá hạn ${f.overdueMinDays ?? 1}–${f.overdueMaxDays} ngày`
        : `Quá hạn từ ${f.overdueMinDays} ngày`,
    });
  if (f.dueWithinDays)
    described.push({ key: "dueWithinDays", text: `Đến hạn trong ${f.dueWithinDays} ngày tới` });

  return (
    <Card
      title="Danh sách nhiệm vụ"
      className="dd-task-list-card"
      extra={
        <span data-testid="task-total" className="dd-muted">
          <Count value={tasks.data?.total} updating={tasks.isPlaceholderData} /> nhiệm vụ
        </span>
      }
    >
      <Space wrap size={[6, 6]} style={{ marginBottom: 12 }} aria-label="Bộ lọc đang áp dụng">
        {described.map((d) => (
          <Tag
            key={d.key}
            closable
            onClose={() =>
              set(
                d.key === "overdueMinDays"
                  ? {
                      [TASK_LIST_PARAMS.overdueMinDays]: undefined,
                      [TASK_LIST_PARAMS.overdueMaxDays]: undefined,
                    }
                  : { [TASK_LIST_PARAMS[d.key]]: undefined },
              )
            }
          >
            {d.text}
          </Tag>
        ))}
        {f.asOf && (
          <Typography.Text type="secondary">Trạng thái tại ngày {formatDate(f.asOf)}</Typography.Text>
        )}
        {described.length > 0 && (
          <Button
            size="small"
            type="link"
            onClick={() => setParams(new URLSearchParams(f.asOf ? { ngay: f.asOf } : {}))}
          >
            Bỏ lọc
          </Button>
        )}
        {can.listAgencies(me) && <Link to={paths.dashboard}>Về trang tổng quan</Link>}
      </Space>
      <div className="dd-filters">
        <SearchBox
          value={f.q ?? ""}
          onSearch={(q) => set({ q })}
          placeholder="Tìm theo tên nhiệm vụ, cơ quan, số thứ tự…"
          style={{ width: 320, maxWidth: "100%" }}
        />
      </div>
      {tasks.isError && (
        <Alert type="error" showIcon title={errorMessage(tasks.error)} style={{ marginBottom: 12 }} />
      )}
      <TaskTable
        tasks={tasks.data?.items ?? []}
        sections={[]}
        total={tasks.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        pageSizes={PAGE_SIZES}
        loading={tasks.isFetching}
        query={f.q}
        asOf={f.asOf}
        empty={emptyText(tasks.isPending, "Không có nhiệm vụ nào khớp bộ lọc.")}
        onPageChange={(next, size) =>
          set(size !== pageSize ? { trang: undefined, sodong: String(size) } : { trang: String(next) })
        }
      />
    </Card>
  );
}
