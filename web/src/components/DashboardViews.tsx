import { App, Button, Checkbox, Form, Input, Modal, Popconfirm, Radio, Select, Space } from "antd";
import { useState } from "react";
import { dashboardViewInput } from "../../../src/commands/inputs/dashboardView.ts";
import {
  type DashboardPanel,
  type DashboardViewConfig,
  dashboardPanelLabels,
  dashboardPanels,
} from "../../../src/domain/dashboardViews.ts";
import { type Role, roles } from "../../../src/domain/roles.ts";
import { errorMessage } from "../api/client.ts";
import {
  type DashboardView,
  type DashboardViewBody,
  useCreateDashboardView,
  useDashboardViews,
  useDeleteDashboardView,
  useUpdateDashboardView,
} from "../api/dashboardViews.ts";
import { useMe } from "../api/queries.ts";
import { roleLabel } from "../lib/labels.ts";
import { maxLengthOf, schemaRule } from "../lib/schemaRules.ts";
import { DeleteOutlined, EditOutlined, SaveOutlined } from "./icons.tsx";

interface Values {
  name: string;
  panels: DashboardPanel[];
  sharedWithRoles: Role[];
  /** Keep the day shown now, or show the day the view is opened. */
  day: "today" | "fixed";
}

/** The roles a view is shared with: the office and administrators see every view already. */
const shareableRoles = roles.filter((role) => role !== "admin" && role !== "coordinator");

/**
 * The saved dashboards above the dashboard: pick one to open it; the standing office saves what is
 * on screen (scope, day, chosen panels) under a name and shares it with roles, or changes and
 * removes a saved one.
 */
export function DashboardViews(props: {
  /** What the dashboard shows now, as a view would store it. */
  current: DashboardViewConfig;
  onOpen(config: DashboardViewConfig): void;
}) {
  const { data: me } = useMe();
  const views = useDashboardViews();
  const [selected, setSelected] = useState<string | undefined>();
  const [editing, setEditing] = useState<DashboardView | "new" | null>(null);
  const remove = useDeleteDashboardView();
  const { message } = App.useApp();
  const manage = me?.abilities.dashboard.manageViews ?? false;
  const chosen = views.data?.find((view) => view.id === selected);

  if (!manage && (views.data?.length ?? 0) === 0) return null;
  return (
    <Space wrap className="dd-dashboard-views">
      <Select
        aria-label="Trang tổng quan đã lưu"
        placeholder="Trang tổng quan đã lưu"
        style={{ minWidth: 240, maxWidth: "100%" }}
        loading={views.isLoading}
        value={selected}
        allowClear
        onChange={(id?: string) => {
          setSelected(id);
          const view = views.data?.find((v) => v.id === id);
          if (view) props.onOpen(view.config);
        }}
        options={(views.data ?? []).map((view) => ({ value: view.id, label: view.name }))}
        notFoundContent="Chưa có trang tổng quan nào được lưu"
      />
      {manage && (
        <Button icon={<SaveOutlined />} onClick={() => setEditing("new")}>
          Lưu trang tổng quan này
        </Button>
      )}
      {manage && chosen && (
        <>
          <Button icon={<EditOutlined />} onClick={() => setEditing(chosen)}>
            Sửa
          </Button>
          <Popconfirm
            title={`Xóa trang tổng quan “${chosen.name}”?`}
            okText="Xóa"
            cancelText="Không"
            onConfirm={() =>
              remove.mutate(chosen.id, {
                onSuccess: () => {
                  setSelected(undefined);
                  message.success("Đã xóa trang tổng quan.");
                },
                onError: (error) => message.error(errorMessage(error)),
              })
            }
          >
            <Button danger icon={<DeleteOutlined />}>
              Xóa
            </Button>
          </Popconfirm>
        </>
      )}
      {editing && (
        <DashboardViewForm
          view={editing === "new" ? null : editing}
          current={props.current}
          onClose={(savedId) => {
            setEditing(null);
            if (savedId) setSelected(savedId);
          }}
        />
      )}
    </Space>
  );
}

function DashboardViewForm(props: {
  view: DashboardView | null;
  current: DashboardViewConfig;
  onClose(savedId?: string): void;
}) {
  const { view, current } = props;
  const [form] = Form.useForm<Values>();
  const create = useCreateDashboardView();
  const update = useUpdateDashboardView();
  const { message } = App.useApp();
  // Editing keeps the view's own scope and day; saving anew takes what is on screen.
  const base = view?.config ?? current;
  const toBody = (values: Partial<Values>): DashboardViewBody => ({
    name: values.name ?? "",
    config: {
      ...base,
      asOf: values.day === "fixed" ? (base.asOf ?? current.asOf) : undefined,
      panels: values.panels ?? [],
    },
    sharedWithRoles: values.sharedWithRoles ?? [],
  });
  const rule = (field: keyof DashboardViewBody) => schemaRule(dashboardViewInput, field, toBody);

  const submit = (values: Values) => {
    const body = toBody(values);
    const done = {
      onSuccess: (saved: { id: string }) => {
        message.success(view ? "Đã lưu thay đổi." : "Đã lưu trang tổng quan.");
        props.onClose(saved.id);
      },
      onError: (error: unknown) => message.error(errorMessage(error)),
    };
    if (view) update.mutate({ id: view.id, body }, done);
    else create.mutate(body, done);
  };

  return (
    <Modal
      open
      title={view ? "Sửa trang tổng quan đã lưu" : "Lưu trang tổng quan"}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={() => props.onClose()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: view?.name ?? "",
          panels: base.panels,
          sharedWithRoles: view?.sharedWithRoles ?? ["leader"],
          day: base.asOf ? "fixed" : "today",
        }}
      >
        <Form.Item label="Tên" name="name" rules={[rule("name")]}>
          <Input maxLength={maxLengthOf(dashboardViewInput.shape.name)} />
        </Form.Item>
        <Form.Item label="Nội dung hiển thị" name="panels" rules={[rule("config")]}>
          <Checkbox.Group
            options={dashboardPanels.map((panel) => ({ value: panel, label: dashboardPanelLabels[panel] }))}
          />
        </Form.Item>
        <Form.Item label="Số liệu tính đến" name="day">
          <Radio.Group>
            <Radio value="today">Ngày mở trang</Radio>
            <Radio value="fixed" disabled={!base.asOf}>
              {base.asOf ? `Ngày ${base.asOf.split("-").reverse().join("/")}` : "Một ngày cố định"}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          label="Chia sẻ cho"
          name="sharedWithRoles"
          extra="Cơ quan thường trực và quản trị viên luôn thấy mọi trang tổng quan đã lưu."
        >
          <Checkbox.Group options={shareableRoles.map((role) => ({ value: role, label: roleLabel(role) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
