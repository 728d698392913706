import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { findUnsafeText, textProblem } from "../domain/inputSafety.ts";
import { AppError, invalid } from "../errors.ts";
import { UploadStaging, UploadTooLarge } from "../storage/staging.ts";
import { invalidText } from "./security.ts";

export interface UploadRules {
  /** The folder under which each request stages its files. */
  stagingDir: string;
  maxBytes: number;
  maxFiles: number;
  /** Machine codes of the two refusals, named for what is uploaded ("evidence_too_large"). */
  codes: { tooLarge: string; tooMany: string };
  /** What one file is called in the messages ("Tệp minh chứng"). */
  fileLabel: string;
  /** The refusal of one file too many ("Mỗi báo cáo có tối đa 10 tệp minh chứng."). */
  tooManyMessage: string;
}

type FieldKind = "array" | "boolean" | "number" | "date" | "string";

/**
 * A form that may carry files, read into the route's body schema: a multipart body has every
 * file part streamed to a staging folder (hashed, cut at the size limit) and every text field
 * converted by the kind the schema gives it (numbers, booleans, repeated fields as arrays); a
 * JSON body is taken as it is. Either way the same zod schema validates it, with the same
 * Vietnamese messages. The caller disposes of the staging folder.
 */
export async function readForm<T extends z.ZodType>(
  request: FastifyRequest,
  schema: T,
  rules: UploadRules,
  /** Fields from the path (the assignment's id), added to what the form sends. */
  fromPath: Record<string, unknown> = {},
): Promise<{ body: z.output<T>; staging: UploadStaging }> {
  const staging = new UploadStaging(rules.stagingDir);
  try {
    const raw = request.isMultipart()
      ? await readParts(request, staging, fieldKinds(schema), rules)
      : ((request.body as Record<string, unknown> | undefined) ?? {});
    return { body: schema.parse({ ...raw, ...fromPath }), staging };
  } catch (error) {
    await staging.dispose().catch(() => {});
    throw error;
  }
}

const kindsOfSchema = new WeakMap<z.ZodType, Map<string, FieldKind>>();

/** Each top-level field's kind, read once from the schema's JSON Schema (its input side). */
function fieldKinds(body: z.ZodType): Map<string, FieldKind> {
  const known = kindsOfSchema.get(body);
  if (known) return known;
  const json = z.toJSONSchema(body, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, { type?: string | string[]; format?: string; anyOf?: { type?: string }[] }>;
  };
  const kinds = new Map<string, FieldKind>();
  for (const [name, property] of Object.entries(json.properties ?? {})) {
    const types = [property.type ?? [], ...(property.anyOf ?? []).map((p) => p.type ?? [])].flat();
    kinds.set(
      name,
      types.includes("array")
        ? "array"
        : types.includes("boolean")
          ? "boolean"
          : types.includes("integer") || types.includes("number")
            ? "number"
            : property.format === "date"
              ? "date"
              : "string",
    );
  }
  kindsOfSchema.set(body, kinds);
  return kinds;
}

const TRUE = new Set(["true", "1", "on", "yes", "có"]);
const FALSE = new Set(["false", "0", "off", "no", "không", ""]);

async function readParts(
  request: FastifyRequest,
  staging: UploadStaging,
  kinds: Map<string, FieldKind>,
  rules: UploadRules,
): Promise<Record<string, unknown>> {
  const fields = new Map<string, string[]>();
  try {
    const parts = request.parts({
      limits: {
        fileSize: rules.maxBytes,
        files: rules.maxFiles,
        fields: 100,
        fieldSize: 100_000,
        parts: 150,
      },
    });
    for await (const part of parts) {
      if (part.type === "file") {
        if (!part.filename) {
          part.file.resume();
          continue;
        }
        // The file's name is stored with its evidence: the same rule as any text field.
        const problem = textProblem(part.filename);
        if (problem) throw invalidText("form", { path: [part.fieldname], problem });
        await staging.add(
          part.file,
          { fileName: part.filename, declaredType: part.mimetype },
          () => part.file.truncated,
        );
      } else {
        const name = part.fieldname.replace(/\[\]$/, "");
        if (!kinds.has(name)) continue;
        fields.set(name, [...(fields.get(name) ?? []), String(part.value ?? "")]);
      }
    }
  } catch (error) {
    throw refusal(error, rules);
  }
  const body: Record<string, unknown> = {};
  for (const [name, values] of fields) body[name] = convert(kinds.get(name)!, values);
  // Fields of a form are read here rather than by Fastify, so the global check (security.ts) did
  // not see them; after conversion, so that a JSON-encoded list is checked as its items.
  const unsafe = findUnsafeText(body);
  if (unsafe) throw invalidText("form", unsafe);
  return body;
}

function convert(kind: FieldKind, values: string[]): unknown {
  if (kind === "array") {
    return values
      .flatMap((v) => (v.trim().startsWith("[") ? parseJsonArray(v) : [v]))
      .filter((v) => v !== "");
  }
  const value = values[values.length - 1]!;
  if (kind === "number") return value.trim() === "" ? undefined : Number(value);
  if (kind === "boolean") {
    const folded = value.trim().toLowerCase();
    return TRUE.has(folded) ? true : FALSE.has(folded) ? false : value;
  }
  // A cleared date input is the same as an absent date.
  if (kind === "date") return value.trim() || undefined;
  return value;
}

function refusal(error: unknown, rules: UploadRules): AppError {
  const maxMb = Math.round((rules.maxBytes / 1024 / 1024) * 10) / 10;
  if (error instanceof UploadTooLarge) {
    return invalid(
      rules.codes.tooLarge,
      `Tệp "${error.fileName}" vượt quá dung lượng cho phép (${maxMb} MB).`,
      {
        fileName: error.fileName,
        maxBytes: rules.maxBytes,
      },
    );
  }
  const code = (error as { code?: string }).code;
  if (code === "FST_REQ_FILE_TOO_LARGE") {
    return invalid(rules.codes.tooLarge, `${rules.fileLabel} vượt quá dung lượng cho phép (${maxMb} MB).`, {
      maxBytes: rules.maxBytes,
    });
  }
  if (code === "FST_FILES_LIMIT") {
    return invalid(rules.codes.tooMany, rules.tooManyMessage);
  }
  if (code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT" || code === "FST_PROTO_VIOLATION") {
    return invalid("invalid_request", "Biểu mẫu gửi lên có quá nhiều trường hoặc trường không hợp lệ.");
  }
  if (error instanceof AppError) return error;
  return invalid("invalid_request", "Không đọc được biểu mẫu gửi lên (multipart/form-data).");
}

function parseJsonArray(value: string): unknown[] {
  try {
    const parsed = JSON.parse(value);
    return Array.isArray(parsed) ? parsed : [value];
  } catch {
    return [value];
  }
}
