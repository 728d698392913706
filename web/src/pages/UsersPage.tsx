import {
  Alert,
  App,
  Button,
  Card,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { useAgencies } from "../api/agencies.ts";
import { errorMessage } from "../api/client.ts";
import { useMe } from "../api/queries.ts";
import { type UserAccount, useResetPassword, useSetUserDisabled, useUsers } from "../api/users.ts";
import { KeyOutlined, LockOutlined, PlusOutlined, UnlockOutlined } from "../components/icons.tsx";
import { Count, emptyText, isUpdating } from "../components/Loading.tsx";
import { SearchBox } from "../components/SearchBox.tsx";
import { TemporaryPasswordDialog } from "../components/TemporaryPasswordDialog.tsx";
import { UserEditDialog } from "../components/UserEditDialog.tsx";
import { UserForm } from "../components/UserForm.tsx";
import { DeletedUsers, UserRowActions } from "../components/UserRowActions.tsx";
import { useDocumentTitle } from "../components/useDocumentTitle.ts";
import { can } from "../lib/can.ts";
import { compareVietnamese, foldForSearch, formatDateTime } from "../lib/format.ts";
import { roleLabel } from "../lib/labels.ts";

const matches = (user: UserAccount, folded: string) =>
  [user.username, user.displayName, user.email ?? "", user.agencyName ?? ""].some((text) =>
    foldForSearch(text).includes(folded),
  );

/**
 * "Tài khoản": administrators list the accounts, issue new ones (there is no sign-up), lock
 * or unlock them and reset a forgotten password. Everyone else is told the page is not theirs; the server refuses them anyway.
 */
export function UsersPage() {
  useDocumentTitle("Tài khoản");
  const me = useMe().data;
  const allowed = can.listUsers(me);
  const users = useUsers(allowed);
  const agencies = useAgencies(allowed && (can.createUsers(me) || can.editUsers(me)));
  const setDisabled = useSetUserDisabled();
  const resetPassword = useResetPassword();
  const [issued, setIssued] = useState<{ username: string; password: string } | null>(null);
  const { message } = App.useApp();
  const [query, setQuery] = useState("");
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserAccount | null>(null);
  const editable = can.editUsers(me);

  const folded = foldForSearch(query);
  const all = users.data ?? [];
  const data = useMemo(() => (folded ? all.filter((u) => matches(u, folded)) : all), [all, folded]);

  if (!allowed) {
    return <Alert type="warning" showIcon title="Chỉ quản trị viên được quản lý tài khoản." />;
  }

  const onToggle = (user: UserAccount) =>
    setDisabled.mutateAsync({ id: user.id, disabled: !user.disabled }).then(
      () => message.success(user.disabled ? `Đã mở khóa "${user.username}".` : `Đã khóa "${user.username}".`),
      (error) => message.error(errorMessage(error)),
    );

  const onReset = (user: UserAccount) =>
    resetPassword.mutateAsync(user.id).then(
      (result) => setIssued({ username: user.username, password: result.temporaryPassword }),
      (error) => message.error(errorMessage(error)),
    );

  const columns: TableColumnsType<UserAccount> = [
    {
      title: "Tên đăng nhập",
      dataIndex: "username",
      width: 160,
      sorter: (a, b) => a.username.localeCompare(b.username),
      render: (username: string) => <b className="dd-username">{username}</b>,
    },
    {
      title: "Họ tên",
      dataIndex: "displayName",
      sorter: (a, b) => compareVietnamese(a.displayName, b.displayName),
      render: (name: string, u) => (
        <>
          {name}
          {u.email && <div className="dd-muted">{u.email}</div>}
        </>
      ),
    },
    {
      title: "Cơ quan, đơn vị",
      dataIndex: "agencyName",
      sorter: (a, b) => compareVietnamese(a.agencyName ?? "", b.agencyName ?? ""),
      render: (name: string | null) => name ?? "",
    },
    {
      title: "Vai trò",
      key: "roles",
      width: 200,
      render: (_, u) =>
        u.roles.map((role) => (
          <Tag key={role} color={role === "admin" ? "red" : "default"}>
            {roleLabel(role)}
          </Tag>
        )),
    },
    {
      title: "Trạng thái",
      key: "status",
      width: 120,
      filters: [
        { text: "Hoạt động", value: false },
        { text: "Đã khóa", value: true },
      ],
      onFilter: (value, u) => u.disabled === value,
      render: (_, u) => (
        <>
          {u.disabled ? <Tag color="default">Đã khóa</Tag> : <Tag color="green">Hoạt động</Tag>}
          {u.mustChangePassword && (
            <Tag color="orange" title="Mật khẩu do quản trị viên cấp, người dùng chưa đổi">
              Chờ đổi mật khẩu
            </Tag>
          )}
        </>
      ),
    },
    {
      title: "Lần đăng nhập cuối",
      dataIndex: "lastLoginAt",
      width: 170,
      sorter: (a, b) => (a.lastLoginAt ?? "").localeCompare(b.lastLoginAt ?? ""),
      render: (at: string | null) =>
        at ? formatDateTime(at) : <span className="dd-muted">Chưa đăng nhập</span>,
    },
    {
      title: "",
      key: "actions",
      width: 360,
      render: (_, u) =>
        u.id === me?.userId ? (
          <Space size={4} wrap>
            <span className="dd-muted">Tài khoản của bạn</span>
            {editable && <UserRowActions user={u} self onEdit={() => setEditing(u)} />}
          </Space>
        ) : (
          <Space size={4} wrap>
            {editable && <UserRowActions user={u} self={false} onEdit={() => setEditing(u)} />}
            <Popconfirm
              title={`Đặt lại mật khẩu của "${u.username}"?`}
              description="Người dùng bị đăng xuất ngay, mật khẩu cũ hết hiệu lực; mật khẩu tạm thời phải được đổi ở lần đăng nhập tới."
              okText="Đặt lại"
              okButtonProps={{ danger: true }}
              cancelText="Hủy"
              onConfirm={() => onReset(u)}
            >
              <Button size="small" icon={<KeyOutlined />} aria-label={`Đặt lại mật khẩu ${u.username}`}>
                Đặt lại mật khẩu
              </Button>
            </Popconfirm>
            <Popconfirm
              title={u.disabled ? `Mở khóa tài khoản "${u.username}"?` : `Khóa tài khoản "${u.username}"?`}
              description={
                u.disabled
                  ? "Người dùng sẽ đăng nhập lại được."
                  : "Người dùng bị đăng xuất ngay và không đăng nhập được cho đến khi mở khóa."
              }
              okText={u.disabled ? "Mở khóa" : "Khóa"}
              okButtonProps={{ danger: !u.disabled }}
              cancelText="Hủy"
              onConfirm={() => onToggle(u)}
            >
              <Button
                size="small"
                danger={!u.disabled}
                icon={u.disabled ? <UnlockOutlined /> : <LockOutlined />}
                aria-label={u.disabled ? `Mở khóa ${u.username}` : `Khóa ${u.username}`}
              >
                {u.disabled ? "Mở khóa" : "Khóa"}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          Tài khoản
        </Typography.Title>
      }
      extra={
        <span className="dd-muted">
          <Count value={users.data?.length} updating={isUpdating(users)} /> tài khoản
        </span>
      }
    >
      {users.isError && (
        <Alert type="error" showIcon title={errorMessage(users.error)} style={{ marginBottom: 12 }} />
      )}
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="Tài khoản do quản trị viên cấp: không có đăng ký tự do. Tài khoản bị khóa không đăng nhập được."
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <SearchBox
          value={query}
          onSearch={setQuery}
          placeholder="Tìm theo tên đăng nhập, họ tên, cơ quan…"
          style={{ width: 320 }}
        />
        {can.createUsers(me) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            Cấp tài khoản
          </Button>
        )}
      </Space>
      <Table<UserAccount>
        className="dd-user-table"
        size="small"
        bordered
        rowKey="id"
        columns={columns}
        dataSource={data}
        loading={users.isPending}
        locale={{ emptyText: emptyText(users.isPending, "Không có tài khoản nào khớp.") }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        rowClassName={(u) => (u.disabled ? "dd-user-row dd-user-disabled" : "dd-user-row")}
      />
      {can.createUsers(me) && (
        <UserForm open={creating} agencies={agencies.data ?? []} onClose={() => setCreating(false)} />
      )}
      <TemporaryPasswordDialog issued={issued} onClose={() => setIssued(null)} />
      {editable && (
        <UserEditDialog user={editing} agencies={agencies.data ?? []} onClose={() => setEditing(null)} />
      )}
      <DeletedUsers enabled={editable} />
    </Card>
  );
}
