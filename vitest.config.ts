import { defineConfig } from "vitest/config";

// Two groups, one after the other: the server side (unit and integration, files in parallel),
// then the browser tests one file at a time, so that real Chromium and a real server never
// compete with a full test run for the machine's cores.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "server",
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["web/**/*.test.ts"],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          // A real server and Chromium on a shared two-core machine: generous, never the assertion.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
