import { Collapse, Select, Table, type TableColumnsType, Tag } from "antd";
import { type AgencyLevel, agencyLevels } from "../../../src/domain/agencyLevels.ts";
import type { Agency } from "../api/agencies.ts";
import type { AgencyMapping, AgencyResolution } from "../api/imports.ts";
import { compareVietnamese, formatNumber, matchesFolded } from "../lib/format.ts";
import { AGENCY_LEVEL_LABELS } from "../lib/labels.ts";

/** What the office decided for a name of the document that the directory did not know. */
export type MappingChoice = { agencyId: string } | { create: AgencyLevel };

const CREATE = "__create__";

export function toMappings(choices: Map<string, MappingChoice>): AgencyMapping[] {
  return [...choices].map(([name, choice]) =>
    "agencyId" in choice
      ? { name, agencyId: choice.agencyId }
      : { name, create: { name, level: choice.create } },
  );
}

/**
 * "Đối chiếu cơ quan": each agency name of the document that did not resolve can be tied to an
 * agency of the directory (remembered as another name of it, for next time), created as a new
 * agency (administrators), or left as written.
 */
export function AgencyMappingTable(props: {
  resolution: AgencyResolution[];
  agencies: Agency[];
  choices: Map<string, MappingChoice>;
  canCreate: boolean;
  onChange(choices: Map<string, MappingChoice>): void;
}) {
  const unresolved = props.resolution.filter((r) => !r.agencyId);
  const resolved = props.resolution.filter((r) => r.agencyId);
  const options = [
    ...(props.canCreate ? [{ value: CREATE, label: "➕ Thêm cơ quan mới với tên này" }] : []),
    ...[...props.agencies]
      .filter((a) => a.active)
      .sort((a, b) => compareVietnamese(a.name, b.name))
      .map((a) => ({ value: a.id, label: a.isGroup ? `${a.name} (nhóm)` : a.name })),
  ];

  const set = (name: string, choice: MappingChoice | undefined) => {
    const next = new Map(props.choices);
    if (choice) next.set(name, choice);
    else next.delete(name);
    props.onChange(next);
  };

  const columns: TableColumnsType<AgencyResolution> = [
    {
      title: "Tên trong văn bản",
      key: "name",
      render: (_, r) => (
        <>
          <span className="dd-flagged">{r.name}</span>
          {r.isGroup && <Tag style={{ marginLeft: 8 }}>nhóm</Tag>}
        </>
      ),
    },
    {
      title: "Gắn với cơ quan trong danh mục",
      key: "agency",
      width: 420,
      render: (_, r) => {
        const choice = props.choices.get(r.name);
        const value = !choice ? undefined : "agencyId" in choice ? choice.agencyId : CREATE;
        return (
          <Select<string>
            className="dd-mapping-select"
            aria-label={`Gắn "${r.name}" với cơ quan`}
            allowClear
            showSearch={{ filterOption: (input, option) => matchesFolded(input, option?.label) }}
            placeholder="Để nguyên, chưa gắn cơ quan"
            style={{ width: "100%" }}
            value={value}
            options={options}
            onChange={(v) =>
              set(r.name, !v ? undefined : v === CREATE ? { create: "department" } : { agencyId: v })
            }
          />
        );
      },
    },
    {
      title: "Cấp (cơ quan mới)",
      key: "level",
      width: 190,
      render: (_, r) => {
        const choice = props.choices.get(r.name);
        if (!choice || !("create" in choice)) return null;
        return (
          <Select<AgencyLevel>
            aria-label={`Cấp của cơ quan mới "${r.name}"`}
            style={{ width: "100%" }}
            value={choice.create}
            options={agencyLevels.map((level) => ({ value: level, label: AGENCY_LEVEL_LABELS[level] }))}
            onChange={(level) => set(r.name, { create: level })}
          />
        );
      },
    },
  ];

  return (
    <>
      {unresolved.length === 0 ? (
        <p>Mọi tên cơ quan trong văn bản đều đã có trong danh mục.</p>
      ) : (
        <>
          <p className="dd-muted">
            {formatNumber(unresolved.length)} tên cơ quan chưa nhận ra. Chọn cơ quan tương ứng: tên trong văn
            bản được ghi nhớ là tên gọi khác của cơ quan đó. Tên để nguyên vẫn được giữ trên nhiệm vụ như văn
            bản ghi.
          </p>
          <Table<AgencyResolution>
            className="dd-mapping-table"
            size="small"
            bordered
            rowKey="name"
            columns={columns}
            dataSource={unresolved}
            pagination={false}
          />
        </>
      )}
      {resolved.length > 0 && (
        <Collapse
          size="small"
          style={{ marginTop: 12 }}
          items={[
            {
              key: "resolved",
              label: `${formatNumber(resolved.length)} tên đã nhận ra`,
              children: (
                <ul className="dd-cell-list">
                  {resolved.map((r) => (
                    <li key={r.name}>
                      {r.name}
                      {r.agencyName && r.agencyName !== r.name && (
                        <span className="dd-muted"> → {r.agencyName}</span>
                      )}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
