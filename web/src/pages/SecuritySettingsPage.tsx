import { Alert, App, Button, Card, Checkbox, Popconfirm, Select, Space, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { roles } from "../../../src/domain/roles.ts";
import { errorMessage } from "../api/client.ts";
import { useMe } from "../api/queries.ts";
import {
  type SecuritySettings,
  useResetUserTotp,
  useSaveSecuritySettings,
  useSecuritySettings,
} from "../api/security.ts";
import { useUsers } from "../api/users.ts";
import { useDocumentTitle } from "../components/useDocumentTitle.ts";
import { can } from "../lib/can.ts";
import { roleLabel } from "../lib/labels.ts";

type Role = SecuritySettings["totpRequiredRoles"][number];

/** "Cài đặt bảo mật": administrators choose which roles must log in with a TOTP code. */
export function SecuritySettingsPage() {
  useDocumentTitle("Cài đặt bảo mật");
  const me = useMe().data;
  const allowed = can.manageSecurity(me);
  const settings = useSecuritySettings(allowed);
  const save = useSaveSecuritySettings();
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<Role[]>([]);

  useEffect(() => {
    if (settings.data) setChosen(settings.data.totpRequiredRoles);
  }, [settings.data]);

  if (!allowed)
    return <Alert type="warning" showIcon title="Chỉ quản trị viên được thay đổi cài đặt bảo mật." />;
  if (settings.isPending) return <Spin />;
  if (settings.isError) return <Alert type="error" showIcon title={errorMessage(settings.error)} />;

  const onSave = () =>
    save.mutate(
      { totpRequiredRoles: chosen },
      {
        onSuccess: () => message.success("Đã lưu cài đặt bảo mật."),
        onError: (error) => message.error(errorMessage(error)),
      },
    );

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%", maxWidth: 760 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Cài đặt bảo mật
      </Typography.Title>
      <Card title="Vai trò bắt buộc xác thực hai lớp">
        <Typography.Paragraph>
          Tài khoản giữ một trong các vai trò được chọn phải thiết lập ứng dụng xác thực trước khi tiếp tục
          làm việc, và nhập mã 6 chữ số mỗi lần đăng nhập.
        </Typography.Paragraph>
        <Checkbox.Group
          value={chosen}
          onChange={(values) => setChosen(values as Role[])}
          options={roles.map((role) => ({ value: role, label: roleLabel(role) }))}
          style={{ display: "flex", flexDirection: "column", gap: 8 }}
        />
        {chosen.includes("admin") && !me?.totpEnabled && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 16 }}
            title="Bạn cũng sẽ phải thiết lập xác thực hai lớp cho tài khoản của mình ngay sau khi lưu."
          />
        )}
        <div style={{ marginTop: 16 }}>
          <Button type="primary" onClick={onSave} loading={save.isPending}>
            Lưu
          </Button>
        </div>
      </Card>
      <ResetTotp />
    </Space>
  );
}

/** Removing a user's authenticator, for a user who lost it and has no recovery code left. */
function ResetTotp() {
  const users = useUsers(can.listUsers(useMe().data));
  const reset = useResetUserTotp();
  const { message } = App.useApp();
  const [userId, setUserId] = useState<string>();
  const chosen = users.data?.find((u) => u.id === userId);

  const onReset = () =>
    userId &&
    reset.mutate(userId, {
      onSuccess: () => {
        message.success(`Đã đặt lại xác thực hai lớp của "${chosen?.username}".`);
        setUserId(undefined);
      },
      onError: (error) => message.error(errorMessage(error)),
    });

  return (
    <Card title="Đặt lại xác thực hai lớp của một tài khoản">
      <Typography.Paragraph>
        Khi người dùng mất điện thoại và không còn mã khôi phục: xóa ứng dụng xác thực đã thiết lập. Lần đăng
        nhập sau chỉ cần mật khẩu; nếu vai trò bắt buộc, người dùng phải thiết lập lại ngay.
      </Typography.Paragraph>
      <Space wrap>
        <Select
          showSearch={{ optionFilterProp: "label" }}
          placeholder="Chọn tài khoản"
          aria-label="Tài khoản cần đặt lại"
          style={{ width: 320 }}
          value={userId}
          onChange={setUserId}
          loading={users.isPending}
          options={(users.data ?? []).map((u) => ({
            value: u.id,
            label: `${u.username} · ${u.displayName}`,
          }))}
        />
        <Popconfirm
          title={`Đặt lại xác thực hai lớp của "${chosen?.username ?? ""}"?`}
          okText="Đặt lại"
          cancelText="Hủy"
          onConfirm={onReset}
          disabled={!userId}
        >
          <Button danger disabled={!userId} loading={reset.isPending}>
            Đặt lại
          </Button>
        </Popconfirm>
      </Space>
    </Card>
  );
}
