import { Checkbox, Form, Input, InputNumber, Radio } from "antd";
import { planSettingsPatch } from "../../../src/commands/inputs/createPlanFromExtraction.ts";
import type { PlanSettings } from "../api/imports.ts";
import { maxLengthOf, rangeOf } from "../lib/schemaRules.ts";

const fields = planSettingsPatch.shape;

/** The plan's settings chosen before committing: name, reporting period, cut-off day, head approval. */
export function PlanSettingsForm(props: {
  value: Required<PlanSettings>;
  onChange(value: Required<PlanSettings>): void;
  disabled?: boolean;
}) {
  const { value, onChange } = props;
  return (
    <Form layout="vertical" disabled={props.disabled} className="dd-plan-settings">
      <Form.Item label="Tên kế hoạch" required>
        <Input
          aria-label="Tên kế hoạch"
          maxLength={maxLengthOf(fields.name)}
          value={value.name}
          onChange={(event) => onChange({ ...value, name: event.target.value })}
        />
      </Form.Item>
      <Form.Item label="Kỳ báo cáo">
        <Radio.Group
          value={value.reportingFrequency}
          onChange={(event) => onChange({ ...value, reportingFrequency: event.target.value })}
          options={[
            { value: "month", label: "Hằng tháng" },
            { value: "quarter", label: "Hằng quý" },
          ]}
        />
      </Form.Item>
      <Form.Item
        label="Ngày chốt số liệu"
        extra={
          value.reportingFrequency === "quarter"
            ? `Báo cáo quý chốt ngày ${value.cutoffDay} tháng đầu quý sau.`
            : `Báo cáo tháng chốt ngày ${value.cutoffDay} tháng sau.`
        }
      >
        <InputNumber
          aria-label="Ngày chốt số liệu"
          {...rangeOf(fields.cutoffDay)}
          precision={0}
          value={value.cutoffDay}
          onChange={(day) => onChange({ ...value, cutoffDay: day ?? 10 })}
        />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Checkbox
          checked={value.requireHeadApproval}
          onChange={(event) => onChange({ ...value, requireHeadApproval: event.target.checked })}
        >
          Báo cáo của cán bộ cần lãnh đạo đơn vị duyệt trước khi gửi cơ quan thường trực
        </Checkbox>
      </Form.Item>
    </Form>
  );
}
