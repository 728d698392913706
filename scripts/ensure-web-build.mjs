// Builds the web app when web/dist is missing or older than its sources, so `npm start` on a
// fresh clone serves the interface without a separate build step, and a second start is instant.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const built = path.join(root, "web/dist/index.html");

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (child === "dist" || child === "e2e") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

const sources = Math.max(newestMtime(path.join(root, "web")), newestMtime(path.join(root, "vite.config.ts")));
if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sources) {
  process.stderr.write("Đang dựng giao diện web (lần đầu mất khoảng một phút)…\n");
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
}
