// Worker thread of workerPool.ts: answers one job at a time, for as long as the pool keeps it.
// Plain JavaScript, so that it starts the same way from dist/ and from the sources. Compiled
// modules (dist/*.js) load as they are; TypeScript modules (running from the sources, as in
// tests) first enable tsx in this thread, the way bin/dondoc.js does in the main one.
import { parentPort, workerData } from "node:worker_threads";

let typescript;
function load(url) {
  if (url.endsWith(".ts")) {
    typescript ??= import("tsx/esm/api").then(({ register }) => register());
    return typescript.then(() => import(url));
  }
  return import(url);
}

// Started before any job arrives; a failure here surfaces again when a job imports the module.
for (const url of workerData?.preload ?? []) load(url).catch(() => {});

parentPort.on("message", async ({ moduleUrl, exportName, args, progress }) => {
  try {
    const module = await load(moduleUrl);
    // A job that asks for progress gets a callback as its last argument; what it reports goes to
    // the pool as a message of its own, the job's answer still comes last.
    const onProgress = (value) => parentPort.postMessage({ progress: value });
    const result = await module[exportName](...args, ...(progress ? [{ onProgress }] : []));
    parentPort.postMessage({ ok: true, result });
  } catch (error) {
    parentPort.postMessage({
      ok: false,
      name: error?.name,
      code: error?.code,
      message: String(error?.message ?? error),
      stack: error?.stack,
    });
  }
});
