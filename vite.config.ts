import fs from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

// The web app lives in web/ and builds to web/dist, which the API server serves in production.
// In development (`npm run dev`) Vite serves the app and forwards API calls to the server.
// 127.0.0.1, where the server listens by default ("localhost" may resolve to ::1 first).
const api = process.env.DONDOC_API ?? "http://127.0.0.1:3001";

/**
 * Writes `file.br` and `file.gz` beside each text file of the build, once, at the highest levels:
 * the server sends them as they are (@fastify/static `preCompressed`) instead of compressing on
 * every request. Files under 1 KB, or that do not get smaller, are left alone.
 */
function precompress(): Plugin {
  let outDir = "";
  return {
    name: "dondoc-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const entry of fs.readdirSync(outDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(js|mjs|css|html|svg|json|txt)$/.test(entry.name)) continue;
        const file = path.join(entry.parentPath, entry.name);
        const content = fs.readFileSync(file);
        if (content.length < 1024) continue;
        const brotli = brotliCompressSync(content, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        });
        const gzip = gzipSync(content, { level: 9 });
        if (brotli.length < content.length) fs.writeFileSync(`${file}.br`, brotli);
        if (gzip.length < content.length) fs.writeFileSync(`${file}.gz`, gzip);
      }
    },
  };
}

export default defineConfig({
  root: "web",
  plugins: [react(), precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Each page is a chunk of its own (web/src/router.tsx); rolldown shares the libraries they use
    // in chunks by usage, so a page loads only the parts of antd it renders. Only React and the
    // router, which every page needs and which change rarely, are kept in one chunk of their own.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/,
            },
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
