import { Alert, Modal, Typography } from "antd";

/**
 * The temporary password of a reset, shown once: the server keeps only its hash, so closing this
 * dialog loses it (another reset draws a new one).
 */
export function TemporaryPasswordDialog(props: {
  issued: { username: string; password: string } | null;
  onClose(): void;
}) {
  const { issued } = props;
  return (
    <Modal
      open={!!issued}
      title={issued ? `Mật khẩu tạm thời của "${issued.username}"` : undefined}
      okText="Đã ghi lại"
      onOk={props.onClose}
      onCancel={props.onClose}
      cancelButtonProps={{ style: { display: "none" } }}
      maskClosable={false}
      destroyOnHidden
    >
      {issued && (
        <>
          <Typography.Paragraph>
            <Typography.Text
              code
              copyable={{ text: issued.password, tooltips: ["Sao chép", "Đã sao chép"] }}
              style={{ fontSize: 20 }}
              data-testid="temporary-password"
            >
              {issued.password}
            </Typography.Text>
          </Typography.Paragraph>
          <Alert
            type="warning"
            showIcon
            title="Mật khẩu này chỉ hiển thị một lần."
            description="Hãy chuyển cho người dùng qua kênh an toàn. Mọi phiên đăng nhập của tài khoản đã bị đăng xuất; người dùng phải đổi mật khẩu này ở lần đăng nhập tới."
          />
        </>
      )}
    </Modal>
  );
}
