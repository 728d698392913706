import { Table, type TableColumnsType, Tooltip } from "antd";
import { parseDeadline } from "../../../src/domain/deadline.ts";
import type { ExtractedTask } from "../api/imports.ts";
import { doubtsByField } from "../lib/importRows.ts";
import { DeadlineCell } from "./DeadlineCell.tsx";
import { EditableList, EditableText } from "./EditableCell.tsx";
import { ConfidenceTag, DoubtCell } from "./ImportDoubt.tsx";
import { ImportRowActions, type RowAction } from "./ImportRowActions.tsx";
import { WarningOutlined } from "./icons.tsx";

type Row = ExtractedTask & { index: number; reasons: Map<string, string[]> };

/** The DOM id of a preview row, so that a warning can lead to it. */
export const importRowId = (kind: "task" | "indicator", ref: string) => `import-${kind}-${ref}`;

/**
 * The tasks as extracted, each cell correctable in place, the cells the engine doubts highlighted
 * with their reasons, and a menu of row operations beside each number. A corrected deadline text
 * is read again by the same rules as the import (src/domain/deadline.ts), so its kind and due
 * date follow.
 */
export function ImportTaskTable(props: {
  tasks: ExtractedTask[];
  /** The year of the document, for deadlines that name a month without a year. */
  contextYear?: number;
  warningsByRef: Map<string, string[]>;
  /** Agency names that did not resolve to the directory (shown flagged). */
  unresolved: Set<string>;
  /** Show only the rows with a doubt or a warning. */
  onlyDoubtful?: boolean;
  /** The cell `field` of row `index` was corrected. */
  onChange(index: number, task: ExtractedTask, field: string): void;
  onRowAction(index: number, action: RowAction): void;
}) {
  const { onChange } = props;
  const flag = (name: string) =>
    props.unresolved.has(name)
      ? "Chưa nhận ra cơ quan này trong danh mục: xem mục Đối chiếu cơ quan"
      : undefined;
  const edit =
    <K extends keyof ExtractedTask>(row: Row, key: K) =>
    (value: ExtractedTask[K]) => {
      const { index, reasons: _, ...task } = row;
      onChange(index, { ...task, [key]: value }, key);
    };
  const doubt = (row: Row, field: string, children: React.ReactNode) => (
    <DoubtCell field={field} reasons={row.reasons.get(field)}>
      {children}
    </DoubtCell>
  );

  const columns: TableColumnsType<Row> = [
    {
      title: "STT",
      key: "ref",
      width: 96,
      align: "center",
      render: (_, row) => {
        const warnings = props.warningsByRef.get(row.ref);
        return (
          <>
            {doubt(row, "ref", <span className="dd-ref">{row.ref}</span>)}
            <ConfidenceTag confidence={row.confidence} />
            <ImportRowActions
              label={`Thao tác dòng ${row.ref}`}
              disabled={row.index === 0 ? ["merge"] : []}
              onAction={(action) => props.onRowAction(row.index, action)}
            />
            {warnings && (
              <Tooltip title={warnings.join(" · ")}>
                <div>
                  <WarningOutlined style={{ color: "#d46b08" }} aria-label="Có cảnh báo" />
                </div>
              </Tooltip>
            )}
          </>
        );
      },
    },
    {
      title: "Tên nhiệm vụ",
      key: "title",
      render: (_, row) => (
        <>
          {doubt(
            row,
            "title",
            <EditableText
              value={row.title}
              label={`tên nhiệm vụ ${row.ref}`}
              onChange={edit(row, "title")}
            />,
          )}
          <div className="dd-muted" style={{ marginTop: 4 }}>
            {doubt(
              row,
              "sources",
              <>
                Văn bản giao:
                <EditableList
                  value={row.sources}
                  label={`văn bản giao ${row.ref}`}
                  onChange={edit(row, "sources")}
                />
              </>,
            )}
          </div>
        </>
      ),
    },
    {
      title: "Cơ quan chủ trì",
      key: "leads",
      width: 200,
      render: (_, row) => (
        <>
          {doubt(
            row,
            "leads",
            <EditableList
              value={row.leads}
              label={`cơ quan chủ trì ${row.ref}`}
              onChange={edit(row, "leads")}
              flag={flag}
            />,
          )}
          <div className="dd-muted" style={{ marginTop: 4 }}>
            {doubt(
              row,
              "responsible",
              <>
                Chịu trách nhiệm:
                <EditableText
                  value={row.responsible}
                  label={`người chịu trách nhiệm ${row.ref}`}
                  onChange={edit(row, "responsible")}
                />
              </>,
            )}
          </div>
        </>
      ),
    },
    {
      title: "Cơ quan phối hợp",
      key: "coordinators",
      width: 200,
      render: (_, row) =>
        doubt(
          row,
          "coordinators",
          <EditableList
            value={row.coordinators}
            label={`cơ quan phối hợp ${row.ref}`}
            onChange={edit(row, "coordinators")}
            flag={flag}
          />,
        ),
    },
    {
      title: "Sản phẩm",
      key: "output",
      width: 180,
      render: (_, row) =>
        doubt(
          row,
          "output",
          <EditableText value={row.output} label={`sản phẩm ${row.ref}`} onChange={edit(row, "output")} />,
        ),
    },
    {
      title: "Thời hạn",
      key: "deadline",
      width: 150,
      render: (_, row) =>
        doubt(
          row,
          "deadline",
          <EditableText
            value={row.deadline.text}
            label={`thời hạn ${row.ref}`}
            display={
              <DeadlineCell
                task={{
                  deadlineText: row.deadline.text,
                  deadlineKind: row.deadline.kind,
                  dueOn: row.deadline.due,
                }}
              />
            }
            onChange={(text) => {
              const parsed = parseDeadline(text, { contextYear: props.contextYear });
              edit(row, "deadline")({ text: parsed.text, kind: parsed.kind, due: parsed.due });
            }}
          />,
        ),
    },
    {
      title: "Ghi chú",
      key: "note",
      width: 140,
      render: (_, row) =>
        doubt(
          row,
          "note",
          <EditableText value={row.note} label={`ghi chú ${row.ref}`} onChange={edit(row, "note")} />,
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
      dataSource={props.tasks
        .map((task, index) => ({ ...task, index, reasons: doubtsByField(task.doubts) }))
        .filter((row) => !props.onlyDoubtful || row.doubts.length > 0 || props.warningsByRef.has(row.ref))}
      pagination={false}
      scroll={{ x: 1200 }}
      onRow={(row) => ({
        id: importRowId("task", row.ref),
        className: `dd-import-row${props.warningsByRef.has(row.ref) ? " dd-has-warning" : ""}${
          row.doubts.length > 0 ? " dd-has-doubt" : ""
        }`,
      })}
      locale={{
        emptyText: props.onlyDoubtful
          ? "Không còn dòng nào cần xem lại."
          : "Không tìm thấy nhiệm vụ nào trong tệp.",
      }}
    />
  );
}
