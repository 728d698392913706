import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { cleanFileName } from "./evidenceType.ts";

/**
 * An uploaded file held in a temporary file until the request is validated and authorised.
 * Nothing reaches the evidence store before then, so a refused request stores nothing.
 */
export interface StagedFile {
  fileName: string;
  declaredType: string;
  path: string;
  size: number;
  sha256: string;
}

export class UploadTooLarge extends Error {
  override name = "UploadTooLarge";
  constructor(readonly fileName: string) {
    super(`upload ${fileName} exceeds the size limit`);
  }
}

/** A directory for one request's uploads, removed whole by `dispose`. */
export class UploadStaging {
  readonly files: StagedFile[] = [];
  private dir: string | null = null;

  constructor(private readonly parent: string) {}

  /**
   * Streams one upload to disk while hashing it. `truncated()` tells whether the multipart
   * parser cut the stream at its size limit; if so the upload is refused as too large.
   */
  async add(
    source: Readable,
    info: { fileName: string; declaredType: string },
    truncated: () => boolean,
  ): Promise<StagedFile> {
    if (!this.dir) {
      await fsp.mkdir(this.parent, { recursive: true });
      this.dir = await fsp.mkdtemp(path.join(this.parent, "upload-"));
    }
    const file = path.join(this.dir, `${this.files.length}-${randomBytes(4).toString("hex")}`);
    const hash = createHash("sha256");
    let size = 0;
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          hash.update(chunk);
          size += chunk.length;
          yield chunk;
        }
      },
      fs.createWriteStream(file, { flags: "wx", mode: 0o600 }),
    );
    const fileName = cleanFileName(info.fileName);
    if (truncated()) throw new UploadTooLarge(fileName);
    const staged = {
      fileName,
      declaredType: info.declaredType,
      path: file,
      size,
      sha256: hash.digest("hex"),
    };
    this.files.push(staged);
    return staged;
  }

  async dispose(): Promise<void> {
    if (this.dir) await fsp.rm(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
