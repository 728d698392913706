import { Table, type TableColumnsType } from "antd";
import type { ExtractedIndicator } from "../api/imports.ts";
import { doubtsByField } from "../lib/importRows.ts";
import { EditableList, EditableText } from "./EditableCell.tsx";
import { ConfidenceTag, DoubtCell } from "./ImportDoubt.tsx";
import { ImportRowActions } from "./ImportRowActions.tsx";
import { importRowId } from "./ImportTaskTable.tsx";

type Row = ExtractedIndicator & { index: number; reasons: Map<string, string[]> };

/**
 * The indicators (chỉ tiêu) as extracted: name, unit and monitoring agencies correctable in place,
 * doubtful cells highlighted with their reasons, a row deletable.
 */
export function ImportIndicatorTable(props: {
  indicators: ExtractedIndicator[];
  warningsByRef: Map<string, string[]>;
  onlyDoubtful?: boolean;
  onChange(index: number, indicator: ExtractedIndicator, field: string): void;
  onDelete(index: number): void;
}) {
  const edit =
    <K extends keyof ExtractedIndicator>(row: Row, key: K) =>
    (value: ExtractedIndicator[K]) => {
      const { index, reasons: _, ...indicator } = row;
      props.onChange(index, { ...indicator, [key]: value }, key);
    };
  const doubt = (row: Row, field: string, children: React.ReactNode) => (
    <DoubtCell field={field} reasons={row.reasons.get(field)}>
      {children}
    </DoubtCell>
  );
  const years = [...new Set(props.indicators.flatMap((i) => i.targets.map((t) => t.year)))].sort();

  const columns: TableColumnsType<Row> = [
    {
      title: "STT",
      key: "ref",
      width: 90,
      align: "center",
      render: (_, row) => (
        <>
          {doubt(row, "ref", <span className="dd-ref">{row.ref}</span>)}
          <ConfidenceTag confidence={row.confidence} />
          <ImportRowActions
            label={`Thao tác chỉ tiêu ${row.ref}`}
            deleteOnly
            onAction={() => props.onDelete(row.index)}
          />
        </>
      ),
    },
    {
      title: "Chỉ tiêu",
      key: "name",
      render: (_, row) =>
        doubt(
          row,
          "name",
          <EditableText value={row.name} label={`tên chỉ tiêu ${row.ref}`} onChange={edit(row, "name")} />,
        ),
    },
    {
      title: "Đơn vị tính",
      key: "unit",
      width: 110,
      render: (_, row) =>
        doubt(
          row,
          "unit",
          <EditableText value={row.unit} label={`đơn vị tính ${row.ref}`} onChange={edit(row, "unit")} />,
        ),
    },
    ...years.map((year) => ({
      title: `Mục tiêu ${year}`,
      key: `target-${year}`,
      width: 110,
      render: (_: unknown, row: Row) => {
        const target = row.targets.find((t) => t.year === year);
        const unread = target && target.value === null ? row.reasons.get("targets") : undefined;
        return (
          <DoubtCell field="targets" reasons={unread?.filter((r) => r.includes(String(year)))}>
            {target?.text ?? ""}
          </DoubtCell>
        );
      },
    })),
    {
      title: "Cơ quan theo dõi, đánh giá",
      key: "monitors",
      width: 220,
      render: (_, row) =>
        doubt(
          row,
          "monitors",
          <EditableList
            value={row.monitors}
            label={`cơ quan theo dõi ${row.ref}`}
            onChange={edit(row, "monitors")}
          />,
        ),
    },
    {
      title: "Văn bản nguồn",
      key: "sources",
      width: 160,
      render: (_, row) =>
        doubt(
          row,
          "sources",
          <EditableList
            value={row.sources}
            label={`văn bản nguồn ${row.ref}`}
            onChange={edit(row, "sources")}
          />,
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
      dataSource={props.indicators
        .map((indicator, index) => ({ ...indicator, index, reasons: doubtsByField(indicator.doubts) }))
        .filter((row) => !props.onlyDoubtful || row.doubts.length > 0 || props.warningsByRef.has(row.ref))}
      pagination={false}
      onRow={(row) => ({
        id: importRowId("indicator", row.ref),
        className: `dd-import-row${props.warningsByRef.has(row.ref) ? " dd-has-warning" : ""}`,
      })}
      locale={{ emptyText: "Văn bản không có danh mục chỉ tiêu." }}
    />
  );
}
