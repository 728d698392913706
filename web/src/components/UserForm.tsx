import { Alert, App, Checkbox, Form, Input, Modal, Select } from "antd";
import {
  agencyRequiredMessage,
  type CreateUserInput,
  createUserInput,
} from "../../../src/commands/inputs/createUser.ts";
import { PASSWORD_MIN_LENGTH } from "../../../src/domain/passwordRules.ts";
import { needsAgency, type Role, roles } from "../../../src/domain/roles.ts";
import type { Agency } from "../api/agencies.ts";
import { errorMessage } from "../api/client.ts";
import { useCreateUser } from "../api/users.ts";
import { compareVietnamese, matchesFolded } from "../lib/format.ts";
import { roleLabel } from "../lib/labels.ts";
import { maxLengthOf, schemaRule } from "../lib/schemaRules.ts";

interface Values {
  username: string;
  displayName: string;
  email?: string;
  password: string;
  roles: Role[];
  agencyId?: string | null;
}

/** What the form sends: blanks left out, as createUser reads them. */
const toInput = (values: Partial<Values>): CreateUserInput => ({
  username: values.username?.trim().toLowerCase() ?? "",
  displayName: values.displayName?.trim() ?? "",
  email: values.email?.trim() || undefined,
  password: values.password ?? "",
  roles: values.roles ?? [],
  agencyId: values.agencyId ?? null,
});

const rule = (field: keyof CreateUserInput) => schemaRule(createUserInput, field, toInput);
const fields = createUserInput.shape;

/** "Cấp tài khoản": an administrator issues an account (there is no sign-up). */
export function UserForm(props: { open: boolean; agencies: Agency[]; onClose(): void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const { message } = App.useApp();
  const agencyRequired = needsAgency(Form.useWatch("roles", form) ?? []);

  const close = () => {
    form.resetFields();
    create.reset();
    props.onClose();
  };

  const onFinish = async (values: Values) => {
    try {
      const created = await create.mutateAsync(toInput(values));
      message.success(`Đã cấp tài khoản "${created.username}".`);
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
      open={props.open}
      title="Cấp tài khoản"
      okText="Cấp tài khoản"
      cancelText="Hủy"
      okButtonProps={{ loading: create.isPending, htmlType: "submit", form: "user-form" }}
      onCancel={close}
      forceRender
    >
      <Form<Values>
        id="user-form"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ roles: [] }}
        autoComplete="off"
      >
        <Form.Item name="username" label="Tên đăng nhập" rules={[rule("username")]}>
          <Input
            maxLength={maxLengthOf(fields.username)}
            aria-label="Tên đăng nhập"
            autoComplete="off"
            placeholder="nguyenvana"
          />
        </Form.Item>
        <Form.Item name="displayName" label="Họ tên" rules={[rule("displayName")]}>
          <Input maxLength={maxLengthOf(fields.displayName)} aria-label="Họ tên" />
        </Form.Item>
        <Form.Item name="email" label="Thư điện tử" rules={[rule("email")]}>
          <Input maxLength={200} aria-label="Thư điện tử" placeholder="Không bắt buộc" />
        </Form.Item>
        <Form.Item
          name="password"
          dependencies={["username"]}
          label="Mật khẩu ban đầu"
          extra={`Ít nhất ${PASSWORD_MIN_LENGTH} ký tự, không chứa tên đăng nhập, không phải mật khẩu phổ biến. Gửi cho người dùng qua kênh an toàn; họ phải đổi mật khẩu này ở lần đăng nhập đầu.`}
          rules={[rule("password")]}
        >
          <Input.Password
            maxLength={maxLengthOf(fields.password)}
            aria-label="Mật khẩu ban đầu"
            autoComplete="new-password"
          />
        </Form.Item>
        <Form.Item name="roles" label="Vai trò" rules={[rule("roles")]}>
          <Checkbox.Group options={roles.map((role) => ({ value: role, label: roleLabel(role) }))} />
        </Form.Item>
        <Form.Item
          name="agencyId"
          label="Cơ quan, đơn vị"
          dependencies={["roles"]}
          extra={agencyRequired ? undefined : "Bắt buộc với cán bộ và lãnh đạo đơn vị."}
          rules={[rule("agencyId"), { required: agencyRequired, message: agencyRequiredMessage }]}
        >
          <Select
            allowClear
            aria-label="Cơ quan, đơn vị"
            showSearch={{ filterOption: (input, option) => matchesFolded(input, option?.label) }}
            options={agencyOptions}
            placeholder="Chọn cơ quan, đơn vị"
          />
        </Form.Item>
        {create.isError && <Alert type="error" showIcon title={errorMessage(create.error)} />}
      </Form>
    </Modal>
  );
}
