import { Alert, App, DatePicker, Form, Input, InputNumber, Modal } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { updatePlanInput } from "../../../src/commands/inputs/createPlanFromExtraction.ts";
import { errorMessage } from "../api/client.ts";
import { type PlanPatch, useUpdatePlan } from "../api/editing.ts";
import type { PlanSettings } from "../api/imports.ts";
import type { PlanDetail } from "../api/types.ts";
import { firstProblem } from "../lib/schemaRules.ts";
import { PlanSettingsForm } from "./PlanSettingsForm.tsx";

interface Metadata {
  documentNumber: string;
  issuedOn: string | null;
  title: string;
  year: number | null;
}

const settingsOf = (plan: PlanDetail): Required<PlanSettings> => ({
  name: plan.name,
  reportingFrequency: plan.reportingFrequency,
  cutoffDay: plan.cutoffDay,
  requireHeadApproval: plan.requireHeadApproval,
});
const metadataOf = (plan: PlanDetail): Metadata => ({
  documentNumber: plan.documentNumber ?? "",
  issuedOn: plan.issuedOn,
  title: plan.title ?? "",
  year: plan.year,
});

/**
 * "Sửa kế hoạch": the document's number, date, title and year, and the settings chosen at import
 * (the same settings form). A new reporting period regroups the reports already sent (server).
 */
export function PlanEditDialog(props: { open: boolean; plan: PlanDetail; onClose(): void }) {
  const { plan } = props;
  const [settings, setSettings] = useState(settingsOf(plan));
  const [metadata, setMetadata] = useState(metadataOf(plan));
  const update = useUpdatePlan(plan.id);
  const { message } = App.useApp();

  useEffect(() => {
    if (!props.open) return;
    setSettings(settingsOf(plan));
    setMetadata(metadataOf(plan));
  }, [props.open, plan]);

  const before = { ...settingsOf(plan), ...metadataOf(plan) };
  const after = { ...settings, ...metadata };
  const patch = Object.fromEntries(
    Object.entries(after).filter(([key, value]) => value !== before[key as keyof typeof before]),
  ) as PlanPatch;
  const problem = Object.keys(patch).length > 0 ? firstProblem(updatePlanInput, patch) : undefined;

  const close = () => {
    update.reset();
    props.onClose();
  };
  const save = async () => {
    if (Object.keys(patch).length === 0) return close();
    try {
      await update.mutateAsync(patch);
      message.success("Đã lưu kế hoạch.");
      close();
    } catch {
      // Shown below.
    }
  };
  const frequencyChanged = settings.reportingFrequency !== plan.reportingFrequency;

  return (
    <Modal
      open={props.open}
      title="Sửa kế hoạch"
      okText="Lưu"
      cancelText="Hủy"
      width={640}
      okButtonProps={{ loading: update.isPending, disabled: !!problem }}
      onOk={save}
      onCancel={close}
    >
      <Form layout="vertical">
        <div style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
          <Form.Item label="Số hiệu" style={{ flex: "1 1 200px" }}>
            <Input
              aria-label="Số hiệu"
              maxLength={100}
              value={metadata.documentNumber}
              onChange={(e) => setMetadata({ ...metadata, documentNumber: e.target.value })}
            />
          </Form.Item>
          <Form.Item label="Ngày ban hành" style={{ flex: "1 1 160px" }}>
            <DatePicker
              aria-label="Ngày ban hành"
              format="DD/MM/YYYY"
              value={metadata.issuedOn ? dayjs(metadata.issuedOn) : null}
              onChange={(d) => setMetadata({ ...metadata, issuedOn: d ? d.format("YYYY-MM-DD") : null })}
            />
          </Form.Item>
          <Form.Item label="Năm" style={{ flex: "0 1 120px" }}>
            <InputNumber
              aria-label="Năm"
              min={2000}
              max={2100}
              precision={0}
              value={metadata.year}
              onChange={(year) => setMetadata({ ...metadata, year: year ?? null })}
            />
          </Form.Item>
        </div>
        <Form.Item label="Trích yếu">
          <Input.TextArea
            aria-label="Trích yếu"
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={2000}
            value={metadata.title}
            onChange={(e) => setMetadata({ ...metadata, title: e.target.value })}
          />
        </Form.Item>
      </Form>
      <PlanSettingsForm value={settings} onChange={setSettings} disabled={update.isPending} />
      {frequencyChanged && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title="Báo cáo đã gửi sẽ được xếp vào kỳ mới chứa kỳ cũ (tháng vào quý của tháng đó; quý vào tháng đầu quý)."
        />
      )}
      {problem && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={problem} />}
      {update.isError && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorMessage(update.error)} />
      )}
    </Modal>
  );
}
