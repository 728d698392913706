import { randomBytes } from "node:crypto";
import argon2 from "argon2";
import { and, desc, eq, notInArray } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { loginChallenges, loginThrottles, sessions, users, userTotp } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { LOGIN_CHALLENGE_SECONDS } from "../domain/twoFactor.ts";
import { hashToken } from "../lib/sessionToken.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { type LoginInput, loginInput } from "./inputs/startSession.ts";

export { type LoginInput, loginInput };

// Verifying against a real hash when the user does not exist keeps the response time the same,
// so timing does not reveal which usernames exist.
const DUMMY_HASH = argon2.hash("not-a-password", { type: argon2.argon2id });

/** The account a login names, as the session and its audit rows need it. */
export interface LoginUser {
  id: string;
  tenantId: string;
  username: string;
}

/** The account a password was checked against, as `verifyCredentials` found it. */
export interface VerifiedLogin {
  user: LoginUser | null;
  ok: boolean;
}

/**
 * Checks a password against the stored hash. Runs outside any transaction: argon2 takes tens
 * of milliseconds of CPU by design, and the embedded database has a single connection, so
 * verifying while holding it would make every other request wait behind a burst of logins.
 */
export async function verifyCredentials(db: Executor, input: LoginInput): Promise<VerifiedLogin> {
  const [user] = await db
    .select({
      id: users.id,
      tenantId: users.tenantId,
      username: users.username,
      passwordHash: users.passwordHash,
      disabled: users.disabled,
      deletedAt: users.deletedAt,
    })
    .from(users)
    .where(eq(users.username, input.username));
  const ok = await argon2.verify(user?.passwordHash ?? (await DUMMY_HASH), input.password);
  return {
    user: user ? { id: user.id, tenantId: user.tenantId, username: user.username } : null,
    ok: !!user && ok && !user.disabled && !user.deletedAt,
  };
}

export interface SessionLimits {
  maxHours: number;
  maxPerUser: number;
  now?: Date;
}

const userActor = (ctx: Omit<CommandContext, "tenantId">, user: LoginUser) => ({
  ...ctx,
  tenantId: user.tenantId,
  actor: { ...ctx.actor, userId: user.id, label: `user:${user.username}` },
});

/** Whether the account must pass a TOTP step before its session opens. */
export async function needsSecondFactor(db: Executor, user: LoginUser): Promise<boolean> {
  const [row] = await db
    .select({ enabledAt: userTotp.enabledAt })
    .from(userTotp)
    .where(inTenant(userTotp, user.tenantId, eq(userTotp.userId, user.id)));
  return !!row?.enabledAt;
}

/**
 * The password was right and a TOTP code is due: a short-lived challenge the client sends back
 * with the code. Only its hash is stored.
 */
export async function startLoginChallenge(
  ctx: Omit<CommandContext, "tenantId">,
  user: LoginUser,
  now = new Date(),
): Promise<{ challenge: string }> {
  const challenge = randomBytes(32).toString("base64url");
  await ctx.tx.insert(loginChallenges).values({
    tokenHash: hashToken(challenge),
    tenantId: user.tenantId,
    userId: user.id,
    expiresAt: new Date(now.getTime() + LOGIN_CHALLENGE_SECONDS * 1000),
  });
  await recordAudit(userActor(ctx, user), {
    action: "session.password_accepted",
    entityType: "user",
    entityId: user.id,
    after: { secondFactor: "totp" },
  });
  return { challenge };
}

/**
 * Opens a server-side session for an account whose credentials (and second factor, when it has
 * one) were accepted. Returns the token for the cookie; only its hash is stored. The session ends
 * `maxHours` after login at the latest; beyond `maxPerUser` open sessions the oldest are ended.
 * A successful login clears the account's failed attempts.
 */
export async function startSession(
  ctx: Omit<CommandContext, "tenantId">,
  user: LoginUser,
  limits: SessionLimits,
  method: "password" | "totp" | "recovery_code" = "password",
): Promise<{ token: string; expiresAt: Date; userId: string; tenantId: string }> {
  const now = limits.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + limits.maxHours * 3_600_000);
  await ctx.tx.insert(sessions).values({
    tokenHash: hashToken(token),
    tenantId: user.tenantId,
    userId: user.id,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ip: ctx.actor.ip ?? null,
    userAgent: ctx.actor.userAgent ?? null,
  });
  const ended = await endOldestSessions(ctx, user, limits.maxPerUser);
  await ctx.tx
    .update(users)
    .set({ lastLoginAt: now })
    .where(inTenant(users, user.tenantId, eq(users.id, user.id)));
  await ctx.tx
    .delete(loginThrottles)
    .where(and(eq(loginThrottles.kind, "account"), eq(loginThrottles.subject, user.username)));
  await recordAudit(userActor(ctx, user), {
    action: "session.login",
    entityType: "user",
    entityId: user.id,
    after: { method, ...(ended > 0 ? { endedOldestSessions: ended } : {}) },
  });
  return { token, expiresAt, userId: user.id, tenantId: user.tenantId };
}

/** Ends the user's sessions beyond the newest `keep`; returns how many. */
async function endOldestSessions(ctx: Omit<CommandContext, "tenantId">, user: LoginUser, keep: number) {
  const newest = await ctx.tx
    .select({ id: sessions.id })
    .from(sessions)
    .where(inTenant(sessions, user.tenantId, eq(sessions.userId, user.id)))
    .orderBy(desc(sessions.createdAt), desc(sessions.id))
    .limit(keep);
  const removed = await ctx.tx
    .delete(sessions)
    .where(
      inTenant(
        sessions,
        user.tenantId,
        eq(sessions.userId, user.id),
        notInArray(
          sessions.id,
          newest.map((s) => s.id),
        ),
      ),
    )
    .returning({ id: sessions.id });
  return removed.length;
}
