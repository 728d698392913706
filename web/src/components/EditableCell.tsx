import { Input } from "antd";
import { type ReactNode, useState } from "react";

/**
 * A cell of the import preview that the office corrects in place: shown as plain text (never
 * HTML); a click (or Enter) opens an editor; leaving the editor or Ctrl+Enter keeps the change,
 * Escape drops it.
 */
export function EditableText(props: {
  value: string;
  label: string;
  onChange(value: string): void;
  /** What to show instead of the plain text (the value stays the edited text). */
  display?: ReactNode;
  placeholder?: string;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(props.value);

  const start = () => {
    setText(props.value);
    setEditing(true);
  };
  const commit = () => {
    setEditing(false);
    const next = text.replace(/[ \t]+\n/g, "\n").trim();
    if (next !== props.value) props.onChange(next);
  };

  if (editing) {
    return (
      <Input.TextArea
        autoFocus
        autoSize={{ minRows: 1, maxRows: 12 }}
        value={text}
        aria-label={props.label}
        placeholder={props.placeholder}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.preventDefault();
            setEditing(false);
          } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            commit();
          }
        }}
      />
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: a table cell's text that becomes an editor; a button would not wrap long text.
    <div
      className="dd-editable dd-pre"
      role="button"
      tabIndex={0}
      title="Nhấn để sửa"
      aria-label={`Sửa ${props.label}`}
      onClick={start}
      onKeyDown={(event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          start();
        }
      }}
    >
      {props.display ?? (props.value || <span className="dd-muted">{props.placeholder ?? "—"}</span>)}
    </div>
  );
}

const asLines = (items: string[]) => items.join("\n");
const fromLines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/** A list cell (agencies, sources): edited one item per line; `flag` marks items to check. */
export function EditableList(props: {
  value: string[];
  label: string;
  onChange(value: string[]): void;
  flag?(item: string): string | undefined;
}) {
  const item = (text: string) => {
    const flag = props.flag?.(text);
    return flag ? (
      <span className="dd-flagged" title={flag}>
        {text}
      </span>
    ) : (
      text
    );
  };
  const display =
    props.value.length === 0 ? undefined : props.value.length === 1 ? (
      item(props.value[0]!)
    ) : (
      <ul className="dd-cell-list">
        {props.value.map((text) => (
          <li key={text}>{item(text)}</li>
        ))}
      </ul>
    );
  return (
    <EditableText
      value={asLines(props.value)}
      label={`${props.label} (mỗi dòng một mục)`}
      display={display}
      onChange={(text) => props.onChange(fromLines(text))}
    />
  );
}
