import { Select } from "antd";
import { usePlans } from "../api/queries.ts";

/** A filter by plan, named by số hiệu and name, searchable; cleared means every plan. */
export function PlanSelect(props: {
  value: string | undefined;
  onChange(planId: string | undefined): void;
  placeholder?: string;
}) {
  const plans = usePlans();
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={props.placeholder ?? "Kế hoạch"}
      aria-label="Kế hoạch"
      style={{ width: 260, maxWidth: "100%" }}
      loading={plans.isLoading}
      value={props.value}
      onChange={(planId?: string) => props.onChange(planId)}
      options={(plans.data ?? []).map((p) => ({
        value: p.id,
        label: p.documentNumber ? `${p.documentNumber} · ${p.name}` : p.name,
      }))}
    />
  );
}
