import { defineConfig } from "vitest/config";

// Two groups, one after the other: the server side (unit and integration, files in parallel),
// then the browser tests one file at a time, so that real Chromium and a real server never
// compete with a full test run for the machine's cores.
export default defineConfig({
  test: {
    // Time-outs catch hangs, not slowness: ten times what a busy two-core machine needs, so load
    // never fails a test (a migrated database per file, a first extraction worker, child CLIs).
    testTimeout: 300_000,
    hookTimeout: 600_000,
    projects: [
      {
        extends: true,
        test: {
          name: "server",
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
          // Vitest's default is one worker fewer than the cores, so a single file at a time on a
          // two-core machine; files wait on child processes, LibreOffice, Tesseract and the
          // database as much as they compute, and each has its own database and temp folders.
          maxWorkers: 2,
          // A folder and a database name per run for what files share (src/testing/demoDatabase.ts).
          globalSetup: ["src/testing/globalSetup.ts"],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["web/**/*.test.ts"],
          // Seeds the demo once for all browser files (web/e2e/globalSetup.ts).
          globalSetup: ["web/e2e/globalSetup.ts"],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          // A real server and Chromium on a shared two-core machine: limits for a machine ten times
          // slower than a developer's, never the assertion. expect.poll would give up after 1 s.
          testTimeout: 600_000,
          hookTimeout: 600_000,
          expect: { poll: { timeout: 60_000 } },
        },
      },
    ],
  },
});
