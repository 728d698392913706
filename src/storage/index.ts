import path from "node:path";
import type { Config } from "../config.ts";
import { LocalEvidenceStore } from "./localStore.ts";
import type { EvidenceStore } from "./store.ts";

export * from "./store.ts";

const stores = new Map<string, EvidenceStore>();

/**
 * The evidence store of a configuration: files under <DONDOC_DATA_DIR>/files today. One instance
 * per directory, so every route shares it. (An S3-compatible store would be chosen here from
 * its own settings, behind the same interface.)
 */
export function evidenceStoreFor(config: Pick<Config, "dataDir">): EvidenceStore {
  const root = path.join(config.dataDir, "files");
  let store = stores.get(root);
  if (!store) {
    store = new LocalEvidenceStore(root);
    stores.set(root, store);
  }
  return store;
}

/** Where uploads wait while a request is checked: beside the store, so nothing crosses file systems. */
export const uploadStagingDir = (config: Pick<Config, "dataDir">) =>
  path.join(config.dataDir, "tmp", "uploads");
