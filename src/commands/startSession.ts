import { randomBytes } from "node:crypto";
import argon2 from "argon2";
import { eq } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { sessions, users } from "../db/schema/index.ts";
import { AppError } from "../errors.ts";
import { hashToken } from "../lib/sessionToken.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { type LoginInput, loginInput } from "./inputs/startSession.ts";

export { type LoginInput, loginInput };

// Verifying against a real hash when the user does not exist keeps the response time the same,
// so timing does not reveal which usernames exist.
const DUMMY_HASH = argon2.hash("not-a-password", { type: argon2.argon2id });

const badCredentials = () =>
  new AppError("invalid_credentials", 401, "Tên đăng nhập hoặc mật khẩu không đúng.");

/** The account a password was checked against, as `verifyCredentials` found it. */
export interface VerifiedLogin {
  user: { id: string; tenantId: string; username: string } | null;
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
    })
    .from(users)
    .where(eq(users.username, input.username));
  const ok = await argon2.verify(user?.passwordHash ?? (await DUMMY_HASH), input.password);
  return {
    user: user ? { id: user.id, tenantId: user.tenantId, username: user.username } : null,
    ok: !!user && ok && !user.disabled,
  };
}

/**
 * Opens a server-side session for credentials `verifyCredentials` accepted, or records a failed
 * attempt on a known account and refuses. Returns the token for the cookie; only its hash is
 * stored. The session belongs to the user's own tenant.
 */
export async function startSession(
  ctx: Omit<CommandContext, "tenantId">,
  login: VerifiedLogin,
  options: { days: number },
): Promise<{ token: string; expiresAt: Date; userId: string; tenantId: string }> {
  const { user } = login;
  if (!user || !login.ok) {
    if (user) {
      await recordAudit(
        { ...ctx, tenantId: user.tenantId },
        { action: "session.login_failed", entityType: "user", entityId: user.id },
      );
    }
    throw badCredentials();
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + options.days * 86_400_000);
  await ctx.tx.insert(sessions).values({
    tokenHash: hashToken(token),
    tenantId: user.tenantId,
    userId: user.id,
    expiresAt,
    ip: ctx.actor.ip ?? null,
    userAgent: ctx.actor.userAgent ?? null,
  });
  await ctx.tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
  await recordAudit(
    {
      ...ctx,
      tenantId: user.tenantId,
      actor: { ...ctx.actor, userId: user.id, label: `user:${user.username}` },
    },
    { action: "session.login", entityType: "user", entityId: user.id },
  );
  return { token, expiresAt, userId: user.id, tenantId: user.tenantId };
}
