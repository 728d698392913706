import { Button, Dropdown, type MenuProps } from "antd";
import {
  DeleteOutlined,
  MergeCellsOutlined,
  MoreOutlined,
  PlusOutlined,
  ScissorOutlined,
  SwapOutlined,
} from "./icons.tsx";

export type RowAction = "delete" | "add" | "split" | "merge" | "move";

/**
 * The operations on one row of the import preview, in a menu beside its number: delete it, add
 * an empty row below it, split it in two, merge it into the row above, move a cell's text to
 * another column. Split and move open a dialog (ImportRowDialogs.tsx).
 */
export function ImportRowActions(props: {
  label: string;
  /** Operations this row cannot take (the first row has nothing above to merge into). */
  disabled?: RowAction[];
  /** Only delete applies (indicators). */
  deleteOnly?: boolean;
  onAction(action: RowAction): void;
}) {
  const off = new Set(props.disabled ?? []);
  const all: { key: RowAction; label: string; icon: React.ReactNode; danger?: boolean }[] = [
    { key: "add", label: "Thêm dòng phía dưới", icon: <PlusOutlined /> },
    { key: "split", label: "Tách dòng…", icon: <ScissorOutlined /> },
    { key: "merge", label: "Gộp vào dòng trên", icon: <MergeCellsOutlined /> },
    { key: "move", label: "Chuyển nội dung ô…", icon: <SwapOutlined /> },
    { key: "delete", label: "Xóa dòng", icon: <DeleteOutlined />, danger: true },
  ];
  const items: MenuProps["items"] = all
    .filter((item) => !props.deleteOnly || item.key === "delete")
    .map((item) => ({ ...item, disabled: off.has(item.key) }));
  return (
    <Dropdown trigger={["click"]} menu={{ items, onClick: ({ key }) => props.onAction(key as RowAction) }}>
      <Button size="small" type="text" icon={<MoreOutlined />} aria-label={props.label} />
    </Dropdown>
  );
}
