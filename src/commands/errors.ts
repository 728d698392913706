/**
 * An error a user can act on: a stable machine-readable code, an HTTP status, and one sentence
 * in Vietnamese. Commands and policies throw these; the server turns them into JSON.
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
export const forbidden = (message = "Bạn không có quyền thực hiện thao tác này.") =>
  new AppError("forbidden", 403, message);
export const conflict = (code: string, message: string) => new AppError(code, 409, message);
export const invalid = (code: string, message: string, details?: unknown) =>
  new AppError(code, 400, message, details);
