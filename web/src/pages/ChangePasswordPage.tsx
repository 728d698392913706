import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Space, Spin, Typography } from "antd";
import { useMemo } from "react";
import { Navigate, useNavigate } from "react-router-dom";
import {
  type ChangePasswordInput,
  changePasswordInputFor,
} from "../../../src/commands/inputs/changePassword.ts";
import { PASSWORD_MIN_LENGTH } from "../../../src/domain/passwordRules.ts";
import { errorMessage, isPasswordChangeRequired } from "../api/client.ts";
import { meKey, useLogout, useMe } from "../api/queries.ts";
import type { Me } from "../api/types.ts";
import { useChangePassword } from "../api/users.ts";
import { LockOutlined } from "../components/icons.tsx";
import { useDocumentTitle } from "../components/useDocumentTitle.ts";
import { paths } from "../lib/paths.ts";
import { schemaRule } from "../lib/schemaRules.ts";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const toInput = (values: Partial<Values>): ChangePasswordInput => ({
  currentPassword: values.currentPassword ?? "",
  newPassword: values.newPassword ?? "",
});

export const forcedChangeMessage = "Bạn cần đổi mật khẩu được cấp trước khi tiếp tục.";

/**
 * "Đổi mật khẩu": any signed-in user, from the header; and where the app sends the owner of an
 * issued (or reset) password before anything else. A page of its own, outside the app's frame,
 * so that nothing else can be opened until the password is changed.
 */
export function ChangePasswordPage() {
  useDocumentTitle("Đổi mật khẩu");
  const me = useMe();
  const change = useChangePassword();
  const logout = useLogout();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // The username, when the session reveals it, lets the form refuse it as the server will.
  const username = me.data?.username;
  const schema = useMemo(() => changePasswordInputFor(username), [username]);

  if (me.isPending) {
    return (
      <div style={{ padding: 96, textAlign: "center" }}>
        <Spin size="large" />
      </div>
    );
  }
  if (me.data === null) {
    return <Navigate to={`${paths.login}?next=${encodeURIComponent(paths.changePassword)}`} replace />;
  }
  const forced = me.data?.mustChangePassword === true || isPasswordChangeRequired(me.error);
  const rule = (field: keyof ChangePasswordInput) => schemaRule(schema, field, toInput);

  const onFinish = async (values: Values) => {
    try {
      const result = await change.mutateAsync(toInput(values));
      client.setQueryData<Me | null>(meKey, (old) => (old ? { ...old, mustChangePassword: false } : old));
      message.success(
        result.sessionsEnded > 0
          ? "Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã được đăng xuất."
          : "Đã đổi mật khẩu.",
      );
      navigate("/", { replace: true });
    } catch {
      // Shown in the form.
    }
  };

  const onLogout = () =>
    logout.mutate(undefined, { onSettled: () => navigate(paths.login, { replace: true }) });

  return (
    <main className="dd-login">
      <Card style={{ width: 440, maxWidth: "100%" }} styles={{ body: { padding: 32 } }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          Đổi mật khẩu
        </Typography.Title>
        {me.data && (
          <Typography.Paragraph className="dd-muted">
            Tài khoản <b>{me.data.username}</b> ({me.data.displayName})
          </Typography.Paragraph>
        )}
        {forced && (
          <Alert
            type="warning"
            showIcon
            role="status"
            title={forcedChangeMessage}
            style={{ marginBottom: 16 }}
          />
        )}
        {change.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorMessage(change.error)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          requiredMark={false}
          disabled={change.isPending}
        >
          <Form.Item label="Mật khẩu hiện tại" name="currentPassword" rules={[rule("currentPassword")]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            label="Mật khẩu mới"
            name="newPassword"
            dependencies={["currentPassword"]}
            rules={[rule("newPassword")]}
            extra={`Ít nhất ${PASSWORD_MIN_LENGTH} ký tự, không chứa tên đăng nhập, không phải mật khẩu phổ biến hay dãy ký tự dễ đoán. Nên dùng một câu ngắn dễ nhớ.`}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="Nhập lại mật khẩu mới"
            name="confirmPassword"
            dependencies={["newPassword"]}
            rules={[
              { required: true, message: "Cần nhập lại mật khẩu mới." },
              ({ getFieldValue }) => ({
                validator: async (_, value) => {
                  if (value && value !== getFieldValue("newPassword")) {
                    throw new Error("Hai lần nhập mật khẩu mới không khớp.");
                  }
                },
              }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
          </Form.Item>
          <Space style={{ width: "100%", justifyContent: "space-between" }}>
            {forced ? (
              <Button onClick={onLogout} loading={logout.isPending}>
                Đăng xuất
              </Button>
            ) : (
              <Button onClick={() => ((window.history.state?.idx ?? 0) > 0 ? navigate(-1) : navigate("/"))}>
                Quay lại
              </Button>
            )}
            <Button type="primary" htmlType="submit" loading={change.isPending}>
              Đổi mật khẩu
            </Button>
          </Space>
        </Form>
      </Card>
    </main>
  );
}
