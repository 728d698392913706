/** An error from the API: a stable code and a Vietnamese message to show to the user. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const NETWORK_MESSAGE = "Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.";
const UNEXPECTED_MESSAGE = "Máy chủ gặp sự cố, vui lòng thử lại sau.";

type Query = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Calls the API with the session cookie; throws ApiError (with a Vietnamese message) on failure.
 * A FormData body is sent as multipart/form-data (uploads); anything else as JSON.
 */
export async function api<T>(
  path: string,
  options: { method?: Method; body?: unknown; query?: Query; signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response;
  const form = options.body instanceof FormData;
  try {
    response = await fetch(withQuery(path, options.query), {
      method: options.method ?? "GET",
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        ...(options.body !== undefined && !form ? { "content-type": "application/json" } : {}),
      },
      body: form
        ? (options.body as FormData)
        : options.body !== undefined
          ? JSON.stringify(options.body)
          : undefined,
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, "network_error", NETWORK_MESSAGE);
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const err = (body ?? {}) as { code?: unknown; message?: unknown };
    throw new ApiError(
      response.status,
      typeof err.code === "string" ? err.code : `http_${response.status}`,
      typeof err.message === "string" && err.message ? err.message : UNEXPECTED_MESSAGE,
    );
  }
  return body as T;
}

/** The message to show for any error thrown while talking to the API. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return UNEXPECTED_MESSAGE;
}

/** A 409: someone else changed the thing first (already reviewed, already committed…). */
export const isConflict = (error: unknown) => error instanceof ApiError && error.status === 409;

export const isUnauthorized = (error: unknown) => error instanceof ApiError && error.status === 401;

/** The server's refusal of anything but a password change until an issued password is replaced. */
export const isPasswordChangeRequired = (error: unknown) =>
  error instanceof ApiError && error.code === "password_change_required";
