import { Card, Descriptions, type DescriptionsProps, Progress, Space, Tag, Typography } from "antd";
import { periodInSentence } from "../../../src/domain/periods.ts";
import type { Report } from "../api/trackingTypes.ts";
import { formatDateTime } from "../lib/format.ts";
import { REPORT_STATE_LABELS } from "../lib/labels.ts";
import { EvidenceList } from "./EvidenceList.tsx";
import { LockOutlined } from "./icons.tsx";
import { ReviewActions } from "./ReviewActions.tsx";

const text = (value: string) => <div className="dd-pre">{value}</div>;

/** One progress report as submitted, with its evidence, the head's and the office's decisions. */
export function ReportCard({ report, subject }: { report: Report; subject: string }) {
  const state = REPORT_STATE_LABELS[report.state] ?? { label: report.state, color: "default" };
  const items: DescriptionsProps["items"] = [];
  if (report.nothingToReport) {
    items.push({ key: "none", label: "Trong kỳ", children: <Tag>Không phát sinh</Tag> });
  }
  if (report.percent !== null) {
    items.push({
      key: "percent",
      label: "Tiến độ",
      children: <Progress percent={report.percent} size="small" style={{ maxWidth: 280, margin: 0 }} />,
    });
  }
  if (report.narrative)
    items.push({ key: "narrative", label: "Kết quả thực hiện", children: text(report.narrative) });
  if (report.difficulties) {
    items.push({ key: "difficulties", label: "Khó khăn, vướng mắc", children: text(report.difficulties) });
  }
  if (report.proposals)
    items.push({ key: "proposals", label: "Đề xuất, kiến nghị", children: text(report.proposals) });
  items.push({ key: "evidence", label: "Minh chứng", children: <EvidenceList items={report.evidence} /> });
  if (report.headApprovedBy) {
    items.push({
      key: "head",
      label: "Lãnh đạo đơn vị",
      children: `Đã duyệt: ${report.headApprovedBy.displayName}, ${formatDateTime(report.headApprovedAt)}`,
    });
  }
  if (report.headReturnedBy) {
    items.push({
      key: "headReturned",
      label: "Lãnh đạo đơn vị trả lại",
      children: (
        <>
          <div className="dd-muted">
            {report.headReturnedBy.displayName}, {formatDateTime(report.headReturnedAt)}
          </div>
          {report.headComment && text(report.headComment)}
        </>
      ),
    });
  }
  if (report.review) {
    items.push({
      key: "review",
      label: report.review.decision === "approve" ? "Ý kiến khi duyệt" : "Lý do trả lại",
      children: (
        <div className="dd-review" data-testid="review-comment">
          <div className="dd-muted">
            {report.review.reviewer.displayName}, {formatDateTime(report.review.at)}
          </div>
          {report.review.comment ? (
            text(report.review.comment)
          ) : (
            <span className="dd-muted">(không có ý kiến)</span>
          )}
        </div>
      ),
    });
  }
  if (report.reopenedBy) {
    items.push({
      key: "reopen",
      label: "Mở lại",
      children: `${report.reopenedBy.displayName}, ${formatDateTime(report.reopenedAt)}: ${report.reopenReason ?? ""}`,
    });
  }

  return (
    <Card
      size="small"
      className="dd-report"
      data-testid="report-card"
      data-state={report.state}
      style={{ marginBottom: 12 }}
      title={
        <Space wrap size={[8, 0]}>
          <span>{report.agencyName}</span>
          {report.period && <span className="dd-muted">Kỳ {periodInSentence(report.period.label)}</span>}
          <Tag color={state.color} className="dd-report-state">
            {state.label}
          </Tag>
          {report.claimsCompletion && <Tag color="green">Đề nghị công nhận hoàn thành</Tag>}
          {report.lock && (
            <Tag icon={<LockOutlined />}>{report.lock === "approved" ? "Đã khóa" : "Kỳ đã khóa sổ"}</Tag>
          )}
        </Space>
      }
      extra={
        report.submittedBy && (
          <span className="dd-muted">
            {report.submittedBy.displayName} · gửi {formatDateTime(report.submittedAt)}
          </span>
        )
      }
    >
      <Descriptions size="small" column={1} items={items} styles={{ label: { width: 190 } }} />
      {(report.can.review || report.can.headDecide) && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary" style={{ marginRight: 12 }}>
            {report.can.review
              ? "Báo cáo chờ cơ quan thường trực duyệt:"
              : "Báo cáo chờ lãnh đạo đơn vị duyệt:"}
          </Typography.Text>
          <ReviewActions
            reportId={report.id}
            version={report.version}
            mode={report.can.review ? "review" : "head"}
            subject={subject}
            claimsCompletion={report.claimsCompletion}
            size="small"
          />
        </div>
      )}
    </Card>
  );
}
