import { App, Button, Popconfirm } from "antd";
import { Suspense, useState } from "react";
import { useNavigate } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { useDeleteTask, useRestoreTask } from "../api/editing.ts";
import { usePlan } from "../api/queries.ts";
import type { TaskDetail } from "../api/trackingTypes.ts";
import { lazyNamed, useMountedOnceOpen } from "../lib/lazyNamed.ts";
import { paths } from "../lib/paths.ts";
import { notifyUndo } from "../lib/undo.tsx";
import { DeleteOutlined, EditOutlined } from "./icons.tsx";

/**
 * "Sửa nhiệm vụ" and "Xóa nhiệm vụ" for the standing office. A task with reports may be deleted:
 * the deletion is soft, the reports stay with it and come back on "Hoàn tác"; the confirmation
 * says so.
 */
const TaskEditDialog = lazyNamed(() => import("./TaskEditDialog.tsx"), "TaskEditDialog");

export function TaskActions({ task, reportCount }: { task: TaskDetail; reportCount: number }) {
  const [editing, setEditing] = useState(false);
  const editorMounted = useMountedOnceOpen(editing);
  const plan = usePlan(task.planId);
  const remove = useDeleteTask();
  const restore = useRestoreTask();
  const { message, notification } = App.useApp();
  const navigate = useNavigate();

  const onDelete = async () => {
    try {
      await remove.mutateAsync(task.id);
      navigate(paths.plan(task.planId));
      notifyUndo(notification, `Đã xóa nhiệm vụ ${task.ref}.`, async () => {
        try {
          await restore.mutateAsync(task.id);
          message.success(`Đã khôi phục nhiệm vụ ${task.ref}.`);
        } catch (error) {
          message.error(errorMessage(error));
        }
      });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <>
      <Button
        icon={<EditOutlined aria-hidden />}
        onClick={() => setEditing(true)}
        disabled={!!task.removedAt}
      >
        Sửa nhiệm vụ
      </Button>
      <Popconfirm
        title={`Xóa nhiệm vụ ${task.ref}?`}
        description={
          reportCount > 0
            ? `Nhiệm vụ đã có ${reportCount} báo cáo. Nhiệm vụ và các báo cáo không còn được tính trong số liệu; có thể hoàn tác.`
            : "Nhiệm vụ không còn được tính trong danh sách và số liệu; có thể hoàn tác."
        }
        okText="Xóa"
        cancelText="Không"
        okButtonProps={{ danger: true, loading: remove.isPending }}
        onConfirm={onDelete}
      >
        <Button danger icon={<DeleteOutlined aria-hidden />}>
          Xóa nhiệm vụ
        </Button>
      </Popconfirm>
      {editorMounted && (
        <Suspense fallback={null}>
          <TaskEditDialog
            open={editing}
            planId={task.planId}
            sections={plan.data?.sections ?? []}
            task={task}
            onClose={() => setEditing(false)}
          />
        </Suspense>
      )}
    </>
  );
}
