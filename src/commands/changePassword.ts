import argon2 from "argon2";
import { and, eq, ne } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { sessions, users } from "../db/schema/index.ts";
import { inTenant } from "../db/tenancy.ts";
import { AppError, conflict, invalid, notFound } from "../errors.ts";
import { hashToken } from "../lib/sessionToken.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { type ChangePasswordInput, changePasswordInputFor } from "./inputs/changePassword.ts";

export { type ChangePasswordInput, changePasswordInput } from "./inputs/changePassword.ts";

/** What the slow half of a change found: the hash it checked against and the new one. */
export interface VerifiedPasswordChange {
  userId: string;
  previousHash: string;
  newHash: string;
}

/**
 * Checks the current password and the new one's rules, and hashes the new one. Runs outside the
 * transaction, like verifyCredentials: argon2 takes tens of milliseconds of CPU by design and
 * must not hold the embedded database's single connection meanwhile.
 */
export async function verifyPasswordChange(
  db: Executor,
  account: { tenantId: string; userId: string },
  raw: ChangePasswordInput,
): Promise<VerifiedPasswordChange> {
  const [user] = await db
    .select({ username: users.username, passwordHash: users.passwordHash })
    .from(users)
    .where(inTenant(users, account.tenantId, eq(users.id, account.userId)));
  if (!user) throw notFound("tài khoản");
  // With the username: the body does not carry it, the account does.
  const parsed = changePasswordInputFor(user.username).safeParse(raw);
  if (!parsed.success) {
    throw invalid("weak_password", `${parsed.error.issues[0]?.message ?? "Mật khẩu mới không dùng được"}.`);
  }
  if (!(await argon2.verify(user.passwordHash, parsed.data.currentPassword))) {
    throw new AppError("current_password_incorrect", 400, "Mật khẩu hiện tại không đúng.");
  }
  const newHash = await argon2.hash(parsed.data.newPassword, { type: argon2.argon2id });
  return { userId: account.userId, previousHash: user.passwordHash, newHash };
}

/**
 * Sets the password `verifyPasswordChange` accepted, lifts the duty to change an issued one and
 * ends every other session of the account (a thief's included); the one asking stays signed in.
 */
export async function changePassword(
  ctx: CommandContext,
  verified: VerifiedPasswordChange,
  currentSessionToken: string | undefined,
): Promise<{ sessionsEnded: number }> {
  const now = new Date();
  const updated = await ctx.tx
    .update(users)
    .set({
      passwordHash: verified.newHash,
      mustChangePassword: false,
      passwordChangedAt: now,
      updatedAt: now,
    })
    .where(
      inTenant(
        users,
        ctx.tenantId,
        eq(users.id, verified.userId),
        // Changed or reset since it was checked: the check no longer holds.
        eq(users.passwordHash, verified.previousHash),
      ),
    )
    .returning({ id: users.id });
  if (!updated[0]) {
    throw conflict("password_changed_meanwhile", "Mật khẩu vừa được thay đổi ở nơi khác. Vui lòng thử lại.");
  }
  const ended = await ctx.tx
    .delete(sessions)
    .where(
      and(
        inTenant(sessions, ctx.tenantId, eq(sessions.userId, verified.userId)),
        currentSessionToken ? ne(sessions.tokenHash, hashToken(currentSessionToken)) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  await recordAudit(ctx, {
    action: "user.password_change",
    entityType: "user",
    entityId: verified.userId,
    after: { mustChangePassword: false, sessionsEnded: ended.length },
  });
  return { sessionsEnded: ended.length };
}
