import { describe, expect, it } from "vitest";
import { IngestError } from "./errors.ts";
import { decodeText, extractDocument, extractFile } from "./extract.ts";

describe("decodeText", () => {
  it("reads UTF-8 with or without BOM, UTF-16 and Windows-1258", () => {
    const utf8 = new TextEncoder().encode("Công an tỉnh");
    expect(decodeText(utf8)).toBe("Công an tỉnh");
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe("Công an tỉnh");
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[..."Sở"].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]);
    expect(decodeText(utf16)).toBe("Sở");
    expect(decodeText(new Uint8Array([0x43, 0xf4, 0x6e, 0x67]))).toBe("Công");
  });
});

describe("extractDocument", () => {
  it("says so in Vietnamese when a document holds no task", () => {
    const run = () => extractDocument({ format: "text", blocks: [{ kind: "paragraph", text: "Xin chào." }] });
    expect(run).toThrow(IngestError);
    try {
      run();
    } catch (error) {
      expect((error as IngestError).code).toBe("no_task_table");
    }
  });
});

describe("extractFile", () => {
  it("reads a text file end to end", async () => {
    const bytes = new TextEncoder().encode(
      "STT\tTên nhiệm vụ\tCơ quan chủ trì\tThời hạn\n1\tViệc một\tSở Tài chính\t4/2026\n",
    );
    const out = await extractFile(bytes, "ke-hoach.txt");
    expect(out.tasks).toHaveLength(1);
    expect(out.tasks[0]!.deadline).toEqual({ text: "4/2026", kind: "month", due: "2026-04-30" });
  });
});
