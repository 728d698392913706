import {
  Alert,
  Card,
  Empty,
  Grid,
  List,
  Segmented,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router-dom";
import type { AssignmentRole } from "../../../src/domain/assignments.ts";
import { type AssignmentStatus, assignmentStatuses } from "../../../src/domain/status.ts";
import { errorMessage } from "../api/client.ts";
import { useMe, usePlans, useTasks } from "../api/queries.ts";
import type { TaskRow } from "../api/types.ts";
import { DeadlineCell } from "../components/DeadlineCell.tsx";
import { Count, isUpdating } from "../components/Loading.tsx";
import { LeadProgress, StatusTag } from "../components/StatusTag.tsx";
import { TaskCard } from "../components/TaskCard.tsx";
import { useDocumentTitle } from "../components/useDocumentTitle.ts";
import { formatNumber } from "../lib/format.ts";
import { ROLE_IN_TASK_LABELS, STATUS_HEX, STATUS_LABELS } from "../lib/labels.ts";
import { paths } from "../lib/paths.ts";

type Mine = TaskRow & { role: AssignmentRole };

const MAX = 500;

/** Most urgent first: overdue (longest first), due soon, then by due date; recurring and undated last. */
function urgency(task: TaskRow): [number, number] {
  if (task.status === "overdue") return [0, -(task.daysOverdue ?? 0)];
  const due = task.dueOn ? Date.parse(task.dueOn) / 86_400_000 : Number.MAX_SAFE_INTEGER;
  if (task.dueSoon) return [1, due];
  if (task.status === "in_progress" || task.status === "not_started") return [2, due];
  if (task.status === "recurring" || task.status === "no_deadline") return [3, due];
  return [4, -due];
}
const byUrgency = (a: TaskRow, b: TaskRow) => {
  const [x, y] = [urgency(a), urgency(b)];
  return x[0] - y[0] || x[1] - y[1] || a.ref.localeCompare(b.ref, "vi", { numeric: true });
};

/**
 * "Nhiệm vụ của tôi": the tasks the user's agency leads or supports, across plans, overdue and
 * due-soon first; filtered by role and status (kept in the URL: ?vaitro=lead&trangthai=overdue).
 */
export function MyTasksPage() {
  useDocumentTitle("Nhiệm vụ của tôi");
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const plans = usePlans();
  const phone = Grid.useBreakpoint().md === false;
  const all = useTasks({ agencyId: me?.agencyId ?? undefined, limit: MAX, offset: 0 });
  const role = params.get("vaitro") as AssignmentRole | null;
  const statusParam = params.get("trangthai");
  const status = (assignmentStatuses as readonly string[]).includes(statusParam ?? "")
    ? (statusParam as AssignmentStatus)
    : statusParam === "due_soon"
      ? "due_soon"
      : null;

  // Read from the address bar at the time of the click: two quick changes must not undo each other.
  const set = (name: string, value: string | null) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };

  // The agency's own part decides: as lead, its own status and due date; as a supporting
  // agency, the task's overall status (supporting agencies have no deadline of their own).
  const mine = useMemo<Mine[]>(
    () =>
      (all.data?.items ?? [])
        .map((t) => {
          const own = t.ownAssignment;
          const role: AssignmentRole = own?.role ?? "coordinator";
          return own?.role === "lead"
            ? {
                ...t,
                role,
                status: own.status,
                dueSoon: own.dueSoon,
                daysOverdue: own.daysOverdue,
                unreported: own.unreported,
              }
            : { ...t, role };
        })
        .sort(byUrgency),
    [all.data],
  );
  const inRole = mine.filter((t) => !role || t.role === role);
  const shown = inRole.filter((t) => !status || (status === "due_soon" ? t.dueSoon : t.status === status));
  const counts = new Map<string, number>();
  for (const t of inRole) {
    counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
    if (t.dueSoon) counts.set("due_soon", (counts.get("due_soon") ?? 0) + 1);
  }
  // Counts wait for the list they count: a spinner, never "Tất cả (0)", before it arrives.
  const roleCount = (which?: AssignmentRole) => (
    <Count
      value={all.data ? mine.filter((t) => !which || t.role === which).length : undefined}
      updating={isUpdating(all)}
    />
  );
  const planName = new Map((plans.data ?? []).map((p) => [p.id, p.documentNumber ?? p.name]));

  const columns: TableColumnsType<Mine> = [
    {
      title: "Nhiệm vụ",
      key: "task",
      render: (_, t) => (
        <>
          <div className="dd-muted">
            {planName.get(t.planId) ?? ""} · Nhiệm vụ <span className="dd-ref">{t.ref}</span>
          </div>
          <Link to={paths.task(t.id)} className="dd-task-link dd-pre">
            {t.title}
          </Link>
        </>
      ),
    },
    {
      title: "Vai trò",
      key: "role",
      width: 100,
      render: (_, t) => (
        <Tag color={t.role === "lead" ? "volcano" : "default"}>{ROLE_IN_TASK_LABELS[t.role]}</Tag>
      ),
    },
    { title: "Thời hạn", key: "deadline", width: 150, render: (_, t) => <DeadlineCell task={t} /> },
    {
      title: "Trạng thái",
      key: "status",
      width: 210,
      render: (_, t) => (
        <>
          <StatusTag
            status={t.status}
            daysOverdue={t.daysOverdue}
            dueSoon={t.dueSoon}
            unreported={t.unreported}
          />
          <LeadProgress counts={t.leadStatusCounts} />
        </>
      ),
    },
  ];

  const error = all.error;
  const empty = <Empty description="Không có nhiệm vụ phù hợp." image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const statusChips: { key: string; label: string; hex: string }[] = [
    ...assignmentStatuses.map((s) => ({ key: s, label: STATUS_LABELS[s], hex: STATUS_HEX[s] })),
    { key: "due_soon", label: "Sắp đến hạn", hex: "#d4b106" },
  ];

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          Nhiệm vụ của tôi
          {me?.agencyName && (
            <span className="dd-muted" style={{ fontWeight: 400, marginLeft: 12 }}>
              {me.agencyName}
            </span>
          )}
        </Typography.Title>
      }
      extra={all.data && <span className="dd-muted">{formatNumber(shown.length)} nhiệm vụ</span>}
    >
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      {all.data && all.data.total > MAX && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Đơn vị có ${formatNumber(all.data.total)} nhiệm vụ; đang hiển thị ${formatNumber(MAX)} nhiệm vụ đầu tiên.`}
        />
      )}
      <div className="dd-stack" style={{ marginBottom: 12 }}>
        <Segmented
          aria-label="Vai trò của đơn vị"
          value={role ?? "all"}
          onChange={(value) => set("vaitro", value === "all" ? null : String(value))}
          options={[
            { value: "all", label: <>Tất cả ({roleCount()})</> },
            { value: "lead", label: <>Chủ trì ({roleCount("lead")})</> },
            { value: "coordinator", label: <>Phối hợp ({roleCount("coordinator")})</> },
          ]}
        />
        <div className="dd-status-chips" role="toolbar" aria-label="Lọc theo trạng thái">
          {statusChips
            .filter((chip) => counts.get(chip.key) || status === chip.key)
            .map((chip) => (
              <Tag.CheckableTag
                key={chip.key}
                checked={status === chip.key}
                onChange={(checked) => set("trangthai", checked ? chip.key : null)}
                className="dd-chip"
                data-status={chip.key}
              >
                <span className="dd-dot" style={{ background: chip.hex }} />
                {chip.label}: {formatNumber(counts.get(chip.key) ?? 0)}
              </Tag.CheckableTag>
            ))}
        </div>
      </div>
      {phone ? (
        <List<Mine>
          dataSource={shown}
          loading={all.isFetching}
          rowKey="id"
          split={false}
          pagination={shown.length > 50 ? { pageSize: 50, simple: true, align: "center" } : false}
          locale={{ emptyText: all.isPending ? " " : empty }}
          renderItem={(t) => (
            <List.Item style={{ padding: "4px 0", display: "block" }}>
              <TaskCard
                task={t}
                to={paths.task(t.id)}
                context={planName.get(t.planId)}
                extra={
                  <Tag color={t.role === "lead" ? "volcano" : "default"} style={{ marginTop: 4 }}>
                    {ROLE_IN_TASK_LABELS[t.role]}
                  </Tag>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Table<Mine>
          className="dd-task-table dd-my-tasks"
          size="small"
          bordered
          rowKey="id"
          columns={columns}
          dataSource={shown}
          loading={all.isFetching}
          rowClassName={() => "dd-task-row"}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{
            emptyText: all.isPending ? " " : empty,
          }}
        />
      )}
    </Card>
  );
}
