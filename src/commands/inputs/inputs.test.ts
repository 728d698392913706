import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The web app bundles these input schemas to validate its forms: one import of the database or
// of Node would break the browser build, or ship the server into it.
const root = fileURLToPath(new URL("../../..", import.meta.url));
const importsOf = (file: string) =>
  [...fs.readFileSync(file, "utf8").matchAll(/^import\s+(type\s+)?[^"]*"([^"]+)"/gm)].map((m) => ({
    typeOnly: !!m[1],
    from: m[2]!,
  }));
const filesUnder = (dir: string): string[] =>
  fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? filesUnder(path.join(dir, entry.name))
        : /\.tsx?$/.test(entry.name) && !/\.(test|gen)\.ts$/.test(entry.name)
          ? [path.join(dir, entry.name)]
          : [],
    );

describe("modules the web app bundles", () => {
  it("command inputs import only zod and src/domain", () => {
    for (const file of filesUnder("src/commands/inputs")) {
      for (const { from } of importsOf(path.join(root, file))) {
        expect(from, file).toMatch(/^(zod|\.\.\/\.\.\/domain\/[\w.]+\.ts)$/);
      }
    }
  });

  it("the web app reaches into src/ only for the domain, the command inputs and zod's locale", () => {
    for (const file of filesUnder("web/src")) {
      for (const { typeOnly, from } of importsOf(path.join(root, file))) {
        if (typeOnly || !from.includes("/src/")) continue;
        expect(from, file).toMatch(/\/src\/(domain\/|commands\/inputs\/|validation\.ts$)/);
      }
    }
  });
});
