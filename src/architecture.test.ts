import { readdirSync, readFileSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Imports point down (docs/ARCHITECTURE.md, "Layers"): a module may import its own folder and
 * the layers below its own, never one above. Read from the sources' import statements, so a
 * file that reaches up fails here with its name and the import, before the tangle grows.
 */

const src = import.meta.dirname;

/** Top to bottom, numbered as in the docs. Folders of one layer do not import each other unless it says so. */
const layers: { members: string[]; oneUnit?: boolean }[] = [
  // The bench data sets exist for `dondoc bench seed` and reuse the CLI's demo accounts.
  { members: ["cli", "benchdata"], oneUnit: true },
  { members: ["server"] },
  { members: ["commands", "jobs"] },
  { members: ["queries", "storage", "reports"] },
  { members: ["policies", "ingest"] },
  { members: ["db"] },
  { members: ["lib", "errors.ts", "config.ts", "validation.ts"] },
  { members: ["domain"] },
];

/** Inside src/ingest the readers produce blocks and the interpreter reads them: neither imports the other. */
const ingestSides = ["readers", "interpret"];

/** Test helpers: only tests (and other helpers) may import them. */
const testingFolders = ["testing/", "ingest/testing/"];

/**
 * Known exceptions, each with its reason. An entry no import needs any more fails the test, so
 * the list only shrinks.
 */
const exceptions: { from: string; to: string; why: string }[] = [];

const isTest = (file: string) => file.endsWith(".test.ts");
const isTestingHelper = (file: string) => testingFolders.some((folder) => file.startsWith(folder));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(path);
    return /\.(ts|mjs)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Every module a file imports: static, re-exports, side-effect and dynamic imports. */
function importsOf(code: string): string[] {
  const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const patterns = [
    /(?:^|[\s;])(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']/g,
    /(?:^|[\s;])import\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*(?:\/\*[^*]*\*\/\s*)?["']([^"']+)["']\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...withoutComments.matchAll(pattern)].map((m) => m[1]!));
}

/** The layer entry a path under src/ belongs to: its first folder, or the file itself at the root. */
const memberOf = (path: string) => (path.includes("/") ? path.slice(0, path.indexOf("/")) : path);
const rankOf = (member: string) => layers.findIndex((layer) => layer.members.includes(member));

interface Finding {
  file: string;
  imports: string;
  problem: string;
}

function check(): { findings: Finding[]; unusedExceptions: string[] } {
  const findings: Finding[] = [];
  const usedExceptions = new Set<number>();
  for (const absolute of sourceFiles(src)) {
    const file = relative(src, absolute).split(sep).join("/");
    const code = readFileSync(absolute, "utf8");
    for (const specifier of importsOf(code)) {
      if (!specifier.startsWith(".")) continue;
      const target = posix.normalize(posix.join(posix.dirname(file), specifier));
      const finding = (problem: string) => findings.push({ file, imports: specifier, problem });
      if (isTestingHelper(target) && !isTest(file) && !isTestingHelper(file)) {
        finding("only tests import the test helpers");
        continue;
      }
      // A test (or a test helper) exercises its module through whatever builds its data.
      if (isTest(file) || isTestingHelper(file)) continue;
      if (target.startsWith("../")) {
        // Outside src/: the CLI builds and runs the server bundle with the scripts' helpers.
        if (memberOf(file) !== "cli") finding(`imports ${target} outside src/`);
        continue;
      }
      const exception = exceptions.findIndex((e) => e.from === file && e.to === target);
      if (exception >= 0) {
        usedExceptions.add(exception);
        continue;
      }
      const from = memberOf(file);
      const to = memberOf(target);
      if (from === to) {
        if (from === "ingest") {
          const [fromSide, toSide] = [file, target].map((path) => path.split("/")[1]);
          if (fromSide !== toSide && ingestSides.includes(fromSide!) && ingestSides.includes(toSide!)) {
            finding(`ingest/${fromSide} may not import ingest/${toSide}`);
          }
        }
        continue;
      }
      const fromRank = rankOf(from);
      const toRank = rankOf(to);
      if (from === "domain") finding("the domain imports nothing of the project");
      else if (toRank < fromRank) {
        finding(`${from} (layer ${fromRank + 1}) imports ${to} (layer ${toRank + 1}), above it`);
      } else if (toRank === fromRank && !layers[fromRank]!.oneUnit) {
        finding(`${from} and ${to} share layer ${fromRank + 1} and do not import each other`);
      }
    }
  }
  const unusedExceptions = exceptions
    .filter((_, i) => !usedExceptions.has(i))
    .map((e) => `${e.from} → ${e.to}`);
  return { findings, unusedExceptions };
}

describe("architecture", () => {
  it("places every folder and root module of src/ in a layer", () => {
    const members = readdirSync(src, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() || (/\.(ts|mjs)$/.test(entry.name) && !isTest(entry.name)))
      .map((entry) => entry.name)
      .filter((name) => !testingFolders.includes(`${name}/`));
    expect(members.filter((member) => rankOf(member) < 0)).toEqual([]);
  });

  it("reads static, re-exported, side-effect and dynamic imports, not those in comments", () => {
    const code = [
      'import { a } from "./a.ts";',
      'import type { B } from "../b.ts";',
      "import {",
      "  c,",
      '} from "./c.ts";',
      'export * from "./d.ts";',
      'import "./e.ts";',
      'const f = await import("./f.ts");',
      '/** Not this: import { g } from "./g.ts"; */',
      '// nor import("./h.ts")',
      'const url = new URL("./i.ts", import.meta.url);',
    ].join("\n");
    expect(importsOf(code)).toEqual(["./a.ts", "../b.ts", "./c.ts", "./d.ts", "./e.ts", "./f.ts"]);
  });

  it("has no import pointing up a layer", () => {
    const { findings, unusedExceptions } = check();
    expect(findings.map((f) => `${f.file} imports "${f.imports}": ${f.problem}`)).toEqual([]);
    expect(unusedExceptions).toEqual([]);
  });
});
