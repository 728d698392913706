import { App, Button, Card, Collapse, List, Popconfirm } from "antd";
import { errorMessage } from "../api/client.ts";
import { useDeletedUsers, useDeleteUser, useRestoreUser } from "../api/editing.ts";
import type { UserAccount } from "../api/users.ts";
import { formatDateTime, formatNumber } from "../lib/format.ts";
import { notifyUndo } from "../lib/undo.tsx";
import { DeleteOutlined, EditOutlined, UndoOutlined } from "./icons.tsx";

/** "Sửa" and "Xóa" on an account's row; a deletion can be undone at once or restored later. */
export function UserRowActions({ user, onEdit, self }: { user: UserAccount; onEdit(): void; self: boolean }) {
  const remove = useDeleteUser();
  const restore = useRestoreUser();
  const { message, notification } = App.useApp();
  const onDelete = async () => {
    try {
      await remove.mutateAsync(user.id);
      notifyUndo(notification, `Đã xóa tài khoản "${user.username}".`, () =>
        restore.mutateAsync(user.id).then(
          () => message.success(`Đã khôi phục tài khoản "${user.username}".`),
          (error) => message.error(errorMessage(error)),
        ),
      );
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <>
      <Button
        size="small"
        icon={<EditOutlined aria-hidden />}
        aria-label={`Sửa ${user.username}`}
        onClick={onEdit}
      >
        Sửa
      </Button>
      {!self && (
        <Popconfirm
          title={`Xóa tài khoản "${user.username}"?`}
          description="Người dùng bị đăng xuất và không đăng nhập được; nhật ký và tên trên các báo cáo cũ được giữ. Có thể khôi phục."
          okText="Xóa"
          okButtonProps={{ danger: true, loading: remove.isPending }}
          cancelText="Hủy"
          onConfirm={onDelete}
        >
          <Button
            size="small"
            danger
            icon={<DeleteOutlined aria-hidden />}
            aria-label={`Xóa ${user.username}`}
          >
            Xóa
          </Button>
        </Popconfirm>
      )}
    </>
  );
}

/** "Tài khoản đã xóa": restored with their password, roles and agency as they were. */
export function DeletedUsers({ enabled }: { enabled: boolean }) {
  const deleted = useDeletedUsers(enabled);
  const restore = useRestoreUser();
  const { message } = App.useApp();
  const items = deleted.data ?? [];
  if (!enabled || items.length === 0) return null;
  return (
    <Card size="small" style={{ marginTop: 16 }} data-testid="deleted-users">
      <Collapse
        ghost
        items={[
          {
            key: "deleted",
            label: `Tài khoản đã xóa (${formatNumber(items.length)})`,
            children: (
              <List
                dataSource={items}
                renderItem={(u) => (
                  <List.Item
                    actions={[
                      <Button
                        key="restore"
                        icon={<UndoOutlined aria-hidden />}
                        onClick={() =>
                          restore.mutateAsync(u.id).then(
                            () => message.success(`Đã khôi phục tài khoản "${u.username}".`),
                            (error) => message.error(errorMessage(error)),
                          )
                        }
                      >
                        Khôi phục
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta
                      title={`${u.username} · ${u.displayName}`}
                      description={u.deletedAt ? `Xóa lúc ${formatDateTime(u.deletedAt)}` : undefined}
                    />
                  </List.Item>
                )}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
