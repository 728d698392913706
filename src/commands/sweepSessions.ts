import { and, isNull, lt, or } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { loginChallenges, loginThrottles, sessions } from "../db/schema/index.ts";
import { accountThrottle, addressThrottle } from "../domain/loginThrottle.ts";

/**
 * Deletes what can no longer be used: sessions past their end or idle too long, expired login
 * challenges, and failure counts old enough to be forgotten with no lock running. Housekeeping
 * of rows that already grant nothing, so it writes no audit row (the logins and logouts that
 * made them are audited). Returns how many sessions it removed.
 */
export async function sweepSessions(db: Executor, options: { idleMinutes: number; now?: Date }) {
  const now = options.now ?? new Date();
  const idleSince = new Date(now.getTime() - options.idleMinutes * 60_000);
  const removed = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince)))
    .returning({ id: sessions.id });
  await db.delete(loginChallenges).where(lt(loginChallenges.expiresAt, now));
  const forget = Math.max(accountThrottle.forgetAfterSeconds, addressThrottle.forgetAfterSeconds);
  await db
    .delete(loginThrottles)
    .where(
      and(
        lt(loginThrottles.lastFailureAt, new Date(now.getTime() - forget * 1000)),
        or(lt(loginThrottles.lockedUntil, now), isNull(loginThrottles.lockedUntil)),
      ),
    );
  return removed.length;
}
