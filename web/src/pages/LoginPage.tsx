import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { Navigate, useNavigate, useSearchParams } from "react-router-dom";
import { type LoginInput, loginInput } from "../../../src/commands/inputs/startSession.ts";
import { errorMessage } from "../api/client.ts";
import { useLogin, useMe } from "../api/queries.ts";
import { useDocumentTitle } from "../components/useDocumentTitle.ts";
import { safeNext } from "../lib/paths.ts";
import { schemaRule } from "../lib/schemaRules.ts";

interface LoginForm {
  username: string;
  password: string;
}

const toInput = (values: Partial<LoginForm>): LoginInput => ({
  username: values.username?.trim() ?? "",
  password: values.password ?? "",
});
const rule = (field: keyof LoginInput) => schemaRule(loginInput, field, toInput);

export function LoginPage() {
  useDocumentTitle("Đăng nhập");
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();

  if (me.data && !login.isPending) return <Navigate to={next} replace />;

  const onFinish = (values: LoginForm) =>
    login.mutate(toInput(values), { onSuccess: () => navigate(next, { replace: true }) });

  return (
    <main className="dd-login">
      <Card style={{ width: 400, maxWidth: "100%" }} styles={{ body: { padding: 32 } }}>
        <div style={{ textAlign: "center", marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Title level={3} style={{ margin: "8px 0 0", color: "#a61d24" }}>
            Đôn Đốc
          </Typography.Title>
          <div className="dd-muted">Hệ thống theo dõi, đôn đốc thực hiện nhiệm vụ</div>
        </div>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          Đăng nhập
        </Typography.Title>
        {login.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorMessage(login.error)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<LoginForm>
          layout="vertical"
          onFinish={onFinish}
          requiredMark={false}
          disabled={login.isPending}
        >
          <Form.Item label="Tên đăng nhập" name="username" rules={[rule("username")]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label="Mật khẩu" name="password" rules={[rule("password")]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            Đăng nhập
          </Button>
        </Form>
        <Typography.Paragraph className="dd-muted" style={{ marginTop: 16, marginBottom: 0 }}>
          Tài khoản do quản trị viên cấp. Nếu quên mật khẩu hoặc chưa có tài khoản, vui lòng liên hệ quản trị
          viên của cơ quan, đơn vị.
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
