import { createBrowserRouter, Navigate } from "react-router-dom";
import { AppLayout } from "./components/AppLayout.tsx";
import { RequireAuth } from "./components/RequireAuth.tsx";
import { paths } from "./lib/paths.ts";
import { LoginPage } from "./pages/LoginPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { PlanPage } from "./pages/PlanPage.tsx";
import { PlansPage } from "./pages/PlansPage.tsx";

export const router = createBrowserRouter([
  { path: paths.login, element: <LoginPage /> },
  {
    path: "/",
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to={paths.plans} replace /> },
      { path: "ke-hoach", element: <PlansPage /> },
      { path: "ke-hoach/:planId", element: <PlanPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
