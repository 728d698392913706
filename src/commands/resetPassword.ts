import argon2 from "argon2";
import { eq } from "drizzle-orm";
import { sessions, users } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { passwordProblem } from "../domain/passwordRules.ts";
import { notFound } from "../errors.ts";
import { temporaryPassword } from "../lib/temporaryPassword.ts";
import { type CommandContext, recordAudit } from "./context.ts";

/** A temporary password and its hash, made before the transaction (argon2 is slow by design). */
export interface IssuedPassword {
  password: string;
  hash: string;
}

/** Draws a temporary password that passes the rules for this account, and hashes it. */
export async function issueTemporaryPassword(username: string): Promise<IssuedPassword> {
  let password = temporaryPassword();
  // A random draw that spells the username or a listed word is vanishingly rare; draw again.
  while (passwordProblem(password, { username })) password = temporaryPassword();
  return { password, hash: await argon2.hash(password, { type: argon2.argon2id }) };
}

/**
 * An administrator's reset: the account gets the issued temporary password, which its owner must
 * replace at the next login, and every session of the account ends. Returns the password once;
 * only its hash is kept, and the audit row records neither.
 */
export async function resetPassword(
  ctx: CommandContext,
  userId: string,
  issued: IssuedPassword,
): Promise<{ temporaryPassword: string }> {
  const now = new Date();
  const updated = await ctx.tx
    .update(users)
    .set({ passwordHash: issued.hash, mustChangePassword: true, passwordChangedAt: now, updatedAt: now })
    .where(inTenant(users, ctx.tenantId, eq(users.id, userId)))
    .returning({ id: users.id });
  if (!updated[0]) throw notFound("tài khoản");
  const ended = await ctx.tx
    .delete(sessions)
    .where(inTenant(sessions, ctx.tenantId, eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  await recordAudit(ctx, {
    action: "user.password_reset",
    entityType: "user",
    entityId: userId,
    after: { mustChangePassword: true, sessionsEnded: ended.length },
  });
  return { temporaryPassword: issued.password };
}
