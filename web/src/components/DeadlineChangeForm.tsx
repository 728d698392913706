import { Alert, App, DatePicker, Form, Input, Modal, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import {
  type RequestDeadlineChangeInput,
  requestDeadlineChangeInput,
} from "../../../src/commands/inputs/requestDeadlineChange.ts";
import { today as todayInVietnam } from "../../../src/domain/dates.ts";
import { errorMessage } from "../api/client.ts";
import { useRequestDeadlineChange } from "../api/tracking.ts";
import type { ReportAssignment } from "../api/trackingTypes.ts";
import { formatDate } from "../lib/format.ts";
import { maxLengthOf, schemaRule } from "../lib/schemaRules.ts";

interface Values {
  assignmentId: string;
  requestedDueOn: Dayjs;
  reason: string;
}

const toInput = (values: Partial<Values>): RequestDeadlineChangeInput => ({
  assignmentId: values.assignmentId ?? "",
  requestedDueOn: values.requestedDueOn?.format("YYYY-MM-DD") ?? "",
  reason: values.reason?.trim() ?? "",
});
const rule = (field: keyof RequestDeadlineChangeInput) =>
  schemaRule(requestDeadlineChangeInput, field, toInput);

/** "Đề nghị gia hạn": the lead agency asks for a new due date, with its reason. */
export function DeadlineChangeForm(props: {
  open: boolean;
  assignments: ReportAssignment[];
  subject: string;
  onClose(): void;
}) {
  const [form] = Form.useForm<Values>();
  const request = useRequestDeadlineChange();
  const { message } = App.useApp();
  const today = dayjs(todayInVietnam());

  const close = () => {
    form.resetFields();
    request.reset();
    props.onClose();
  };

  const onFinish = async (values: Values) => {
    try {
      await request.mutateAsync(toInput(values));
      message.success("Đã gửi đề nghị gia hạn đến cơ quan thường trực.");
      close();
    } catch {
      // Shown below the form.
    }
  };

  return (
    <Modal
      open={props.open}
      title={`Đề nghị gia hạn: ${props.subject}`}
      okText="Gửi đề nghị"
      cancelText="Hủy"
      okButtonProps={{ loading: request.isPending, htmlType: "submit", form: "deadline-form" }}
      onCancel={close}
      destroyOnHidden
    >
      <Form<Values>
        id="deadline-form"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ assignmentId: props.assignments[0]?.assignmentId }}
      >
        <Form.Item name="assignmentId" label="Cơ quan chủ trì" hidden={props.assignments.length <= 1}>
          <Select
            options={props.assignments.map((a) => ({
              value: a.assignmentId,
              label: `${a.agencyName}${a.dueOn ? ` (hạn hiện tại ${formatDate(a.dueOn)})` : ""}`,
            }))}
          />
        </Form.Item>
        {props.assignments.length === 1 && (
          <p>
            Thời hạn hiện tại:{" "}
            <b>{props.assignments[0]!.dueOn ? formatDate(props.assignments[0]!.dueOn) : "chưa xác định"}</b>
          </p>
        )}
        <Form.Item name="requestedDueOn" label="Thời hạn đề nghị" rules={[rule("requestedDueOn")]}>
          <DatePicker
            format="DD/MM/YYYY"
            placeholder="dd/mm/yyyy"
            disabledDate={(date) => date.isBefore(today, "day")}
            aria-label="Thời hạn đề nghị"
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="reason" label="Lý do" rules={[rule("reason")]}>
          <Input.TextArea
            rows={4}
            maxLength={maxLengthOf(requestDeadlineChangeInput.shape.reason)}
            aria-label="Lý do"
          />
        </Form.Item>
        {request.isError && <Alert type="error" showIcon title={errorMessage(request.error)} />}
      </Form>
    </Modal>
  );
}
