import { Alert, App, Form, Input, Modal, Select, Switch } from "antd";
import { useEffect } from "react";
import { agencyLevels } from "../../../src/domain/agencyLevels.ts";
import { type Agency, type AgencyInput, useSaveAgency } from "../api/agencies.ts";
import { errorMessage } from "../api/client.ts";
import { compareVietnamese, matchesFolded } from "../lib/format.ts";
import { AGENCY_LEVEL_LABELS } from "../lib/labels.ts";

interface Values {
  name: string;
  shortName?: string;
  code?: string;
  level: AgencyInput["level"];
  parentId?: string | null;
  active: boolean;
}

/** Add an agency (agency undefined) or edit one. */
export function AgencyForm(props: { open: boolean; agency?: Agency; agencies: Agency[]; onClose(): void }) {
  const [form] = Form.useForm<Values>();
  const save = useSaveAgency();
  const { message } = App.useApp();
  const { agency, open } = props;

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      agency
        ? {
            name: agency.name,
            shortName: agency.shortName ?? undefined,
            code: agency.code ?? undefined,
            level: agency.level,
            parentId: agency.parentId,
            active: agency.active,
          }
        : { name: "", level: "department", parentId: null, active: true },
    );
  }, [open, agency, form]);

  const close = () => {
    form.resetFields();
    save.reset();
    props.onClose();
  };

  const onFinish = async (values: Values) => {
    try {
      const saved = await save.mutateAsync({
        id: agency?.id,
        input: {
          name: values.name.trim(),
          shortName: values.shortName?.trim() || null,
          code: values.code?.trim() || null,
          level: values.level,
          parentId: values.parentId ?? null,
          active: values.active,
        },
      });
      message.success(agency ? `Đã lưu "${saved.name}".` : `Đã thêm "${saved.name}".`);
      close();
    } catch {
      // Shown in the form.
    }
  };

  const parents = props.agencies
    .filter((a) => !a.isGroup && a.id !== agency?.id)
    .sort((a, b) => compareVietnamese(a.name, b.name))
    .map((a) => ({ value: a.id, label: a.name }));

  return (
    <Modal
      open={open}
      title={agency ? `Sửa: ${agency.name}` : "Thêm cơ quan, đơn vị"}
      okText={agency ? "Lưu" : "Thêm"}
      cancelText="Hủy"
      okButtonProps={{ loading: save.isPending, htmlType: "submit", form: "agency-form" }}
      onCancel={close}
      forceRender
    >
      <Form<Values> id="agency-form" form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="name"
          label="Tên đầy đủ"
          rules={[
            { required: true, whitespace: true, min: 2, message: "Hãy nhập tên cơ quan (ít nhất 2 ký tự)." },
          ]}
        >
          <Input maxLength={300} aria-label="Tên đầy đủ" />
        </Form.Item>
        <Form.Item name="shortName" label="Tên viết tắt">
          <Input maxLength={100} aria-label="Tên viết tắt" placeholder="Ví dụ: Sở KH&CN" />
        </Form.Item>
        <Form.Item
          name="code"
          label="Mã"
          rules={[{ pattern: /^[a-z0-9-]{2,60}$/, message: "Mã chỉ gồm chữ thường không dấu, số và dấu -" }]}
        >
          <Input maxLength={60} aria-label="Mã" placeholder="so-khcn" />
        </Form.Item>
        <Form.Item name="level" label="Cấp" rules={[{ required: true }]}>
          <Select
            options={agencyLevels.map((level) => ({ value: level, label: AGENCY_LEVEL_LABELS[level] }))}
          />
        </Form.Item>
        <Form.Item name="parentId" label="Cơ quan cấp trên">
          <Select
            allowClear
            showSearch={{ filterOption: (input, option) => matchesFolded(input, option?.label) }}
            options={parents}
            placeholder="Không có"
          />
        </Form.Item>
        <Form.Item name="active" label="Đang hoạt động" valuePropName="checked">
          <Switch />
        </Form.Item>
        {save.isError && <Alert type="error" showIcon title={errorMessage(save.error)} />}
      </Form>
    </Modal>
  );
}
