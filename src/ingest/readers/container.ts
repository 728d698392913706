import JSZip from "jszip";
import { IngestError } from "../errors.ts";

/**
 * Office files come in two containers: OOXML is a zip, while Word/Excel 97-2003 files and
 * password-protected OOXML files are OLE compound files (CFB). Telling them apart lets us give the
 * user the right reason instead of a generic "corrupt file".
 */

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A part larger than this once inflated is treated as a zip bomb rather than a plan. */
const MAX_PART_BYTES = 200 * 1024 * 1024;

export function isCfb(bytes: Uint8Array): boolean {
  return bytes.length >= CFB_MAGIC.length && CFB_MAGIC.every((b, i) => bytes[i] === b);
}

/** Office encrypts a .docx/.xlsx by wrapping it in a CFB with an "EncryptedPackage" stream. */
export function isEncryptedOoxml(bytes: Uint8Array): boolean {
  if (!isCfb(bytes)) return false;
  const name = Buffer.from("EncryptedPackage", "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(name) >= 0;
}

/**
 * Word 97-2003 marks a password-protected file in its FIB, the header at the start of the
 * WordDocument stream: wIdent 0xA5EC, then flag fEncrypted (0x0100) at offset 10. Streams start on a
 * sector boundary, so looking at each 512-byte boundary finds the FIB without walking the CFB.
 */
export function isEncryptedWord97(bytes: Uint8Array): boolean {
  if (!isCfb(bytes)) return false;
  for (let at = 512; at + 12 <= bytes.length; at += 512) {
    if (bytes[at] !== 0xec || bytes[at + 1] !== 0xa5) continue;
    const nFib = bytes[at + 2]! | (bytes[at + 3]! << 8);
    if (nFib < 0x65 || nFib > 0x200) continue;
    const flags = bytes[at + 10]! | (bytes[at + 11]! << 8);
    return (flags & 0x0100) !== 0;
  }
  return false;
}

export type OfficeKind = "Word" | "Excel";

export function encryptedError(kind: OfficeKind): IngestError {
  return new IngestError(
    "encrypted_file",
    `Tệp ${kind} được đặt mật khẩu; hãy gỡ mật khẩu (File > Info > Protect) rồi tải lên lại.`,
  );
}

export function corruptError(kind: OfficeKind, detail?: string): IngestError {
  const ext = kind === "Word" ? ".docx" : ".xlsx";
  const why = detail ? ` (${detail})` : "";
  return new IngestError("corrupt_file", `Tệp ${kind} bị hỏng hoặc không đúng định dạng ${ext}${why}.`);
}

export async function openZip(bytes: Uint8Array, kind: OfficeKind): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw corruptError(kind, "không mở được tệp nén");
  }
}

/** Inflated size as declared in the zip directory; JSZip keeps it on a private field. */
function declaredSize(file: JSZip.JSZipObject): number | undefined {
  const data = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data;
  return typeof data?.uncompressedSize === "number" ? data.uncompressedSize : undefined;
}

/** Reads a part as text, or undefined when the package has no such part. */
export async function readPart(zip: JSZip, path: string, kind: OfficeKind): Promise<string | undefined> {
  const file = zip.file(path.replace(/^\//, ""));
  if (!file) return undefined;
  const size = declaredSize(file);
  if (size !== undefined && size > MAX_PART_BYTES) {
    throw new IngestError("zip_bomb", `Tệp ${kind} chứa phần dữ liệu giải nén quá lớn; từ chối xử lý.`);
  }
  try {
    return await file.async("string");
  } catch {
    throw corruptError(kind, `không đọc được ${path}`);
  }
}
