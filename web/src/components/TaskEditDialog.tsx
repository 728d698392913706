import { Alert, App, Form, Input, Modal, Select } from "antd";
import { useEffect } from "react";
import { useNavigate } from "react-router-dom";
import { createTaskInput } from "../../../src/commands/inputs/task.ts";
import { useAgencies } from "../api/agencies.ts";
import { errorMessage } from "../api/client.ts";
import { type TaskInput, type TaskPatch, useCreateTask, useUpdateTask } from "../api/editing.ts";
import type { TaskDetail } from "../api/trackingTypes.ts";
import type { PlanSection } from "../api/types.ts";
import { compareVietnamese, matchesFolded } from "../lib/format.ts";
import { paths } from "../lib/paths.ts";
import { maxLengthOf, schemaRule } from "../lib/schemaRules.ts";

interface Values {
  sectionId: string | null;
  number: string;
  title: string;
  leadAgencyIds: string[];
  coordinatorAgencyIds: string[];
  deadlineText: string;
  responsible: string;
  output: string;
  note: string;
}

const toInput = (values: Partial<Values>): TaskInput => ({
  sectionId: values.sectionId ?? null,
  number: values.number?.trim() ?? "",
  title: values.title?.trim() ?? "",
  leadAgencyIds: values.leadAgencyIds ?? [],
  coordinatorAgencyIds: values.coordinatorAgencyIds ?? [],
  deadlineText: values.deadlineText?.trim() ?? "",
  responsible: values.responsible?.trim() ?? "",
  output: values.output?.trim() ?? "",
  note: values.note?.trim() ?? "",
});
const rule = (field: keyof TaskInput) => schemaRule(createTaskInput, field, toInput);
const fields = createTaskInput.shape;

/** The agencies a task names by role, as the directory's ids (a group by the group itself). */
const agencyIdsOf = (task: TaskDetail, role: "lead" | "coordinator") => [
  ...new Set(task.assignments.filter((a) => a.role === role).map((a) => a.viaGroupId ?? a.agencyId)),
];

function initialValues(task: TaskDetail | undefined, sections: PlanSection[]): Values {
  return {
    sectionId: task ? (sections.find((s) => s.numeral === task.section)?.id ?? null) : null,
    number: task?.number ?? "",
    title: task?.title ?? "",
    leadAgencyIds: task ? agencyIdsOf(task, "lead") : [],
    coordinatorAgencyIds: task ? agencyIdsOf(task, "coordinator") : [],
    deadlineText: task?.deadlineText ?? "",
    responsible: task?.responsible ?? "",
    output: task?.output ?? "",
    note: task?.note ?? "",
  };
}

/**
 * "Thêm nhiệm vụ" on a plan, or "Sửa nhiệm vụ" on a task: the agencies are chosen from the
 * directory, the deadline typed as documents write it (the server reads its kind and date). An
 * edit sends only what changed, so a lead the directory lacks keeps its text until it is mapped.
 */
export function TaskEditDialog(props: {
  open: boolean;
  planId: string;
  sections: PlanSection[];
  task?: TaskDetail;
  onClose(): void;
}) {
  const { task, sections } = props;
  const [form] = Form.useForm<Values>();
  const agencies = useAgencies(props.open);
  const create = useCreateTask(props.planId);
  const update = useUpdateTask(task?.id ?? "");
  const saving = task ? update : create;
  const { message } = App.useApp();
  const navigate = useNavigate();

  useEffect(() => {
    if (props.open) form.setFieldsValue(initialValues(task, sections));
  }, [props.open, task, sections, form]);

  const close = () => {
    saving.reset();
    props.onClose();
  };

  const onFinish = async (values: Values) => {
    const input = toInput(values);
    try {
      if (!task) {
        const created = await create.mutateAsync(input);
        message.success(`Đã thêm nhiệm vụ ${created.ref}.`);
        close();
        navigate(paths.task(created.taskId));
        return;
      }
      const before = toInput(initialValues(task, sections));
      const patch = Object.fromEntries(
        Object.entries(input).filter(
          ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof TaskInput]),
        ),
      ) as TaskPatch;
      if (Object.keys(patch).length === 0) return close();
      await update.mutateAsync(patch);
      message.success(`Đã lưu nhiệm vụ ${task.ref}.`);
      close();
    } catch {
      // Shown in the form.
    }
  };

  const options = (agencies.data ?? [])
    .slice()
    .sort((a, b) => compareVietnamese(a.name, b.name))
    .map((a) => ({ value: a.id, label: a.name }));
  const agencySelect = (label: string) => (
    <Select
      mode="multiple"
      aria-label={label}
      loading={agencies.isPending}
      showSearch={{ filterOption: (input, option) => matchesFolded(input, option?.label) }}
      options={options}
      placeholder="Chọn trong danh mục cơ quan, đơn vị"
    />
  );

  return (
    <Modal
      open={props.open}
      title={task ? `Sửa nhiệm vụ ${task.ref}` : "Thêm nhiệm vụ"}
      okText={task ? "Lưu" : "Thêm nhiệm vụ"}
      cancelText="Hủy"
      width={720}
      okButtonProps={{ loading: saving.isPending, htmlType: "submit", form: "task-form" }}
      onCancel={close}
      forceRender
    >
      <Form<Values> id="task-form" form={form} layout="vertical" onFinish={onFinish} autoComplete="off">
        <div style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
          <Form.Item name="sectionId" label="Phần" style={{ flex: "1 1 240px", minWidth: 0 }}>
            <Select
              aria-label="Phần"
              style={{ width: "100%" }}
              popupMatchSelectWidth={false}
              options={[
                { value: null, label: "Không thuộc phần nào" },
                ...sections.map((s) => ({ value: s.id, label: `${s.numeral}. ${s.title}` })),
              ]}
            />
          </Form.Item>
          <Form.Item name="number" label="Số thứ tự" rules={[rule("number")]} style={{ flex: "0 1 140px" }}>
            <Input aria-label="Số thứ tự" maxLength={maxLengthOf(fields.number)} />
          </Form.Item>
        </div>
        <Form.Item name="title" label="Tên nhiệm vụ" rules={[rule("title")]}>
          <Input.TextArea aria-label="Tên nhiệm vụ" autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="leadAgencyIds" label="Cơ quan chủ trì" rules={[rule("leadAgencyIds")]}>
          {agencySelect("Cơ quan chủ trì")}
        </Form.Item>
        <Form.Item name="coordinatorAgencyIds" label="Cơ quan phối hợp">
          {agencySelect("Cơ quan phối hợp")}
        </Form.Item>
        <Form.Item
          name="deadlineText"
          label="Thời hạn"
          extra="Ghi như văn bản: 30/6/2026, Quý III/2026, Tháng 12/2026, Năm 2026, Thường xuyên."
          rules={[rule("deadlineText")]}
        >
          <Input aria-label="Thời hạn" maxLength={maxLengthOf(fields.deadlineText)} />
        </Form.Item>
        <Form.Item name="responsible" label="Người đứng đầu chịu trách nhiệm">
          <Input aria-label="Người đứng đầu chịu trách nhiệm" maxLength={maxLengthOf(fields.responsible)} />
        </Form.Item>
        <Form.Item name="output" label="Sản phẩm, kết quả">
          <Input.TextArea aria-label="Sản phẩm, kết quả" autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea aria-label="Ghi chú" autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        {saving.isError && <Alert type="error" showIcon title={errorMessage(saving.error)} />}
      </Form>
    </Modal>
  );
}
