import { Card, Col, Collapse, Descriptions, Row, Typography } from "antd";
import type { ReactNode } from "react";
import type { PlanDetail } from "../api/types.ts";
import { formatDate, formatNumber } from "../lib/format.ts";
import { frequencyLabel } from "../lib/labels.ts";

/** The document's header, laid out as on paper: issuer and number left, date right, title centred. */
export function PlanHeader({
  plan,
  taskCount,
  actions,
}: {
  plan: PlanDetail;
  taskCount?: number;
  /** Buttons of those who may edit the plan, above the header. */
  actions?: ReactNode;
}) {
  const cutoff =
    plan.reportingFrequency === "quarter"
      ? `Ngày ${plan.cutoffDay} tháng đầu quý sau`
      : `Ngày ${plan.cutoffDay} tháng sau`;
  return (
    <Card className="dd-plan-header" style={{ marginBottom: 16 }}>
      {actions && (
        <div
          className="dd-plan-actions"
          style={{ display: "flex", justifyContent: "flex-end", gap: 8, flexWrap: "wrap", marginBottom: 8 }}
        >
          {actions}
        </div>
      )}
      <Row gutter={24} align="top">
        <Col xs={24} md={10} style={{ textAlign: "center" }}>
          <div style={{ fontWeight: 700, textTransform: "uppercase" }}>{plan.issuer}</div>
          {plan.documentNumber && <div>Số: {plan.documentNumber}</div>}
        </Col>
        <Col xs={24} md={14} style={{ textAlign: "center" }}>
          {plan.issuedOn && (
            <div style={{ fontStyle: "italic" }}>Ngày ban hành: {formatDate(plan.issuedOn)}</div>
          )}
        </Col>
      </Row>
      <div className="dd-doc-header" style={{ marginTop: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, textTransform: "uppercase" }}>
          {plan.documentType ?? plan.name}
        </Typography.Title>
        {plan.title && <div className="dd-doc-title">{plan.title}</div>}
      </div>
      <Descriptions
        size="small"
        style={{ marginTop: 16 }}
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: "year", label: "Năm", children: plan.year ?? "—" },
          { key: "frequency", label: "Kỳ báo cáo", children: frequencyLabel(plan.reportingFrequency) },
          { key: "cutoff", label: "Chốt số liệu", children: cutoff },
          {
            key: "tasks",
            label: "Nhiệm vụ",
            children:
              taskCount === undefined
                ? `${formatNumber(plan.leadAgencies.length)} cơ quan chủ trì`
                : `${formatNumber(taskCount)} nhiệm vụ, ${formatNumber(plan.leadAgencies.length)} cơ quan chủ trì`,
          },
        ]}
      />
      {plan.organisationText && (
        <Collapse
          ghost
          size="small"
          items={[
            {
              key: "organisation",
              label: "Tổ chức thực hiện (theo văn bản)",
              children: <div className="dd-organisation-text">{plan.organisationText}</div>,
            },
          ]}
        />
      )}
    </Card>
  );
}
