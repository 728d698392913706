import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isDistFresh } from "./server-dist.mjs";

/** bin/dondoc.js runs dist/ only while it is current: an edited source sends it back to tsx. */

const repos: string[] = [];
afterAll(() => {
  for (const repo of repos) fs.rmSync(repo, { recursive: true, force: true });
});

/** A repository with two sources, a build script and a manifest written after all of them. */
function builtRepo() {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), "dondoc-dist-"));
  repos.push(repo);
  for (const file of ["src/a.ts", "src/b.ts", "scripts/build-server.mjs"]) {
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.writeFileSync(path.join(repo, file), "");
    setMtime(repo, file, 1_000);
  }
  fs.mkdirSync(path.join(repo, "dist"));
  fs.writeFileSync(
    path.join(repo, "dist/manifest.json"),
    JSON.stringify({ builtAt: 2_000_000, inputs: ["src/a.ts", "src/b.ts"] }),
  );
  return repo;
}

const setMtime = (repo: string, file: string, seconds: number) =>
  fs.utimesSync(path.join(repo, file), seconds, seconds);

describe("isDistFresh", () => {
  it("is fresh when nothing changed after the build", () => {
    expect(isDistFresh(builtRepo())).toBe(true);
  });

  it("is stale when a source was edited after the build", () => {
    const repo = builtRepo();
    setMtime(repo, "src/b.ts", 3_000);
    expect(isDistFresh(repo)).toBe(false);
  });

  it("is stale when a source is gone, or the build script changed", () => {
    const gone = builtRepo();
    fs.rmSync(path.join(gone, "src/a.ts"));
    expect(isDistFresh(gone)).toBe(false);
    const rebuilt = builtRepo();
    setMtime(rebuilt, "scripts/build-server.mjs", 3_000);
    expect(isDistFresh(rebuilt)).toBe(false);
  });

  it("is stale without a manifest (never built, or a build under way)", () => {
    const repo = builtRepo();
    fs.rmSync(path.join(repo, "dist/manifest.json"));
    expect(isDistFresh(repo)).toBe(false);
    fs.writeFileSync(path.join(repo, "dist/manifest.json"), "{");
    expect(isDistFresh(repo)).toBe(false);
  });
});
