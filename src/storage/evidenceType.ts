import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { fileTypeFromFile } from "file-type";
import { invalid } from "../errors.ts";

/**
 * Which evidence files are accepted, and how each one's content is recognised. The content must
 * be what the name (and the type the browser declared) says: a .pdf must be a PDF, a .docx a Word
 * document. Archives (.zip, .rar) are refused: they can hide anything and cannot be previewed.
 */
export type EvidenceFileKind = "pdf" | "docx" | "xlsx" | "doc" | "xls" | "jpg" | "png" | "txt" | "csv";

interface KindRule {
  label: string;
  /** MIME type stored and served. */
  mime: string;
  /** MIME types a client may declare for it (besides a generic application/octet-stream). */
  declared: string[];
}

const OCTET = [
  "",
  "application/octet-stream",
  "binary/octet-stream",
  "application/x-download",
  "application/download",
];

export const evidenceKinds: Record<EvidenceFileKind, KindRule> = {
  pdf: { label: "PDF", mime: "application/pdf", declared: ["application/pdf", "application/x-pdf"] },
  docx: {
    label: "Word (.docx)",
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    declared: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip"],
  },
  xlsx: {
    label: "Excel (.xlsx)",
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    declared: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip"],
  },
  doc: { label: "Word (.doc)", mime: "application/msword", declared: ["application/msword"] },
  xls: {
    label: "Excel (.xls)",
    mime: "application/vnd.ms-excel",
    declared: ["application/vnd.ms-excel", "application/msexcel", "application/x-msexcel"],
  },
  jpg: { label: "ảnh JPEG", mime: "image/jpeg", declared: ["image/jpeg", "image/jpg", "image/pjpeg"] },
  png: { label: "ảnh PNG", mime: "image/png", declared: ["image/png", "image/x-png"] },
  txt: { label: "văn bản (.txt)", mime: "text/plain; charset=utf-8", declared: ["text/plain"] },
  csv: {
    label: "bảng CSV",
    mime: "text/csv; charset=utf-8",
    // Windows browsers declare .csv as an Excel type.
    declared: [
      "text/csv",
      "application/csv",
      "text/comma-separated-values",
      "application/vnd.ms-excel",
      "text/plain",
    ],
  },
};

const byExtension: Record<string, EvidenceFileKind> = {
  ".pdf": "pdf",
  ".docx": "docx",
  ".xlsx": "xlsx",
  ".doc": "doc",
  ".xls": "xls",
  ".jpg": "jpg",
  ".jpeg": "jpg",
  ".png": "png",
  ".txt": "txt",
  ".csv": "csv",
};

export const allowedExtensions = Object.keys(byExtension);
const allowedList = ".pdf, .docx, .xlsx, .doc, .xls, .jpg, .png, .txt, .csv";

/** What file-type reports for content of each kind (text has no signature: checked separately). */
const detectedExt: Partial<Record<EvidenceFileKind, string>> = {
  pdf: "pdf",
  docx: "docx",
  xlsx: "xlsx",
  doc: "cfb",
  xls: "cfb",
  jpg: "jpg",
  png: "png",
};

/** A name safe to keep and to send back: NFC, no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = (name.normalize("NFC").split(/[\\/]/).pop() ?? "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim();
  if (!base) return "tep-dinh-kem";
  if (base.length <= 200) return base;
  const ext = path.extname(base).slice(0, 10);
  return `${base.slice(0, 200 - ext.length)}${ext}`;
}

export interface CheckedEvidence {
  kind: EvidenceFileKind;
  mime: string;
}

/**
 * Checks a staged upload: its extension is allowed, the declared type agrees, and the bytes are
 * what the name says. Throws a 400 AppError naming the file otherwise.
 */
export async function checkEvidenceFile(file: {
  fileName: string;
  declaredType: string;
  path: string;
  size: number;
}): Promise<CheckedEvidence> {
  const name = file.fileName;
  const kind = byExtension[path.extname(name).toLowerCase()];
  if (!kind) {
    throw invalid(
      "evidence_type_not_allowed",
      `Tệp "${name}" không thuộc loại được chấp nhận. Chỉ nhận các tệp ${allowedList}.`,
      { fileName: name },
    );
  }
  if (file.size === 0) throw invalid("evidence_empty", `Tệp "${name}" rỗng.`, { fileName: name });
  const rule = evidenceKinds[kind];
  const declared = file.declaredType.split(";")[0]!.trim().toLowerCase();
  if (!OCTET.includes(declared) && !rule.declared.includes(declared)) {
    throw mismatch(name, `tên tệp là ${rule.label} nhưng loại khai báo là "${declared}"`);
  }

  const detected = await fileTypeFromFile(file.path);
  if (kind === "txt" || kind === "csv") {
    if (detected)
      throw mismatch(name, `tên tệp là ${rule.label} nhưng nội dung là tệp ${detected.ext.toUpperCase()}`);
    if (!(await isUtf8Text(file.path))) {
      throw mismatch(name, `nội dung không phải ${rule.label} mã hóa UTF-8`);
    }
    return { kind, mime: rule.mime };
  }
  if (!detected) throw mismatch(name, `tên tệp là ${rule.label} nhưng không nhận ra nội dung`);
  if (detected.ext !== detectedExt[kind]) {
    throw mismatch(name, `tên tệp là ${rule.label} nhưng nội dung là tệp ${describe(detected.ext)}`);
  }
  if (kind === "doc" || kind === "xls") {
    // Both are OLE compound files; the stream names tell a Word document from an Excel workbook.
    const bytes = await fsp.readFile(file.path);
    const isWord = bytes.includes(Buffer.from("WordDocument", "utf16le"));
    const isExcel =
      bytes.includes(Buffer.from("Workbook", "utf16le")) || bytes.includes(Buffer.from("Book", "utf16le"));
    if ((kind === "doc" && !isWord) || (kind === "xls" && !isExcel)) {
      throw mismatch(name, `tên tệp là ${rule.label} nhưng nội dung là tài liệu Office khác loại`);
    }
  }
  return { kind, mime: rule.mime };
}

function describe(ext: string): string {
  const known: Record<string, string> = {
    cfb: "Office cũ (.doc/.xls)",
    zip: "nén ZIP",
    jpg: "ảnh JPEG",
    png: "ảnh PNG",
  };
  return known[ext] ?? ext.toUpperCase();
}

const mismatch = (fileName: string, why: string) =>
  invalid("evidence_type_mismatch", `Nội dung tệp "${fileName}" không khớp với loại tệp: ${why}.`, {
    fileName,
  });

/** Valid UTF-8 (BOM allowed) with no NUL byte: what a .txt or .csv evidence file must be. */
async function isUtf8Text(file: string): Promise<boolean> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const stream = fs.createReadStream(file, { highWaterMark: 64 * 1024 });
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      if (bytes.includes(0)) return false;
      decoder.decode(bytes, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  } finally {
    stream.destroy();
  }
}
