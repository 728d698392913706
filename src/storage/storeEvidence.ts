import fs from "node:fs";
import { type CheckedEvidence, checkEvidenceFile } from "./evidenceType.ts";
import type { StagedFile } from "./staging.ts";
import type { EvidenceStore } from "./store.ts";

/** An evidence file checked by content and already in the store, ready to be referenced. */
export interface StoredEvidence {
  fileName: string;
  sha256: string;
  size: number;
  mimeType: string;
}

/**
 * Checks every staged file by content, then puts each in the store: reading, hashing and
 * syncing files happens here, before the caller opens a transaction, so no database connection
 * waits on the disk. Every file is checked before any is stored, so a refused file leaves
 * nothing behind; hashes newly written are pushed to `created` for the caller to remove
 * should its transaction fail.
 */
export async function storeEvidenceFiles(
  files: StagedFile[],
  store: EvidenceStore,
  created: string[],
): Promise<StoredEvidence[]> {
  const checked: (CheckedEvidence & { file: StagedFile })[] = [];
  for (const file of files) checked.push({ file, ...(await checkEvidenceFile(file)) });
  const stored: StoredEvidence[] = [];
  for (const { file, mime } of checked) {
    const result = await store.put(fs.createReadStream(file.path));
    if (result.created) created.push(result.sha256);
    if (result.sha256 !== file.sha256 || result.size !== file.size) {
      throw new Error(`evidence ${file.fileName} changed while being stored`);
    }
    stored.push({ fileName: file.fileName, sha256: result.sha256, size: result.size, mimeType: mime });
  }
  return stored;
}
