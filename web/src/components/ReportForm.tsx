import {
  Alert,
  App,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Upload,
  type UploadFile,
} from "antd";
import { useState } from "react";
import { type SubmitReportInput, submitReportInput } from "../../../src/commands/inputs/submitReport.ts";
import { periodInSentence } from "../../../src/domain/periods.ts";
import { errorMessage } from "../api/client.ts";
import { useSubmitReport } from "../api/tracking.ts";
import type { ReportAssignment } from "../api/trackingTypes.ts";
import { ROLE_IN_TASK_LABELS } from "../lib/labels.ts";
import { maxLengthOf, schemaRule } from "../lib/schemaRules.ts";
import { CameraOutlined, UploadOutlined } from "./icons.tsx";

interface Values {
  assignmentId: string;
  percent?: number | null;
  narrative?: string;
  difficulties?: string;
  proposals?: string;
  nothingToReport?: boolean;
  claimsCompletion?: boolean;
  links?: string[];
  documentNumbers?: string[];
}

const ACCEPT = ".pdf,.docx,.xlsx,.doc,.xls,.jpg,.jpeg,.png,.txt,.csv";
/** What the form sends besides its files: the fields of submitReport, blanks left out. */
const toInput = (values: Partial<Values>): SubmitReportInput => ({
  assignmentId: values.assignmentId ?? "",
  percent: values.percent ?? undefined,
  narrative: values.narrative?.trim() ?? "",
  difficulties: values.difficulties?.trim() ?? "",
  proposals: values.proposals?.trim() ?? "",
  nothingToReport: !!values.nothingToReport,
  claimsCompletion: !!values.claimsCompletion,
  links: (values.links ?? []).map((l) => l.trim()).filter(Boolean),
  documentNumbers: (values.documentNumbers ?? []).map((n) => n.trim()).filter(Boolean),
});

const rule = (field: keyof SubmitReportInput, required?: boolean) =>
  schemaRule(submitReportInput, field, toInput, { required });
const fields = submitReportInput.shape;

/**
 * "Báo cáo tiến độ": the agency reports progress for the current period, with evidence (files,
 * links, document numbers), possibly "không phát sinh", possibly claiming completion.
 * Files are sent with the report in one multipart request: the report is saved whole or not at all.
 */
export function ReportForm(props: {
  open: boolean;
  assignments: ReportAssignment[];
  subject: string;
  onClose(): void;
}) {
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const submit = useSubmitReport();
  const { message } = App.useApp();
  const nothing = Form.useWatch("nothingToReport", form);

  const close = () => {
    form.resetFields();
    setFiles([]);
    submit.reset();
    props.onClose();
  };

  const onFinish = async (values: Values) => {
    try {
      const { assignmentId, ...input } = toInput(values);
      const result = await submit.mutateAsync({
        assignmentId,
        input: { ...input, files: files.map((f) => f.originFileObj as File).filter(Boolean) },
      });
      message.success(
        result.state === "awaiting_head"
          ? `Đã gửi báo cáo kỳ ${periodInSentence(result.periodLabel)}; báo cáo chờ lãnh đạo đơn vị duyệt.`
          : `Đã gửi báo cáo kỳ ${periodInSentence(result.periodLabel)} đến cơ quan thường trực.`,
      );
      close();
    } catch {
      // The error is shown in the form (submit.error).
    }
  };

  return (
    <Modal
      open={props.open}
      title={`Báo cáo tiến độ: ${props.subject}`}
      width={720}
      okText="Gửi báo cáo"
      cancelText="Hủy"
      okButtonProps={{ loading: submit.isPending, htmlType: "submit", form: "report-form" }}
      onCancel={close}
      className="dd-thumb-modal"
      destroyOnHidden
      maskClosable={false}
    >
      <Form<Values>
        id="report-form"
        className="dd-thumb"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ assignmentId: props.assignments[0]?.assignmentId, links: [], documentNumbers: [] }}
      >
        {props.assignments.length > 1 && (
          <Form.Item name="assignmentId" label="Báo cáo với vai trò" rules={[rule("assignmentId")]}>
            <Select
              options={props.assignments.map((a) => ({
                value: a.assignmentId,
                label: `${a.agencyName} (${ROLE_IN_TASK_LABELS[a.role].toLowerCase()})`,
              }))}
            />
          </Form.Item>
        )}
        {props.assignments.length <= 1 && (
          <Form.Item name="assignmentId" hidden>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="nothingToReport" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>Không phát sinh (trong kỳ không có nội dung cần báo cáo)</Checkbox>
        </Form.Item>
        <Form.Item
          name="percent"
          label="Tỷ lệ hoàn thành (%)"
          dependencies={["claimsCompletion"]}
          rules={[rule("percent")]}
        >
          <InputNumber min={0} max={100} precision={0} style={{ width: 140 }} aria-label="Tỷ lệ hoàn thành" />
        </Form.Item>
        <Form.Item
          name="narrative"
          label="Kết quả thực hiện"
          dependencies={["nothingToReport"]}
          rules={[rule("narrative", !nothing)]}
        >
          <Input.TextArea rows={4} maxLength={maxLengthOf(fields.narrative)} aria-label="Kết quả thực hiện" />
        </Form.Item>
        <Form.Item name="difficulties" label="Khó khăn, vướng mắc" rules={[rule("difficulties")]}>
          <Input.TextArea
            rows={2}
            maxLength={maxLengthOf(fields.difficulties)}
            aria-label="Khó khăn, vướng mắc"
          />
        </Form.Item>
        <Form.Item name="proposals" label="Đề xuất, kiến nghị" rules={[rule("proposals")]}>
          <Input.TextArea
            rows={2}
            maxLength={maxLengthOf(fields.proposals)}
            aria-label="Đề xuất, kiến nghị"
          />
        </Form.Item>
        <Form.Item
          label="Tệp minh chứng"
          extra="PDF, Word, Excel, ảnh, văn bản; chọn được nhiều tệp. Trên điện thoại, chụp ảnh văn bản giấy làm minh chứng."
        >
          <div className="dd-upload-buttons">
            {/* Phones open the camera for a photo of a paper document; both buttons fill one list. */}
            <Upload
              accept="image/*"
              capture="environment"
              fileList={files}
              showUploadList={false}
              beforeUpload={() => false}
              onChange={({ fileList }) => setFiles(fileList)}
            >
              <Button icon={<CameraOutlined />}>Chụp ảnh minh chứng</Button>
            </Upload>
            <Upload
              multiple
              accept={ACCEPT}
              fileList={files}
              beforeUpload={() => false}
              onChange={({ fileList }) => setFiles(fileList)}
            >
              <Button icon={<UploadOutlined />}>Chọn tệp minh chứng</Button>
            </Upload>
          </div>
        </Form.Item>
        <Form.Item
          name="links"
          label="Đường dẫn minh chứng"
          extra="Dán đường dẫn (http, https) rồi nhấn Enter."
          rules={[rule("links")]}
        >
          <Select mode="tags" open={false} tokenSeparators={[" ", "\n"]} aria-label="Đường dẫn minh chứng" />
        </Form.Item>
        <Form.Item
          name="documentNumbers"
          label="Số hiệu văn bản minh chứng"
          extra="Ví dụ 125/CAT-PV01; nhấn Enter sau mỗi số."
          rules={[rule("documentNumbers")]}
        >
          <Select mode="tags" open={false} tokenSeparators={["\n"]} aria-label="Số hiệu văn bản" />
        </Form.Item>
        <Form.Item
          name="claimsCompletion"
          valuePropName="checked"
          dependencies={["nothingToReport"]}
          rules={[rule("claimsCompletion")]}
        >
          <Checkbox>Đề nghị công nhận hoàn thành nhiệm vụ</Checkbox>
        </Form.Item>
        {submit.isError && <Alert type="error" showIcon title={errorMessage(submit.error)} />}
      </Form>
    </Modal>
  );
}
