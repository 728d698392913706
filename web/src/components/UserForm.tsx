import { Alert, App, Checkbox, Form, Input, Modal, Select } from "antd";
import { needsAgency, type Role, roles } from "../../../src/domain/roles.ts";
import type { Agency } from "../api/agencies.ts";
import { errorMessage } from "../api/client.ts";
import { useCreateUser } from "../api/users.ts";
import { compareVietnamese, matchesFolded } from "../lib/format.ts";
import { roleLabel } from "../lib/labels.ts";

interface Values {
  username: string;
  displayName: string;
  email?: string;
  password: string;
  roles: Role[];
  agencyId?: string | null;
}

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
      const created = await create.mutateAsync({
        username: values.username.trim().toLowerCase(),
        displayName: values.displayName.trim(),
        email: values.email?.trim() || undefined,
        password: values.password,
        roles: values.roles,
        agencyId: values.agencyId ?? null,
      });
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
        <Form.Item
          name="username"
          label="Tên đăng nhập"
          rules={[
            { required: true, whitespace: true, message: "Hãy nhập tên đăng nhập." },
            {
              pattern: /^[a-zA-Z0-9._-]{3,64}$/,
              message: "Tên đăng nhập chỉ gồm chữ không dấu, số và . _ - (3–64 ký tự).",
            },
          ]}
        >
          <Input maxLength={64} aria-label="Tên đăng nhập" autoComplete="off" placeholder="nguyenvana" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label="Họ tên"
          rules={[{ required: true, whitespace: true, message: "Hãy nhập họ tên." }]}
        >
          <Input maxLength={200} aria-label="Họ tên" />
        </Form.Item>
        <Form.Item
          name="email"
          label="Thư điện tử"
          rules={[{ type: "email", message: "Địa chỉ thư điện tử không hợp lệ." }]}
        >
          <Input maxLength={200} aria-label="Thư điện tử" placeholder="Không bắt buộc" />
        </Form.Item>
        <Form.Item
          name="password"
          label="Mật khẩu ban đầu"
          extra="Ít nhất 10 ký tự. Gửi mật khẩu cho người dùng qua kênh an toàn."
          rules={[
            { required: true, message: "Hãy nhập mật khẩu." },
            { min: 10, message: "Mật khẩu phải có ít nhất 10 ký tự." },
          ]}
        >
          <Input.Password maxLength={200} aria-label="Mật khẩu ban đầu" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="roles"
          label="Vai trò"
          rules={[{ required: true, type: "array", min: 1, message: "Hãy chọn ít nhất một vai trò." }]}
        >
          <Checkbox.Group options={roles.map((role) => ({ value: role, label: roleLabel(role) }))} />
        </Form.Item>
        <Form.Item
          name="agencyId"
          label="Cơ quan, đơn vị"
          dependencies={["roles"]}
          extra={agencyRequired ? undefined : "Bắt buộc với cán bộ và lãnh đạo đơn vị."}
          rules={[
            {
              required: agencyRequired,
              message: "Cán bộ và lãnh đạo đơn vị phải thuộc một cơ quan, đơn vị.",
            },
          ]}
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
