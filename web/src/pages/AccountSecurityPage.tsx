import { Alert, App, Button, Card, Form, Input, Space, Steps, Tag, Typography } from "antd";
import QRCode from "qrcode";
import { useEffect, useRef, useState } from "react";
import { totpCodeInput } from "../../../src/commands/inputs/twoFactor.ts";
import { errorMessage } from "../api/client.ts";
import { useMe } from "../api/queries.ts";
import { useBeginTotpEnrolment, useConfirmTotpEnrolment, useDisableTotp } from "../api/security.ts";
import { CopyOutlined, DownloadOutlined, SafetyCertificateOutlined } from "../components/icons.tsx";
import { useDocumentTitle } from "../components/useDocumentTitle.ts";
import { schemaRule } from "../lib/schemaRules.ts";

const codeRule = schemaRule(totpCodeInput, "code", (values: { code?: string }) => ({
  code: values.code ?? "",
}));

/**
 * "Bảo mật tài khoản": each user sets up (or turns off) the authenticator app that gives the
 * second step of their login. An account whose role requires it is sent here until it is done.
 */
export function AccountSecurityPage() {
  useDocumentTitle("Bảo mật tài khoản");
  const me = useMe().data;
  // Shown once, right after confirming: kept here so that the page can show them after /api/me changes.
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  if (!me) return null;

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%", maxWidth: 760 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Bảo mật tài khoản
      </Typography.Title>
      {me.totpRequired && !me.totpEnabled && (
        <Alert
          type="warning"
          showIcon
          title="Vai trò của bạn bắt buộc xác thực hai lớp."
          description="Hãy thiết lập ứng dụng xác thực dưới đây để tiếp tục sử dụng hệ thống."
        />
      )}
      <Card
        title={
          <Space>
            <SafetyCertificateOutlined />
            Xác thực hai lớp
            {me.totpEnabled ? <Tag color="green">Đang bật</Tag> : <Tag>Chưa bật</Tag>}
          </Space>
        }
      >
        {recoveryCodes ? (
          <RecoveryCodes codes={recoveryCodes} username={me.username} onDone={() => setRecoveryCodes(null)} />
        ) : me.totpEnabled ? (
          <DisableTotp required={me.totpRequired} />
        ) : (
          <Enrolment onEnabled={setRecoveryCodes} />
        )}
      </Card>
    </Space>
  );
}

function Enrolment({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const begin = useBeginTotpEnrolment();
  const confirm = useConfirmTotpEnrolment();
  const canvas = useRef<HTMLCanvasElement>(null);
  const uri = begin.data?.uri;

  // Drawn on a canvas, not an <img> with a data: URL, so the page needs nothing beyond its own CSP.
  useEffect(() => {
    if (uri && canvas.current) void QRCode.toCanvas(canvas.current, uri, { width: 200, margin: 1 });
  }, [uri]);

  if (!begin.data) {
    return (
      <Space orientation="vertical">
        <Typography.Paragraph style={{ margin: 0 }}>
          Khi bật, mỗi lần đăng nhập bạn nhập thêm mã 6 chữ số từ ứng dụng xác thực trên điện thoại (Google
          Authenticator, Microsoft Authenticator, FreeOTP…), nên người biết mật khẩu của bạn cũng không đăng
          nhập được.
        </Typography.Paragraph>
        {begin.isError && <Alert type="error" showIcon title={errorMessage(begin.error)} />}
        <Button type="primary" loading={begin.isPending} onClick={() => begin.mutate()}>
          Thiết lập xác thực hai lớp
        </Button>
      </Space>
    );
  }
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Steps
        orientation="vertical"
        size="small"
        current={1}
        items={[
          {
            title: "Quét mã QR bằng ứng dụng xác thực",
            content: (
              <Space orientation="vertical">
                <canvas ref={canvas} aria-label="Mã QR thiết lập ứng dụng xác thực" />
                <span>
                  Hoặc nhập khóa thủ công:{" "}
                  <Typography.Text code copyable data-testid="totp-secret">
                    {begin.data.secret}
                  </Typography.Text>
                </span>
              </Space>
            ),
          },
          {
            title: "Nhập mã 6 chữ số ứng dụng hiển thị",
            content: (
              <Form
                layout="inline"
                requiredMark={false}
                disabled={confirm.isPending}
                onFinish={(values: { code: string }) =>
                  confirm.mutate(
                    { code: values.code.trim() },
                    { onSuccess: (data) => onEnabled(data.recoveryCodes) },
                  )
                }
                style={{ marginTop: 8 }}
              >
                <Form.Item label="Mã xác thực" name="code" rules={[codeRule]}>
                  <Input
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={6}
                    style={{ width: 140 }}
                  />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={confirm.isPending}>
                  Xác nhận và bật
                </Button>
              </Form>
            ),
          },
        ]}
      />
      {confirm.isError && <Alert type="error" showIcon role="alert" title={errorMessage(confirm.error)} />}
    </Space>
  );
}

function RecoveryCodes(props: { codes: string[]; username: string; onDone: () => void }) {
  const { message } = App.useApp();
  const text = props.codes.join("\n");
  const download = () => {
    const url = URL.createObjectURL(new Blob([`Mã khôi phục Đôn Đốc (${props.username})\n\n${text}\n`]));
    const link = Object.assign(document.createElement("a"), {
      href: url,
      download: "ma-khoi-phuc-dondoc.txt",
    });
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Alert
        type="success"
        showIcon
        title="Đã bật xác thực hai lớp."
        description="Hãy lưu các mã khôi phục dưới đây ở nơi an toàn. Khi mất điện thoại, mỗi mã dùng được một lần thay cho mã xác thực. Các mã chỉ hiển thị lần này."
      />
      <pre className="dd-recovery-codes" data-testid="recovery-codes">
        {text}
      </pre>
      <Space wrap>
        <Button
          icon={<CopyOutlined />}
          onClick={() =>
            navigator.clipboard.writeText(text).then(
              () => message.success("Đã sao chép mã khôi phục."),
              () => message.error("Không sao chép được, hãy tải tệp về."),
            )
          }
        >
          Sao chép
        </Button>
        <Button icon={<DownloadOutlined />} onClick={download}>
          Tải tệp .txt
        </Button>
        <Button type="primary" onClick={props.onDone}>
          Tôi đã lưu mã khôi phục
        </Button>
      </Space>
    </Space>
  );
}

function DisableTotp({ required }: { required: boolean }) {
  const disable = useDisableTotp();
  const { message } = App.useApp();
  if (required) {
    return (
      <Typography.Paragraph style={{ margin: 0 }}>
        Mỗi lần đăng nhập, bạn nhập thêm mã từ ứng dụng xác thực. Vai trò của bạn bắt buộc xác thực hai lớp
        nên không thể tắt; nếu mất điện thoại và hết mã khôi phục, hãy liên hệ quản trị viên để đặt lại.
      </Typography.Paragraph>
    );
  }
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Paragraph style={{ margin: 0 }}>
        Mỗi lần đăng nhập, bạn nhập thêm mã từ ứng dụng xác thực. Để tắt, hãy nhập mã hiện tại.
      </Typography.Paragraph>
      <Form
        layout="inline"
        requiredMark={false}
        disabled={disable.isPending}
        onFinish={(values: { code: string }) =>
          disable.mutate(
            { code: values.code.trim() },
            { onSuccess: () => message.success("Đã tắt xác thực hai lớp.") },
          )
        }
      >
        <Form.Item label="Mã xác thực" name="code" rules={[codeRule]}>
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ width: 140 }} />
        </Form.Item>
        <Button danger htmlType="submit" loading={disable.isPending}>
          Tắt xác thực hai lớp
        </Button>
      </Form>
      {disable.isError && <Alert type="error" showIcon role="alert" title={errorMessage(disable.error)} />}
    </Space>
  );
}
