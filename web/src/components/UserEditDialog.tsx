import { Alert, App, Checkbox, Form, Input, Modal, Select } from "antd";
import { useEffect } from "react";
import {
  agencyRequiredMessage,
  type UpdateUserInput,
  updateUserInput,
} from "../../../src/commands/inputs/createUser.ts";
import { needsAgency, type Role, roles } from "../../../src/domain/roles.ts";
import type { Agency } from "../api/agencies.ts";
import { errorMessage } from "../api/client.ts";
import { useUpdateUser } from "../api/editing.ts";
import type { UserAccount } from "../api/users.ts";
import { compareVietnamese, matchesFolded } from "../lib/format.ts";
import { roleLabel } from "../lib/labels.ts";
import { schemaRule } from "../lib/schemaRules.ts";

interface Values {
  displayName: string;
  email: string;
  roles: Role[];
  agencyId: string | null;
}

const toInput = (values: Partial<Values>): UpdateUserInput => ({
  displayName: values.displayName?.trim() ?? "",
  email: values.email?.trim() ?? "",
  roles: values.roles ?? [],
  agencyId: values.agencyId ?? null,
});
const rule = (field: keyof UpdateUserInput) => schemaRule(updateUserInput, field, toInput);

/**
 * "Sửa tài khoản": name, e-mail, roles and agency (the username stays: it is how people log in
 * and how the audit log names them). New roles or agency end the account's open sessions.
 */
export function UserEditDialog(props: { user: UserAccount | null; agencies: Agency[]; onClose(): void }) {
  const { user } = props;
  const [form] = Form.useForm<Values>();
  const update = useUpdateUser(user?.id ?? "");
  const { message } = App.useApp();
  const agencyRequired = needsAgency(Form.useWatch("roles", form) ?? []);

  useEffect(() => {
    if (user) {
      form.setFieldsValue({
        displayName: user.displayName,
        email: user.email ?? "",
        roles: user.roles,
        agencyId: user.agencyId,
      });
    }
  }, [user, form]);

  const close = () => {
    update.reset();
    props.onClose();
  };
  const onFinish = async (values: Values) => {
    if (!user) return;
    const input = toInput(values);
    const before = toInput({ ...user, email: user.email ?? "" });
    const patch = Object.fromEntries(
      Object.entries(input).filter(
        ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof UpdateUserInput]),
      ),
    ) as UpdateUserInput;
    if (Object.keys(patch).length === 0) return close();
    try {
      await update.mutateAsync(patch);
      message.success(`Đã lưu tài khoản "${user.username}".`);
      close();
    } catch {
      // Shown in the form.
    }
  };

  const agencyOptions = props.agencies
    .filter((a) => !a.isGroup)
    .sort((a, b) => compareVietnamese(a.name, b.name))
    .map((a) => ({ value: a.id, label: a.name }));

  return (
    <Modal
      open={!!user}
      title={user ? `Sửa tài khoản "${user.username}"` : "Sửa tài khoản"}
      okText="Lưu"
      cancelText="Hủy"
      okButtonProps={{ loading: update.isPending, htmlType: "submit", form: "user-edit-form" }}
      onCancel={close}
      forceRender
    >
      <Form<Values> id="user-edit-form" form={form} layout="vertical" onFinish={onFinish} autoComplete="off">
        <Form.Item name="displayName" label="Họ tên" rules={[rule("displayName")]}>
          <Input aria-label="Họ tên" maxLength={200} />
        </Form.Item>
        <Form.Item name="email" label="Thư điện tử" rules={[rule("email")]}>
          <Input aria-label="Thư điện tử" maxLength={200} placeholder="Không bắt buộc" />
        </Form.Item>
        <Form.Item
          name="roles"
          label="Vai trò"
          rules={[rule("roles")]}
          extra="Đổi vai trò hoặc cơ quan thì người dùng bị đăng xuất để đăng nhập lại với quyền mới."
        >
          <Checkbox.Group options={roles.map((role) => ({ value: role, label: roleLabel(role) }))} />
        </Form.Item>
        <Form.Item
          name="agencyId"
          label="Cơ quan, đơn vị"
          dependencies={["roles"]}
          rules={[{ required: agencyRequired, message: agencyRequiredMessage }]}
        >
          <Select
            allowClear
            aria-label="Cơ quan, đơn vị"
            showSearch={{ filterOption: (input, option) => matchesFolded(input, option?.label) }}
            options={agencyOptions}
            placeholder="Chọn cơ quan, đơn vị"
          />
        </Form.Item>
        {update.isError && <Alert type="error" showIcon title={errorMessage(update.error)} />}
      </Form>
    </Modal>
  );
}
