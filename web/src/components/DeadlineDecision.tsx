import { App, Button, Form, Input, Modal, Space } from "antd";
import { useState } from "react";
import { decideDeadlineChangeInput } from "../../../src/commands/inputs/decideDeadlineChange.ts";
import type { DeadlineChangeDecision } from "../../../src/domain/assignments.ts";
import { errorMessage, isConflict } from "../api/client.ts";
import { useDecideDeadlineChange } from "../api/tracking.ts";
import { formatDate } from "../lib/format.ts";
import { maxLengthOf, schemaRule } from "../lib/schemaRules.ts";
import { CheckOutlined, CloseOutlined } from "./icons.tsx";

/** The standing office approves or refuses a deadline change; refusing needs a comment. */
export function DeadlineDecision(props: { id: string; requestedDueOn: string; subject: string }) {
  const decide = useDecideDeadlineChange();
  const { message, modal } = App.useApp();
  const [decision, setDecision] = useState<DeadlineChangeDecision | null>(null);
  const [form] = Form.useForm<{ comment: string }>();
  const commentRule = schemaRule(
    decideDeadlineChangeInput,
    "comment",
    (values: { comment?: string }) => ({
      deadlineChangeId: props.id,
      decision: decision ?? "approve",
      comment: values.comment ?? "",
    }),
    { required: decision === "refuse" },
  );

  const close = () => {
    setDecision(null);
    form.resetFields();
  };

  const submit = async () => {
    // An invalid form shows its message next to the field; nothing is sent.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { comment } = values;
    try {
      await decide.mutateAsync({ id: props.id, decision: decision!, comment: comment?.trim() || undefined });
      message.success(
        decision === "approve"
          ? `Đã đồng ý gia hạn đến ${formatDate(props.requestedDueOn)}.`
          : "Đã không đồng ý gia hạn.",
      );
      close();
    } catch (error) {
      close();
      if (isConflict(error)) {
        modal.warning({
          title: "Đề nghị đã được xử lý",
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
          size="small"
          type="primary"
          icon={<CheckOutlined />}
          onClick={() => setDecision("approve")}
          data-testid="approve-deadline"
        >
          Đồng ý
        </Button>
        <Button
          size="small"
          danger
          icon={<CloseOutlined />}
          onClick={() => setDecision("refuse")}
          data-testid="refuse-deadline"
        >
          Không đồng ý
        </Button>
      </Space>
      <Modal
        open={decision !== null}
        title={`${decision === "approve" ? "Đồng ý" : "Không đồng ý"} gia hạn: ${props.subject}`}
        okText={decision === "approve" ? "Đồng ý gia hạn" : "Không đồng ý"}
        okButtonProps={{ danger: decision === "refuse", loading: decide.isPending }}
        cancelText="Hủy"
        onOk={submit}
        onCancel={close}
        destroyOnHidden
      >
        <p>
          Thời hạn đề nghị: <b>{formatDate(props.requestedDueOn)}</b>
        </p>
        <Form form={form} layout="vertical" requiredMark="optional">
          <Form.Item
            name="comment"
            label={decision === "refuse" ? "Lý do không đồng ý" : "Ý kiến (không bắt buộc)"}
            rules={[commentRule]}
          >
            <Input.TextArea
              rows={3}
              maxLength={maxLengthOf(decideDeadlineChangeInput.shape.comment)}
              aria-label="Ý kiến"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
