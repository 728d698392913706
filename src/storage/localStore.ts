import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type Content, type EvidenceStore, isSha256, type PutResult, StoredFileMissing } from "./store.ts";

/**
 * Evidence files on the local disk, content-addressed: <root>/ab/cd/<sha256>. Each file is first
 * written under <root>/.tmp, flushed to disk, then renamed into place; a rename within one file
 * system is atomic, so a crash leaves either no file or the whole file under its address (and
 * perhaps a stray temporary file, which is never served).
 */
export class LocalEvidenceStore implements EvidenceStore {
  private readonly tmpDir: string;

  constructor(readonly root: string) {
    this.tmpDir = path.join(root, ".tmp");
  }

  /** Where a file with this hash lives (whether or not it exists). */
  pathOf(sha256: string): string {
    if (!isSha256(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(content: Content): Promise<PutResult> {
    await fsp.mkdir(this.tmpDir, { recursive: true });
    const tmp = path.join(this.tmpDir, `${Date.now()}-${randomBytes(8).toString("hex")}`);
    const hash = createHash("sha256");
    let size = 0;
    const source = content instanceof Uint8Array ? Readable.from([content]) : Readable.from(content);
    try {
      await pipeline(
        source,
        async function* (chunks: AsyncIterable<Uint8Array | string>) {
          for await (const chunk of chunks) {
            const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
            hash.update(bytes);
            size += bytes.length;
            yield bytes;
          }
        },
        // flush: the bytes reach the disk before the file is closed and renamed into place.
        fs.createWriteStream(tmp, { flags: "wx", mode: 0o640, flush: true }),
      );
      const sha256 = hash.digest("hex");
      const target = this.pathOf(sha256);
      if (await this.exists(sha256)) {
        await fsp.rm(tmp, { force: true });
        return { sha256, size, created: false };
      }
      await fsp.mkdir(path.dirname(target), { recursive: true });
      await fsp.rename(tmp, target);
      await syncDirectory(path.dirname(target));
      return { sha256, size, created: true };
    } catch (error) {
      await fsp.rm(tmp, { force: true }).catch(() => {});
      throw error;
    }
  }

  async get(sha256: string): Promise<Readable> {
    if (!isSha256(sha256)) throw new StoredFileMissing(sha256);
    const file = this.pathOf(sha256);
    try {
      const handle = await fsp.open(file, "r");
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new StoredFileMissing(sha256);
      throw error;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    if (!isSha256(sha256)) return false;
    try {
      return (await fsp.stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }

  async remove(sha256: string): Promise<void> {
    if (!isSha256(sha256)) return;
    await fsp.rm(this.pathOf(sha256), { force: true });
  }

  /** Every stored hash (for tests and a future garbage collector); skips temporary files. */
  async list(): Promise<string[]> {
    const found: string[] = [];
    const walk = async (dir: string, depth: number) => {
      let entries: fs.Dirent[];
      try {
        entries = await fsp.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        if (entry.name.startsWith(".")) continue;
        const full = path.join(dir, entry.name);
        if (depth < 2 && entry.isDirectory()) await walk(full, depth + 1);
        else if (depth === 2 && entry.isFile() && isSha256(entry.name)) found.push(entry.name);
      }
    };
    await walk(this.root, 0);
    return found.sort();
  }
}

/** Makes a rename durable: the directory entry reaches the disk too (not supported everywhere). */
async function syncDirectory(dir: string) {
  try {
    const handle = await fsp.open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms (Windows) cannot open a directory; the rename itself is still atomic.
  }
}
