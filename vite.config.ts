import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The web app lives in web/ and builds to web/dist, which the API server serves in production.
// In development (`npm run dev`) Vite serves the app and forwards API calls to the server.
// 127.0.0.1, where the server listens by default ("localhost" may resolve to ::1 first).
const api = process.env.DONDOC_API ?? "http://127.0.0.1:3001";

export default defineConfig({
  root: "web",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Libraries change less often than the app: separate chunks stay cached across releases.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/,
            },
            { name: "antd", test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/ },
            { name: "vendor", test: /node_modules/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": { target: api, changeOrigin: false },
      "/health": { target: api },
      "/ready": { target: api },
    },
  },
  preview: {
    proxy: {
      "/api": { target: api },
      "/health": { target: api },
      "/ready": { target: api },
    },
  },
});
