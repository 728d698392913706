import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalEvidenceStore } from "./localStore.ts";
import { StoredFileMissing } from "./store.ts";

let root: string;
let store: LocalEvidenceStore;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "dondoc-store-"));
  store = new LocalEvidenceStore(path.join(root, "files"));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const sha = (s: string | Buffer) => createHash("sha256").update(s).digest("hex");

describe("LocalEvidenceStore", () => {
  it("stores content under files/ab/cd/<sha256> and reads it back", async () => {
    const content = "Báo cáo kết quả";
    const result = await store.put(Buffer.from(content));
    const digest = sha(Buffer.from(content));
    expect(result).toEqual({ sha256: digest, size: Buffer.byteLength(content), created: true });
    const file = path.join(root, "files", digest.slice(0, 2), digest.slice(2, 4), digest);
    expect(fs.readFileSync(file, "utf8")).toBe(content);
    expect(await store.exists(digest)).toBe(true);
    expect(await text(await store.get(digest))).toBe(content);
    expect(await store.list()).toEqual([digest]);
  });

  it("keeps one copy of the same content", async () => {
    const first = await store.put(Readable.from([Buffer.from("a"), Buffer.from("b")]));
    const second = await store.put(Buffer.from("ab"));
    expect(second).toEqual({ ...first, created: false });
    expect(await store.list()).toHaveLength(1);
    expect(fs.readdirSync(path.join(root, "files", ".tmp"))).toEqual([]);
  });

  it("leaves nothing under an address when the source fails half way", async () => {
    async function* failing() {
      yield Buffer.from("half of a file");
      throw new Error("connection lost");
    }
    await expect(store.put(failing())).rejects.toThrow("connection lost");
    expect(await store.list()).toEqual([]);
    expect(fs.readdirSync(path.join(root, "files", ".tmp"))).toEqual([]);
  });

  it("reports a missing file, refuses names that are not hashes, and removes", async () => {
    const missing = sha("nothing");
    await expect(store.get(missing)).rejects.toBeInstanceOf(StoredFileMissing);
    await expect(store.get("../../etc/passwd")).rejects.toBeInstanceOf(StoredFileMissing);
    expect(await store.exists("../x")).toBe(false);
    const { sha256 } = await store.put(Buffer.from("x"));
    await store.remove(sha256);
    expect(await store.exists(sha256)).toBe(false);
  });
});
