import { Alert, App, Button, Form, InputNumber, Space, Typography } from "antd";
import { useState } from "react";
import {
  type RankingSettingsInput,
  rankingSettingsInput,
} from "../../../src/commands/inputs/rankingSettings.ts";
import {
  type RankingSettings,
  rankingBandLabels,
  rankingComponentLabels,
  rankingComponents,
} from "../../../src/domain/ranking.ts";
import { errorMessage } from "../api/client.ts";
import { useSaveRankingSettings } from "../api/evaluation.ts";
import { firstProblem } from "../lib/schemaRules.ts";

type Values = Record<string, number | null>;
const bandKeys = ["excellent", "good", "fair", "average"] as const;

const toValues = (s: RankingSettings): Values => ({
  ...s.weights,
  overdueAgeCapDays: s.overdueAgeCapDays,
  ...s.bands,
});

/** The form's flat fields as the command's input (the same shape the server validates). */
const toInput = (v: Values): RankingSettingsInput => ({
  weights: Object.fromEntries(
    rankingComponents.map((c) => [c, v[c] ?? 0]),
  ) as RankingSettingsInput["weights"],
  overdueAgeCapDays: v.overdueAgeCapDays ?? 0,
  bands: Object.fromEntries(bandKeys.map((b) => [b, v[b] ?? 0])) as RankingSettingsInput["bands"],
});

/** The standing office's weights of the score, checked with the command's own zod input. */
export function RankingSettingsForm({ settings }: { settings: RankingSettings }) {
  const save = useSaveRankingSettings();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string>();

  const onFinish = (values: Values) => {
    const input = toInput(values);
    const wrong = firstProblem(rankingSettingsInput, input);
    setProblem(wrong);
    if (wrong) return;
    save.mutate(input, {
      onSuccess: () => message.success("Đã lưu cách tính điểm xếp hạng."),
      onError: (error) => setProblem(errorMessage(error)),
    });
  };

  return (
    <Form<Values>
      layout="vertical"
      initialValues={toValues(settings)}
      onFinish={onFinish}
      data-testid="ranking-settings"
    >
      <Typography.Text strong>Trọng số các tiêu chí</Typography.Text>
      <Space wrap style={{ display: "flex", marginTop: 8 }}>
        {rankingComponents.map((c) => (
          <Form.Item key={c} name={c} label={rankingComponentLabels[c]}>
            <InputNumber
              min={0}
              max={100}
              precision={0}
              aria-label={`Trọng số: ${rankingComponentLabels[c]}`}
            />
          </Form.Item>
        ))}
        <Form.Item name="overdueAgeCapDays" label="Số ngày quá hạn tính đủ mức">
          <InputNumber min={1} max={3650} precision={0} />
        </Form.Item>
      </Space>
      <Typography.Text strong>Ngưỡng xếp loại (điểm tối thiểu)</Typography.Text>
      <Space wrap style={{ display: "flex", marginTop: 8 }}>
        {bandKeys.map((b) => (
          <Form.Item key={b} name={b} label={rankingBandLabels[b]}>
            <InputNumber min={0} max={100} />
          </Form.Item>
        ))}
      </Space>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        Lưu cách tính điểm
      </Button>
    </Form>
  );
}
