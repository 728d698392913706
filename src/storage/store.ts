import type { Readable } from "node:stream";

/** Bytes to store: a buffer, a Node stream, or any async iterable of chunks. */
export type Content = Uint8Array | Readable | AsyncIterable<Uint8Array>;

export interface PutResult {
  /** Lower-case hex SHA-256 of the content: its address. */
  sha256: string;
  size: number;
  /** False when the same content was already stored (content addressing deduplicates). */
  created: boolean;
}

/**
 * A content-addressed store for evidence files. Files are immutable and named by their SHA-256,
 * so the same content is kept once and a name cannot point to other bytes. Which tenant and which
 * report a file belongs to lives in the database (stored_files, evidence), never in the store:
 * access is decided there. The local-disk store implements it today; an S3-compatible store can
 * implement the same four operations (put = upload under a temporary key, then copy to the
 * hash key; get = GetObject stream; exists = HeadObject; remove = DeleteObject).
 */
export interface EvidenceStore {
  /** Stores the content whole or not at all; a crash never leaves a half-written file under its address. */
  put(content: Content): Promise<PutResult>;
  /** A stream of the stored bytes; rejects with StoredFileMissing when there is none. */
  get(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  /** Removes a file no database row references any more (cleanup after a failed transaction). */
  remove(sha256: string): Promise<void>;
}

export class StoredFileMissing extends Error {
  override name = "StoredFileMissing";
  constructor(readonly sha256: string) {
    super(`stored file ${sha256} is missing`);
  }
}

export const isSha256 = (value: string) => /^[0-9a-f]{64}$/.test(value);
