import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router-dom";
import { type LoginInput, loginInput } from "../../../src/commands/inputs/startSession.ts";
import { totpCodeInput } from "../../../src/commands/inputs/twoFactor.ts";
import { ApiError, errorMessage } from "../api/client.ts";
import { useLogin, useMe } from "../api/queries.ts";
import { useLoginTotp } from "../api/security.ts";
import { KeyOutlined, LockOutlined, SafetyOutlined, UserOutlined } from "../components/icons.tsx";
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

const codeRule = schemaRule(totpCodeInput, "code", (values: { code?: string }) => ({
  code: values.code ?? "",
}));

export function LoginPage() {
  useDocumentTitle("Đăng nhập");
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  // Set when the password was right and the account's authenticator code is due.
  const [challenge, setChallenge] = useState<string | null>(null);

  if (me.data && !login.isPending) return <Navigate to={next} replace />;

  const onFinish = (values: LoginForm) =>
    login.mutate(toInput(values), {
      onSuccess: (result) => {
        if (result.totpRequired && result.challenge) setChallenge(result.challenge);
        else navigate(next, { replace: true });
      },
    });

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
        {challenge ? (
          <SecondStep
            challenge={challenge}
            onDone={() => navigate(next, { replace: true })}
            onRestart={() => {
              setChallenge(null);
              login.reset();
            }}
          />
        ) : (
          <>
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
          </>
        )}
        <Typography.Paragraph className="dd-muted" style={{ marginTop: 16, marginBottom: 0 }}>
          Tài khoản do quản trị viên cấp. Nếu quên mật khẩu hoặc chưa có tài khoản, vui lòng liên hệ quản trị
          viên của cơ quan, đơn vị.
        </Typography.Paragraph>
      </Card>
    </main>
  );
}

/** The second step: a code from the authenticator app, or one of the recovery codes. */
function SecondStep(props: { challenge: string; onDone: () => void; onRestart: () => void }) {
  const totp = useLoginTotp();
  const [recovery, setRecovery] = useState(false);
  // A refused challenge (expired, too many attempts) cannot be retried: back to the password.
  const expired = totp.error instanceof ApiError && totp.error.code === "login_challenge_expired";

  const onFinish = (values: { code?: string; recoveryCode?: string }) =>
    totp.mutate(
      recovery
        ? { challenge: props.challenge, recoveryCode: values.recoveryCode?.trim() ?? "" }
        : { challenge: props.challenge, code: values.code?.trim() ?? "" },
      { onSuccess: props.onDone },
    );

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        Xác thực hai lớp
      </Typography.Title>
      <Typography.Paragraph className="dd-muted">
        {recovery
          ? "Nhập một trong các mã khôi phục đã lưu khi thiết lập. Mỗi mã chỉ dùng được một lần."
          : "Mở ứng dụng xác thực trên điện thoại và nhập mã 6 chữ số đang hiển thị."}
      </Typography.Paragraph>
      {totp.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorMessage(totp.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        disabled={totp.isPending || !!expired}
        key={String(recovery)}
      >
        {recovery ? (
          <Form.Item
            label="Mã khôi phục"
            name="recoveryCode"
            rules={[{ required: true, whitespace: true, message: "Cần nhập mã khôi phục." }]}
          >
            <Input prefix={<KeyOutlined />} autoComplete="off" autoFocus size="large" />
          </Form.Item>
        ) : (
          <Form.Item label="Mã xác thực" name="code" rules={[codeRule]}>
            <Input
              prefix={<SafetyOutlined />}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              autoFocus
              size="large"
            />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block size="large" loading={totp.isPending}>
          Xác nhận
        </Button>
      </Form>
      <div style={{ display: "flex", justifyContent: "space-between", marginTop: 12 }}>
        <Button type="link" style={{ padding: 0 }} onClick={() => setRecovery(!recovery)}>
          {recovery ? "Dùng mã từ ứng dụng" : "Dùng mã khôi phục"}
        </Button>
        <Button type="link" style={{ padding: 0 }} onClick={props.onRestart}>
          Đăng nhập lại
        </Button>
      </div>
    </>
  );
}
