import { Button, Drawer, Menu, type MenuProps, Tag } from "antd";
import { useEffect, useState } from "react";
import { useLocation } from "react-router-dom";
import type { Me } from "../api/types.ts";
import { roleLabel } from "../lib/labels.ts";
import { paths } from "../lib/paths.ts";
import { KeyOutlined, LogoutOutlined, MenuOutlined, SafetyOutlined } from "./icons.tsx";

/** The account's own pages and logging out, in the desktop dropdown and in the phone drawer. */
export const accountItems: NonNullable<MenuProps["items"]> = [
  { key: paths.changePassword, icon: <KeyOutlined />, label: "Đổi mật khẩu" },
  { key: paths.accountSecurity, icon: <SafetyOutlined />, label: "Bảo mật tài khoản" },
  { type: "divider" },
  { key: "logout", icon: <LogoutOutlined />, label: "Đăng xuất" },
];

/**
 * The phone's navigation: a menu button opening a drawer with the same entries as the desktop
 * menu, who is logged in, and the account's actions. It closes once the page changes.
 */
export function NavigationDrawer(props: {
  me: Me;
  items: NonNullable<MenuProps["items"]>;
  selected: string[];
  loggingOut: boolean;
  onAccount(key: string): void;
}) {
  const [open, setOpen] = useState(false);
  const location = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the point of a new location
  useEffect(() => setOpen(false), [location.pathname, location.search]);
  const { me } = props;
  return (
    <>
      <Button
        type="text"
        icon={<MenuOutlined />}
        aria-label="Mở menu"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      />
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="right"
        size={300}
        title="Đôn Đốc"
        closable={{ "aria-label": "Đóng menu" }}
        styles={{ body: { padding: 0 } }}
      >
        <div className="dd-drawer-user" data-testid="current-user">
          <div className="dd-user-name">{me.displayName}</div>
          {me.agencyName && <div className="dd-user-agency">{me.agencyName}</div>}
          <div style={{ marginTop: 6, display: "flex", flexWrap: "wrap", gap: 4 }}>
            {me.roles.map((role) => (
              <Tag key={role} color="red" variant="outlined" style={{ marginInlineEnd: 0 }}>
                {roleLabel(role)}
              </Tag>
            ))}
          </div>
        </div>
        <Menu
          mode="inline"
          items={props.items}
          selectedKeys={props.selected}
          aria-label="Điều hướng chính"
          onClick={() => setOpen(false)}
        />
        <Menu
          mode="inline"
          selectable={false}
          aria-label={`Tài khoản ${me.username}`}
          items={accountItems}
          onClick={({ key }) => {
            setOpen(false);
            props.onAccount(key);
          }}
        />
        {props.loggingOut && (
          <div className="dd-muted" style={{ padding: 16 }}>
            Đang đăng xuất…
          </div>
        )}
      </Drawer>
    </>
  );
}
