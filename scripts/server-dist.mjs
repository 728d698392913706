// Where the compiled server/CLI lives and whether it is current. Imported by bin/dondoc.js on
// every start, so it stays free of dependencies and only stats the files the last build read.
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");
export const distDir = path.join(root, "dist");
export const manifestPath = path.join(distDir, "manifest.json");
const buildScript = "scripts/build-server.mjs";

/**
 * Fresh when the last build finished and none of the files it read (the inputs esbuild reported,
 * and the build script itself) has changed or vanished since it started. A new source file only
 * matters once an existing one imports it, and that edit makes the importer newer than the build.
 */
export function isDistFresh(repo = root) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(repo, "dist/manifest.json"), "utf8"));
  } catch {
    return false;
  }
  if (!Number.isFinite(manifest.builtAt) || !Array.isArray(manifest.inputs)) return false;
  for (const input of [...manifest.inputs, buildScript]) {
    const stat = fs.statSync(path.join(repo, input), { throwIfNoEntry: false });
    if (!stat || stat.mtimeMs > manifest.builtAt) return false;
  }
  return true;
}
