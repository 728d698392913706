import { Alert, Breadcrumb, Button, Card, Result, Skeleton, Space, Tag, Typography } from "antd";
import { Suspense, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { periodInSentence } from "../../../src/domain/periods.ts";
import { ApiError, errorMessage } from "../api/client.ts";
import { useMe } from "../api/queries.ts";
import { useTask, useTaskReports } from "../api/tracking.ts";
import { AssignmentList } from "../components/AssignmentList.tsx";
import { DeadlineChangeHistory } from "../components/DeadlineChangeHistory.tsx";
import { DirectiveComments } from "../components/DirectiveComments.tsx";
import { CalendarOutlined, CommentOutlined, FormOutlined } from "../components/icons.tsx";
import { LeadMapping } from "../components/LeadMapping.tsx";
import { ReportCard } from "../components/ReportCard.tsx";
import { TaskActions } from "../components/TaskActions.tsx";
import { TaskFields } from "../components/TaskFields.tsx";
import { useDocumentTitle } from "../components/useDocumentTitle.ts";
import { can } from "../lib/can.ts";
import { formatDate } from "../lib/format.ts";
import { lazyNamed, useMountedOnceOpen } from "../lib/lazyNamed.ts";
import { paths } from "../lib/paths.ts";
import { isIsoDate } from "../lib/useTaskFilters.ts";

// The forms (date pickers, uploads) load when first opened: a task page sent cold carries less.
const ReportForm = lazyNamed(() => import("../components/ReportForm.tsx"), "ReportForm");
const DeadlineChangeForm = lazyNamed(
  () => import("../components/DeadlineChangeForm.tsx"),
  "DeadlineChangeForm",
);
type Dialog = "report" | "deadline";

/**
 * One task (/nhiem-vu/:taskId): its fields as in the document, each assignment with its status,
 * and its history (reports with evidence and reviews, deadline changes, directive comments).
 * The actions shown follow what the server says the user may do on this task.
 */
export function TaskPage() {
  const { taskId } = useParams();
  const [params] = useSearchParams();
  const asOfParam = params.get("ngay");
  const asOf = isIsoDate(asOfParam) ? asOfParam : undefined;
  const me = useMe().data;
  const task = useTask(taskId, asOf);
  const reports = useTaskReports(taskId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const reportMounted = useMountedOnceOpen(dialog === "report");
  const deadlineMounted = useMountedOnceOpen(dialog === "deadline");
  useDocumentTitle(task.data ? `Nhiệm vụ ${task.data.ref}` : "Nhiệm vụ");

  if (task.isError) {
    const status = task.error instanceof ApiError ? task.error.status : 0;
    return (
      <Result
        status={status === 403 ? "403" : status === 404 || status === 400 ? "404" : "error"}
        title={
          status === 403
            ? "Không có quyền xem nhiệm vụ này"
            : status === 404 || status === 400
              ? "Không tìm thấy nhiệm vụ"
              : "Không tải được nhiệm vụ"
        }
        subTitle={errorMessage(task.error)}
        extra={
          <Link to={paths.plans}>
            <Button type="primary">Về danh sách kế hoạch</Button>
          </Link>
        }
      />
    );
  }
  if (!task.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const t = task.data;
  const subject = `Nhiệm vụ ${t.ref}`;
  const mayReport = reports.data?.assignments.filter((a) => a.canReport) ?? [];
  // One report per period waits for a decision at a time: the button says so before the form is filled.
  const reportable = mayReport.filter((a) => !a.pendingPeriodLabel);
  const waiting = mayReport.find((a) => a.pendingPeriodLabel)?.pendingPeriodLabel;
  const movable = reports.data?.assignments.filter((a) => a.canRequestDeadlineChange) ?? [];
  const canComment = can.comment(me);

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to={paths.plans}>Kế hoạch</Link> },
          { title: <Link to={paths.plan(t.planId)}>{t.documentNumber ?? t.planName}</Link> },
          { title: `Nhiệm vụ ${t.ref}` },
        ]}
      />
      <Card
        style={{ marginBottom: 16 }}
        title={
          <Space size={12} align="baseline" wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="task-heading">
              Nhiệm vụ {t.ref}
            </Typography.Title>
            <span className="dd-muted">{t.planName}</span>
          </Space>
        }
        extra={
          <Space wrap>
            {reportable.length > 0 && (
              <Button type="primary" icon={<FormOutlined />} onClick={() => setDialog("report")}>
                Báo cáo tiến độ
              </Button>
            )}
            {reportable.length === 0 && waiting && (
              <>
                <Button type="primary" icon={<FormOutlined />} disabled aria-describedby="report-waiting">
                  Báo cáo tiến độ
                </Button>
                <span id="report-waiting" className="dd-muted" data-testid="report-waiting">
                  Báo cáo kỳ {periodInSentence(waiting)} đang chờ duyệt; gửi báo cáo khác khi có kết quả.
                </span>
              </>
            )}
            {movable.length > 0 && (
              <Button icon={<CalendarOutlined />} onClick={() => setDialog("deadline")}>
                Đề nghị gia hạn
              </Button>
            )}
            {canComment && (
              <Button icon={<CommentOutlined />} href="#y-kien-chi-dao">
                Cho ý kiến chỉ đạo
              </Button>
            )}
            {can.editPlans(me) && <TaskActions task={t} reportCount={reports.data?.reports.length ?? 0} />}
          </Space>
        }
      >
        {t.removedAt && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`Nhiệm vụ không còn trong văn bản mới nhất của kế hoạch (gỡ ngày ${formatDate(t.removedAt)}).`}
          />
        )}
        {t.unmappedLeads.length > 0 && (
          <LeadMapping taskId={t.id} names={t.unmappedLeads} canMap={can.editPlans(me)} />
        )}
        <TaskFields task={t} />
      </Card>

      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title="Cơ quan được giao và trạng thái"
        extra={<span className="dd-muted">Tại ngày {formatDate(t.asOf)}</span>}
      >
        <AssignmentList assignments={t.assignments} />
      </Card>

      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={`Báo cáo tiến độ${reports.data ? ` (${reports.data.reports.length})` : ""}`}
        extra={
          reports.data?.assignments.some((a) => a.completedOn) && (
            <Space wrap>
              {reports.data.assignments
                .filter((a) => a.completedOn)
                .map((a) => (
                  <Tag key={a.assignmentId} color="green">
                    {a.agencyName}: hoàn thành ngày {formatDate(a.completedOn)}
                  </Tag>
                ))}
            </Space>
          )
        }
      >
        {reports.isError && <Alert type="error" showIcon title={errorMessage(reports.error)} />}
        {reports.isPending && <Skeleton active />}
        {reports.data && reports.data.reports.length === 0 && (
          <span className="dd-muted">Chưa có báo cáo nào.</span>
        )}
        {reports.data?.reports.map((report) => (
          <ReportCard key={report.id} report={report} subject={`${t.ref} · ${report.agencyName}`} />
        ))}
      </Card>

      <DeadlineChangeHistory task={t} assignments={t.assignments} canDecide={can.review(me)} />
      <DirectiveComments taskId={t.id} canComment={canComment} />

      <Suspense fallback={null}>
        {reportable.length > 0 && reportMounted && (
          <ReportForm
            open={dialog === "report"}
            assignments={reportable}
            subject={subject}
            onClose={() => setDialog(null)}
          />
        )}
        {movable.length > 0 && deadlineMounted && (
          <DeadlineChangeForm
            open={dialog === "deadline"}
            assignments={movable}
            subject={subject}
            onClose={() => setDialog(null)}
          />
        )}
      </Suspense>
    </>
  );
}
