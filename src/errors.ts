/**
 * An error a user can act on: a stable machine-readable code, an HTTP status, and one sentence
 * in Vietnamese. Any layer may throw one (commands, policies, storage, file writers); the server
 * turns it into JSON and the CLI into its message. Kept at the bottom of the tree so that throwing
 * one never makes a low module depend on the commands.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string) => new AppError("not_found", 404, `Không tìm thấy ${what}.`);

/** The value, or a 404 naming what was looked for ("báo cáo"). */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw notFound(what);
  return value;
}
export const forbidden = (message = "Bạn không có quyền thực hiện thao tác này.") =>
  new AppError("forbidden", 403, message);
export const conflict = (code: string, message: string) => new AppError(code, 409, message);
export const invalid = (code: string, message: string, details?: unknown) =>
  new AppError(code, 400, message, details);

/** True for PostgreSQL's unique_violation, whichever driver reports it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23505") return true;
  }
  return false;
}
