import { WarningOutlined } from "@ant-design/icons";
import { Table, type TableColumnsType, Tooltip } from "antd";
import { parseDeadline } from "../../../src/domain/deadline.ts";
import type { ExtractedTask } from "../api/imports.ts";
import { DeadlineCell } from "./DeadlineCell.tsx";
import { EditableList, EditableText } from "./EditableCell.tsx";

type Row = ExtractedTask & { index: number };

/** The DOM id of a preview row, so that a warning can lead to it. */
export const importRowId = (kind: "task" | "indicator", ref: string) => `import-${kind}-${ref}`;

/**
 * The tasks as extracted, each cell correctable in place. A corrected deadline text is read again
 * by the same rules as the import (src/domain/deadline.ts), so its kind and due date follow.
 */
export function ImportTaskTable(props: {
  tasks: ExtractedTask[];
  /** The year of the document, for deadlines that name a month without a year. */
  contextYear?: number;
  warningsByRef: Map<string, string[]>;
  /** Agency names that did not resolve to the directory (shown flagged). */
  unresolved: Set<string>;
  onChange(index: number, task: ExtractedTask): void;
}) {
  const { onChange } = props;
  const flag = (name: string) =>
    props.unresolved.has(name)
      ? "Chưa nhận ra cơ quan này trong danh mục: xem mục Đối chiếu cơ quan"
      : undefined;
  const edit =
    <K extends keyof ExtractedTask>(row: Row, key: K) =>
    (value: ExtractedTask[K]) => {
      const { index, ...task } = row;
      onChange(index, { ...task, [key]: value });
    };

  const columns: TableColumnsType<Row> = [
    {
      title: "STT",
      key: "ref",
      width: 80,
      align: "center",
      render: (_, row) => {
        const warnings = props.warningsByRef.get(row.ref);
        return (
          <>
            <span className="dd-ref">{row.ref}</span>
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
          <EditableText value={row.title} label={`tên nhiệm vụ ${row.ref}`} onChange={edit(row, "title")} />
          <div className="dd-muted" style={{ marginTop: 4 }}>
            Văn bản giao:
            <EditableList
              value={row.sources}
              label={`văn bản giao ${row.ref}`}
              onChange={edit(row, "sources")}
            />
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
          <EditableList
            value={row.leads}
            label={`cơ quan chủ trì ${row.ref}`}
            onChange={edit(row, "leads")}
            flag={flag}
          />
          <div className="dd-muted" style={{ marginTop: 4 }}>
            Chịu trách nhiệm:
            <EditableText
              value={row.responsible}
              label={`người chịu trách nhiệm ${row.ref}`}
              onChange={edit(row, "responsible")}
            />
          </div>
        </>
      ),
    },
    {
      title: "Cơ quan phối hợp",
      key: "coordinators",
      width: 200,
      render: (_, row) => (
        <EditableList
          value={row.coordinators}
          label={`cơ quan phối hợp ${row.ref}`}
          onChange={edit(row, "coordinators")}
          flag={flag}
        />
      ),
    },
    {
      title: "Sản phẩm",
      key: "output",
      width: 180,
      render: (_, row) => (
        <EditableText value={row.output} label={`sản phẩm ${row.ref}`} onChange={edit(row, "output")} />
      ),
    },
    {
      title: "Thời hạn",
      key: "deadline",
      width: 150,
      render: (_, row) => (
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
        />
      ),
    },
    {
      title: "Ghi chú",
      key: "note",
      width: 140,
      render: (_, row) => (
        <EditableText value={row.note} label={`ghi chú ${row.ref}`} onChange={edit(row, "note")} />
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
      dataSource={props.tasks.map((task, index) => ({ ...task, index }))}
      pagination={false}
      scroll={{ x: 1200 }}
      onRow={(row) => ({
        id: importRowId("task", row.ref),
        className: `dd-import-row${props.warningsByRef.has(row.ref) ? " dd-has-warning" : ""}`,
      })}
      locale={{ emptyText: "Không tìm thấy nhiệm vụ nào trong tệp." }}
    />
  );
}
