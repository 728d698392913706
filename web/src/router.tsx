import { createBrowserRouter, Navigate } from "react-router-dom";
import { useMe } from "./api/queries.ts";
import { AppLayout } from "./components/AppLayout.tsx";
import { RequireAuth } from "./components/RequireAuth.tsx";
import { can } from "./lib/can.ts";
import { paths } from "./lib/paths.ts";
import { AccountSecurityPage } from "./pages/AccountSecurityPage.tsx";
import { AgenciesPage } from "./pages/AgenciesPage.tsx";
import { ChangePasswordPage } from "./pages/ChangePasswordPage.tsx";
import { ImportPage } from "./pages/ImportPage.tsx";
import { ImportReviewPage } from "./pages/ImportReviewPage.tsx";
import { LoginPage } from "./pages/LoginPage.tsx";
import { MyTasksPage } from "./pages/MyTasksPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { PlanPage } from "./pages/PlanPage.tsx";
import { PlansPage } from "./pages/PlansPage.tsx";
import { ReviewQueuePage } from "./pages/ReviewQueuePage.tsx";
import { SecuritySettingsPage } from "./pages/SecuritySettingsPage.tsx";
import { TaskPage } from "./pages/TaskPage.tsx";
import { UsersPage } from "./pages/UsersPage.tsx";

/** The start page: agency staff start from their own tasks, everyone else from the plans. */
function Home() {
  const me = useMe().data;
  return <Navigate to={can.workOnTasks(me) ? paths.myTasks : paths.plans} replace />;
}

export const router = createBrowserRouter([
  { path: paths.login, element: <LoginPage /> },
  { path: paths.changePassword, element: <ChangePasswordPage /> },
  {
    path: "/",
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Home /> },
      { path: "ke-hoach", element: <PlansPage /> },
      { path: "ke-hoach/:planId", element: <PlanPage /> },
      { path: "nhiem-vu/:taskId", element: <TaskPage /> },
      { path: "cua-toi", element: <MyTasksPage /> },
      { path: "duyet-bao-cao", element: <ReviewQueuePage /> },
      { path: "nhap-van-ban", element: <ImportPage /> },
      { path: "nhap-van-ban/:importId", element: <ImportReviewPage /> },
      { path: "co-quan", element: <AgenciesPage /> },
      { path: "tai-khoan", element: <UsersPage /> },
      { path: "bao-mat-tai-khoan", element: <AccountSecurityPage /> },
      { path: "cai-dat-bao-mat", element: <SecuritySettingsPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
