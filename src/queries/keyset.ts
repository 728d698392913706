import type { z } from "zod";

/**
 * Keyset pagination cursors: the sort key of a page's last row, opaque to the client
 * (base64url JSON). A page after a cursor costs the same at any depth, unlike an offset.
 */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** The cursor's values in the expected shape, or null for anything else (a tampered or stale cursor). */
export function decodeCursor<T extends z.ZodType>(after: string | undefined, shape: T): z.infer<T> | null {
  if (!after) return null;
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(after, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const invalidCursorMessage =
  "Con trỏ trang không hợp lệ (có thể do đổi cách sắp xếp); hãy tải lại danh sách từ đầu";
