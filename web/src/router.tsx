import { Spin } from "antd";
import { type ComponentType, Suspense } from "react";
import { createBrowserRouter, Navigate } from "react-router-dom";
import { useMe } from "./api/queries.ts";
import { RequireAuth } from "./components/RequireAuth.tsx";
import { can } from "./lib/can.ts";
import { lazyNamed } from "./lib/lazyNamed.ts";
import { paths } from "./lib/paths.ts";

/**
 * Each page is its own chunk, fetched when first opened: the login page and the first page after
 * it load only what they use, not the whole app (issue 11, part 8).
 */
const lazyPage = lazyNamed;

const AppLayout = lazyPage(() => import("./components/AppLayout.tsx"), "AppLayout");
const AccountSecurityPage = lazyPage(() => import("./pages/AccountSecurityPage.tsx"), "AccountSecurityPage");
const AgenciesPage = lazyPage(() => import("./pages/AgenciesPage.tsx"), "AgenciesPage");
const AtRiskPage = lazyPage(() => import("./pages/AtRiskPage.tsx"), "AtRiskPage");
const AuditLogPage = lazyPage(() => import("./pages/AuditLogPage.tsx"), "AuditLogPage");
const DashboardPage = lazyPage(() => import("./pages/DashboardPage.tsx"), "DashboardPage");
const ChangePasswordPage = lazyPage(() => import("./pages/ChangePasswordPage.tsx"), "ChangePasswordPage");
const ImportPage = lazyPage(() => import("./pages/ImportPage.tsx"), "ImportPage");
const ImportReviewPage = lazyPage(() => import("./pages/ImportReviewPage.tsx"), "ImportReviewPage");
const LoginPage = lazyPage(() => import("./pages/LoginPage.tsx"), "LoginPage");
const MyTasksPage = lazyPage(() => import("./pages/MyTasksPage.tsx"), "MyTasksPage");
const NotFoundPage = lazyPage(() => import("./pages/NotFoundPage.tsx"), "NotFoundPage");
const PlanPage = lazyPage(() => import("./pages/PlanPage.tsx"), "PlanPage");
const PlansPage = lazyPage(() => import("./pages/PlansPage.tsx"), "PlansPage");
const RankingPage = lazyPage(() => import("./pages/RankingPage.tsx"), "RankingPage");
const ReviewQueuePage = lazyPage(() => import("./pages/ReviewQueuePage.tsx"), "ReviewQueuePage");
const SecuritySettingsPage = lazyPage(
  () => import("./pages/SecuritySettingsPage.tsx"),
  "SecuritySettingsPage",
);
const TasksPage = lazyPage(() => import("./pages/TasksPage.tsx"), "TasksPage");
const TaskPage = lazyPage(() => import("./pages/TaskPage.tsx"), "TaskPage");
const UsersPage = lazyPage(() => import("./pages/UsersPage.tsx"), "UsersPage");

/** While a page's code arrives: a spinner, never an empty or zero-filled page. */
function PageLoading() {
  return (
    <div style={{ padding: 96, textAlign: "center" }}>
      <Spin size="large" description="Đang tải…" />
    </div>
  );
}

function page(Page: ComponentType) {
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}

/**
 * The start page: agency staff start from their own tasks; leaders and the standing office from
 * the dashboard (what they open every morning); anyone else from the plans.
 */
function Home() {
  const me = useMe().data;
  const to = can.workOnTasks(me)
    ? paths.myTasks
    : can.seeProvinceDashboard(me)
      ? paths.dashboard
      : paths.plans;
  return <Navigate to={to} replace />;
}

export const router = createBrowserRouter([
  { path: paths.login, element: page(LoginPage) },
  { path: paths.changePassword, element: page(ChangePasswordPage) },
  {
    path: "/",
    element: <RequireAuth>{page(AppLayout)}</RequireAuth>,
    children: [
      { index: true, element: <Home /> },
      { path: "ke-hoach", element: page(PlansPage) },
      { path: "ke-hoach/:planId", element: page(PlanPage) },
      { path: "tong-quan", element: page(DashboardPage) },
      { path: "nhiem-vu", element: page(TasksPage) },
      { path: "nhiem-vu/:taskId", element: page(TaskPage) },
      { path: "cua-toi", element: page(MyTasksPage) },
      { path: "duyet-bao-cao", element: page(ReviewQueuePage) },
      { path: "nhap-van-ban", element: page(ImportPage) },
      { path: "nhap-van-ban/:importId", element: page(ImportReviewPage) },
      { path: "co-quan", element: page(AgenciesPage) },
      { path: "tai-khoan", element: page(UsersPage) },
      { path: "bao-mat-tai-khoan", element: page(AccountSecurityPage) },
      { path: "cai-dat-bao-mat", element: page(SecuritySettingsPage) },
      { path: "nhat-ky", element: page(AuditLogPage) },
      { path: "canh-bao", element: page(AtRiskPage) },
      { path: "xep-hang", element: page(RankingPage) },
      { path: "*", element: page(NotFoundPage) },
    ],
  },
]);
