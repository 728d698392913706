import { App } from "antd";
import { type ReactNode, useCallback, useState } from "react";
import type { Extraction } from "../api/imports.ts";
import { addTaskAfter, deleteTask, mergeIntoPrevious, moveCellText, splitTask } from "../lib/importRows.ts";
import type { RowAction } from "./ImportRowActions.tsx";
import { MoveCellDialog, SplitRowDialog } from "./ImportRowDialogs.tsx";

/**
 * The row operations of the import preview over the importer's draft: each is announced, the row
 * it leaves flashed (`show`), and kept for undo until the draft is saved (`reset`). Split and move
 * ask first, in the dialogs this returns for the page to render.
 */
export function useImportRowOperations(props: {
  draft: Extraction | null;
  change(next: Extraction): void;
  contextYear?: number;
  show(ref: string): void;
}): {
  onRowAction(index: number, action: RowAction): void;
  canUndo: boolean;
  undoLast(): void;
  reset(): void;
  dialogs: ReactNode;
} {
  const { draft, change } = props;
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<{ kind: "split" | "move"; index: number } | null>(null);
  // Drafts before each unsaved row operation, newest last.
  const [undo, setUndo] = useState<Extraction[]>([]);

  const operate = (before: Extraction, next: Extraction, done: string, show?: string) => {
    setUndo((stack) => [...stack.slice(-19), before]);
    change(next);
    message.info(done);
    if (show) props.show(show);
  };
  const onRowAction = (index: number, action: RowAction) => {
    if (!draft) return;
    const ref = draft.tasks[index]?.ref ?? "";
    if (action === "delete") operate(draft, deleteTask(draft, index), `Đã xóa dòng ${ref}.`);
    else if (action === "add") {
      const next = addTaskAfter(draft, index);
      const added = next.tasks[index + 1]!.ref;
      operate(draft, next, `Đã thêm dòng ${added} dưới dòng ${ref}.`, added);
    } else if (action === "merge") {
      const above = draft.tasks[index - 1]?.ref ?? "";
      operate(draft, mergeIntoPrevious(draft, index), `Đã gộp dòng ${ref} vào dòng ${above}.`, above);
    } else setDialog({ kind: action, index });
  };
  const reset = useCallback(() => setUndo([]), []);
  const undoLast = () => {
    const previous = undo[undo.length - 1];
    if (!previous) return;
    setUndo(undo.slice(0, -1));
    change(previous);
  };
  const taskFor = (kind: "split" | "move") =>
    draft && dialog?.kind === kind ? (draft.tasks[dialog.index] ?? null) : null;

  const dialogs = draft && (
    <>
      <SplitRowDialog
        key={`split-${dialog?.index}`}
        task={taskFor("split")}
        onCancel={() => setDialog(null)}
        onSplit={(at) => {
          const index = dialog!.index;
          const next = splitTask(draft, index, at);
          const added = next.tasks[index + 1]!.ref;
          setDialog(null);
          operate(
            draft,
            next,
            `Đã tách dòng ${draft.tasks[index]!.ref}; phần sau thành dòng ${added}.`,
            added,
          );
        }}
      />
      <MoveCellDialog
        key={`move-${dialog?.index}`}
        task={taskFor("move")}
        onCancel={() => setDialog(null)}
        onMove={(move) => {
          const index = dialog!.index;
          const ref = draft.tasks[index]!.ref;
          setDialog(null);
          const next = moveCellText(draft, index, { ...move, contextYear: props.contextYear });
          operate(draft, next, `Đã chuyển nội dung ô ở dòng ${ref}.`, ref);
        }}
      />
    </>
  );
  return { onRowAction, canUndo: undo.length > 0, undoLast, reset, dialogs };
}
