import type { FastifyReply } from "fastify";

const TABLE_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/**
 * Sends a table file (CSV or XLSX) as a download named `<basename>.<format>`. Routes return what
 * this returns: a file goes out as it is, never serialised against the (error) response schemas.
 */
export function sendTableFile(
  reply: FastifyReply,
  body: Buffer | string,
  format: keyof typeof TABLE_TYPES,
  basename: string,
): never {
  reply
    .header("content-type", TABLE_TYPES[format])
    .header("content-disposition", `attachment; filename="${basename}.${format}"`);
  return body as never;
}
