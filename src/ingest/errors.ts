/**
 * The one error the ingest layer throws on purpose. Anything else escaping a reader or parser is
 * a bug; callers turn an IngestError into exit status 2 (CLI) or HTTP 400/422 (API).
 */
export type IngestErrorCode =
  | "empty_file"
  | "file_too_large"
  | "unsupported_format"
  | "corrupt_file"
  | "encrypted_file"
  | "zip_bomb"
  | "scanned_pdf"
  | "no_task_table"
  | "timeout"
  | "converter_missing"
  | "ocr_missing";

export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    /** One line in Vietnamese, shown to the user as is. */
    message: string,
  ) {
    super(message);
    this.name = "IngestError";
  }
}
