import { App, Button, Form, Input, Modal, Space } from "antd";
import { useState } from "react";
import { approveReportAsHeadInput } from "../../../src/commands/inputs/approveReportAsHead.ts";
import { reviewReportInput } from "../../../src/commands/inputs/reviewReport.ts";
import type { ReviewDecision } from "../../../src/domain/reports.ts";
import { errorMessage, isConflict } from "../api/client.ts";
import { useHeadDecision, useReviewReport } from "../api/tracking.ts";
import { maxLengthOf, schemaRule } from "../lib/schemaRules.ts";
import { CheckOutlined, RollbackOutlined } from "./icons.tsx";

/**
 * Approve or return a report: by the standing office (review) or by the agency's head (head).
 * Returning needs a comment; approving may carry one. A 409 means someone decided first: the
 * user is told so, and the lists refresh (the mutation invalidates them either way).
 */
export function ReviewActions(props: {
  reportId: string;
  version: number;
  mode: "review" | "head";
  /** What the report is, for the dialog title ("V.12 · Công an tỉnh"). */
  subject: string;
  claimsCompletion?: boolean;
  size?: "small" | "middle";
  onDone?(decision: ReviewDecision): void;
}) {
  const review = useReviewReport();
  const head = useHeadDecision();
  const mutation = props.mode === "review" ? review : head;
  const { message, modal } = App.useApp();
  const [decision, setDecision] = useState<ReviewDecision | null>(null);
  const [form] = Form.useForm<{ comment: string }>();
  // The standing office and the agency head decide by the same rule: returning needs a reason.
  const schema = props.mode === "review" ? reviewReportInput : approveReportAsHeadInput;
  const commentRule = schemaRule(
    schema,
    "comment",
    (values: { comment?: string }) => ({
      reportId: props.reportId,
      decision: decision ?? "approve",
      comment: values.comment ?? "",
      version: props.version,
    }),
    { required: decision === "return" },
  );

  const approveLabel =
    props.mode === "head"
      ? "Duyệt, chuyển cơ quan thường trực"
      : props.claimsCompletion
        ? "Duyệt, công nhận hoàn thành"
        : "Duyệt";

  const submit = async () => {
    // An invalid form shows its message next to the field; nothing is sent.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { comment } = values;
    try {
      await mutation.mutateAsync({
        reportId: props.reportId,
        decision: decision!,
        comment: comment?.trim() || undefined,
        version: props.version,
      });
      message.success(decision === "approve" ? "Đã duyệt báo cáo." : "Đã trả lại báo cáo.");
      const done = decision!;
      setDecision(null);
      form.resetFields();
      props.onDone?.(done);
    } catch (error) {
      setDecision(null);
      form.resetFields();
      if (isConflict(error)) {
        modal.warning({
          title: "Báo cáo đã được người khác xử lý",
          content: `${errorMessage(error)} Danh sách đã được cập nhật.`,
          okText: "Đã hiểu",
        });
      } else {
        message.error(errorMessage(error));
      }
    }
  };

  return (
    <>
      <Space wrap>
        <Button
          type="primary"
          size={props.size}
          icon={<CheckOutlined />}
          onClick={() => setDecision("approve")}
          data-testid="approve-report"
        >
          {approveLabel}
        </Button>
        <Button
          danger
          size={props.size}
          icon={<RollbackOutlined />}
          onClick={() => setDecision("return")}
          data-testid="return-report"
        >
          Trả lại
        </Button>
      </Space>
      <Modal
        open={decision !== null}
        title={`${decision === "approve" ? "Duyệt" : "Trả lại"} báo cáo: ${props.subject}`}
        okText={decision === "approve" ? approveLabel : "Trả lại báo cáo"}
        okButtonProps={{ danger: decision === "return", loading: mutation.isPending }}
        cancelText="Hủy"
        onOk={submit}
        onCancel={() => {
          setDecision(null);
          form.resetFields();
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" requiredMark="optional">
          <Form.Item
            name="comment"
            label={decision === "return" ? "Lý do trả lại, yêu cầu bổ sung" : "Ý kiến (không bắt buộc)"}
            rules={[commentRule]}
          >
            <Input.TextArea
              rows={4}
              maxLength={maxLengthOf(schema.shape.comment)}
              aria-label="Ý kiến"
              autoFocus
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
