import { createHash, randomBytes } from "node:crypto";
import argon2 from "argon2";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { sessions, users } from "../db/schema/index.ts";
import { type CommandContext, recordAudit } from "./context.ts";
import { AppError } from "./errors.ts";

export const loginInput = z.object({
  username: z.string().trim().toLowerCase().min(1, "Cần nhập tên đăng nhập").max(64),
  password: z.string().min(1, "Cần nhập mật khẩu").max(200),
});
export type LoginInput = z.infer<typeof loginInput>;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

// Verifying against a real hash when the user does not exist keeps the response time the same,
// so timing does not reveal which usernames exist.
const DUMMY_HASH = argon2.hash("not-a-password", { type: argon2.argon2id });

const badCredentials = () =>
  new AppError("invalid_credentials", 401, "Tên đăng nhập hoặc mật khẩu không đúng.");

/**
 * Checks a password and opens a server-side session. Returns the token for the cookie; only its
 * hash is stored. The session belongs to the user's own tenant.
 */
export async function startSession(
  ctx: Omit<CommandContext, "tenantId">,
  input: LoginInput,
  options: { days: number },
): Promise<{ token: string; expiresAt: Date; userId: string; tenantId: string }> {
  const [user] = await ctx.tx.select().from(users).where(eq(users.username, input.username));
  const ok = await argon2.verify(user?.passwordHash ?? (await DUMMY_HASH), input.password);
  if (!user || !ok || user.disabled) {
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
