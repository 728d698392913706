import { and, eq } from "drizzle-orm";
import { loginThrottles } from "../db/schema/index.ts";
import { afterFailure, type ThrottleKind, throttleRules } from "../domain/loginThrottle.ts";
import { type CommandContext, recordAudit } from "./context.ts";

export interface LoginFailure {
  /** The name typed, whether or not such an account exists; never the password. */
  username: string;
  /** The account, when the name is one. */
  userId: string | null;
  /** Which step failed. */
  factor: "password" | "totp" | "recovery_code";
  now?: Date;
}

/**
 * Counts a failed login against the account name and the client's address, starting or growing
 * their locks (src/domain/loginThrottle.ts), and audits it. The caller runs it in a transaction
 * that commits (it returns, never throws), so the trace of a failure survives the refusal.
 * Returns the seconds of the lock this failure started (0: none).
 * `ctx.tenantId` is the account's province, or the server's when the name is unknown.
 */
export async function recordLoginFailure(ctx: CommandContext, failure: LoginFailure): Promise<number> {
  const now = failure.now ?? new Date();
  const keys: [ThrottleKind, string][] = [["account", failure.username]];
  if (ctx.actor.ip) keys.push(["address", ctx.actor.ip]);
  const locks: { kind: ThrottleKind; failures: number; lockedUntil: string }[] = [];
  for (const [kind, subject] of keys) {
    const next = await countFailure(ctx, kind, subject, now);
    if (next.lockStarted && next.lockedUntil) {
      locks.push({ kind, failures: next.failures, lockedUntil: next.lockedUntil.toISOString() });
    }
  }
  const entity = { entityType: "user", entityId: failure.userId };
  await recordAudit(ctx, {
    action: "session.login_failed",
    ...entity,
    after: { username: failure.username, factor: failure.factor },
  });
  for (const lock of locks) {
    await recordAudit(ctx, {
      action: "session.locked",
      ...entity,
      after: { username: failure.username, ...lock },
    });
  }
  const longest = Math.max(0, ...locks.map((lock) => Date.parse(lock.lockedUntil) - now.getTime()));
  return Math.ceil(longest / 1000);
}

async function countFailure(ctx: CommandContext, kind: ThrottleKind, subject: string, now: Date) {
  // Insert-or-lock first, so that two processes counting the same key at once queue on its row.
  await ctx.tx
    .insert(loginThrottles)
    .values({ kind, subject, failures: 0, lastFailureAt: now })
    .onConflictDoNothing();
  const [row] = await ctx.tx
    .select()
    .from(loginThrottles)
    .where(and(eq(loginThrottles.kind, kind), eq(loginThrottles.subject, subject)))
    .for("update");
  const fresh = row && row.failures === 0 ? null : row;
  const next = afterFailure(fresh ?? null, now, throttleRules[kind]);
  await ctx.tx
    .update(loginThrottles)
    .set({ failures: next.failures, lastFailureAt: next.lastFailureAt, lockedUntil: next.lockedUntil })
    .where(and(eq(loginThrottles.kind, kind), eq(loginThrottles.subject, subject)));
  return next;
}
