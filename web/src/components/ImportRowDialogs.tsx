import { Button, Checkbox, Modal, Radio } from "antd";
import { useState } from "react";
import type { ExtractedTask } from "../api/imports.ts";
import {
  FIELD_LABELS,
  isListField,
  type LIST_FIELDS,
  type MovableField,
  type MovePart,
  words,
} from "../lib/importRows.ts";

/** The words of a text as buttons: a click chooses where the cut falls (before that word). */
function WordPicker(props: { text: string; at: number | null; verb: string; onPick(at: number): void }) {
  const list = words(props.text);
  return (
    <div>
      {list.map((word, i) => (
        <Button
          // biome-ignore lint/suspicious/noArrayIndexKey: a word's position is its identity here.
          key={i}
          size="small"
          className="dd-split-word"
          type={props.at === i ? "primary" : i > (props.at ?? list.length) ? "dashed" : "default"}
          disabled={i === 0 && props.verb === "Tách"}
          aria-label={`${props.verb} từ chữ "${word}" (chữ thứ ${i + 1})`}
          aria-pressed={props.at === i}
          onClick={() => props.onPick(i)}
        >
          {word}
        </Button>
      ))}
    </div>
  );
}

/** Splits a row's title at a chosen word: the rest becomes a new row below, in the same section. */
export function SplitRowDialog(props: {
  task: ExtractedTask | null;
  onCancel(): void;
  onSplit(at: number): void;
}) {
  const [at, setAt] = useState<number | null>(null);
  const list = words(props.task?.title ?? "");
  return (
    <Modal
      open={!!props.task}
      title={`Tách dòng ${props.task?.ref ?? ""}`}
      okText="Tách"
      cancelText="Hủy"
      okButtonProps={{ disabled: at === null }}
      onCancel={props.onCancel}
      onOk={() => at !== null && props.onSplit(at)}
      destroyOnHidden
    >
      <p>Chọn chữ mở đầu dòng mới; phần từ chữ đó đến hết tên nhiệm vụ thành một dòng mới ngay dưới.</p>
      <WordPicker text={props.task?.title ?? ""} at={at} verb="Tách" onPick={setAt} />
      {at !== null && (
        <div className="dd-muted" data-testid="split-preview" style={{ marginTop: 8 }}>
          <div>
            Dòng {props.task?.ref}: {list.slice(0, at).join(" ")}
          </div>
          <div>Dòng mới: {list.slice(at).join(" ")}</div>
        </div>
      )}
    </Modal>
  );
}

const fieldOptions = (fields: readonly MovableField[]) =>
  fields.map((f) => ({ value: f, label: FIELD_LABELS[f] ?? f }));
const MOVABLE: MovableField[] = [
  "title",
  "leads",
  "coordinators",
  "responsible",
  "output",
  "deadline",
  "note",
  "sources",
];

const cellText = (task: ExtractedTask, field: MovableField) =>
  isListField(field) ? task[field].join(", ") : field === "deadline" ? task.deadline.text : task[field];

/**
 * Moves part of one cell of a row to another column: from a text, the words from a chosen word to
 * the end (the last words of a title that belong to the lead column); from a list, chosen items
 * (a lead that is a coordinator).
 */
export function MoveCellDialog(props: {
  task: ExtractedTask | null;
  onCancel(): void;
  onMove(move: { from: MovableField; to: MovableField; part: MovePart }): void;
}) {
  const [from, setFrom] = useState<MovableField>("title");
  const [to, setTo] = useState<MovableField>("leads");
  const [at, setAt] = useState<number | null>(null);
  const [items, setItems] = useState<string[]>([]);
  const task = props.task;
  const list = isListField(from);
  const ready = from !== to && (list ? items.length > 0 : at !== null);
  const moved = !task
    ? ""
    : list
      ? items.join(", ")
      : words(cellText(task, from))
          .slice(at ?? Infinity)
          .join(" ");

  return (
    <Modal
      open={!!task}
      title={`Chuyển nội dung ô, dòng ${task?.ref ?? ""}`}
      okText="Chuyển"
      cancelText="Hủy"
      okButtonProps={{ disabled: !ready }}
      onCancel={props.onCancel}
      onOk={() => ready && props.onMove({ from, to, part: list ? { items } : { fromWord: at! } })}
      destroyOnHidden
      width={640}
    >
      {task && (
        <>
          <fieldset className="dd-fieldset">
            <legend>Từ cột</legend>
            <Radio.Group
              optionType="button"
              size="small"
              value={from}
              options={fieldOptions(MOVABLE.filter((f) => cellText(task, f) !== ""))}
              onChange={(event) => {
                setFrom(event.target.value);
                setAt(null);
                setItems([]);
              }}
            />
          </fieldset>
          {list ? (
            <fieldset className="dd-fieldset">
              <legend>Mục cần chuyển</legend>
              <Checkbox.Group
                value={items}
                options={task[from as (typeof LIST_FIELDS)[number]].map((x) => ({ value: x, label: x }))}
                onChange={(value) => setItems(value as string[])}
              />
            </fieldset>
          ) : (
            <>
              <p className="dd-muted">Chọn chữ đầu tiên của phần cần chuyển (phần đó kéo dài đến hết ô).</p>
              <WordPicker text={cellText(task, from)} at={at} verb="Chuyển" onPick={setAt} />
            </>
          )}
          <fieldset className="dd-fieldset">
            <legend>Sang cột</legend>
            <Radio.Group
              optionType="button"
              size="small"
              value={to}
              options={fieldOptions(MOVABLE.filter((f) => f !== from))}
              onChange={(event) => setTo(event.target.value)}
            />
          </fieldset>
          {moved && (
            <div className="dd-muted" data-testid="move-preview">
              Sẽ chuyển “{moved}” sang cột {FIELD_LABELS[to]}.
            </div>
          )}
        </>
      )}
    </Modal>
  );
}
