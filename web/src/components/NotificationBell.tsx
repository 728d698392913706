import { Badge, Button, Dropdown, Empty, List, Spin } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useMarkNotificationRead, useNotifications } from "../api/tracking.ts";
import type { Notification } from "../api/trackingTypes.ts";
import { formatDateTime, formatNumber } from "../lib/format.ts";
import { BellOutlined } from "./icons.tsx";

/** Links in notifications come from the server; only paths inside the app are followed. */
const insideApp = (link: string | null): link is string =>
  !!link && link.startsWith("/") && !link.startsWith("//");

/** The bell in the header: unread count, and the latest notifications (opening one marks it read). */
export function NotificationBell() {
  const notifications = useNotifications();
  const mark = useMarkNotificationRead();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = notifications.data?.unread ?? 0;

  const openItem = (item: Notification) => {
    if (!item.readAt) mark.mutate(item.id);
    setOpen(false);
    if (insideApp(item.link)) navigate(item.link);
  };

  const panel = (
    <div className="dd-notifications" role="dialog" aria-label="Thông báo">
      <div className="dd-notifications-head">
        <b>Thông báo</b>
        {unread > 0 && (
          <Button type="link" size="small" onClick={() => mark.mutate("all")} loading={mark.isPending}>
            Đánh dấu tất cả đã đọc
          </Button>
        )}
      </div>
      {notifications.isPending ? (
        <div style={{ padding: 24, textAlign: "center" }}>
          <Spin />
        </div>
      ) : (notifications.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có thông báo." />
      ) : (
        <List
          size="small"
          dataSource={notifications.data?.items ?? []}
          renderItem={(item) => (
            <List.Item
              key={item.id}
              className={`dd-notification${item.readAt ? "" : " dd-unread"}`}
              onClick={() => openItem(item)}
              data-testid="notification"
              extra={
                !item.readAt && (
                  <Button
                    size="small"
                    type="text"
                    onClick={(event) => {
                      event.stopPropagation();
                      mark.mutate(item.id);
                    }}
                  >
                    Đã đọc
                  </Button>
                )
              }
            >
              <div>
                <div className="dd-notification-title">{item.title}</div>
                {item.body && <div className="dd-pre dd-clamp">{item.body}</div>}
                <div className="dd-muted">{formatDateTime(item.createdAt)}</div>
              </div>
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      trigger={["click"]}
      popupRender={() => panel}
      placement="bottomRight"
      rootClassName="dd-notifications-root"
    >
      <Button
        type="text"
        aria-label={unread ? `Thông báo: ${formatNumber(unread)} chưa đọc` : "Thông báo"}
        data-testid="notification-bell"
        icon={
          <Badge count={unread} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Dropdown>
  );
}
