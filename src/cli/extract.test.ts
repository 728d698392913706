import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractionSchema } from "../ingest/extraction.ts";
import { runExtract } from "./extract.ts";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

const dir = mkdtempSync(join(tmpdir(), "dondoc-extract-"));

describe("dondoc extract", () => {
  it("prints the contract's JSON on stdout only, warnings on stderr, and exits 0", async () => {
    const file = join(dir, "plan.txt");
    writeFileSync(
      file,
      "STT\tTên nhiệm vụ\tCơ quan chủ trì\tThời hạn\n1\tViệc một\tSở Tài chính\t4/2026\n3\tViệc ba\tSở Nội vụ\tQuý II/2026\n",
    );
    const { io, out, err } = capture();
    expect(await runExtract(file, { json: true }, io)).toBe(0);
    const parsed = extractionSchema.parse(JSON.parse(out.join("")));
    expect(parsed.tasks.map((t) => t.ref)).toEqual(["1", "3"]);
    expect(err.join("")).toMatch(/^Cảnh báo \[numbering_gap\] 2: /);
  });

  it("answers a file without tasks with one Vietnamese line and exit 2", async () => {
    const file = join(dir, "empty.txt");
    writeFileSync(file, "Không có gì cả.\n");
    const { io, out, err } = capture();
    expect(await runExtract(file, { json: true }, io)).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^Lỗi \[no_task_table\]: .+\n$/);
  });

  it("answers a missing file with exit 2 and no stack trace", async () => {
    const { io, out, err } = capture();
    expect(await runExtract(join(dir, "nope.docx"), { json: true }, io)).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([`Lỗi [file_unreadable]: Không tìm thấy tệp ${join(dir, "nope.docx")}.\n`]);
  });
});
