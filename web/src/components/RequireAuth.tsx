import { Alert, Button, Spin } from "antd";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { errorMessage, isPasswordChangeRequired } from "../api/client.ts";
import { useMe } from "../api/queries.ts";
import { paths } from "../lib/paths.ts";

/**
 * Shows its children only to a signed-in user; anyone else goes to login and comes back after.
 * The owner of an issued password goes to change it first.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) {
    return (
      <div style={{ padding: 96, textAlign: "center" }}>
        <Spin size="large" />
      </div>
    );
  }
  if (me.data?.mustChangePassword || isPasswordChangeRequired(me.error)) {
    return <Navigate to={paths.changePassword} replace />;
  }
  if (me.isError) {
    return (
      // An Alert, not a Result: Result carries its illustrations into the first chunk of every page.
      <div style={{ maxWidth: 640, margin: "96px auto", padding: "0 16px" }}>
        <Alert
          type="warning"
          showIcon
          title="Không tải được thông tin tài khoản"
          description={errorMessage(me.error)}
          action={
            <Button type="primary" onClick={() => me.refetch()}>
              Thử lại
            </Button>
          }
        />
      </div>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const search = next === "/" ? "" : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`${paths.login}${search}`} replace />;
  }
  // The server refuses everything else (totp_enrollment_required) until a required TOTP is set up.
  if (me.data.totpRequired && !me.data.totpEnabled && location.pathname !== paths.accountSecurity) {
    return <Navigate to={paths.accountSecurity} replace />;
  }
  return children;
}
