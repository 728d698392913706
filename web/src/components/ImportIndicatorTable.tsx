import { Table, type TableColumnsType } from "antd";
import type { ExtractedIndicator } from "../api/imports.ts";
import { EditableList, EditableText } from "./EditableCell.tsx";
import { importRowId } from "./ImportTaskTable.tsx";

type Row = ExtractedIndicator & { index: number };

/** The indicators (chỉ tiêu) as extracted: name, unit and monitoring agencies correctable in place. */
export function ImportIndicatorTable(props: {
  indicators: ExtractedIndicator[];
  warningsByRef: Map<string, string[]>;
  onChange(index: number, indicator: ExtractedIndicator): void;
}) {
  const edit =
    <K extends keyof ExtractedIndicator>(row: Row, key: K) =>
    (value: ExtractedIndicator[K]) => {
      const { index, ...indicator } = row;
      props.onChange(index, { ...indicator, [key]: value });
    };
  const years = [...new Set(props.indicators.flatMap((i) => i.targets.map((t) => t.year)))].sort();

  const columns: TableColumnsType<Row> = [
    {
      title: "STT",
      dataIndex: "ref",
      width: 70,
      align: "center",
      render: (ref: string) => <span className="dd-ref">{ref}</span>,
    },
    {
      title: "Chỉ tiêu",
      key: "name",
      render: (_, row) => (
        <EditableText value={row.name} label={`tên chỉ tiêu ${row.ref}`} onChange={edit(row, "name")} />
      ),
    },
    {
      title: "Đơn vị tính",
      key: "unit",
      width: 110,
      render: (_, row) => (
        <EditableText value={row.unit} label={`đơn vị tính ${row.ref}`} onChange={edit(row, "unit")} />
      ),
    },
    ...years.map((year) => ({
      title: `Mục tiêu ${year}`,
      key: `target-${year}`,
      width: 110,
      render: (_: unknown, row: Row) => row.targets.find((t) => t.year === year)?.text ?? "",
    })),
    {
      title: "Cơ quan theo dõi, đánh giá",
      key: "monitors",
      width: 220,
      render: (_, row) => (
        <EditableList
          value={row.monitors}
          label={`cơ quan theo dõi ${row.ref}`}
          onChange={edit(row, "monitors")}
        />
      ),
    },
    {
      title: "Văn bản nguồn",
      key: "sources",
      width: 160,
      render: (_, row) => (
        <EditableList
          value={row.sources}
          label={`văn bản nguồn ${row.ref}`}
          onChange={edit(row, "sources")}
        />
      ),
    },
  ];

  return (
    <Table<Row>
      className="dd-task-table dd-import-table"
      size="small"
      bordered
      rowKey={(row) => `${row.index}`}
      columns={columns}
      dataSource={props.indicators.map((indicator, index) => ({ ...indicator, index }))}
      pagination={false}
      onRow={(row) => ({
        id: importRowId("indicator", row.ref),
        className: `dd-import-row${props.warningsByRef.has(row.ref) ? " dd-has-warning" : ""}`,
      })}
      locale={{ emptyText: "Văn bản không có danh mục chỉ tiêu." }}
    />
  );
}
