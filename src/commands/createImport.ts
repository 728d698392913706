import { createHash } from "node:crypto";
import { z } from "zod";
import { imports } from "../db/schema/index.ts";
import { AppError } from "../errors.ts";
import { IngestError, type IngestErrorCode } from "../ingest/errors.ts";
import { type Extraction, extractionSchema } from "../ingest/extraction.ts";
import { runIsolated } from "../ingest/limits.ts";
import type { OnProgress } from "../ingest/progress.ts";
import { type CommandContext, recordAudit } from "./context.ts";

/** Largest plan file accepted for import (the multipart limit and the ingest guard agree). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type Extractor = (
  bytes: Uint8Array,
  fileName: string,
  options?: { onProgress?: OnProgress },
) => Promise<Extraction>;

/**
 * What is wrong with the file itself (400), or what the file holds that cannot be used (422).
 * The code is the ingest layer's, the message its Vietnamese sentence.
 */
const statusOf: Record<IngestErrorCode, number> = {
  empty_file: 400,
  unsupported_format: 400,
  corrupt_file: 400,
  encrypted_file: 400,
  zip_bomb: 400,
  file_too_large: 413,
  scanned_pdf: 422,
  no_task_table: 422,
  timeout: 422,
  converter_missing: 422,
  ocr_missing: 422,
};

/**
 * Runs the extraction engine on an uploaded file, outside any transaction (it can take seconds
 * and runs in a worker with its own limits). A bad file becomes an AppError with the ingest code
 * and message; nothing is stored. An engine failure that is not an IngestError is reported to the
 * caller through `onUnexpected` (for the log) and answered as "extraction_failed".
 */
export async function extractUpload(
  bytes: Uint8Array,
  fileName: string,
  options: { extract?: Extractor; onUnexpected?: (error: unknown) => void; onProgress?: OnProgress } = {},
): Promise<Extraction> {
  const extract = options.extract ?? runIsolated;
  let raw: unknown;
  try {
    raw = await extract(bytes, fileName, options.onProgress ? { onProgress: options.onProgress } : {});
  } catch (error) {
    if (error instanceof IngestError) {
      throw new AppError(error.code, statusOf[error.code] ?? 422, error.message);
    }
    options.onUnexpected?.(error);
    throw extractionFailed();
  }
  const parsed = extractionSchema.safeParse(raw);
  if (!parsed.success) {
    options.onUnexpected?.(parsed.error);
    throw extractionFailed();
  }
  return parsed.data;
}

const extractionFailed = () =>
  new AppError(
    "extraction_failed",
    422,
    "Không đọc được nội dung tệp này; hãy mở tệp bằng chương trình gốc, lưu lại (ưu tiên .docx) rồi tải lên lại.",
  );

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export const createImportInput = z.object({
  fileName: z.string().trim().min(1).max(255),
  fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
  extraction: extractionSchema,
});
export type CreateImportInput = z.input<typeof createImportInput>;

/** Keeps an uploaded file's extraction as a preview the importer corrects before committing it. */
export async function createImport(
  ctx: CommandContext,
  raw: CreateImportInput,
): Promise<{ importId: string }> {
  const input = createImportInput.parse(raw);
  if (!ctx.actor.userId) throw new AppError("unauthenticated", 401, "Bạn cần đăng nhập.");
  const [row] = await ctx.tx
    .insert(imports)
    .values({
      tenantId: ctx.tenantId,
      fileName: input.fileName,
      fileSha256: input.fileSha256,
      extraction: input.extraction,
      createdBy: ctx.actor.userId,
    })
    .returning({ id: imports.id });
  await recordAudit(ctx, {
    action: "import.create",
    entityType: "import",
    entityId: row!.id,
    after: {
      fileName: input.fileName,
      fileSha256: input.fileSha256,
      document: input.extraction.document,
      tasks: input.extraction.tasks.length,
      indicators: input.extraction.indicators.length,
      warnings: input.extraction.warnings.length,
    },
  });
  return { importId: row!.id };
}
