import { IngestError } from "./errors.ts";
import type { SourceFormat } from "./model.ts";

/**
 * First line of defence for uploaded files: what the bytes are (the name may lie), and whether it
 * is safe to hand them to a parser. Nothing here inflates or parses a document; the zip checks read
 * the central directory only, so a zip bomb is refused before a byte of it is decompressed.
 */

export interface GuardOptions {
  /** Largest accepted file, bytes. */
  maxBytes?: number;
  /** Largest sum of the declared uncompressed sizes inside a .docx/.xlsx, bytes. */
  maxUnzippedBytes?: number;
  /** Most entries a .docx/.xlsx may hold. */
  maxEntries?: number;
  /** Highest uncompressed/compressed ratio, enforced once the content is large. */
  maxRatio?: number;
}

const MB = 1024 * 1024;
export const defaultGuard: Required<GuardOptions> = {
  maxBytes: 50 * MB,
  maxUnzippedBytes: 200 * MB,
  maxEntries: 5000,
  maxRatio: 100,
};
/** Below this much content, a high ratio is just a well-compressed small file. */
const RATIO_FLOOR = 10 * MB;

const fail = (code: IngestError["code"], message: string): never => {
  throw new IngestError(code, message);
};

const EMPTY = "Tệp rỗng (0 byte); hãy chọn lại đúng tệp văn bản cần nhập.";
const UNKNOWN =
  "Không nhận ra định dạng tệp; chỉ nhập được tệp .docx, .doc, .pdf, .xlsx, .txt hoặc .md, hãy lưu lại đúng định dạng rồi tải lên.";
const XLS = "Tệp Excel 97-2003 (.xls) chưa được hỗ trợ; hãy mở bằng Excel, lưu thành .xlsx rồi tải lên lại.";
const ENCRYPTED =
  "Tệp Word/Excel được đặt mật khẩu nên không đọc được; hãy gỡ mật khẩu (File > Info > Protect Document) rồi tải lên lại.";
const BOMB =
  "Tệp nén bất thường (giải nén ra quá lớn hoặc quá nhiều thành phần), có thể là tệp độc hại; hệ thống từ chối xử lý tệp này.";
const corrupt = (kind: string): string =>
  `Tệp ${kind} bị hỏng hoặc không trọn vẹn (không đọc được cấu trúc tệp); hãy mở bằng chương trình gốc, lưu lại rồi tải lên lại.`;

const startsWith = (bytes: Uint8Array, signature: number[], at = 0): boolean =>
  signature.every((byte, i) => bytes[at + i] === byte);

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const isPdf = (bytes: Uint8Array): boolean =>
  // The header may follow a little junk (some mail gateways prepend bytes); readers cope with that.
  Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).includes("%PDF-");

const extension = (fileName: string): string => /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";

/** Contains the UTF-16LE name of a compound-file stream (OLE directory entries are UTF-16). */
const hasStream = (bytes: Uint8Array, name: string): boolean =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(Buffer.from(name, "utf16le"));

function looksLikeText(bytes: Uint8Array): boolean {
  // Windows editors save "Unicode" text as UTF-16 with a byte order mark.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const sample = new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(
      bytes.subarray(2, 64 * 1024),
    );
    return !sample.includes("\0") && !sample.includes("\uFFFD");
  }
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.includes(0)) return false;
  try {
    // `stream` lets a multi-byte character cut at the sample's end pass.
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
  } catch {
    return false;
  }
  let control = 0;
  for (const byte of sample) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) control++;
  return control <= sample.length / 100;
}

/** The format of a file, from its content first; the extension only settles what content cannot. */
export function detectFormat(bytes: Uint8Array, fileName: string): SourceFormat {
  if (bytes.length === 0) fail("empty_file", EMPTY);
  const ext = extension(fileName);
  if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY)) {
    const names = zipDirectory(bytes)?.names;
    if (names?.includes("word/document.xml")) return "docx";
    if (names?.includes("xl/workbook.xml")) return "xlsx";
    // A zip we cannot list is a damaged Office file when its name says so; the guard reports it.
    if (!names && (ext === "docx" || ext === "xlsx")) return ext;
    if (names?.some((name) => name.startsWith("word/"))) return "docx";
    if (names?.some((name) => name.startsWith("xl/"))) return "xlsx";
    return fail("unsupported_format", UNKNOWN);
  }
  if (startsWith(bytes, CFB)) {
    // Word and Excel save password-protected .docx/.xlsx as an OLE file holding the encrypted zip.
    if (hasStream(bytes, "EncryptedPackage")) return ext === "xlsx" ? "xlsx" : "docx";
    if (hasStream(bytes, "WordDocument")) return "doc";
    if (hasStream(bytes, "Workbook") || hasStream(bytes, "Book")) fail("unsupported_format", XLS);
    return ext === "doc" ? "doc" : fail("unsupported_format", UNKNOWN);
  }
  // After the containers: a .docx may store an attached PDF uncompressed near its start.
  if (isPdf(bytes)) return "pdf";
  if (looksLikeText(bytes)) return "text";
  return fail("unsupported_format", UNKNOWN);
}

/** Throws an IngestError when the bytes must not reach a parser. */
export function assertSafeInput(bytes: Uint8Array, format: SourceFormat, options: GuardOptions = {}): void {
  const limits = { ...defaultGuard, ...options };
  if (bytes.length === 0) fail("empty_file", EMPTY);
  if (bytes.length > limits.maxBytes) {
    const size = (bytes.length / MB).toFixed(1);
    fail(
      "file_too_large",
      `Tệp quá lớn (${size} MB, giới hạn ${Math.round(limits.maxBytes / MB)} MB); hãy tách riêng phụ lục nhiệm vụ hoặc giảm dung lượng ảnh trong tệp rồi tải lên lại.`,
    );
  }
  switch (format) {
    case "docx":
    case "xlsx":
      assertSafeZip(bytes, format, limits);
      return;
    case "pdf":
      if (!isPdf(bytes)) fail("unsupported_format", UNKNOWN);
      return;
    case "doc":
      if (!startsWith(bytes, CFB)) fail("corrupt_file", corrupt(".doc"));
      return;
    case "text":
      if (!looksLikeText(bytes)) fail("unsupported_format", UNKNOWN);
      return;
  }
}

function assertSafeZip(bytes: Uint8Array, format: "docx" | "xlsx", limits: Required<GuardOptions>): void {
  if (startsWith(bytes, CFB)) {
    if (hasStream(bytes, "EncryptedPackage")) fail("encrypted_file", ENCRYPTED);
    fail("unsupported_format", UNKNOWN);
  }
  if (!startsWith(bytes, ZIP_LOCAL) && !startsWith(bytes, ZIP_EMPTY)) fail("unsupported_format", UNKNOWN);
  const directory = zipDirectory(bytes) ?? fail("corrupt_file", corrupt(`.${format}`));
  if (directory.names.length > limits.maxEntries || directory.unzipped > limits.maxUnzippedBytes) {
    fail("zip_bomb", BOMB);
  }
  if (
    directory.unzipped > RATIO_FLOOR &&
    directory.unzipped > limits.maxRatio * Math.max(directory.zipped, 1)
  ) {
    fail("zip_bomb", BOMB);
  }
  const part = format === "docx" ? "word/document.xml" : "xl/workbook.xml";
  if (!directory.names.includes(part)) fail("corrupt_file", corrupt(`.${format}`));
}

export interface ZipDirectory {
  names: string[];
  /** Sums of the sizes the central directory declares. */
  zipped: number;
  unzipped: number;
}

const MAX_COMMENT = 0xffff;

/** Reads a zip's central directory (zip64 included) without inflating anything; null if damaged. */
export function zipDirectory(bytes: Uint8Array): ZipDirectory | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  const u64 = (at: number): number => Number(view.getBigUint64(at, true));
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - MAX_COMMENT); at--) {
    if (u32(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  let count = u16(end + 10);
  let size = u32(end + 12);
  let offset = u32(end + 16);
  const locator = end - 20;
  if (locator >= 0 && u32(locator) === 0x07064b50) {
    const record = u64(locator + 8);
    if (record + 56 > bytes.length || u32(record) !== 0x06064b50) return null;
    count = u64(record + 32);
    size = u64(record + 40);
    offset = u64(record + 48);
  }
  if (offset + size > bytes.length) return null;
  const names: string[] = [];
  let zipped = 0;
  let unzipped = 0;
  const decoder = new TextDecoder();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) return null;
    let compressed = u32(at + 20);
    let uncompressed = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (at + 46 + nameLength + extraLength > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    // Sizes that do not fit 32 bits sit in the zip64 extra field, uncompressed first.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(extra);
      const length = u16(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (uncompressed === 0xffffffff && field + 8 <= extraEnd) {
          uncompressed = u64(field);
          field += 8;
        }
        if (compressed === 0xffffffff && field + 8 <= extraEnd) compressed = u64(field);
      }
      extra += 4 + length;
    }
    zipped += compressed;
    unzipped += uncompressed;
    at = extraEnd + commentLength;
  }
  return { names, zipped, unzipped };
}
