import { App, Button, Popconfirm } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { useDeletePlan, useRestorePlan } from "../api/editing.ts";
import { useMe } from "../api/queries.ts";
import type { PlanDetail } from "../api/types.ts";
import { can } from "../lib/can.ts";
import { paths } from "../lib/paths.ts";
import { notifyUndo } from "../lib/undo.tsx";
import { DeleteOutlined, EditOutlined, PlusOutlined } from "./icons.tsx";
import { PlanEditDialog } from "./PlanEditDialog.tsx";
import { TaskEditDialog } from "./TaskEditDialog.tsx";

/** The standing office's actions on a plan: edit it and its settings, add a task, delete it. */
export function PlanActions({ plan }: { plan: PlanDetail }) {
  const me = useMe().data;
  const [dialog, setDialog] = useState<"plan" | "task" | null>(null);
  const remove = useDeletePlan();
  const restore = useRestorePlan();
  const { message, notification } = App.useApp();
  const navigate = useNavigate();
  if (!can.editPlans(me)) return null;

  const onDelete = async () => {
    try {
      await remove.mutateAsync(plan.id);
      navigate(paths.plans);
      notifyUndo(notification, `Đã xóa kế hoạch ${plan.documentNumber ?? plan.name}.`, async () => {
        try {
          await restore.mutateAsync(plan.id);
          message.success("Đã khôi phục kế hoạch.");
          navigate(paths.plan(plan.id));
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
      <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog("plan")}>
        Sửa kế hoạch
      </Button>
      <Button icon={<PlusOutlined aria-hidden />} onClick={() => setDialog("task")}>
        Thêm nhiệm vụ
      </Button>
      <Popconfirm
        title="Xóa kế hoạch này?"
        description="Kế hoạch và các nhiệm vụ của nó không còn hiện trong danh sách và số liệu; báo cáo được giữ lại và có thể khôi phục."
        okText="Xóa"
        cancelText="Không"
        okButtonProps={{ danger: true, loading: remove.isPending }}
        onConfirm={onDelete}
      >
        <Button danger icon={<DeleteOutlined aria-hidden />}>
          Xóa kế hoạch
        </Button>
      </Popconfirm>
      <PlanEditDialog open={dialog === "plan"} plan={plan} onClose={() => setDialog(null)} />
      <TaskEditDialog
        open={dialog === "task"}
        planId={plan.id}
        sections={plan.sections}
        onClose={() => setDialog(null)}
      />
    </>
  );
}
