import { Button, DatePicker, Select } from "antd";
import dayjs from "dayjs";
import { type DeadlineKind, deadlineKinds } from "../../../src/domain/deadline.ts";
import { assignmentStatuses } from "../../../src/domain/status.ts";
import type { PlanDetail } from "../api/types.ts";
import { compareVietnamese, matchesFolded } from "../lib/format.ts";
import { DEADLINE_KIND_LABELS, STATUS_LABELS } from "../lib/labels.ts";
import type { StatusFilter, TaskFilterState } from "../lib/useTaskFilters.ts";
import { ClearOutlined } from "./icons.tsx";
import { SearchBox } from "./SearchBox.tsx";

const search = {
  filterOption: (input: string, option?: { label?: unknown }) => matchesFolded(input, option?.label),
};

export function TaskFilters(props: {
  plan: PlanDetail;
  filters: TaskFilterState;
  active: boolean;
  onChange(patch: Partial<TaskFilterState>, options?: { replace?: boolean }): void;
  onClear(): void;
}) {
  const { plan, filters, onChange } = props;
  const sectionOptions = plan.sections.map((s) => ({
    value: s.numeral,
    label: `Phần ${s.numeral}. ${s.title}`,
  }));
  const agencyOptions = [...plan.leadAgencies]
    .sort((a, b) => compareVietnamese(a.name, b.name))
    .map((a) => ({ value: a.id, label: a.name }));
  const kindOptions = deadlineKinds.map((kind) => ({ value: kind, label: DEADLINE_KIND_LABELS[kind] }));
  const statusOptions: { value: StatusFilter; label: string }[] = [
    ...assignmentStatuses.map((status) => ({ value: status, label: STATUS_LABELS[status] })),
    { value: "due_soon", label: "Sắp đến hạn" },
  ];

  return (
    <search className="dd-filters">
      <SearchBox
        value={filters.q}
        onSearch={(q) => onChange({ q }, { replace: true })}
        placeholder="Tìm theo tên nhiệm vụ, cơ quan, số thứ tự…"
        style={{ width: 320 }}
      />
      <Select<string>
        className="dd-filter-section"
        aria-label="Lọc theo phần"
        placeholder="Tất cả các phần"
        allowClear
        showSearch={search}
        value={filters.section}
        options={sectionOptions}
        onChange={(section) => onChange({ section })}
        style={{ width: 320 }}
        popupMatchSelectWidth={560}
      />
      <Select<string>
        className="dd-filter-lead"
        aria-label="Lọc theo cơ quan chủ trì"
        placeholder="Tất cả cơ quan chủ trì"
        allowClear
        showSearch={search}
        value={filters.leadAgencyId}
        options={agencyOptions}
        onChange={(leadAgencyId) => onChange({ leadAgencyId })}
        style={{ width: 260 }}
        popupMatchSelectWidth={360}
      />
      <Select<DeadlineKind>
        className="dd-filter-kind"
        aria-label="Lọc theo loại thời hạn"
        placeholder="Mọi loại thời hạn"
        allowClear
        value={filters.deadlineKind}
        options={kindOptions}
        onChange={(deadlineKind) => onChange({ deadlineKind })}
        style={{ width: 180 }}
      />
      <Select<StatusFilter>
        className="dd-filter-status"
        aria-label="Lọc theo trạng thái"
        placeholder="Mọi trạng thái"
        allowClear
        value={filters.status}
        options={statusOptions}
        onChange={(status) => onChange({ status })}
        style={{ width: 230 }}
        popupMatchSelectWidth={260}
      />
      <DatePicker
        className="dd-filter-asof"
        aria-label="Trạng thái tại ngày"
        format="DD/MM/YYYY"
        prefix={<span className="dd-muted">Tại ngày</span>}
        placeholder="hôm nay"
        value={filters.asOf ? dayjs(filters.asOf) : null}
        onChange={(date) => onChange({ asOf: date ? date.format("YYYY-MM-DD") : undefined })}
        style={{ width: 200 }}
      />
      {props.active && (
        <Button icon={<ClearOutlined />} onClick={props.onClear}>
          Xóa bộ lọc
        </Button>
      )}
    </search>
  );
}
