// Compiles the server and CLI (src/, tests excluded) into dist/ with esbuild, so that `dondoc`
// starts without compiling TypeScript (docs/decisions/0006-compiled-runtime.md).
//
//   node scripts/build-server.mjs             build now; fails loudly (npm run build, prepare)
//   node scripts/build-server.mjs --if-stale  build only when dist/ is older than its sources;
//                                             on a failed build say so and let bin/dondoc.js
//                                             run the sources through tsx (npm start, npm test)
import fs from "node:fs";
import path from "node:path";
import { distDir, isDistFresh, manifestPath, root } from "./server-dist.mjs";

/**
 * Entry points: the CLI (which holds the server) and the extraction module that
 * src/ingest/limits.ts loads in its worker threads. The worker shim itself
 * (src/ingest/isolated.worker.mjs) is plain JavaScript and runs as is.
 */
const entryPoints = { main: "src/cli/main.ts", extract: "src/ingest/extract.ts" };

/**
 * Source files find the repository's other files (migrations, demo fixtures, web/dist, pdf.js
 * assets) relative to their own import.meta.url, at different depths. Bundled, every module would
 * share the bundle's URL; so each module's import.meta.url is rewritten to the URL of its source
 * file, computed from the bundle's location at run time. All outputs sit directly in dist/, which
 * makes that relative path the same from every chunk.
 */
const sourceUrls = {
  name: "source-import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, "utf8");
      const code = source.replace(/\bimport\.meta\.(dirname|filename)\b/g, (match) => {
        throw new Error(`${path.relative(root, args.path)}: use import.meta.url, not ${match}`);
      });
      const fromDist = path.relative(distDir, args.path).split(path.sep).join("/");
      return {
        contents: code.replace(
          /\bimport\.meta\.url\b/g,
          `new URL(${JSON.stringify(fromDist)}, import.meta.url).href`,
        ),
        loader: "ts",
      };
    });
  },
};

export async function buildServer() {
  // Without dev dependencies (npm install --omit=dev) there is no esbuild: bin/dondoc.js then
  // runs the TypeScript sources through tsx, which is a runtime dependency.
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    process.stderr.write("Không có esbuild (cài không kèm devDependencies): dondoc chạy từ mã nguồn.\n");
    return false;
  }
  // Removed first, so that a start during the build runs the sources rather than half a build.
  fs.rmSync(manifestPath, { force: true });
  const builtAt = Date.now();
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints,
    outdir: distDir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    sourcesContent: false,
    metafile: true,
    logLevel: "warning",
    define: { __DONDOC_COMPILED__: "true" },
    plugins: [sourceUrls],
  });
  const outputs = new Set(Object.keys(result.metafile.outputs).map((file) => path.resolve(root, file)));
  // Chunks of earlier builds have other hashes and would only accumulate. They are kept for a day:
  // a server started before this build still loads some of its chunks lazily (a worker replaced
  // after a timeout, the PDF reader on the first PDF).
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const file of fs.readdirSync(distDir)) {
    const full = path.join(distDir, file);
    if (outputs.has(full) || full === manifestPath) continue;
    if (fs.statSync(full).mtimeMs < dayAgo) fs.rmSync(full, { recursive: true, force: true });
  }
  const inputs = Object.keys(result.metafile.inputs).sort();
  fs.writeFileSync(manifestPath, `${JSON.stringify({ builtAt, inputs }, null, 1)}\n`);
  return true;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const ifStale = process.argv.includes("--if-stale");
  if (!(ifStale && isDistFresh())) {
    try {
      const started = performance.now();
      if (await buildServer()) {
        process.stderr.write(
          `Đã biên dịch máy chủ vào dist/ (${Math.round(performance.now() - started)} ms).\n`,
        );
      }
    } catch (error) {
      if (!ifStale) throw error;
      process.stderr.write(
        `Không biên dịch được vào dist/ (${error.message.split("\n")[0]}); dondoc chạy từ mã nguồn.\n`,
      );
    }
  }
}
