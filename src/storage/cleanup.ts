import { eq } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { storedFiles } from "../db/schema/index.ts";
import type { EvidenceStore } from "./store.ts";

/**
 * After a failed transaction: removes files this request newly stored that no stored_files row
 * (of any tenant) references, so a rolled-back submission leaves nothing on disk. A file that
 * became referenced meanwhile (the same bytes committed by another request) is kept.
 */
export async function removeUnreferenced(
  db: Executor,
  store: EvidenceStore,
  hashes: string[],
): Promise<void> {
  for (const sha256 of new Set(hashes)) {
    const [used] = await db
      .select({ sha256: storedFiles.sha256 })
      .from(storedFiles)
      .where(eq(storedFiles.sha256, sha256))
      .limit(1);
    if (!used) await store.remove(sha256);
  }
}
