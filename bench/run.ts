/**
 * `npm run bench [name] [args…]`: runs one benchmark script from this folder; each prints its
 * figures and never fails on a timing. Without a name, lists them.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const available = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && !["run.ts"].includes(f) && !f.startsWith("make-"))
  .map((f) => f.replace(/\.ts$/, ""));
const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  process.stdout.write(`Các phép đo: ${available.join(", ")}\nCách dùng: npm run bench -- <tên> [tham số]\n`);
  process.exit(name ? 2 : 0);
}
const result = spawnSync(process.execPath, ["--import", "tsx", `${dir}${name}.ts`, ...args], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);
