#!/usr/bin/env node
// Runs the compiled CLI in dist/ when it is built and current (npm install, npm start and npm test
// build it), so a start costs no TypeScript compilation. Otherwise (no build yet, or sources edited
// since) it runs the TypeScript sources through tsx: a developer never runs stale code.
import { isDistFresh } from "../scripts/server-dist.mjs";

if (isDistFresh()) {
  // Stack traces point into src/*.ts rather than into the bundle.
  process.setSourceMapsEnabled(true);
  await import("../dist/main.js");
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
