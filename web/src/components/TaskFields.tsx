import { Descriptions, type DescriptionsProps } from "antd";
import type { TaskDetail } from "../api/trackingTypes.ts";
import { DeadlineCell } from "./DeadlineCell.tsx";

const list = (items: string[]) =>
  items.length <= 1 ? (
    (items[0] ?? "")
  ) : (
    <ul className="dd-cell-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );

/** The task as the document's table states it, column by column (plain text, never HTML). */
export function TaskFields({ task }: { task: TaskDetail }) {
  const items: DescriptionsProps["items"] = [];
  if (task.section) {
    items.push({
      key: "section",
      label: "Phần",
      children: `${task.section}${task.sectionTitle ? `. ${task.sectionTitle}` : ""}`,
    });
  }
  items.push({
    key: "title",
    label: "Tên nhiệm vụ",
    children: <div className="dd-pre dd-task-title">{task.title}</div>,
  });
  if (task.sources.length > 0)
    items.push({ key: "sources", label: "Văn bản giao", children: task.sources.join("; ") });
  if (task.responsible) {
    items.push({ key: "responsible", label: "Người đứng đầu chịu trách nhiệm", children: task.responsible });
  }
  items.push({ key: "leads", label: "Cơ quan chủ trì", children: list(task.leads) });
  if (task.coordinators.length > 0) {
    items.push({ key: "coordinators", label: "Cơ quan phối hợp", children: list(task.coordinators) });
  }
  if (task.output) {
    items.push({
      key: "output",
      label: "Sản phẩm, kết quả",
      children: <div className="dd-pre">{task.output}</div>,
    });
  }
  items.push({ key: "deadline", label: "Thời hạn", children: <DeadlineCell task={task} /> });
  if (task.note)
    items.push({ key: "note", label: "Ghi chú", children: <div className="dd-pre">{task.note}</div> });
  if (task.links.length > 0) {
    items.push({
      key: "links",
      label: "Cụ thể hóa nhiệm vụ của",
      children: [...new Set(task.links.map((l) => l.upstreamDocumentNumber))].join("; "),
    });
  }
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      items={items}
      styles={{ label: { width: 230, verticalAlign: "top" } }}
      data-testid="task-fields"
    />
  );
}
