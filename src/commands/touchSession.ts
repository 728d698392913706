import { and, eq, lt } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { sessions } from "../db/schema/index.ts";

/** At most one write per session per minute keeps the idle clock without a write per request. */
export const TOUCH_INTERVAL_MS = 60_000;

/**
 * Records that a session was used, which restarts its idle timeout. Bookkeeping, not an
 * operation of the user: no audit row.
 */
export async function touchSession(db: Executor, sessionId: string, now = new Date()) {
  await db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(
      and(eq(sessions.id, sessionId), lt(sessions.lastSeenAt, new Date(now.getTime() - TOUCH_INTERVAL_MS))),
    );
}
