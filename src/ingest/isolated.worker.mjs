// Worker entry for limits.ts. Workers start as plain Node, so TypeScript is enabled here the same
// way bin/dondoc.js does it, before the TypeScript module that does the work is imported.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { moduleUrl, exportName, args } = workerData;
try {
  const module = await import(moduleUrl);
  const result = await module[exportName](...args);
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
