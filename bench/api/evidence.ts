/** Report submissions as a browser sends them: multipart/form-data with a PDF evidence file. */
import { randomBytes } from "node:crypto";

const HEAD = "%PDF-1.4\n%";
const ID_LENGTH = 32;
const TAIL = "\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

/**
 * A PDF of about `size` bytes whose content is recognised as PDF (src/storage/evidenceType.ts
 * checks the bytes, not just the name), with `id` written into it so that each upload is a new
 * file for the content-addressed store, as real evidence would be.
 */
export function pdfOfSize(size: number, id: string): Buffer {
  const fixed = HEAD.length + ID_LENGTH + TAIL.length;
  const filler = Math.max(0, size - fixed);
  // Comment lines of 80 characters: a valid if pointless PDF body.
  const line = `%${"x".repeat(78)}\n`;
  const body = line.repeat(Math.ceil(filler / line.length)).slice(0, filler);
  return Buffer.from(`${HEAD}${id.padEnd(ID_LENGTH, "0").slice(0, ID_LENGTH)}${body}${TAIL}`, "latin1");
}

const BOUNDARY = `----dondocbench${randomBytes(8).toString("hex")}`;
export const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** A submitReport form: text fields and, if given, one PDF evidence file. */
export function reportForm(fields: Record<string, string>, pdf?: { name: string; bytes: Buffer }): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        "utf8",
      ),
    );
  }
  if (pdf) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${pdf.name}"\r\n` +
          "Content-Type: application/pdf\r\n\r\n",
        "utf8",
      ),
      pdf.bytes,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

let counter = 0;
/** A new id for each upload: run and sequence, so no two bodies are the same. */
export const uploadId = () =>
  `${process.pid.toString(16)}${Date.now().toString(16)}${(++counter).toString(16)}`;
