import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import viVN from "antd/locale/vi_VN";
import dayjs from "dayjs";
import "dayjs/locale/vi";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router-dom";
import { ApiError, isPasswordChangeRequired, isUnauthorized } from "./api/client.ts";
import { meKey } from "./api/queries.ts";
import { router } from "./router.tsx";
import { theme } from "./theme.ts";
import "./styles.css";

dayjs.locale("vi");

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // A session that expires mid-work: forget the account, and the guard sends the user to login.
    onError: (error, query) => {
      if (isUnauthorized(error) && query.queryKey[0] !== meKey[0]) queryClient.setQueryData(meKey, null);
      if (isPasswordChangeRequired(error) && query.queryKey[0] !== meKey[0]) void refreshMe();
    },
  }),
  // An issued password to replace: the account, read again, says so and the guard sends the
  // user to the change page.
  mutationCache: new MutationCache({
    onError: (error) => {
      if (isPasswordChangeRequired(error)) void refreshMe();
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retry once when the network or the server failed; a 4xx answer will not change.
      retry: (count, error) =>
        count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

function refreshMe() {
  return queryClient.invalidateQueries({ queryKey: meKey });
}

const root = document.getElementById("root");
if (!root) throw new Error("Thiếu phần tử #root trong index.html");

createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={viVN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
