import { Card, Select, Space, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import { riskReasonExplanations, riskReasonLabels, riskReasons } from "../../../src/domain/earlyWarning.ts";
import { useAgencies } from "../api/agencies.ts";
import { useMe } from "../api/queries.ts";
import { AtRiskList } from "../components/AtRiskList.tsx";
import { PlanSelect } from "../components/PlanSelect.tsx";
import { useDocumentTitle } from "../components/useDocumentTitle.ts";
import { compareVietnamese } from "../lib/format.ts";

/**
 * "Cảnh báo sớm": the assignments at risk of being late, with why. The filters live in the URL
 * (planId, agencyId) so that a list can be shared and a dashboard can link to it. Agency staff see
 * their agency and its units only, so they get no agency filter.
 */
export function AtRiskPage() {
  useDocumentTitle("Cảnh báo sớm");
  const me = useMe().data;
  const province = me?.abilities.task.scope === "all";
  const [params, setParams] = useSearchParams();
  const planId = params.get("planId") ?? undefined;
  const agencyId = (province && params.get("agencyId")) || undefined;
  const agencies = useAgencies(province);
  const set = (key: string, value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <Card title="Cảnh báo sớm: nhiệm vụ có nguy cơ chậm">
      <Typography.Paragraph type="secondary" className="dd-at-risk-legend">
        {riskReasons.map((reason) => (
          <span key={reason} style={{ display: "block" }}>
            <b>{riskReasonLabels[reason]}:</b> {riskReasonExplanations[reason]}
          </span>
        ))}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <PlanSelect value={planId} onChange={(value) => set("planId", value)} />
        {province && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="Cơ quan, đơn vị"
            aria-label="Cơ quan, đơn vị"
            style={{ width: 260, maxWidth: "100%" }}
            value={agencyId}
            onChange={(value) => set("agencyId", value)}
            options={(agencies.data ?? [])
              .filter((a) => !a.isGroup)
              .sort((a, b) => compareVietnamese(a.name, b.name))
              .map((a) => ({ value: a.id, label: a.name }))}
          />
        )}
      </Space>
      <AtRiskList filters={{ planId, agencyId }} />
    </Card>
  );
}
