import type { ExtractionProgress } from "../ingest/progress.ts";
import type { Principal } from "../policies/principal.ts";

/**
 * How far the extraction of an upload has got, kept in memory while the upload's request runs:
 * the page names its upload with a random token, sends the file, and meanwhile asks
 * GET /api/imports/progress/:token. Keyed by province and user as well, so that a token seen by
 * someone else tells them nothing. One server process holds what it is extracting; behind a load
 * balancer the polls must reach the same process (sticky sessions), or they just see no progress.
 */

const entries = new Map<string, { progress: ExtractionProgress; at: number }>();
/** An entry left by a request that never finished (a crash) is dropped after this. */
const STALE_MS = 10 * 60_000;

const keyOf = (principal: Principal, token: string) => `${principal.tenantId}:${principal.userId}:${token}`;

export function reportProgress(principal: Principal, token: string, progress: ExtractionProgress): void {
  const now = Date.now();
  for (const [key, entry] of entries) if (now - entry.at > STALE_MS) entries.delete(key);
  entries.set(keyOf(principal, token), { progress, at: now });
}

export function progressOf(principal: Principal, token: string): ExtractionProgress | null {
  return entries.get(keyOf(principal, token))?.progress ?? null;
}

export function forgetProgress(principal: Principal, token: string): void {
  entries.delete(keyOf(principal, token));
}
