import { App, Button, Dropdown, Grid, Layout, Menu, type MenuProps, Tag } from "antd";
import { Link, Outlet, useLocation, useNavigate } from "react-router-dom";
import { errorMessage } from "../api/client.ts";
import { useLogout, useMe } from "../api/queries.ts";
import type { Me } from "../api/types.ts";
import { can } from "../lib/can.ts";
import { roleLabel } from "../lib/labels.ts";
import { paths } from "../lib/paths.ts";
import { DownOutlined, UserOutlined } from "./icons.tsx";
import { accountItems, NavigationDrawer } from "./NavigationDrawer.tsx";
import { NotificationBell } from "./NotificationBell.tsx";

/** More entries than fit beside the brand and the account (name, agency, role) on a 1366 px screen. */
const LONG_MENU = 5;

/** The navigation, built from what the account may do: nobody sees a page they cannot use. */
function navigation(me: Me): NonNullable<MenuProps["items"]> {
  const items: NonNullable<MenuProps["items"]> = [];
  const link = (path: string, label: string) => ({ key: path, label: <Link to={path}>{label}</Link> });
  if (can.seeProvinceDashboard(me)) items.push(link(paths.dashboard, "Tổng quan"));
  if (can.workOnTasks(me)) items.push(link(paths.myTasks, "Nhiệm vụ của tôi"));
  // Agency staff see their own agency's dashboard after their tasks.
  if (!can.seeProvinceDashboard(me) && me.agencyId) items.push(link(paths.dashboard, "Tổng quan đơn vị"));
  if (me.abilities.plan?.list !== false) items.push(link(paths.plans, "Kế hoạch"));
  if (can.listAtRisk(me)) items.push(link(paths.atRisk, "Cảnh báo sớm"));
  if (can.readRanking(me)) items.push(link(paths.ranking, "Xếp hạng"));
  if (can.review(me) || can.headApprove(me)) items.push(link(paths.reviews, "Duyệt báo cáo"));
  if (can.importPlans(me)) items.push(link(paths.imports, "Nhập văn bản"));
  if (can.listAgencies(me)) items.push(link(paths.agencies, "Cơ quan, đơn vị"));
  if (can.listUsers(me)) items.push(link(paths.users, "Tài khoản"));
  if (can.manageSecurity(me)) items.push(link(paths.securitySettings, "Cài đặt bảo mật"));
  if (can.readAudit(me)) items.push(link(paths.audit, "Nhật ký hệ thống"));
  return items;
}

function Brand({ short }: { short: boolean }) {
  return (
    <Link to={paths.plans} className="dd-brand">
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <span>
        <div className="dd-brand-name">Đôn Đốc</div>
        {!short && <div className="dd-brand-tagline">Theo dõi, đôn đốc thực hiện nhiệm vụ</div>}
      </span>
    </Link>
  );
}

export function AppLayout() {
  const me = useMe().data;
  const logout = useLogout();
  const location = useLocation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  // Below md (768 px) the horizontal menu has no room: the navigation moves into a drawer.
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  if (!me) return null;

  const items = navigation(me);
  const twoRows = !phone && items.length > LONG_MENU;
  const selected = items
    .map((item) => String(item?.key ?? ""))
    .filter((key) => location.pathname === key || location.pathname.startsWith(`${key}/`));

  const onLogout = () =>
    logout.mutate(undefined, {
      onSuccess: () => navigate(paths.login, { replace: true }),
      onError: (error) => {
        message.error(errorMessage(error));
        navigate(paths.login, { replace: true });
      },
    });
  const onAccount = (key: string) => (key === "logout" ? onLogout() : navigate(key));

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header
        className={[
          "dd-header dd-no-print",
          phone && "dd-header-phone",
          // A long menu (an administrator's ten pages) gets a row of its own rather than an
          // overflow "…" that hides pages at laptop widths.
          twoRows && "dd-header-two-rows",
        ]
          .filter(Boolean)
          .join(" ")}
      >
        <Brand short={phone} />
        {phone ? (
          <>
            <span className="dd-header-spacer" />
            <NotificationBell />
            <NavigationDrawer
              me={me}
              items={items}
              selected={selected}
              loggingOut={logout.isPending}
              onAccount={onAccount}
            />
          </>
        ) : (
          <>
            <Menu
              mode="horizontal"
              items={items}
              selectedKeys={selected}
              style={{
                flex: twoRows ? "1 0 100%" : 1,
                order: twoRows ? 3 : undefined,
                minWidth: 0,
                borderBottom: "none",
                lineHeight: "54px",
              }}
              aria-label="Điều hướng chính"
            />
            <NotificationBell />
            <div className="dd-user" data-testid="current-user">
              <div style={{ textAlign: "right" }}>
                <div className="dd-user-name">{me.displayName}</div>
                {me.agencyName && <div className="dd-user-agency">{me.agencyName}</div>}
              </div>
              {me.roles.map((role) => (
                <Tag key={role} color="red" variant="outlined" style={{ marginInlineEnd: 0 }}>
                  {roleLabel(role)}
                </Tag>
              ))}
              <Dropdown
                trigger={["click"]}
                menu={{ items: accountItems, onClick: ({ key }) => onAccount(key) }}
              >
                <Button
                  icon={<UserOutlined />}
                  loading={logout.isPending}
                  aria-label={`Tài khoản ${me.username}: đổi mật khẩu, bảo mật, đăng xuất`}
                >
                  <DownOutlined />
                </Button>
              </Dropdown>
            </div>
          </>
        )}
      </Layout.Header>
      <Layout.Content className="dd-content">
        <Outlet />
      </Layout.Content>
      <Layout.Footer style={{ textAlign: "center", padding: "12px 24px" }} className="dd-muted dd-no-print">
        Đôn Đốc · phần mềm nguồn mở theo dõi, đôn đốc thực hiện nhiệm vụ của Ban Chỉ đạo
      </Layout.Footer>
    </Layout>
  );
}
