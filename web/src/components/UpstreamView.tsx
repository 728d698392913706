import { Alert, List, Spin, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { type DashboardQuery, useUpstreamView } from "../api/dashboard.ts";
import { formatDate } from "../lib/format.ts";
import { ROLE_IN_TASK_LABELS } from "../lib/labels.ts";
import { paths } from "../lib/paths.ts";
import { StatusTag } from "./StatusTag.tsx";

/**
 * Each upstream (central) task followed down to the provincial tasks restating it and the
 * agencies assigned, with statuses; a due date that differs from another plan's is marked.
 * Loaded when opened.
 */
export function UpstreamView({ query }: { query: DashboardQuery }) {
  const view = useUpstreamView(query, true);
  if (view.isError) return <Alert type="error" showIcon title={errorMessage(view.error)} />;
  if (!view.data) return <Spin description="Đang tải…" />;
  if (view.data.items.length === 0)
    return (
      <Typography.Text type="secondary">
        Chưa có nhiệm vụ nào của tỉnh được liên kết với một nhiệm vụ cấp trên có trong hệ thống.
      </Typography.Text>
    );
  return (
    <List
      itemLayout="vertical"
      dataSource={view.data.items}
      renderItem={(up) => (
        <List.Item key={up.id}>
          <div className="dd-muted">
            {up.documentNumber ?? up.planName} · Nhiệm vụ <span className="dd-ref">{up.ref}</span>
            {up.dueOn && ` · hạn ${formatDate(up.dueOn)}`}
            {up.conflicts > 0 && (
              <Tag color="red" style={{ marginInlineStart: 8 }}>
                Thời hạn mâu thuẫn
              </Tag>
            )}
          </div>
          <Link to={paths.task(up.id)} className="dd-task-link dd-pre">
            {up.title}
          </Link>
          <ul className="dd-upstream-list">
            {up.restatedBy.map((task) => (
              <li
                key={task.id}
                className={
                  task.deadlineConflict ? "dd-upstream-item dd-upstream-conflict" : "dd-upstream-item"
                }
              >
                <div>
                  <span className="dd-muted">{task.planName} · </span>
                  <Link to={paths.task(task.id)}>
                    {task.ref}. {task.title}
                  </Link>{" "}
                  <StatusTag status={task.status} />
                  <span className={task.deadlineConflict ? "dd-conflict-date" : "dd-muted"}>
                    {task.dueOn ? `hạn ${formatDate(task.dueOn)}` : task.deadlineText}
                    {task.deadlineConflict && " — khác thời hạn ở kế hoạch khác"}
                  </span>
                </div>
                <div className="dd-upstream-agencies">
                  {task.agencies.map((a) => (
                    <span key={`${a.agencyId}-${a.role}`} className="dd-upstream-agency">
                      {a.name} <span className="dd-muted">({ROLE_IN_TASK_LABELS[a.role]})</span>{" "}
                      <StatusTag status={a.status} />
                    </span>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </List.Item>
      )}
    />
  );
}
