import { Alert, App, Form, Input, Modal, Select, Switch } from "antd";
import { useEffect } from "react";
import { type AgencyInput, agencyInput } from "../../../src/commands/inputs/saveAgency.ts";
import { agencyLevels } from "../../../src/domain/agencyLevels.ts";
import { type Agency, useSaveAgency } from "../api/agencies.ts";
import { errorMessage } from "../api/client.ts";
import { compareVietnamese, matchesFolded } from "../lib/format.ts";
import { AGENCY_LEVEL_LABELS } from "../lib/labels.ts";
import { maxLengthOf, schemaRule } from "../lib/schemaRules.ts";

interface Values {
  name: string;
  shortName?: string;
  code?: string;
  level: AgencyInput["level"];
  parentId?: string | null;
  active: boolean;
}

/** What the form sends: blanks as null, as saveAgency reads them. */
const toInput = (values: Partial<Values>): AgencyInput => ({
  name: values.name?.trim() ?? "",
  shortName: values.shortName?.trim() || null,
  code: values.code?.trim() || null,
  level: values.level ?? "department",
  parentId: values.parentId ?? null,
  active: values.active,
});

const rule = (field: keyof AgencyInput) => schemaRule(agencyInput, field, toInput);
const fields = agencyInput.shape;

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
      const saved = await save.mutateAsync({ id: agency?.id, input: toInput(values) });
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
        <Form.Item name="name" label="Tên đầy đủ" rules={[rule("name")]}>
          <Input maxLength={maxLengthOf(fields.name)} aria-label="Tên đầy đủ" />
        </Form.Item>
        <Form.Item name="shortName" label="Tên viết tắt" rules={[rule("shortName")]}>
          <Input
            maxLength={maxLengthOf(fields.shortName)}
            aria-label="Tên viết tắt"
            placeholder="Ví dụ: Sở KH&CN"
          />
        </Form.Item>
        <Form.Item name="code" label="Mã" rules={[rule("code")]}>
          <Input maxLength={maxLengthOf(fields.code)} aria-label="Mã" placeholder="so-khcn" />
        </Form.Item>
        <Form.Item name="level" label="Cấp" rules={[rule("level")]}>
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
